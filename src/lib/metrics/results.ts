/**
 * METRICS.md §1: exam results per school, and municipal / regional aggregates.
 *
 * School rows pass through with two derivations, both only where the published share
 * is absent and the grade counts g2..g5 are all present:
 *   share_good  = 100 · (g4 + g5) / (g2 + g3 + g4 + g5)
 *   share_below = 100 · g2 / (g2 + g3 + g4 + g5)
 * and the grade distribution (dist_g2..dist_g5, %) whenever the counts are present.
 *
 * Aggregates are participant-weighted: Σ n·x / Σ n over the school rows where both n
 * and x have a value. We only hold school rows, so a row hidden by the publisher
 * (state 'suppressed') cannot enter any aggregate: each aggregate reports `n_total`
 * (participants of all rows with a known n), the participants behind each measure
 * (`<measure>_n_used`), and `schools` / `schools_used`. A mean of school means is
 * published only as `mean_unweighted`, labelled so.
 */
import type { Columns, ValueState } from '../model/types.ts';
import type { Settings } from '../model/config.ts';
import * as aq from 'arquero';
import { cmpId, municipalityOf, numCol, rowCount, strCol, intCol } from './table.ts';

const op = aq.op;

export const MEASURES = ['mean', 'share_below', 'share_good', 'share_high'] as const;
export type Measure = (typeof MEASURES)[number];

export interface SchoolResultRow {
  school_id: string;
  year: number;
  exam: string;
  subject: string;
  grade: string | null;
  n: number | null;
  n_state: ValueState;
  mean: number | null;
  mean_state: ValueState;
  share_below: number | null;
  share_below_state: ValueState;
  share_good: number | null;
  share_good_state: ValueState;
  share_high: number | null;
  share_high_state: ValueState;
  g2: number | null;
  g3: number | null;
  g4: number | null;
  g5: number | null;
  /** Grade distribution in %, when all four counts are published. */
  dist: { g2: number; g3: number; g4: number; g5: number } | null;
  /** Fields computed here from the grade counts rather than read. */
  derived: Measure[];
}

export function schoolResults(results: Columns): SchoolResultRow[] {
  const n = rowCount(results);
  const id = strCol(results, 'school_id');
  const year = intCol(results, 'year');
  const exam = strCol(results, 'exam');
  const subject = strCol(results, 'subject');
  const grade = strCol(results, 'grade');
  const cols = Object.fromEntries(['n', ...MEASURES, 'g2', 'g3', 'g4', 'g5'].map((c) => [c, numCol(results, c)]));
  const out: SchoolResultRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const g = [cols.g2.v[i], cols.g3.v[i], cols.g4.v[i], cols.g5.v[i]];
    const total = g.every((x) => x !== null) ? (g as number[]).reduce((a, b) => a + b, 0) : 0;
    const dist = total > 0 ? { g2: (100 * g[0]!) / total, g3: (100 * g[1]!) / total, g4: (100 * g[2]!) / total, g5: (100 * g[3]!) / total } : null;
    const row: SchoolResultRow = {
      school_id: id[i]!,
      year: year[i]!,
      exam: exam[i]!,
      subject: subject[i]!,
      grade: grade[i],
      n: cols.n.v[i],
      n_state: cols.n.s[i],
      mean: cols.mean.v[i],
      mean_state: cols.mean.s[i],
      share_below: cols.share_below.v[i],
      share_below_state: cols.share_below.s[i],
      share_good: cols.share_good.v[i],
      share_good_state: cols.share_good.s[i],
      share_high: cols.share_high.v[i],
      share_high_state: cols.share_high.s[i],
      g2: g[0],
      g3: g[1],
      g4: g[2],
      g5: g[3],
      dist,
      derived: [],
    };
    // A share the publisher hid stays hidden: deriving it from counts would undo their suppression.
    if (dist && row.share_good_state !== 'value' && row.share_good_state !== 'suppressed') {
      row.share_good = dist.g4 + dist.g5;
      row.share_good_state = 'value';
      row.derived.push('share_good');
    }
    if (dist && row.share_below_state !== 'value' && row.share_below_state !== 'suppressed') {
      row.share_below = dist.g2;
      row.share_below_state = 'value';
      row.derived.push('share_below');
    }
    out[i] = row;
  }
  return out;
}

export interface AggregateRow {
  scope: 'municipality' | 'region';
  scope_id: string;
  year: number;
  exam: string;
  subject: string;
  grade: string | null;
  /** Participants of all school rows with a known n (= n_total; kept for the site). */
  n: number;
  n_total: number;
  schools: number;
  /** Schools whose row has a value for the mean. */
  schools_used: number;
  mean: number | null;
  mean_n_used: number;
  share_below: number | null;
  share_below_n_used: number;
  share_good: number | null;
  share_good_n_used: number;
  share_high: number | null;
  share_high_n_used: number;
  /** Unweighted mean of school means: labelled, never the headline figure. */
  mean_unweighted: number | null;
}

/**
 * Participant-weighted aggregates per municipality and for the region.
 *
 * Arquero rollups over typed columns: one grouped by the year·exam·subject·grade cell (the
 * region), one by municipality × cell, each keyed by one integer so that grouping compares
 * numbers, not composed strings. A missing value is NaN in the
 * typed columns, and Arquero's aggregates skip it: Σ n·x and the n behind it only count
 * rows where both n and x have a value. Sums run in row order, as a hand loop would.
 */
export function aggregates(rows: SchoolResultRow[], schools: Columns, _settings?: Settings): AggregateRow[] {
  const mun = municipalityOf(schools);
  const munNames = [...new Set([...mun.values()].filter((m): m is string => !!m))].sort(cmpId);
  const munCode = new Map(munNames.map((m, i) => [m, i + 1]));
  const cellKey = new Map<string, number>();
  const cells: SchoolResultRow[] = [];
  const R = rows.length;
  // Typed columns: the cell (year·exam·subject·grade) of each row, and its municipality
  // cell (municipality × cell, -1 without a municipality).
  const cell = new Int32Array(R);
  const munCell = new Float64Array(R);
  const mun0 = new Int32Array(R);
  for (let i = 0; i < R; i++) {
    const r = rows[i];
    const k = `${r.year}\u0001${r.exam}\u0001${r.subject}\u0001${r.grade ?? ''}`;
    let c = cellKey.get(k);
    if (c === undefined) {
      cellKey.set(k, (c = cells.length));
      cells.push(r);
    }
    cell[i] = c;
    const m = mun.get(r.school_id);
    mun0[i] = m ? munCode.get(m)! : 0;
  }
  const C = cells.length;
  for (let i = 0; i < R; i++) munCell[i] = mun0[i] > 0 ? mun0[i] * C + cell[i] : -1;
  const num = (f: (r: SchoolResultRow) => number | null) => Float64Array.from(rows, (r) => f(r) ?? NaN);
  const base = aq.table({
    cell,
    mun_cell: munCell,
    n: num((r) => r.n),
    mean: num((r) => r.mean),
    share_below: num((r) => r.share_below),
    share_good: num((r) => r.share_good),
    share_high: num((r) => r.share_high),
  });
  const sums = {
    schools: op.count(),
    n_total: (d: any) => op.sum(d.n),
    mean_sum: (d: any) => op.sum(d.n * d.mean),
    mean_n_used: (d: any) => op.sum(op.is_nan(d.mean) ? NaN : d.n),
    share_below_sum: (d: any) => op.sum(d.n * d.share_below),
    share_below_n_used: (d: any) => op.sum(op.is_nan(d.share_below) ? NaN : d.n),
    share_good_sum: (d: any) => op.sum(d.n * d.share_good),
    share_good_n_used: (d: any) => op.sum(op.is_nan(d.share_good) ? NaN : d.n),
    share_high_sum: (d: any) => op.sum(d.n * d.share_high),
    share_high_n_used: (d: any) => op.sum(op.is_nan(d.share_high) ? NaN : d.n),
    // Schools whose row has both n and a mean: the labelled mean of school means.
    schools_used: (d: any) => op.sum(op.is_nan(d.n) || op.is_nan(d.mean) ? NaN : 1),
    means_sum: (d: any) => op.sum(op.is_nan(d.n) ? NaN : d.mean),
  };
  const region = base.groupby('cell').rollup(sums).derive({ key: (d: any) => d.cell }).objects() as Record<string, number>[];
  const municipal = base
    .filter((d: any) => d.mun_cell >= 0)
    .groupby('mun_cell')
    .rollup(sums)
    .derive({ key: (d: any) => d.mun_cell })
    .objects() as Record<string, number>[];
  const out: AggregateRow[] = [...region, ...municipal].map((a) => {
    const s = Math.floor(a.key / C);
    const c = cells[a.key - s * C];
    const used = (m: Measure) => a[`${m}_n_used`] ?? 0;
    const w = (m: Measure) => (used(m) > 0 ? a[`${m}_sum`] / used(m) : null);
    const schoolsUsed = a.schools_used ?? 0;
    return {
      scope: s === 0 ? 'region' : 'municipality',
      scope_id: s === 0 ? 'region' : munNames[s - 1],
      year: c.year,
      exam: c.exam,
      subject: c.subject,
      grade: c.grade,
      n: a.n_total ?? 0,
      n_total: a.n_total ?? 0,
      schools: a.schools,
      schools_used: schoolsUsed,
      mean: w('mean'),
      mean_n_used: used('mean'),
      share_below: w('share_below'),
      share_below_n_used: used('share_below'),
      share_good: w('share_good'),
      share_good_n_used: used('share_good'),
      share_high: w('share_high'),
      share_high_n_used: used('share_high'),
      mean_unweighted: schoolsUsed > 0 ? a.means_sum / schoolsUsed : null,
    } as AggregateRow;
  });
  out.sort((x, y) => (x.scope === y.scope ? 0 : x.scope === 'region' ? -1 : 1) || cmpId(x.scope_id, y.scope_id) || x.year - y.year || cmpId(x.exam, y.exam) || cmpId(x.subject, y.subject) || cmpId(x.grade ?? '', y.grade ?? ''));
  return out;
}
