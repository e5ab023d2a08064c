/**
 * Pooled three-year results for small schools, with their disclosure checks. Hand-made
 * rows; every expected value worked out here:
 * A: 2023 n 4 mean 60, 2024 n 3 mean 70, 2025 n 5 mean 66 → 12 participants,
 *    (240 + 210 + 330) / 12 = 65.
 */
import { describe, expect, it } from 'vitest';
import { pooledResults as pooledFromWindow, poolingRows, type PoolingRows } from '../../src/lib/publish/pooled.ts';
import { schoolResults, type SchoolResultRow } from '../../src/lib/metrics/results.ts';
import { results } from '../metrics/helpers.ts';
import type { PublishedResult } from '../../src/lib/publish/published.ts';
import { DEFAULT_SETTINGS } from '../../src/lib/model/config.ts';
import { publishedColumns } from '../helpers/published-columns.ts';

const row = (school_id: string, year: number, n: number, mean: number | null): SchoolResultRow => ({
  school_id, year, exam: 'ЕГЭ', subject: 'Русский язык', grade: null,
  n, n_state: 'value', mean, mean_state: mean === null ? 'suppressed' : 'value',
  share_below: null, share_below_state: 'missing', share_good: null, share_good_state: 'missing', share_high: null, share_high_state: 'missing',
  g2: null, g3: null, g4: null, g5: null, derived: [],
});
/** What the yearly disclosure publishes: a mean only where n ≥ 10. */
const publish = (rows: SchoolResultRow[]): PublishedResult[] =>
  rows.map((r) => ({ ...r, coded: undefined, reliable: false, suppressed_reason: null, ...(r.n! < 10 ? { mean: null, mean_state: 'suppressed' as const } : {}) }));
/** The window's raw rows as the boundary copies them (poolingRows), from hand rows. */
const window = (rows: SchoolResultRow[], latest = 2025): PoolingRows =>
  poolingRows(schoolResults(results(rows.map(({ school_id, year, exam, subject, grade, n, mean, mean_state }) => ({ school_id, year, exam, subject, grade, n, mean, mean_state })))), latest);
const pooledResults = (rows: SchoolResultRow[], ...rest: Parameters<typeof pooledFromWindow> extends [unknown, ...infer T] ? T : never) => pooledFromWindow(window(rows), ...rest);
const mun = (pairs: [string, string][]) => new Map<string, string | null>(pairs);
const A = [row('A', 2023, 4, 60), row('A', 2024, 3, 70), row('A', 2025, 5, 66)];
// Another municipality's big school: nothing of it is hidden.
const Z = [row('Z', 2023, 40, 70), row('Z', 2024, 40, 70), row('Z', 2025, 40, 70)];

describe('pooled small-school results', () => {
  it('publishes three hidden years together when they reach the minimum', () => {
    const rows = [...A, ...Z];
    const out = pooledResults(rows, publishedColumns(publish(rows)), mun([['A', 'M1'], ['Z', 'M2']]), DEFAULT_SETTINGS, 2025);
    expect(out).toEqual([{ school_id: 'A', exam: 'ЕГЭ', subject: 'Русский язык', grade: null, from: 2023, to: 2025, n: 12, years: [2023, 2024, 2025], mean: 65 }]);
  });

  it('not for a year hidden against subtraction: alone in the window, the pooled figure would be it', () => {
    // B: one year of 29 pupils, mean 355, hidden to protect another school's result
    const rows = [row('B', 2025, 29, 355), ...Z];
    const published = publish(rows).map((r) => (r.school_id === 'B' ? { ...r, mean: null, mean_state: 'suppressed' as const } : r));
    expect(pooledResults(rows, publishedColumns(published), mun([['B', 'M1'], ['Z', 'M2']]), DEFAULT_SETTINGS, 2025)).toEqual([]);
    // nor with a small year beside it: (29·355 + 4·300)/33 = 348,3 is mostly the hidden year
    const two = [row('B', 2024, 4, 300), row('B', 2025, 29, 355), ...Z];
    const published2 = publish(two).map((r) => (r.school_id === 'B' ? { ...r, mean: null, mean_state: 'suppressed' as const } : r));
    expect(pooledResults(two, publishedColumns(published2), mun([['B', 'M1'], ['Z', 'M2']]), DEFAULT_SETTINGS, 2025)).toEqual([]);
  });

  it('not when the pooled group is under the minimum (4 + 3 = 7)', () => {
    const rows = [...A.slice(0, 2), ...Z];
    expect(pooledResults(rows, publishedColumns(publish(rows)), mun([['A', 'M1'], ['Z', 'M2']]), DEFAULT_SETTINGS, 2025)).toEqual([]);
  });

  it('not when a year of the window is published on its own (pooled − that year gives the rest)', () => {
    const rows = [row('A', 2023, 12, 60), row('A', 2024, 3, 70), row('A', 2025, 5, 66), ...Z];
    expect(pooledResults(rows, publishedColumns(publish(rows)), mun([['A', 'M1'], ['Z', 'M2']]), DEFAULT_SETTINGS, 2025)).toEqual([]);
  });

  it('not when a year has no number from the publisher', () => {
    const rows = [row('A', 2023, 4, 60), row('A', 2024, 3, null), row('A', 2025, 5, 66), ...Z];
    expect(pooledResults(rows, publishedColumns(publish(rows)), mun([['A', 'M1'], ['Z', 'M2']]), DEFAULT_SETTINGS, 2025)).toEqual([]);
  });

  it('not when what stays hidden beside it in the municipality would be a group under the minimum', () => {
    // B in A's municipality: 2 + 2 + 2 = 6 hidden participants. With A out, the aggregates
    // minus the published schools would give B's three years (6 pupils) back.
    const B = [row('B', 2023, 2, 50), row('B', 2024, 2, 52), row('B', 2025, 2, 54)];
    const rows = [...A, ...B, ...Z];
    expect(pooledResults(rows, publishedColumns(publish(rows)), mun([['A', 'M1'], ['B', 'M1'], ['Z', 'M2']]), DEFAULT_SETTINGS, 2025)).toEqual([]);
    // With B a larger hidden group (4 + 4 + 4 = 12, itself pooled), both can be published.
    const B2 = [row('B', 2023, 4, 50), row('B', 2024, 4, 52), row('B', 2025, 4, 54)];
    const rows2 = [...A, ...B2, ...Z];
    const out = pooledResults(rows2, publishedColumns(publish(rows2)), mun([['A', 'M1'], ['B', 'M1'], ['Z', 'M2']]), DEFAULT_SETTINGS, 2025);
    expect(out.map((p) => [p.school_id, p.n, p.mean])).toEqual([['A', 12, 65], ['B', 12, 52]]);
  });

  it('copies only the window\'s rows, ВПР left out, before disclosure changes them', () => {
    const vpr = { ...row('A', 2025, 25, 4), exam: 'ВПР', subject: 'Математика', grade: '5' };
    const w = window([row('A', 2022, 4, 58), ...A, vpr]);
    expect([w.length, [...w.year], [...w.n], [...w.mean]]).toEqual([3, [2023, 2024, 2025], [4, 3, 5], [60, 70, 66]]);
    // A year whose mean the publisher withheld: no number, and not a usable mean.
    const withheld = window([row('A', 2024, 3, null)]);
    expect([Number.isNaN(withheld.mean[0]), withheld.meanIsValue[0]]).toEqual([true, 0]);
  });

  it('keeps each subject its own series, in the order of school, exam, subject', () => {
    // A's maths: (4·50 + 3·60 + 5·70) / 12 = 730 / 12; Russian as above, 65.
    const maths = [row('A', 2023, 4, 50), row('A', 2024, 3, 60), row('A', 2025, 5, 70)].map((r) => ({ ...r, subject: 'Математика (профиль)' }));
    const rows = [...A, ...maths, ...Z];
    const out = pooledResults(rows, publishedColumns(publish(rows)), mun([['A', 'M1'], ['Z', 'M2']]), DEFAULT_SETTINGS, 2025);
    expect(out.map((p) => [p.subject, p.n, p.years, p.mean])).toEqual([
      ['Математика (профиль)', 12, [2023, 2024, 2025], 730 / 12],
      ['Русский язык', 12, [2023, 2024, 2025], 65],
    ]);
  });
});
