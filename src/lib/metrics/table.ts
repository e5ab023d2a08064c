/**
 * Small helpers over the column-oriented canonical tables (model/types.ts).
 * The metrics read columns directly instead of building one object per row: at six
 * million result rows that is the difference between seconds and minutes.
 */
import type { Columns, ValueState } from '../model/types.ts';

export function rowCount(t: Columns): number {
  for (const k in t) return t[k].length;
  return 0;
}

/**
 * A string column (ids stay strings; a number is turned into its decimal text). A column
 * that already holds only non-empty strings and nulls (what ingest writes) is returned as
 * it is: at national scale each copy is 60 MB and a fifth of a second, read some twenty times.
 */
export function strCol(t: Columns, name: string): ReadonlyArray<string | null> {
  const c = t[name];
  if (!c) return new Array(rowCount(t)).fill(null);
  if (c.every((v) => v === null || (typeof v === 'string' && v !== ''))) return c as ReadonlyArray<string | null>;
  return c.map((v) => (v === null || v === undefined || v === '' ? null : String(v)));
}

/**
 * A numeric column with its state: a value counts only when its state is 'value'. As
 * ingest writes them (a number exactly where the state is 'value'), the columns themselves
 * are returned, without a copy.
 */
export function numCol(t: Columns, name: string): { v: ReadonlyArray<number | null>; s: readonly ValueState[] } {
  const n = rowCount(t);
  const c = t[name];
  const st = t[`${name}_state`];
  if (c && st && canonicalNumbers(c, st)) return { v: c as ReadonlyArray<number | null>, s: st as readonly ValueState[] };
  const v: Array<number | null> = new Array(n);
  const s: ValueState[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const raw = c ? c[i] : null;
    const num = typeof raw === 'number' ? raw : raw === null || raw === undefined || raw === '' ? null : Number(raw);
    const state = (st ? (st[i] as ValueState | null) : null) ?? (num === null ? 'missing' : 'value');
    if (state === 'value' && num !== null && Number.isFinite(num)) {
      v[i] = num;
      s[i] = 'value';
    } else {
      v[i] = null;
      s[i] = state === 'value' ? 'missing' : state;
    }
  }
  return { v, s };
}

/** Whether a value column and its state column already read as numCol returns them. */
function canonicalNumbers(c: ReadonlyArray<unknown>, st: ReadonlyArray<unknown>): boolean {
  for (let i = 0; i < c.length; i++) {
    const v = c[i];
    const s = st[i];
    if (s === 'value') {
      if (typeof v !== 'number' || !Number.isFinite(v)) return false;
    } else if (v !== null || (s !== 'missing' && s !== 'suppressed' && s !== 'na')) return false;
  }
  return true;
}

/** Integer column (years); null when absent. Returned as it is when it holds only numbers and nulls. */
export function intCol(t: Columns, name: string): ReadonlyArray<number | null> {
  const c = t[name];
  if (!c) return new Array(rowCount(t)).fill(null);
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
