/**
 * The school results as published, in columns: what discloseResults (disclosure.ts) lets
 * out, one entry per metrics row in its order. Nationally there are 7.7 million rows; as
 * objects they took ~280 bytes each (2.1 GB) for the whole site model, here ~50 bytes beside
 * the id and label columns the metrics already hold. A row is made as an object only when
 * one is read (`row`), and is garbage soon after.
 *
 * A hidden value is NaN in its column with its state 'suppressed', so no number is left to
 * read; a share published only as its band («не менее 95 %») is NaN too, with its band in
 * `coded`.
 */
import { STATE_CODE, VALUE_STATES } from '../model/types.ts';
import { MEASURES, STATE_OF, type Measure, type ResultKeys, type SchoolResultRow, type Share } from './results.ts';
import { valueOrNull } from './table.ts';

/** A published row: the metrics' row without its grade counts and derivation, plus disclosure. */
export type PublishedResultRow = Omit<SchoolResultRow, 'g2' | 'g3' | 'g4' | 'g5' | 'derived'> & {
  reliable: boolean;
  /** Why we hid it (too few participants); null when we did not. */
  suppressed_reason: string | null;
  /** Shares published only as a band: the band's text, and no number. */
  coded?: Partial<Record<Share, string>>;
};

export class PublishedResults implements Iterable<PublishedResultRow> {
  readonly length: number;
  readonly school_id: ReadonlyArray<string>;
  readonly year: ReadonlyArray<number>;
  readonly exam: ReadonlyArray<string>;
  readonly subject: ReadonlyArray<string>;
  readonly grade: ReadonlyArray<string | null>;
  /** NaN where there is no number (missing, suppressed, or a band). */
  readonly n: Float64Array;
  readonly nState: Uint8Array;
  readonly value: Readonly<Record<Measure, Float64Array>>;
  /** STATE_CODE of each measure: a coded share keeps 'value' (it is published, as its band). */
  readonly state: Readonly<Record<Measure, Uint8Array>>;
  readonly reliable: Uint8Array;
  /** Bands of coded shares, by row. */
  readonly coded = new Map<number, Partial<Record<Share, string>>>();
  /** Index into `reasons` + 1; 0 for none. */
  private readonly reasonCode: Uint8Array;
  private readonly reasons: string[] = [];

  constructor(from: ResultKeys) {
    const len = from.length;
    this.length = len;
    this.school_id = from.school_id;
    this.year = from.year;
    this.exam = from.exam;
    this.subject = from.subject;
    this.grade = from.grade;
    this.n = new Float64Array(len);
    this.nState = new Uint8Array(len);
    this.value = Object.fromEntries(MEASURES.map((m) => [m, new Float64Array(len)])) as Record<Measure, Float64Array>;
    this.state = Object.fromEntries(MEASURES.map((m) => [m, new Uint8Array(len)])) as Record<Measure, Uint8Array>;
    this.reliable = new Uint8Array(len);
    this.reasonCode = new Uint8Array(len);
  }

  /** Row i as disclosed: a coded share loses its number here, its band is kept. */
  set(i: number, r: Omit<PublishedResultRow, 'school_id' | 'year' | 'exam' | 'subject' | 'grade'>): void {
    this.n[i] = r.n ?? NaN;
    this.nState[i] = STATE_CODE[r.n_state];
    for (const m of MEASURES) {
      const coded = m !== 'mean' && r.coded?.[m as Share] !== undefined;
      this.value[m][i] = coded ? NaN : (r[m] ?? NaN);
      this.state[m][i] = STATE_CODE[r[STATE_OF[m]]];
    }
    this.reliable[i] = r.reliable ? 1 : 0;
    this.setReason(i, r.suppressed_reason);
    if (r.coded) this.coded.set(i, r.coded);
    else this.coded.delete(i);
  }

  /** Why row i was hidden by us (null: it was not). */
  setReason(i: number, reason: string | null): void {
    this.reasonCode[i] = reason === null ? 0 : this.reasonIndex(reason) + 1;
  }

  /** A small group's size is hidden too: «скрыто: менее 10 участников» says enough. */
  hideSize(i: number): void {
    this.n[i] = NaN;
    this.nState[i] = STATE_CODE.suppressed;
  }

  reason(i: number): string | null {
    const c = this.reasonCode[i];
    return c === 0 ? null : this.reasons[c - 1];
  }

  /** Whether measure m of row i is shown as a number (published, and not only as a band). */
  shownAsNumber(i: number, m: Measure): boolean {
    return this.state[m][i] === STATE_CODE.value && this.value[m][i] === this.value[m][i];
  }

  row(i: number): PublishedResultRow {
    const { value: v, state: s } = this;
    const r: PublishedResultRow = {
      school_id: this.school_id[i],
      year: this.year[i],
      exam: this.exam[i],
      subject: this.subject[i],
      grade: this.grade[i],
      n: valueOrNull(this.n[i]),
      n_state: VALUE_STATES[this.nState[i]],
      mean: valueOrNull(v.mean[i]),
      mean_state: VALUE_STATES[s.mean[i]],
      share_below: valueOrNull(v.share_below[i]),
      share_below_state: VALUE_STATES[s.share_below[i]],
      share_good: valueOrNull(v.share_good[i]),
      share_good_state: VALUE_STATES[s.share_good[i]],
      share_high: valueOrNull(v.share_high[i]),
      share_high_state: VALUE_STATES[s.share_high[i]],
      reliable: this.reliable[i] === 1,
      suppressed_reason: this.reason(i),
    };
    const coded = this.coded.get(i);
    if (coded) r.coded = coded;
    return r;
  }

  *[Symbol.iterator](): Iterator<PublishedResultRow> {
    for (let i = 0; i < this.length; i++) yield this.row(i);
  }

  private reasonIndex(reason: string): number {
    const k = this.reasons.indexOf(reason);
    if (k >= 0) return k;
    if (this.reasons.length === 255) throw new Error('more than 255 different reasons to hide a result');
    return this.reasons.push(reason) - 1;
  }
}
