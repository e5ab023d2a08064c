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
import { municipalityOf, numCol, rowCount, strCol, intCol } from './table.ts';

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

interface Acc {
  row: AggregateRow;
  sum: Record<Measure, number>;
  sumMeans: number;
}

/** Participant-weighted aggregates per municipality and for the region. */
export function aggregates(rows: SchoolResultRow[], schools: Columns, _settings?: Settings): AggregateRow[] {
  const mun = municipalityOf(schools);
  const acc = new Map<string, Acc>();
  const add = (scope: 'municipality' | 'region', scopeId: string, r: SchoolResultRow) => {
    const k = `${scope}\u0001${scopeId}\u0001${r.year}\u0001${r.exam}\u0001${r.subject}\u0001${r.grade ?? ''}`;
    let a = acc.get(k);
    if (!a) {
      a = {
        row: { scope, scope_id: scopeId, year: r.year, exam: r.exam, subject: r.subject, grade: r.grade, n: 0, n_total: 0, schools: 0, schools_used: 0, mean: null, mean_n_used: 0, share_below: null, share_below_n_used: 0, share_good: null, share_good_n_used: 0, share_high: null, share_high_n_used: 0, mean_unweighted: null },
        sum: { mean: 0, share_below: 0, share_good: 0, share_high: 0 },
        sumMeans: 0,
      };
      acc.set(k, a);
    }
    const o = a.row;
    o.schools++;
    if (r.n === null) return;
    o.n_total += r.n;
    for (const m of MEASURES) {
      const x = r[m];
      if (x === null) continue;
      a.sum[m] += r.n * x;
      o[`${m}_n_used`] += r.n;
    }
    if (r.mean !== null) {
      o.schools_used++;
      a.sumMeans += r.mean;
    }
  };
  for (const r of rows) {
    add('region', 'region', r);
    const m = mun.get(r.school_id);
    if (m) add('municipality', m, r);
  }
  const out: AggregateRow[] = [];
  for (const a of acc.values()) {
    const o = a.row;
    o.n = o.n_total;
    for (const m of MEASURES) o[m] = o[`${m}_n_used`] > 0 ? a.sum[m] / o[`${m}_n_used`] : null;
    o.mean_unweighted = o.schools_used > 0 ? a.sumMeans / o.schools_used : null;
    out.push(o);
  }
  out.sort((x, y) => (x.scope === y.scope ? 0 : x.scope === 'region' ? -1 : 1) || (x.scope_id < y.scope_id ? -1 : x.scope_id > y.scope_id ? 1 : 0) || x.year - y.year || (x.exam < y.exam ? -1 : x.exam > y.exam ? 1 : 0) || (x.subject < y.subject ? -1 : x.subject > y.subject ? 1 : 0) || ((x.grade ?? '') < (y.grade ?? '') ? -1 : (x.grade ?? '') > (y.grade ?? '') ? 1 : 0));
  return out;
}
