/**
 * A change of score scale is not progress (METRICS.md «Scale breaks»). In the fixture ЕГЭ
 * profile maths is on a 65-point scale in 2022 and on 100 points from 2023; the gap and a
 * school's verdict compute no change across 2022 → 2023 and say why. Values by hand:
 * 2023: S01 44,0, S02…S12 = 49, 52, …, 79; k = ⌈0,1 · 12⌉ = 2: top (79 + 76)/2 = 77,5,
 *       bottom (44 + 49)/2 = 46,5, gap 31,0 (2022's gap is 51 − 33 = 18: «+13» would be the rescaling).
 * 2024: S01 45,5, others 50…80: top 78,5, bottom (45,5 + 50)/2 = 47,75, gap 30,75, change −0,25.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/ingest/index.ts';
import { metricsForSite } from '../../src/lib/metrics/index.ts';
import { buildSiteModel } from '../../src/lib/site/model.ts';
import type { Page } from '../../src/lib/site/types.ts';
import { fileText } from '../../src/lib/build/csv.ts';

/** As the build does it: the raw long tables are released before the site model is built. */
async function builtModel(ds: Awaited<ReturnType<typeof loadDataset>>) {
  return buildSiteModel(ds, (await metricsForSite(ds)));
}

async function model() {
  const ds = await loadDataset(resolve('test/fixtures/scale-break'));
  expect(ds.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return builtModel(ds);
}

describe('a 65 → 100 scale break', () => {
  it('the gap has no change or target status across the break, and one after it', async () => {
    const m = await model();
    const csv = fileText(m.files.find((f) => f.path === 'data/gap.csv')!.content).replace(/^\ufeff/, '').trim().split('\n').map((l) => l.split(','));
    const head = csv[0];
    const row = (year: number) => Object.fromEntries(head.map((h, i) => [h, csv.find((r) => r[0] === 'region' && r[2] === String(year))![i]]));
    expect(row(2022)).toMatchObject({ gap: '18' });
    expect(row(2023)).toMatchObject({ gap: '31', change: '', ratio_reduction_pct: '', target_met: '' });
    expect(row(2024)).toMatchObject({ gap: '30.75', change: '-0.25' });
  });

  it('the region page says the scale changed instead of a change', async () => {
    const m = await model();
    const region = m.pages().next().value as Page;
    const gap = region.sections.find((s) => s.id === 'gap')!;
    const rows = gap.tables![0].rows;
    const y2023 = rows.find((r) => r.year.t === '2023')!;
    expect(y2023.change.t).toBe('не считается: изменилась шкала');
    expect(rows.find((r) => r.year.t === '2024')!.change.v).toBeTypeOf('number');
  });

  it('a school going from 34,1 of 65 to 45,5 of 100 is not shown as a rise of 11,4', async () => {
    const m = await model();
    const page = [...m.pages()].find((p) => p.path === 'school/S01')!;
    const v = page.sections.find((s) => s.verdict)!.verdict!;
    const text = v.sentences.join(' ');
    expect(text).toContain('В 2023 году изменилась шкала экзамена (максимум 65 → 100)');
    expect(text).toContain('44,0 в 2023 году и 45,5 в 2024 году (+1,5)');
    expect(text).not.toContain('34,1');
    expect(v.label).toBe('Результаты выросли');
  });
});

describe('a school chart across a 65 → 100 scale break', () => {
  it('breaks the line, marks the new scale and compares only from the break', async () => {
    const m = await model();
    const page = [...m.pages()].find((p) => p.path === 'school/S01')!;
    const chart = page.sections.flatMap((s) => s.charts ?? []).find((c) => c.title.startsWith('ЕГЭ, Математика (профиль)'))!;
    // 2022 (34,1 of 65) → 2024 (45,5 of 100) would read «+11,4»; from 2023 on it is 44,0 → 45,5.
    expect(chart.summary).toContain('Школа: 44,0 в 2023 году и 45,5 в 2024 году (+1,5).');
    expect(chart.summary).toContain('В 2023 году изменилась шкала экзамена: более ранние годы с этими не сравниваются.');
    expect(chart.summary).not.toContain('+11,4');
    expect(chart.svg).toContain('новая шкала');
    // The school's line (its colour, no fill): a lone 2022 point, then one segment 2023–2024;
    // unbroken it would be one path with two segments (M … L … L).
    const line = chart.svg.match(/<g[^>]*stroke="#0072B2" fill="none">(.*?)<\/g>/)![1];
    const paths = line.match(/<path d="([^"]*)"/g)!;
    expect(paths).toHaveLength(2);
    expect(line.match(/L/g)).toHaveLength(1);
  });
});

/**
 * A declared conversion (manifest `rescale_to`): the 2022 file's means are put on the
 * 100-point scale by their share of the 65-point one, so the series is one. By hand:
 * 2022 top S12 52 → 80, S11 50 → 76,923 (50·100/65 = 76,9230…); bottom S02 32 → 49,231,
 * S03 34 → 52,308; gap (80 + 76,923)/2 − (49,231 + 52,308)/2 = 78,4615 − 50,7695 = 27,692;
 * 2023's gap 31 is then a change of +3,308. S01: 34,1 → 52,462, then 44,0 and 45,5.
 */
describe('a 65 → 100 scale change with a declared conversion', () => {
  async function converted() {
    const dir = mkdtempSync(join(tmpdir(), 'rescale-'));
    cpSync(resolve('test/fixtures/scale-break'), dir, { recursive: true });
    const yml = readFileSync(join(dir, 'dataset.yml'), 'utf8').replace('    scale: [0, 65]\n', '    scale: [0, 65]\n    rescale_to: [0, 100]\n');
    writeFileSync(join(dir, 'dataset.yml'), yml);
    const ds = await loadDataset(dir);
    expect(ds.problems.filter((p) => p.severity === 'error')).toEqual([]);
    return { ds, m: await builtModel(ds) };
  }

  it('computes the change across it, on the converted means', async () => {
    const { m } = await converted();
    const csv = fileText(m.files.find((f) => f.path === 'data/gap.csv')!.content).replace(/^\ufeff/, '').trim().split('\n').map((l) => l.split(','));
    const head = csv[0];
    const row = (year: number) => Object.fromEntries(head.map((h, i) => [h, csv.find((r) => r[0] === 'region' && r[2] === String(year))![i]]));
    expect(Number(row(2022).gap)).toBeCloseTo(27.692, 2);
    expect(Number(row(2023).change)).toBeCloseTo(3.308, 2);
    const results = fileText(m.files.find((f) => f.path === 'data/results.csv')!.content).replace(/^\ufeff/, '').trim().split('\n').map((l) => l.split(','));
    const rh = results[0];
    const s01 = results.find((r) => r[rh.indexOf('school_id')] === 'S01' && r[rh.indexOf('year')] === '2022')!;
    // results.csv gives means to a hundredth.
    expect(s01[rh.indexOf('mean')]).toBe('52.46');
  });

  it('draws one line and says where the numbers were converted', async () => {
    const { m } = await converted();
    const page = [...m.pages()].find((p) => p.path === 'school/S01')!;
    const chart = page.sections.flatMap((s) => s.charts ?? []).find((c) => c.title.startsWith('ЕГЭ, Математика (профиль)'))!;
    expect(chart.summary).toContain('Школа: 52,5 в 2022 году и 45,5 в 2024 году (−7,0).');
    expect(chart.summary).not.toContain('шкала');
    expect(chart.svg).not.toContain('новая шкала');
    expect(m.info.sources.find((s) => s.path === 'ege-2022.csv')!.rescaled).toEqual({ from: [0, 65], to: [0, 100] });
  });

  it('refuses a conversion without the scale it converts from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rescale-'));
    cpSync(resolve('test/fixtures/scale-break'), dir, { recursive: true });
    const yml = readFileSync(join(dir, 'dataset.yml'), 'utf8').replace('    scale: [0, 65]\n', '    rescale_to: [0, 100]\n');
    writeFileSync(join(dir, 'dataset.yml'), yml);
    const ds = await loadDataset(dir);
    const e = ds.problems.find((p) => p.severity === 'error' && p.message.includes('rescale_to без scale'));
    expect(e?.file).toBe('dataset.yml');
    expect(e?.line).toBeGreaterThan(0);
  });
});
