/**
 * Invariants over every built site, checked as a reader would with the published CSV files
 * only (METRICS.md §6 and «Group means and membership»):
 * - every published top/bottom group mean is the mean of its listed members' published
 *   values (so no hidden value can be got back from it), and a withheld one has a member
 *   whose value is not published (nothing is withheld without cause);
 * - a published change of the gap is this year's published gap minus last year's;
 * - no published result rests on fewer than min_participants participants.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { hasSite, site } from '../helpers/site-files.ts';
import { siteCsv } from '../real/shared.ts';
import { DEFAULT_SETTINGS } from '../../src/lib/model/config.ts';

const SITES: [string, string][] = [
  ['demo', 'data/demo'],
  ['small', 'test/fixtures/site-small'],
  ['moscow', 'data/real/moscow-ege-2016'],
  ['nyc', 'data/real/nyc-doe'],
];
const REAL = new Set(['moscow', 'nyc']);
/** Values in the CSV have 2 decimals: a recomputed mean may differ by two half-units. */
const TOL = 0.0101;

const num = (s: string | undefined) => (s !== undefined && /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null);

function settingsOf(dataDir: string) {
  const m = parse(readFileSync(join(dataDir, 'dataset.yml'), 'utf8')) as { settings?: { gap_score?: string; min_participants?: number } };
  return { measure: m.settings?.gap_score ?? DEFAULT_SETTINGS.gap_score, min: m.settings?.min_participants ?? DEFAULT_SETTINGS.min_participants };
}

/** Each school's published participants and score per year, exam and subject, from results.csv. */
function publishedValues(dir: string, measure: string): Map<string, { n: number | null; x: number | null }> {
  const value = new Map<string, { n: number | null; x: number | null }>();
  for (const r of siteCsv(join(dir, 'data', 'results.csv'))) {
    if (r.grade) continue;
    value.set(`${r.school_id}|${r.year}|${r.exam}|${r.subject}`, { n: num(r.n), x: r[`${measure}_state`] === 'value' ? num(r[measure]) : null });
  }
  return value;
}

describe.each(SITES)('published figures of the %s site', (name, dataDir) => {
  const skip = !hasSite(name) && REAL.has(name) && process.env.REQUIRE_SHARED_DATA !== '1';
  it.skipIf(skip)('group means are reproducible from the listed members, changes from the gaps', () => {
    const dir = site(name);
    const { measure } = settingsOf(dataDir);
    const value = publishedValues(dir, measure);
    /** A member's score for the set as a reader recomputes it: Σ n·x / Σ n over the subjects. */
    const memberScore = (id: string, year: string, exam: string, set: string): number | null => {
      const parts = set.split(' + ').map((s) => value.get(`${id}|${year}|${exam}|${s}`));
      if (parts.some((p) => !p || p.x === null)) return null;
      if (parts.length === 1) return parts[0]!.x;
      if (parts.some((p) => p!.n === null)) return null;
      const w = parts.reduce((t, p) => t + p!.n!, 0);
      return parts.reduce((t, p) => t + p!.n! * p!.x!, 0) / w;
    };
    const gap = siteCsv(join(dir, 'data', 'gap.csv'));
    const gapOf = new Map(gap.map((g) => [`${g.scope}|${g.scope_id}|${g.exam}|${g.subject_set}|${g.year}`, num(g.gap)]));
    let published = 0;
    let withheld = 0;
    for (const g of gap) {
      const where = `${g.scope} ${g.scope_id} ${g.year} ${g.exam} ${g.subject_set}`;
      for (const [meanCol, idsCol] of [['top_mean', 'top_ids'], ['bottom_mean', 'bottom_ids']] as const) {
        const ids = g[idsCol].split(';').filter(Boolean);
        expect(ids, `${where}: ${idsCol} lists k schools`).toHaveLength(Number(g.k));
        const scores = ids.map((id) => memberScore(id, g.year, g.exam, g.subject_set));
        const mean = num(g[meanCol]);
        if (mean !== null) {
          published++;
          expect(scores.every((s) => s !== null), `${where}: ${meanCol} published with a member not published`).toBe(true);
          const recomputed = (scores as number[]).reduce((a, b) => a + b, 0) / scores.length;
          expect(Math.abs(recomputed - mean), `${where}: ${meanCol} ${mean} vs members ${recomputed}`).toBeLessThanOrEqual(TOL);
        } else {
          withheld++;
          expect(scores.some((s) => s === null), `${where}: ${meanCol} withheld though every member is published`).toBe(true);
        }
      }
      const change = num(g.change);
      if (change !== null) {
        const now = num(g.gap);
        const before = gapOf.get(`${g.scope}|${g.scope_id}|${g.exam}|${g.subject_set}|${Number(g.year) - 1}`) ?? null;
        expect(now !== null && before !== null, `${where}: change published without both gaps`).toBe(true);
        expect(Math.abs(now! - before! - change), `${where}: change`).toBeLessThanOrEqual(TOL);
      }
      if (num(g.gap) !== null) expect(num(g.top_mean) !== null && num(g.bottom_mean) !== null, `${where}: gap without both means`).toBe(true);
    }
    // The loop checked something: every site publishes some group means.
    expect(published, 'published group means checked').toBeGreaterThan(0);
    expect(published + withheld).toBe(gap.length * 2);
  });

  it.skipIf(skip)('every year of a school’s trajectory in compare.json is recomputed from its published subject results', () => {
    const dir = site(name);
    const { measure } = settingsOf(dataDir);
    const value = publishedValues(dir, measure);
    const data = JSON.parse(readFileSync(join(dir, 'data', 'compare.json'), 'utf8')) as { years: number[]; set: { exam: string; subject_set: string } | null; schools: { code: string; states: string; series: (number | null)[] }[] };
    if (!data.set) return;
    const subjects = data.set.subject_set.split(' + ');
    let checked = 0;
    for (const s of data.schools) {
      s.series.forEach((v, i) => {
        if (v === null) return;
        const parts = subjects.map((subj) => value.get(`${s.code}|${data.years[i]}|${data.set!.exam}|${subj}`));
        const where = `${s.code} ${data.years[i]}`;
        expect(parts.every((p) => p && p.x !== null && p.n !== null), `${where}: a trajectory point with a subject not published`).toBe(true);
        const w = parts.reduce((t, p) => t + p!.n!, 0);
        const recomputed = parts.reduce((t, p) => t + p!.n! * p!.x!, 0) / w;
        expect(Math.abs(recomputed - v), `${where}: ${v} vs ${recomputed}`).toBeLessThanOrEqual(TOL);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(0);
  });

  it.skipIf(skip)('a pooled three-year figure: at least min_participants, and no year of its window published alone', () => {
    const dir = site(name);
    const { min } = settingsOf(dataDir);
    const shownYears = new Set<string>();
    for (const r of siteCsv(join(dir, 'data', 'results.csv'))) if (r.mean_state === 'value' && r.mean !== '') shownYears.add(`${r.school_id}|${r.exam}|${r.subject}|${r.grade}|${r.year}`);
    const pooled = siteCsv(join(dir, 'data', 'pooled.csv'));
    for (const p of pooled) {
      expect(Number(p.n), `${p.school_id} ${p.subject}`).toBeGreaterThanOrEqual(min);
      for (let y = Number(p.from); y <= Number(p.to); y++) expect(shownYears.has(`${p.school_id}|${p.exam}|${p.subject}|${p.grade}|${y}`), `${p.school_id} ${p.subject} ${y}`).toBe(false);
    }
    if (name === 'demo') expect(pooled.length).toBeGreaterThan(50);
  });

  it.skipIf(skip)('no published result rests on fewer than min_participants', () => {
    const dir = site(name);
    const { min } = settingsOf(dataDir);
    let checked = 0;
    for (const r of siteCsv(join(dir, 'data', 'results.csv'))) {
      const shown = ['mean', 'share_below', 'share_good', 'share_high'].filter((m) => r[`${m}_state`] === 'value' && r[m] !== '');
      if (!shown.length) continue;
      checked++;
      const n = num(r.n);
      expect(n !== null && n >= min, `${r.school_id} ${r.year} ${r.exam} ${r.subject}: n = «${r.n}» with ${shown.join(', ')}`).toBe(true);
    }
    expect(checked).toBeGreaterThan(0);
  });
});
