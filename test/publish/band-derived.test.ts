/**
 * A share published only as a band («не более 5 %») was used by the metrics with its
 * number. A figure derived from it — a ШНРО rule's value — would give the number back, so
 * the publication boundary drops the value and says why; the school's other figures and
 * other schools' values stay. Hand-made region: the share above the line (gap_score
 * share_high) of twelve schools over three years; S01 has 20 graduates and none above
 * the line each year (one of 20 is 5 %: the band is «не более 5 %»).
 */
import { describe, expect, it } from 'vitest';
import { publishFiles } from '../helpers/publish-files.ts';

const YEARS = [2023, 2024, 2025];
// S01: 0 of 20; S02–S12: 40 graduates, 10 % … 60 % above the line (5 points apart).
const schools = Array.from({ length: 12 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`);
const share = (i: number) => (i === 0 ? 0 : 5 + 5 * i);
const n = (i: number) => (i === 0 ? 20 : 40);

const files: Record<string, string> = {
  'dataset.yml': [
    'region: { name: Область полос, demo: true }',
    'source: { publisher: Тест, title: Полосы }',
    'current_year: 2025',
    'programme: { name: Тестовая программа }',
    'settings: { gap_score: share_high }',
    'files:',
    '  - { path: schools.csv, kind: schools, columns: { school_id: school_id, name: name, municipality_id: municipality_id } }',
    '  - { path: results.csv, kind: results, constants: { exam: ЕГЭ, subject: Русский язык }, columns: { school_id: school_id, year: year, n: n, share_high: share_high } }',
  ].join('\n'),
  'schools.csv': ['school_id;name;municipality_id', ...schools.map((s) => `${s};Школа ${s};M1`)].join('\n'),
  'results.csv': ['school_id;year;n;share_high', ...YEARS.flatMap((y) => schools.map((s, i) => `${s};${y};${n(i)};${share(i)}`))].join('\n'),
};

describe('figures derived from a share shown only as a band', () => {
  it('S01 is published as «не более 5 %» and its low-results value is dropped; S02 keeps its value', async () => {
    const inputs = await publishFiles(files);
    const s01 = [...inputs.results].filter((r) => r.school_id === 'S01');
    expect(s01.map((r) => [r.year, r.share_high, r.coded?.share_high])).toEqual(YEARS.map((y) => [y, null, 'не более 5\u00a0%']));
    const low = inputs.flags.rows().filter((f) => f.rule === 'low_results' && f.year === 2025);
    const f01 = low.find((f) => f.school_id === 'S01')!;
    expect(f01).toMatchObject({ value: null, value_hidden: true });
    // S02 (10 %, 40 graduates) is no band: its value stays a number.
    expect(low.find((f) => f.school_id === 'S02')!.value).toEqual(expect.any(Number));
  });
});
