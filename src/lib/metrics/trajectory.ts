/**
 * METRICS.md §3: trajectories of any indicator over years.
 *
 * - change: value(y) − value(y−1); null when either calendar year has no value
 *   (a missing year breaks the line, it is never interpolated).
 * - change_baseline: value(y) − value(baseline year); the baseline is the given year,
 *   or the first year with a value.
 * - slope: ordinary least squares of value on year over the years with a value
 *   (needs two distinct years), in units per year.
 * - direction: by polarity, 'improving' («лучше»), 'worsening' («хуже»), 'stable'
 *   («без изменений», |x| ≤ tolerance, default 0).
 * - status: against the target for that year: 'met' (value ≥ target for higher-is-better,
 *   ≤ for lower-is-better), 'not_met', 'no_data' (a target but no value), 'no_target'.
 */
import { metricsWords } from '../words/metrics-words.ts';
import { localized } from '../words/locale.ts';
import { leastSquares } from './fit.ts';
import type { Polarity } from '../model/config.ts';

export type Direction = 'improving' | 'worsening' | 'stable';
export type Status = 'met' | 'not_met' | 'no_data' | 'no_target';

/** Trend and target words in the site's language (words/ru/metrics.ts, words/en/metrics.ts). */
export const DIRECTION_LABEL: Record<Direction, string> = localized(() => metricsWords().direction);
export const STATUS_LABEL: Record<Status, string> = localized(() => metricsWords().status);

export interface SeriesPoint {
  year: number;
  value: number | null;
}

export interface TrajectoryRow {
  year: number;
  value: number | null;
  change: number | null;
  change_baseline: number | null;
  direction: Direction | null;
  target: number | null;
  status: Status;
}

export interface TrajectoryOptions {
  polarity: Polarity;
  baselineYear?: number | null;
  /** Baseline value when given apart from the series (e.g. the targets table's 'baseline' row). */
  baselineValue?: number | null;
  targets?: Map<number, number> | Record<number, number>;
  tolerance?: number;
}

export function direction(delta: number | null, polarity: Polarity, tolerance = 0): Direction | null {
  if (delta === null || !Number.isFinite(delta)) return null;
  if (Math.abs(delta) <= tolerance) return 'stable';
  return (delta > 0) === (polarity === 'higher') ? 'improving' : 'worsening';
}

export function status(value: number | null, target: number | null | undefined, polarity: Polarity): Status {
  if (target === null || target === undefined) return 'no_target';
  if (value === null) return 'no_data';
  // A tiny tolerance: 90.0 read from a CSV meets a target of 90.
  return polarity === 'higher' ? (value >= target - 1e-9 ? 'met' : 'not_met') : value <= target + 1e-9 ? 'met' : 'not_met';
}

/** Least-squares slope per year over the points with a value; null with fewer than two years. */
export function slope(series: SeriesPoint[]): number | null {
  const pts = series.filter((p) => p.value !== null);
  return leastSquares(pts.map((p) => p.year), pts.map((p) => p.value!))?.slope ?? null;
}

export function trajectory(series: SeriesPoint[], opts: TrajectoryOptions): { rows: TrajectoryRow[]; slope: number | null; direction: Direction | null } {
  const byYear = new Map<number, number | null>();
  for (const p of series) byYear.set(p.year, p.value === null || !Number.isFinite(p.value) ? null : p.value);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const targets = opts.targets instanceof Map ? opts.targets : new Map(Object.entries(opts.targets ?? {}).map(([y, v]) => [Number(y), v]));
  let baseline: number | null = opts.baselineValue ?? null;
  if (baseline === null) {
    const by = opts.baselineYear ?? years.find((y) => byYear.get(y) !== null);
    baseline = by === undefined ? null : byYear.get(by) ?? null;
  }
  const tol = opts.tolerance ?? 0;
  const rows = years.map((year) => {
    const value = byYear.get(year) ?? null;
    const prev = byYear.get(year - 1);
    const change = value !== null && prev !== undefined && prev !== null ? value - prev : null;
    const target = targets.get(year) ?? null;
    return {
      year,
      value,
      change,
      change_baseline: value !== null && baseline !== null ? value - baseline : null,
      direction: direction(change, opts.polarity, tol),
      target,
      status: status(value, target, opts.polarity),
    };
  });
  const sl = slope(series);
  return { rows, slope: sl, direction: direction(sl, opts.polarity, tol) };
}
