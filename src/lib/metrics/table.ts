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

/** A string column (ids stay strings; a number is turned into its decimal text). */
export function strCol(t: Columns, name: string): Array<string | null> {
  const c = t[name];
  if (!c) return new Array(rowCount(t)).fill(null);
  return c.map((v) => (v === null || v === undefined || v === '' ? null : String(v)));
}

/** A numeric column with its state: a value counts only when its state is 'value'. */
export function numCol(t: Columns, name: string): { v: Array<number | null>; s: ValueState[] } {
  const n = rowCount(t);
  const c = t[name];
  const st = t[`${name}_state`];
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

/** Integer column (years); null when absent. */
export function intCol(t: Columns, name: string): Array<number | null> {
  const c = t[name];
  if (!c) return new Array(rowCount(t)).fill(null);
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
