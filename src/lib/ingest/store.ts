/**
 * Typed, column-oriented storage for the rows of one kind while a dataset is read.
 *
 * Numbers live in Float64Array chunks (NaN = null) with a Uint8Array state code, years in
 * Float64Array, text as Int32 codes into one dataset-wide string table (-1 = null). Chunks
 * of a fixed size grow without copying. Plain arrays are built once, at the very end.
 */
import { KIND_SPECS, type FileKind, type ValueState } from '../model/types.ts';

export const STATES: readonly ValueState[] = ['value', 'missing', 'suppressed', 'na'];
export const STATE_CODE: Record<ValueState, number> = { value: 0, missing: 1, suppressed: 2, na: 3 };

const SHIFT = 16;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

/** Dataset-wide string table. */
export class Interner {
  map = new Map<string, number>();
  list: string[] = [];
  code(s: string): number {
    let c = this.map.get(s);
    if (c === undefined) {
      c = this.list.length;
      this.list.push(s);
      this.map.set(s, c);
    }
    return c;
  }
}

type TypedCtor<T> = { new (n: number): T };

class Chunked<T extends Float64Array | Int32Array | Uint8Array> {
  chunks: T[] = [];
  private readonly ctor: TypedCtor<T>;
  constructor(ctor: TypedCtor<T>) {
    this.ctor = ctor;
  }
  ensure(n: number): void {
    while (this.chunks.length * CHUNK < n) this.chunks.push(new this.ctor(CHUNK));
  }
  get(i: number): number {
    return this.chunks[i >>> SHIFT][i & MASK];
  }
  set(i: number, v: number): void {
    this.chunks[i >>> SHIFT][i & MASK] = v;
  }
}

export type FieldType = 'num' | 'year' | 'text';

export class KindStore {
  readonly kind: FileKind;
  readonly fields: string[];
  readonly types: FieldType[];
  /** Per field: values (num, year: Float64; text: Int32 codes). */
  readonly data: Array<Chunked<Float64Array> | Chunked<Int32Array>>;
  /** Per field: state codes (num only). */
  readonly state: Array<Chunked<Uint8Array> | undefined>;
  readonly source = new Chunked(Int32Array);
  readonly line = new Chunked(Int32Array);
  /** Index into `colsTable`: where each field of the row came from (1-based columns). */
  readonly colsId = new Chunked(Int32Array);
  n = 0;

  constructor(kind: FileKind) {
    this.kind = kind;
    const spec = KIND_SPECS[kind];
    this.fields = [...spec.required, ...spec.optional];
    this.types = this.fields.map((f) => (spec.numeric.includes(f) ? 'num' : spec.years.includes(f) ? 'year' : 'text'));
    this.data = this.types.map((t) => (t === 'text' ? new Chunked(Int32Array) : new Chunked(Float64Array)));
    this.state = this.types.map((t) => (t === 'num' ? new Chunked(Uint8Array) : undefined));
  }

  /** Make room for row `n` (the next row) and return its index. */
  next(): number {
    const i = this.n;
    if ((i & MASK) === 0) {
      const need = i + 1;
      for (const d of this.data) d.ensure(need);
      for (const s of this.state) s?.ensure(need);
      this.source.ensure(need);
      this.line.ensure(need);
      this.colsId.ensure(need);
    }
    return i;
  }

  /** Release the storage of field k (after it was converted). */
  release(k: number): void {
    this.data[k].chunks = [];
    const s = this.state[k];
    if (s) s.chunks = [];
  }
}

/** The value of field k in row i as the plain tables hold it. */
export function cellOf(st: KindStore, strings: string[], k: number, i: number): string | number | null {
  const v = st.data[k].get(i);
  if (st.types[k] === 'text') return v < 0 ? null : strings[v];
  return v !== v ? null : v;
}
