/**
 * The context indices (social, staffing, resources) as columns: per index and year, the
 * index of each school and the z-score and raw value of each component, as typed arrays.
 * Nationally that is 1.2 million school × year × index rows; as objects each held three
 * more objects (components, raw values, weights) through the metrics and the site model.
 *
 * A slice's `value` and `used` are by position in `schoolIds`; its components' columns are
 * by the indicator lookup's slot (school-indicators.ts), as the lookup gives them.
 * `row` makes the object a page reads, for one school at a time.
 */
import type { IndicatorLookup } from './school-indicators.ts';
export type IndexId = 'social' | 'staffing' | 'resources';

export interface IndexRow {
  school_id: string;
  year: number;
  index: IndexId;
  value: number | null;
  /** Signed z-score of each component (higher = better), null when missing. */
  components: Record<string, number | null>;
  /** Each component as the dataset gives it (its own unit), null when missing. */
  raw: Record<string, number | null>;
  weights: Record<string, number>;
  /** Components that entered the value, and how many it needs (INDEX_MIN_COVERAGE). */
  used: number;
  needed: number;
}

export interface IndexSlice {
  index: IndexId;
  year: number;
  /** The components of the index, in the model's order. */
  components: readonly string[];
  weights: Record<string, number>;
  /** Components an index needs (INDEX_MIN_COVERAGE). */
  needed: number;
  /** By position in `schoolIds`: the index (NaN: not computed) and how many components entered it. */
  value: Float64Array;
  used: Uint8Array;
  /** Per component, by lookup slot: its signed z-score and its value as given (NaN: none); null when no school has it that year. */
  z: (Float64Array | null)[];
  raw: (Float64Array | null)[];
}

const orNull = (v: number | undefined) => (v === undefined || v !== v ? null : v);

export class IndexTable {
  readonly schoolIds: readonly string[];
  /** Lookup slot of each school position (−1: the school has no indicator at all). */
  readonly slots: Int32Array;
  /** In the order they were computed: by year, then social, staffing, resources. */
  readonly slices: IndexSlice[] = [];
  private readonly position: Map<string, number>;

  constructor(schoolIds: readonly string[], slots: Int32Array) {
    this.schoolIds = schoolIds;
    this.slots = slots;
    this.position = new Map(schoolIds.map((s, i) => [s, i]));
  }

  /** An empty table for these schools, each at its slot in the indicator lookup. */
  static forLookup(schoolIds: readonly string[], lookup: IndicatorLookup): IndexTable {
    return new IndexTable(schoolIds, Int32Array.from(schoolIds, (s) => lookup.slot.get(s) ?? -1));
  }

  /** Rows: schools × slices. */
  get length(): number {
    return this.schoolIds.length * this.slices.length;
  }

  private last: IndexSlice | undefined;
  private slice(index: IndexId, year: number): IndexSlice | undefined {
    // Readers ask for one index and year many times in a row (a year's context rows).
    if (this.last?.index === index && this.last.year === year) return this.last;
    const found = this.slices.find((s) => s.index === index && s.year === year);
    if (found) this.last = found;
    return found;
  }

  /** A school's index in a year; null when it was not computed or the school is unknown. */
  value(index: IndexId, year: number, schoolId: string): number | null {
    const pos = this.position.get(schoolId);
    const s = this.slice(index, year);
    return pos === undefined || !s ? null : orNull(s.value[pos]);
  }

  /** Every school's index in a year, where it was computed, in school order. */
  values(index: IndexId, year: number): Map<string, number> {
    const out = new Map<string, number>();
    const s = this.slice(index, year);
    if (s) for (let i = 0; i < this.schoolIds.length; i++) if (s.value[i] === s.value[i]) out.set(this.schoolIds[i], s.value[i]);
    return out;
  }

  /** The years in which some school has the index. */
  yearsWith(index: IndexId): number[] {
    return this.slices.filter((s) => s.index === index && s.value.some((v) => v === v)).map((s) => s.year).sort((a, b) => a - b);
  }

  /** The components some school has a z-score for, in some year. */
  presentComponents(): Set<string> {
    const out = new Set<string>();
    for (const s of this.slices) {
      s.components.forEach((c, j) => {
        const z = s.z[j];
        if (!z || out.has(c)) return;
        for (let i = 0; i < this.slots.length; i++) if (this.slots[i] >= 0 && z[this.slots[i]] === z[this.slots[i]]) return void out.add(c);
      });
    }
    return out;
  }

  row(slice: IndexSlice, pos: number): IndexRow {
    const slot = this.slots[pos];
    const components: Record<string, number | null> = {};
    const raw: Record<string, number | null> = {};
    slice.components.forEach((c, j) => {
      components[c] = slot < 0 ? null : orNull(slice.z[j]?.[slot]);
      raw[c] = slot < 0 ? null : orNull(slice.raw[j]?.[slot]);
    });
    return { school_id: this.schoolIds[pos], year: slice.year, index: slice.index, value: orNull(slice.value[pos]), components, raw, weights: slice.weights, used: slice.used[pos], needed: slice.needed };
  }

  /** One school's rows, by year and index (a school page reads them). */
  forSchool(schoolId: string): IndexRow[] {
    const pos = this.position.get(schoolId);
    return pos === undefined ? [] : this.slices.map((s) => this.row(s, pos));
  }

  /** Every row, slice by slice (tests and small tables). */
  rows(): IndexRow[] {
    return this.slices.flatMap((s) => this.schoolIds.map((_, pos) => this.row(s, pos)));
  }
}
