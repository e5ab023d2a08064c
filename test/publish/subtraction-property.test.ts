/**
 * Property test (issue 8): random small regions, full of tiny schools, go through the
 * loader, the metrics and the publication boundary; then a reader tries the subtractions
 * on what is published:
 * - a municipality's or the region's published total less its published schools gives
 *   the hidden schools' combined result: there must be none, or at least three schools
 *   (of two, each gets the other's back) with at least min_participants pupils between them;
 * - the region's published total less its published municipalities: the same for the
 *   hidden municipalities;
 * - a published gap group mean × k less its members: every member must be published;
 * - a published change of the gap less last year's gap: both gaps must be published.
 * The raw values come from the generator, not from the code under test.
 */
import { describe, expect, it } from 'vitest';
import { publishFiles } from '../helpers/publish-files.ts';
import { stream } from '../../src/lib/demo/rng.ts';

const MIN = 10;
const SUBJECTS = ['Русский язык', 'Математика (профиль)', 'Физика'];
const YEARS = [2023, 2024, 2025];

interface Raw {
  school: string;
  mun: string;
  year: number;
  subject: string;
  n: number;
  mean: number;
}

function region(seed: number): { files: Record<string, string>; raw: Raw[] } {
  // The demo generator's seeded streams: the same seed gives the same region anywhere.
  const rng = stream(seed, 'subtraction-property');
  const r = () => rng.u();
  const int = (lo: number, hi: number) => rng.int(lo, hi);
  const muns = int(1, 3);
  const schools: { id: string; mun: string }[] = [];
  for (let m = 1; m <= muns; m++) for (let s = 1, k = int(1, 5); s <= k; s++) schools.push({ id: `${m}0${s}`, mun: `M${m}` });
  const raw: Raw[] = [];
  for (const s of schools) {
    for (const year of YEARS) {
      for (const subject of SUBJECTS) {
        if (r() < 0.15) continue; // the school did not sit this subject this year
        // Many tiny groups: a third under the minimum, some just at it.
        const n = r() < 0.35 ? int(1, MIN - 1) : r() < 0.2 ? MIN : int(MIN, 60);
        raw.push({ school: s.id, mun: s.mun, year, subject, n, mean: Math.round((40 + r() * 50) * 10) / 10 });
      }
    }
  }
  const schoolsCsv = ['school_id;name;municipality_id', ...schools.map((s) => `${s.id};Школа ${s.id};${s.mun}`)].join('\n');
  const resultsCsv = ['school_id;year;subject;n;mean', ...raw.map((x) => `${x.school};${x.year};${x.subject};${x.n};${x.mean}`)].join('\n');
  const manifest = [
    'region: { name: Случайная область, demo: true }',
    'source: { publisher: Тест, title: Случайный набор }',
    'current_year: 2025',
    'files:',
    '  - { path: schools.csv, kind: schools, columns: { school_id: school_id, name: name, municipality_id: municipality_id } }',
    '  - { path: results.csv, kind: results, constants: { exam: ЕГЭ }, columns: { school_id: school_id, year: year, subject: subject, n: n, mean: mean } }',
  ].join('\n');
  return { files: { 'dataset.yml': manifest, 'schools.csv': schoolsCsv, 'results.csv': resultsCsv }, raw };
}

/**
 * Hidden members of a published total: none, or enough that reach the minimum together.
 * Schools: three or more (with two, either one knows its own figure and gets the other's);
 * municipalities: two or more (the one that could subtract its own is an education authority).
 */
function safeRemainder(hidden: { n: number }[], members = 3): boolean {
  return hidden.length === 0 || (hidden.length >= members && hidden.reduce((t, h) => t + h.n, 0) >= MIN);
}

describe('random small regions: no subtraction gives back a hidden figure', () => {
  it('holds for 150 regions', async () => {
    const failures: string[] = [];
    let totalsChecked = 0;
    let hiddenSeen = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const { files, raw } = region(seed);
      const inputs = await publishFiles(files);
      const shown = new Set([...inputs.results].filter((x) => x.mean_state === 'value').map((x) => `${x.school_id}|${x.year}|${x.subject}`));
      for (const x of inputs.results) if (x.mean_state === 'value' && (x.n ?? 0) < MIN) failures.push(`seed ${seed}: ${x.school_id} ${x.year} ${x.subject} published with n = ${x.n}`);
      const published = inputs.aggregates.filter((a) => a.mean !== null && a.grade === null);
      for (const a of published) {
        totalsChecked++;
        const members = raw.filter((x) => x.year === a.year && x.subject === a.subject && (a.scope === 'region' || x.mun === a.scope_id));
        const hidden = members.filter((x) => !shown.has(`${x.school}|${x.year}|${x.subject}`));
        hiddenSeen += hidden.length;
        if (!safeRemainder(hidden)) failures.push(`seed ${seed}: ${a.scope} ${a.scope_id} ${a.year} ${a.subject} published; hidden schools ${hidden.map((h) => `${h.school} (n = ${h.n})`).join(', ')}`);
        if (a.scope === 'region') {
          const muns = inputs.aggregates.filter((m) => m.scope === 'municipality' && m.year === a.year && m.subject === a.subject && m.grade === null);
          const hiddenMuns = muns.filter((m) => m.mean === null).map((m) => ({ n: m.n, id: m.scope_id }));
          if (!safeRemainder(hiddenMuns, 2)) failures.push(`seed ${seed}: region ${a.year} ${a.subject} published; hidden municipalities ${hiddenMuns.map((m) => `${m.id} (n = ${m.n})`).join(', ')}`);
        }
      }
      const scoreShown = new Set(inputs.scores.filter((s) => !s.hidden).map((s) => `${s.school_id}|${s.year}|${s.exam}|${s.subject_set}`));
      const gapOf = new Map(inputs.gap.map((g) => [`${g.scope}|${g.scope_id}|${g.exam}|${g.subject_set}|${g.year}`, g.gap]));
      for (const g of inputs.gap) {
        for (const [mean, ids] of [[g.top_mean, g.top_ids], [g.bottom_mean, g.bottom_ids]] as const) {
          if (mean === null) continue;
          const unpublished = ids.filter((id) => !scoreShown.has(`${id}|${g.year}|${g.exam}|${g.subject_set}`) && !(!g.subject_set.includes(' + ') && shown.has(`${id}|${g.year}|${g.subject_set}`)));
          if (unpublished.length) failures.push(`seed ${seed}: gap ${g.scope_id} ${g.year} ${g.subject_set}: group mean published with ${unpublished.join(', ')} hidden`);
        }
        if (g.change !== null && (g.gap === null || (gapOf.get(`${g.scope}|${g.scope_id}|${g.exam}|${g.subject_set}|${g.year - 1}`) ?? null) === null)) failures.push(`seed ${seed}: gap change ${g.scope_id} ${g.year} published without both gaps`);
      }
    }
    expect(failures.slice(0, 15)).toEqual([]);
    // The regions did exercise the rules: many totals, many hidden schools beside them.
    expect(totalsChecked).toBeGreaterThan(500);
    expect(hiddenSeen).toBeGreaterThan(200);
  }, 120_000);
});
