/**
 * Small helpers over the column-oriented canonical tables (model/types.ts).
 * The metrics read columns directly instead of building one object per row: at six
 * million result rows that is the difference between seconds and minutes.
 */
import { STATE_CODE, VALUE_STATES, type Columns, type LongColumns, type ValueState } from '../model/types.ts';

export function rowCount(t: LongColumns): number {
  for (const k in t) return t[k].length;
  return 0;
}

/**
 * Columns already found to hold only non-empty strings and nulls, with their length then:
 * the metrics read the same few columns some twenty times (~1 s nationally to check again).
 * Canonical tables are not changed after ingest; a column that grew is checked again.
 */
const textChecked = new WeakMap<ReadonlyArray<unknown>, number>();

/**
 * A string column (ids stay strings; a number is turned into its decimal text). A column
 * that already holds only non-empty strings and nulls (what ingest writes) is returned as
 * it is: at national scale each copy is 60 MB and a fifth of a second, read some twenty times.
 */
export function strCol(t: LongColumns, name: string): ReadonlyArray<string | null> {
  const c = t[name];
  if (!c) return new Array(rowCount(t)).fill(null);
  const plain = Array.isArray(c) ? c : Array.from(c as ArrayLike<number>);
  if (textChecked.get(plain) === plain.length) return plain as ReadonlyArray<string | null>;
  if (plain.every((v) => v === null || (typeof v === 'string' && v !== ''))) {
    textChecked.set(plain, plain.length);
    return plain as ReadonlyArray<string | null>;
  }
  return plain.map((v) => (v === null || v === undefined || v === '' || (typeof v === 'number' && v !== v) ? null : String(v)));
}

/** A numeric column typed: `v` is NaN wherever `s` (state codes, VALUE_STATES order) is not STATE_CODE.value. */
export interface NumColumn {
  v: Float64Array;
  s: Uint8Array;
}

/** Typed value columns already found canonical, with the state column they were checked with. */
const typedChecked = new WeakMap<Float64Array, Uint8Array>();

/**
 * A numeric column with its state: a value counts only when its state is 'value'. The typed
 * columns ingest writes are returned without a copy; plain columns (numbers with nulls,
 * state strings) are converted.
 */
export function numCol(t: LongColumns, name: string): NumColumn {
  const n = rowCount(t);
  const c = t[name];
  const st = t[`${name}_state`];
  if (c instanceof Float64Array && st instanceof Uint8Array && (typedChecked.get(c) === st || canonicalTyped(c, st))) {
    typedChecked.set(c, st);
    return { v: c, s: st };
  }
  const v = new Float64Array(n);
  const s = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const raw = c ? c[i] : null;
    const num = typeof raw === 'number' ? raw : raw === null || raw === undefined || raw === '' ? null : Number(raw);
    const code = st ? st[i] : null;
    const state: ValueState = (typeof code === 'number' ? VALUE_STATES[code] : (code as ValueState | null)) ?? (num === null || num !== num ? 'missing' : 'value');
    if (state === 'value' && num !== null && Number.isFinite(num)) {
      v[i] = num;
      s[i] = STATE_CODE.value;
    } else {
      v[i] = NaN;
      s[i] = STATE_CODE[state === 'value' ? 'missing' : state];
    }
  }
  return { v, s };
}

/** Whether typed columns already read as numCol returns them: finite exactly where the state is 'value'. */
function canonicalTyped(c: Float64Array, st: Uint8Array): boolean {
  if (c.length !== st.length) return false;
  for (let i = 0; i < c.length; i++) {
    const s = st[i];
    if (s === 0 ? !Number.isFinite(c[i]) : s > 3 || c[i] === c[i]) return false;
  }
  return true;
}

/** A numCol value as the row objects hold it: null where there is none. */
export function valueOrNull(x: number): number | null {
  return x !== x ? null : x;
}

/** Integer column (years); null when absent. Returned as it is when it holds only numbers and nulls. */
export function intCol(t: LongColumns, name: string): ReadonlyArray<number | null> {
  const c = t[name];
  if (!c) return new Array(rowCount(t)).fill(null);
  if (!Array.isArray(c)) return Array.from(c as ArrayLike<number>, (v) => (v !== v ? null : v));
  if (c.every((v) => v === null || typeof v === 'number')) return c as ReadonlyArray<number | null>;
  return c.map((v) => (v === null || v === '' ? null : Number(v)));
}

/** Deterministic id order: plain code-unit comparison, never locale-dependent. */
export function cmpId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * ceil(share × count), at least 1, guarded against binary-fraction noise:
 * 0.1 × 70 is 7.000000000000001 in floating point and must give 7, not 8.
 */
export function groupSize(share: number, count: number): number {
  if (count <= 0) return 0;
  return Math.max(1, Math.ceil(share * count - 1e-9));
}

/** Mean and population standard deviation of the finite values. */
export function meanSd(values: ArrayLike<number>): { mean: number; sd: number; n: number } {
  let s = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isFinite(x)) {
      s += x;
      n++;
    }
  }
  if (n === 0) return { mean: NaN, sd: NaN, n: 0 };
  const mean = s / n;
  let q = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isFinite(x)) q += (x - mean) * (x - mean);
  }
  return { mean, sd: Math.sqrt(q / n), n };
}

/** The one least-squares fit lives in fit.ts (Arquero); re-exported for the table helpers' users. */
export { leastSquares } from './fit.ts';

/** School → municipality from the schools table. */
export function municipalityOf(schools: Columns): Map<string, string | null> {
  const ids = strCol(schools, 'school_id');
  const mun = strCol(schools, 'municipality_id');
  const m = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i++) if (ids[i] !== null) m.set(ids[i]!, mun[i]);
  return m;
}

/**
 * `get` with its last key remembered. The long tables come in runs of one school, exam and
 * grade, and their strings are interned: within a run a lookup is a pointer comparison, not
 * a hash of the string (tens of millions of lookups nationally).
 */
export function lastKeyMemo<V>(get: (key: string) => V): (key: string) => V {
  let last: string | undefined;
  let value!: V;
  return (key) => {
    if (key !== last) {
      last = key;
      value = get(key);
    }
    return value;
  };
}

/**
 * Dictionary encoding: `code(value)` gives each distinct string its index in `values`, in
 * the order first seen (the last value remembered, as the long tables come in runs);
 * `find` looks a value up without coding it.
 */
export function dictionary(): { values: string[]; code: (value: string) => number; find: (value: string) => number | undefined } {
  const codes = new Map<string, number>();
  const values: string[] = [];
  const code = lastKeyMemo((v: string) => {
    let c = codes.get(v);
    if (c === undefined) codes.set(v, (c = values.push(v) - 1));
    return c;
  });
  return { values, code, find: (v) => codes.get(v) };
}
