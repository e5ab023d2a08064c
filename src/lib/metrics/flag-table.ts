/**
 * The identification rules' rows as columns: one row per school × year × applying rule
 * (flags.ts). Nationally that is 4.4 million rows; as objects they held ~150 bytes each
 * through the metrics and the whole site model, as columns 33.
 *
 * A row's school is a slot in `schoolIds`, its rule a position in RULES (its flag follows
 * from the rule), a missing number is NaN and `fired` is 1, 0 or −1 for «нет данных».
 * `row(i)` makes the object a page or a download reads, one at a time.
 */
import type { FlagId } from '../model/config.ts';
import { RULES } from './rules.ts';

export interface FlagRow {
  school_id: string;
  year: number;
  flag: FlagId;
  rule: string;
  value: number | null;
  threshold: number | null;
  fired: boolean | null;
  distance: number | null;
  note: string | null;
}

/** A published rule's row: a value that would give back a share published only as a band is dropped. */
export type PublishedFlagRow = FlagRow & {
  /** The value exists but rests on a share published only as a band. */
  value_hidden?: boolean;
};

/** Each rule's position in RULES, the code a row stores. */
export const RULE_CODE: ReadonlyMap<string, number> = new Map(RULES.map((r, i) => [r.id, i]));

const nullIfNaN = (v: number) => (v === v ? v : null);

interface FlagColumns {
  school: Uint32Array;
  year: Int32Array;
  rule: Uint8Array;
  value: Float64Array;
  threshold: Float64Array;
  fired: Int8Array;
  distance: Float64Array;
  hidden: Uint8Array | null;
}

export class FlagTable implements Iterable<PublishedFlagRow> {
  length: number;
  readonly school: Uint32Array;
  readonly year: Int32Array;
  readonly rule: Uint8Array;
  readonly value: Float64Array;
  readonly threshold: Float64Array;
  /** 1 fired, 0 did not, −1 could not be checked. */
  readonly fired: Int8Array;
  readonly distance: Float64Array;
  /** Set by the publication boundary: the row's value rests on a share shown only as a band. */
  readonly hidden: Uint8Array | null;

  readonly schoolIds: readonly string[];
  /** The note of a row that could not be checked, in the site's language. */
  readonly noData: string;

  private constructor(schoolIds: readonly string[], noData: string, c: FlagColumns, length: number) {
    this.schoolIds = schoolIds;
    this.noData = noData;
    this.length = length;
    this.school = c.school;
    this.year = c.year;
    this.rule = c.rule;
    this.value = c.value;
    this.threshold = c.threshold;
    this.fired = c.fired;
    this.distance = c.distance;
    this.hidden = c.hidden;
  }

  /**
   * An empty table of `capacity` rows at most (the rules know it exactly: schools × years ×
   * applying rules). `noData` is the note of a row that could not be checked.
   */
  static withCapacity(schoolIds: readonly string[], capacity: number, noData: string): FlagTable {
    const columns: FlagColumns = {
      school: new Uint32Array(capacity),
      year: new Int32Array(capacity),
      rule: new Uint8Array(capacity),
      value: new Float64Array(capacity),
      threshold: new Float64Array(capacity),
      fired: new Int8Array(capacity),
      distance: new Float64Array(capacity),
      hidden: null,
    };
    return new FlagTable(schoolIds, noData, columns, 0);
  }

  /** A table of the given rows, in their order (tests, and small tables made by hand). */
  static fromRows(rows: readonly Omit<FlagRow, 'flag' | 'note'>[], noData = ''): FlagTable {
    const ids = [...new Set(rows.map((r) => r.school_id))];
    const slot = new Map(ids.map((id, i) => [id, i]));
    const t = FlagTable.withCapacity(ids, rows.length, noData);
    for (const r of rows) {
      const rule = RULE_CODE.get(r.rule);
      if (rule === undefined) throw new Error(`FlagTable: no rule «${r.rule}»`);
      t.push(slot.get(r.school_id)!, r.year, rule, r.value, r.threshold, r.fired, r.distance);
    }
    return t;
  }

  push(slot: number, year: number, rule: number, value: number | null, threshold: number | null, fired: boolean | null, distance: number | null): void {
    const i = this.length++;
    if (i >= this.school.length) throw new Error(`FlagTable: more than ${this.school.length} rows`);
    this.school[i] = slot;
    this.year[i] = year;
    this.rule[i] = rule;
    this.value[i] = value ?? NaN;
    this.threshold[i] = threshold ?? NaN;
    this.fired[i] = fired === true ? 1 : fired === false ? 0 : -1;
    this.distance[i] = distance ?? NaN;
  }

  schoolId(i: number): string {
    return this.schoolIds[this.school[i]];
  }

  flag(i: number): FlagId {
    return RULES[this.rule[i]].flag;
  }

  /**
   * A copy in which the given rows' value and distance are gone (NaN, marked hidden); the
   * other columns are shared, so the metrics' own table is left as it was.
   */
  withValuesHidden(rows: Iterable<number>): FlagTable {
    const value = this.value.slice(0, this.length);
    const distance = this.distance.slice(0, this.length);
    const hidden = new Uint8Array(this.length);
    for (const i of rows) {
      value[i] = NaN;
      distance[i] = NaN;
      hidden[i] = 1;
    }
    const { school, year, rule, threshold, fired } = this;
    return new FlagTable(this.schoolIds, this.noData, { school, year, rule, value, threshold, fired, distance, hidden }, this.length);
  }

  row(i: number): PublishedFlagRow {
    const fired = this.fired[i] === 1 ? true : this.fired[i] === 0 ? false : null;
    const row: PublishedFlagRow = {
      school_id: this.schoolIds[this.school[i]],
      year: this.year[i],
      flag: RULES[this.rule[i]].flag,
      rule: RULES[this.rule[i]].id,
      value: nullIfNaN(this.value[i]),
      threshold: nullIfNaN(this.threshold[i]),
      fired,
      distance: nullIfNaN(this.distance[i]),
      note: fired === null ? this.noData : null,
    };
    if (this.hidden?.[i]) row.value_hidden = true;
    return row;
  }

  *[Symbol.iterator](): Iterator<PublishedFlagRow> {
    for (let i = 0; i < this.length; i++) yield this.row(i);
  }

  /** Every row as an object (tests and small tables; a page reads `row`). */
  rows(): PublishedFlagRow[] {
    return Array.from(this);
  }
}
