/**
 * Snapshot tests, as Plot's own: each chart type is rendered from a fixed input (random
 * values from a fixed seed) and compared with its committed file in snapshots/. A missing
 * file is written only with UPDATE_SNAPSHOTS=1 (then check it by eye and commit it);
 * otherwise the test fails. A changed chart fails until its snapshot is deleted and
 * written again the same way.
 *
 * And every chart stays legible on a phone: no text under 12 px when the chart is 375 px
 * wide (viewBox width against 375, font-size attributes in viewBox units).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomLcg, randomNormal } from 'd3';
import { describe, expect, it } from 'vitest';
import { renderPlot } from '../../src/lib/charts/render.ts';
import { sparkline } from '../../src/lib/charts/sparkline.ts';
import { contextScatter, dotsByName, gapBand, linesOverYears, stripWithBands } from '../../src/lib/charts/specs.ts';

const SNAPSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'snapshots');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

/** Normal scores from a fixed seed: the same numbers on every run and machine. */
function scores(n: number, seed: number, mean = 66, sd = 4): number[] {
  const next = randomNormal.source(randomLcg(seed))(mean, sd);
  return Array.from({ length: n }, () => Math.round(next() * 10) / 10);
}

function binsOf(values: number[], count = 30) {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const w = (hi - lo) / count;
  const bins = Array.from({ length: count }, (_, i) => ({ x0: lo + i * w, x1: lo + (i + 1) * w, count: 0 }));
  for (const v of values) bins[Math.min(count - 1, Math.floor((v - lo) / w))].count++;
  return bins;
}

const region = scores(400, 1);
const sortedRegion = [...region].sort((a, b) => a - b);
const cuts = { bottomCut: sortedRegion[39], topCut: sortedRegion[sortedRegion.length - 40] };
const municipality = scores(49, 2).map((value, i) => ({ id: `s${i}`, value }));
const contextPoints = scores(60, 3).map((y, i) => ({ x: Math.round(((i * 37) % 60) / 6) / 10 - 0.5, y, highlight: i === 7 }));

const CHARTS: Record<string, () => string> = {
  'lines-over-years': () =>
    renderPlot(
      linesOverYears(
        [
          { name: 'Школа', role: 'school', points: [2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year, i) => ({ year, value: i === 2 ? null : 60 + i * 1.3 })) },
          { name: 'Регион', role: 'region', points: [2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year, i) => ({ year, value: 64 + (i % 3) * 0.4 })) },
        ],
        { yLabel: 'Средний балл' },
      ),
      'Средний балл по годам',
    ),
  'gap-band': () =>
    renderPlot(
      gapBand(
        [
          { year: 2019, top: 74.6, bottom: 59.8, gap: 14.8 },
          { year: 2020, top: 75.2, bottom: 59.8, gap: 15.4 },
          { year: 2021, top: null, bottom: 61.3, gap: null },
          { year: 2022, top: 74.8, bottom: 60.3, gap: 14.5 },
          { year: 2023, top: 74.7, bottom: 61.0, gap: 13.7 },
          { year: 2024, top: 73.5, bottom: 60.4, gap: 13.1 },
          { year: 2025, top: 74.5, bottom: 61.4, gap: 13.1 },
        ],
        { yLabel: 'Средний балл' },
      ),
      'Разрыв',
    ),
  'gap-band-scale-break': () =>
    renderPlot(
      gapBand(
        [
          { year: 2022, top: 4.6, bottom: 3.1, gap: 1.5 },
          { year: 2023, top: 4.5, bottom: 3.2, gap: 1.3 },
          { year: 2024, top: 71.0, bottom: 52.0, gap: 19.0 },
          { year: 2025, top: 72.0, bottom: 55.0, gap: 17.0 },
        ],
        { yLabel: 'Средний балл', scaleBreaks: [2024] },
      ),
      'Разрыв со сменой шкалы',
    ),
  'strip-municipality': () => renderPlot(stripWithBands(binsOf(region), municipality, { xLabel: 'Средний балл', ...cuts }), 'Школы муниципалитета'),
  'strip-school': () => renderPlot(stripWithBands(binsOf(region), [{ id: 'a', value: 71.3 }], { xLabel: 'Средний балл', ...cuts }), 'Место школы'),
  'dots-by-name': () =>
    renderPlot(
      dotsByName(
        ['город Северогорск', 'город Озёрнинск', 'Кедровский район', 'Таёжный муниципальный округ имени очень длинного названия', 'Берёзовский район'].map((name, i) => ({ name, value: 68 - i * 1.7, highlight: i === 2 })),
        { xLabel: 'Средний балл', reference: 65.2 },
      ),
      'Муниципалитеты',
    ),
  'context-scatter': () => renderPlot(contextScatter(contextPoints, { slope: 4, intercept: 64 }, { xLabel: 'Индекс социального благополучия', yLabel: 'Средний балл' }), 'Ожидаемый результат'),
  sparkline: () => sparkline([2019, 2020, 2021, 2022, 2023].map((year, i) => ({ year, value: i === 1 ? null : 60 + i })), { label: 'Динамика' }),
};

describe('chart snapshots', () => {
  for (const [name, render] of Object.entries(CHARTS)) {
    it(name, () => {
      const svg = render();
      expect(svg, 'rendering is deterministic').toBe(render());
      const file = join(SNAPSHOTS, `${name}.svg`);
      if (!existsSync(file)) {
        if (!UPDATE) throw new Error(`No snapshot ${file}: run with UPDATE_SNAPSHOTS=1 to write it, look at it, and commit it.`);
        mkdirSync(SNAPSHOTS, { recursive: true });
        writeFileSync(file, `${svg}\n`);
      }
      expect(`${svg}\n`).toBe(readFileSync(file, 'utf8'));
    });
  }
});

/** The smallest text of a chart in CSS px when the chart is drawn `cssWidth` px wide. */
function smallestTextPx(svg: string, cssWidth: number): number | null {
  const root = svg.match(/^<svg [^>]*>/)![0];
  const viewBox = root.match(/viewBox="([^"]+)"/);
  expect(viewBox, 'a chart scales by its viewBox').not.toBeNull();
  const vbWidth = Number(viewBox![1].split(/[\s,]+/)[2]);
  const sizes = [...svg.matchAll(/font-size="([\d.]+)(px)?"/g)].map((m) => Number(m[1]));
  if (!/<text[\s>]/.test(svg)) return null;
  // Text without a size of its own inherits the browser default (16 px) only if the root has none.
  expect(root, 'the root sets the text size').toMatch(/font-size="/);
  return (Math.min(...sizes) * cssWidth) / vbWidth;
}

describe('chart text on a phone', () => {
  for (const [name, render] of Object.entries(CHARTS)) {
    it(`${name}: no text under 12 px at 375 px, no fixed width`, () => {
      const svg = render();
      const px = smallestTextPx(svg, 375);
      if (name === 'sparkline') {
        // A table's sparkline has no text and keeps its small fixed size.
        expect(px).toBeNull();
        return;
      }
      expect(px).not.toBeNull();
      expect(px!).toBeGreaterThanOrEqual(12);
      const root = svg.match(/^<svg [^>]*>/)![0];
      expect(root).not.toMatch(/ width="/);
      expect(root).not.toMatch(/ height="/);
    });
  }
});
