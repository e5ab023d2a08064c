/**
 * Typed, column-oriented storage for the rows of one kind while a dataset is read.
 *
 * Numbers live in Float64Array chunks (NaN = null) with a Uint8Array state code, years in
 * Float64Array, text as Int32 codes into one dataset-wide string table (-1 = null). Chunks
 * of a fixed size grow without copying. Plain arrays are built once, at the very end.
 */
import { KIND_SPECS, type FileKind } from '../model/types.ts';

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

export class Chunked<T extends Float64Array | Int32Array | Uint8Array> {
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
  /** The values at the given rows, in their order, into `out` (no call per cell). */
  gather<O extends Float64Array | Int32Array | Uint8Array>(rows: Int32Array, out: O): O {
    const chunks = this.chunks;
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r];
      out[r] = chunks[i >>> SHIFT][i & MASK];
    }
    return out;
  }
  /**
   * Each of the first `n` values folded into its row's hash by `mix`, chunk by chunk: one
   * sequential pass per column instead of a `get` per cell (a call that sees both kinds of
   * chunk, float and int, cannot be inlined; nationally 77 million of them).
   */
  mixInto(hashes: Int32Array, n: number, mix: (h: number, v: number) => number): void {
    for (let c = 0, base = 0; base < n; c++, base += CHUNK) {
      const chunk = this.chunks[c];
      const end = Math.min(CHUNK, n - base);
      for (let j = 0; j < end; j++) hashes[base + j] = mix(hashes[base + j], chunk[j]);
    }
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

/**
 * A store's rows as plain typed chunks, to hand from a reading worker to the main thread
 * (the chunks' buffers are transferred, not copied). Text cells are codes into the
 * worker's own string table; colsId into its own column records.
 */
export interface StorePart {
  kind: FileKind;
  n: number;
  data: Array<Float64Array[] | Int32Array[]>;
  state: Array<Uint8Array[] | undefined>;
  source: Int32Array[];
  line: Int32Array[];
  colsId: Int32Array[];
}

export function detach(st: KindStore): { part: StorePart; buffers: ArrayBuffer[] } {
  const part: StorePart = {
    kind: st.kind,
    n: st.n,
    data: st.data.map((d) => d.chunks) as StorePart['data'],
    state: st.state.map((s) => s?.chunks),
    source: st.source.chunks,
    line: st.line.chunks,
    colsId: st.colsId.chunks,
  };
  const chunks: ArrayBufferView[] = [...part.data.flat(), ...part.state.flatMap((c) => c ?? []), ...part.source, ...part.line, ...part.colsId];
  return { part, buffers: chunks.map((c) => c.buffer as ArrayBuffer) };
}

/** Copy rows [0, n) of chunked `from` after row `at` of chunked `to` (which has room). */
function copyRows<T extends Float64Array | Int32Array | Uint8Array>(to: Chunked<T>, from: T[], at: number, n: number): void {
  let r = 0;
  while (r < n) {
    const p = at + r;
    const dOff = p & MASK;
    const sOff = r & MASK;
    const len = Math.min(CHUNK - dOff, CHUNK - sOff, n - r);
    to.chunks[p >>> SHIFT].set(from[r >>> SHIFT].subarray(sOff, sOff + len) as never, dOff);
    r += len;
  }
}

/**
 * Append a worker's rows to this store, in their order: text codes translated through
 * `textCode` (worker code → code here), column records shifted by `colsOffset`.
 */
export function appendPart(st: KindStore, part: StorePart, textCode: Int32Array, colsOffset: number): void {
  if (part.kind !== st.kind || part.n === 0) return;
  const at = st.n;
  const need = at + part.n;
  // The first rows of a kind: the part's chunks (the same fixed size) become the store's.
  const adopt = at === 0 && st.source.chunks.length === 0;
  const place = <T extends Float64Array | Int32Array | Uint8Array>(to: Chunked<T>, from: T[]) => (adopt ? (to.chunks = from) : copyRows(to, from, at, part.n));
  if (!adopt) {
    for (const d of st.data) d.ensure(need);
    for (const s of st.state) s?.ensure(need);
    st.source.ensure(need);
    st.line.ensure(need);
    st.colsId.ensure(need);
  }
  /** Rows used in chunk i of the part (its last chunk is partly empty). */
  const used = (i: number) => Math.min(CHUNK, part.n - i * CHUNK);
  for (let k = 0; k < st.fields.length; k++) {
    if (st.types[k] === 'text') {
      const chunks = part.data[k] as Int32Array[];
      chunks.forEach((c, i) => {
        for (let j = 0, m = used(i); j < m; j++) if (c[j] >= 0) c[j] = textCode[c[j]];
      });
      place(st.data[k] as Chunked<Int32Array>, chunks);
    } else place(st.data[k] as Chunked<Float64Array>, part.data[k] as Float64Array[]);
    const s = st.state[k];
    if (s) place(s, part.state[k]!);
  }
  part.colsId.forEach((c, i) => {
    for (let j = 0, m = used(i); j < m; j++) c[j] += colsOffset;
  });
  place(st.source, part.source);
  place(st.line, part.line);
  place(st.colsId, part.colsId);
  st.n = need;
}
