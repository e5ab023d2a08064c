/**
 * The schools' indicators (the long `indicators` table) by indicator and year, as one
 * typed column per indicator × year with a slot per school.
 *
 * At national scale the table has 7.6 million rows; nested maps (indicator → year →
 * school → value) took 7 s and 350 MB to build, and every index and rule read them one
 * school at a time. A column per indicator × year is a few tens of MB, and a school's
 * value is one array read at its slot.
 *
 * The order in which schools first got a value is kept: means and deviations are summed
 * in that order, so that a figure does not move in its last digit with the storage.
 */
import type { Columns, LongColumns } from '../model/types.ts';
import { intCol, numCol, rowCount, strCol } from './table.ts';

/** One indicator in one year: a value per school slot (NaN where the school has none). */
export interface IndicatorYear {
  readonly value: Float64Array;
  /** Slots holding a value, in the order their rows came. */
  readonly order: readonly number[];
}

export class IndicatorLookup {
  /** School id → its slot in every column. */
  readonly slot = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly columns = new Map<string, Map<number, { value: Float64Array; order: number[] }>>();

  /**
   * `schools` (optional): the schools table, whose head count (`students`) stands in for a
   * missing `students` indicator in every year the indicators cover.
   */
  constructor(indicators: LongColumns, schools?: Columns) {
    const id = strCol(indicators, 'school_id');
    const ind = strCol(indicators, 'indicator');
    const year = intCol(indicators, 'year');
    const val = numCol(indicators, 'value');
    const sid = schools ? strCol(schools, 'school_id') : [];
    for (const s of sid) if (s !== null) this.slotOf(s);
    // Rows of one school come together: the previous row's slot is reused without a lookup.
    const rowSlot = new Int32Array(rowCount(indicators));
    let last: string | null = null;
    let lastSlot = -1;
    for (let i = 0; i < rowSlot.length; i++) {
      const s = id[i];
      if (s !== last) {
        last = s;
        lastSlot = s === null ? -1 : this.slotOf(s);
      }
      rowSlot[i] = lastSlot;
    }
    for (let i = 0; i < rowSlot.length; i++) {
      if (rowSlot[i] < 0 || ind[i] === null || year[i] === null || Number.isNaN(val.v[i])) continue;
      this.put(ind[i]!, year[i]!, rowSlot[i], val.v[i]);
    }
    if (schools) {
      const st = numCol(schools, 'students');
      for (const y of this.years()) {
        for (let i = 0; i < sid.length; i++) {
          if (sid[i] === null || Number.isNaN(st.v[i])) continue;
          const slot = this.slot.get(sid[i]!)!;
          if (this.at('students', y, slot) === undefined) this.put('students', y, slot, st.v[i]);
        }
      }
    }
  }

  /** The years any indicator has a value in. */
  years(): Set<number> {
    const out = new Set<number>();
    for (const byYear of this.columns.values()) for (const y of byYear.keys()) out.add(y);
    return out;
  }

  /** One indicator in one year, or undefined when no school has it. */
  column(indicator: string, year: number): IndicatorYear | undefined {
    return this.columns.get(indicator)?.get(year);
  }

  /** A school's value (by its slot; see `slot`), or undefined. */
  at(indicator: string, year: number, slot: number | undefined): number | undefined {
    if (slot === undefined) return undefined;
    const v = this.columns.get(indicator)?.get(year)?.value[slot];
    return v === undefined || v !== v ? undefined : v;
  }

  /** A school's value by its id, or undefined. */
  get(indicator: string, year: number, school: string): number | undefined {
    return this.at(indicator, year, this.slot.get(school));
  }

  /** One indicator in one year as school → value, in the order the values came. */
  toMap(indicator: string, year: number): Map<string, number> {
    const c = this.column(indicator, year);
    const out = new Map<string, number>();
    if (c) for (const slot of c.order) out.set(this.ids[slot], c.value[slot]);
    return out;
  }

  private slotOf(school: string): number {
    let s = this.slot.get(school);
    if (s === undefined) {
      s = this.ids.length;
      this.slot.set(school, s);
      this.ids.push(school);
    }
    return s;
  }

  private put(indicator: string, year: number, slot: number, v: number): void {
    let byYear = this.columns.get(indicator);
    if (!byYear) this.columns.set(indicator, (byYear = new Map()));
    let c = byYear.get(year);
    if (!c) byYear.set(year, (c = { value: new Float64Array(this.ids.length).fill(NaN), order: [] }));
    // A repeated row keeps its school's place and takes the later value (as a Map would).
    if (c.value[slot] !== c.value[slot]) c.order.push(slot);
    c.value[slot] = v;
  }
}
