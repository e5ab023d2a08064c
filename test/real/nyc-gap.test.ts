/**
 * METRICS.md §2 on NYC open data, recomputed from the raw sat_results.csv without project
 * code, as a reader would: a school's score is the mean of its three SAT sections (the same
 * test takers sit all three), eligible with ≥ 10 takers and all three sections published;
 * k = ⌈10 % of eligible⌉; ties by DBN. gap.csv must list the same group members, and
 * publish each group mean exactly when every member's own result is published.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { site } from '../helpers/site-files.ts';
import { MIN_PARTICIPANTS, rawCsv, siteCsv, skipWithoutShared } from './shared.ts';

const SET = 'Critical Reading + Math + Writing';
const SUBJECTS = ['Critical Reading', 'Math', 'Writing'];

describe.skipIf(skipWithoutShared('разрыв по открытым данным Нью-Йорка'))('NYC open data: top-10 % / bottom-10 % SAT gap', () => {
  it('gap.csv agrees with the raw file: eligible, k, members, and means where publishable', () => {
    const raw = rawCsv('nyc-doe/sat_results.csv', ',');
    const num = (s: string) => (/^\d+(\.\d+)?$/.test(s) ? Number(s) : null);
    const schools = raw
      .map((r) => ({ id: r.DBN, n: num(r['Num of SAT Test Takers']), parts: [r['SAT Critical Reading Avg. Score'], r['SAT Math Avg. Score'], r['SAT Writing Avg. Score']].map(num) }))
      .filter((s) => s.n !== null && s.n >= MIN_PARTICIPANTS && s.parts.every((p) => p !== null))
      .map((s) => ({ id: s.id, score: (s.parts as number[]).reduce((a, b) => a + b, 0) / 3 }));
    const k = Math.max(1, Math.ceil(schools.length / 10));
    const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const top = [...schools].sort((a, b) => b.score - a.score || byId(a.id, b.id)).slice(0, k);
    const bottom = [...schools].sort((a, b) => a.score - b.score || byId(a.id, b.id)).slice(0, k);

    const row = siteCsv(join(site('nyc'), 'data', 'gap.csv')).find((g) => g.scope === 'region' && g.subject_set === SET)!;
    expect(row).toBeTruthy();
    expect([Number(row.eligible), Number(row.k)]).toEqual([schools.length, k]);
    expect(new Set(row.top_ids.split(';'))).toEqual(new Set(top.map((s) => s.id)));
    expect(new Set(row.bottom_ids.split(';'))).toEqual(new Set(bottom.map((s) => s.id)));

    // A member is published when results.csv shows all three of its section means.
    const shown = new Set<string>();
    const parts = new Map<string, number>();
    for (const r of siteCsv(join(site('nyc'), 'data', 'results.csv'))) {
      if (r.mean_state === 'value' && r.mean !== '' && SUBJECTS.includes(r.subject)) parts.set(r.school_id, (parts.get(r.school_id) ?? 0) + 1);
    }
    for (const [id, c] of parts) if (c === 3) shown.add(id);
    const mean = (g: { score: number }[]) => g.reduce((t, s) => t + s.score, 0) / g.length;
    for (const [group, col] of [[top, 'top_mean'], [bottom, 'bottom_mean']] as const) {
      if (group.every((s) => shown.has(s.id))) expect(Math.abs(Number(row[col]) - mean(group))).toBeLessThanOrEqual(0.005 + 1e-9);
      else expect(row[col], `${col}: a member's result is hidden`).toBe('');
    }
    // The raw file: 478 schools; the top group's mean (a reader's own sum) is 540,7 a section.
    expect(raw).toHaveLength(478);
    expect(mean(top)).toBeCloseTo(540.7, 1);
  });
});
