/**
 * Pooled results for small schools (METRICS.md «Pooled small-school results»): where a
 * school's yearly groups are under `min_participants`, the participant-weighted mean over
 * the last three years together is published, marked «за три года», if the pooled group
 * reaches the minimum. School performance tables do the same for small schools.
 *
 * Disclosure checks on the pooled figure, each closing one way back to a hidden group:
 * - only years each under the minimum, two or more: a year hidden against subtraction has
 *   min participants or more and must stay hidden (NYC 01M292: one year, 29 takers);
 * - only when no year of the window is published on its own (else pooled − that year
 *   gives the rest back);
 * - one window per series, the latest (two overlapping windows differ by single years);
 * - only from rows with the publisher's own number in every year of the window;
 * - the hidden rows of the window that stay hidden in the school's municipality and in the
 *   region (the yearly aggregates minus the published schools give their sum back) must be
 *   none, or rest on at least `min_participants` participants together.
 */
import type { Settings } from '../model/config.ts';
import type { SchoolResultRow } from '../metrics/results.ts';
import type { PublishedResults } from '../metrics/published-results.ts';

export interface PooledResult {
  school_id: string;
  exam: string;
  subject: string;
  grade: string | null;
  from: number;
  to: number;
  /** Participants over the window, and the years that had any. */
  n: number;
  years: number[];
  mean: number;
}

/** The window: the last three years of the data. */
export const POOLED_YEARS = 3;

/** Whether pooling reads a raw row at all: a year of the window ending in `latest`, an exam other than ВПР. */
export function inPoolingWindow(r: { year: number; exam: string }, latest: number): boolean {
  return r.year > latest - POOLED_YEARS && r.year <= latest && r.exam !== 'ВПР';
}

export function pooledResults(
  raw: readonly SchoolResultRow[],
  published: PublishedResults,
  municipalityOf: Map<string, string | null>,
  settings: Settings,
  latest: number,
): PooledResult[] {
  const from = latest - POOLED_YEARS + 1;
  const min = settings.min_participants;
  const key = (r: { exam: string; subject: string; grade: string | null }) => `${r.exam}|${r.subject}|${r.grade ?? ''}`;
  const shown = new Set<string>();
  for (let i = 0; i < published.length; i++) {
    if (published.year[i] >= from && published.shownAsNumber(i, 'mean')) shown.add(`${published.school_id[i]}|${key({ exam: published.exam[i], subject: published.subject[i], grade: published.grade[i] })}`);
  }

  // Per series: the window's rows; per scope × series: participants hidden in the window.
  const series = new Map<string, { rows: SchoolResultRow[]; unusable: boolean }>();
  const hidden = new Map<string, number>();
  for (const r of raw) {
    if (!inPoolingWindow(r, latest) || r.n === null || r.n <= 0) continue;
    const k = `${r.school_id}|${key(r)}`;
    let s = series.get(k);
    if (!s) series.set(k, (s = { rows: [], unusable: false }));
    s.rows.push(r);
    if (r.mean === null || r.mean_state !== 'value') s.unusable = true;
    else if (!shown.has(k)) {
      const tail = key(r);
      for (const scope of [`m:${municipalityOf.get(r.school_id) ?? ''}|${tail}`, `region|${tail}`]) hidden.set(scope, (hidden.get(scope) ?? 0) + r.n);
    }
  }

  const out: PooledResult[] = [];
  for (const [k, s] of [...series].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (s.unusable || shown.has(k)) continue;
    // Only a small school's years: a year of min or more participants hidden against
    // subtraction must stay hidden, and alone in a window its pooled figure would be itself.
    if (s.rows.some((r) => r.n! >= min) || s.rows.length < 2) continue;
    const n = s.rows.reduce((t, r) => t + r.n!, 0);
    if (n < min) continue;
    const r0 = s.rows[0];
    const scopes = [`m:${municipalityOf.get(r0.school_id) ?? ''}|${key(r0)}`, `region|${key(r0)}`];
    // What would stay hidden in each scope once this figure is out: none, or a group of ≥ min.
    if (scopes.some((sc) => {
      const rest = (hidden.get(sc) ?? 0) - n;
      return rest > 0 && rest < min;
    })) continue;
    for (const sc of scopes) hidden.set(sc, (hidden.get(sc) ?? 0) - n);
    const mean = s.rows.reduce((t, r) => t + r.n! * r.mean!, 0) / n;
    out.push({ school_id: r0.school_id, exam: r0.exam, subject: r0.subject, grade: r0.grade, from, to: latest, n, years: s.rows.map((r) => r.year).sort((a, b) => a - b), mean });
  }
  return out;
}
