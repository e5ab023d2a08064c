/**
 * Pure chart specifications: data in, Plot options out. No DOM here; render.ts draws.
 * Colours are Okabe–Ito (safe for the common colour-vision deficiencies) and every
 * series is also told apart by dash pattern or mark shape, so greyscale print works.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../format/index.ts';

export const PALETTE = {
  school: '#0072B2',
  municipality: '#D55E00',
  region: '#000000',
  highlight: '#0072B2',
  muted: '#8c8c8c',
  top: '#009E73',
  bottom: '#CC79A7',
  target: '#E69F00',
} as const;

export interface SeriesPoint {
  year: number;
  value: number | null;
}
export interface Series {
  name: string;
  role: 'school' | 'municipality' | 'region' | 'top' | 'bottom' | 'target' | 'actual';
  points: SeriesPoint[];
}

const DASH: Record<Series['role'], string | undefined> = {
  school: undefined,
  actual: undefined,
  municipality: '6 3',
  region: '2 3',
  top: undefined,
  bottom: '6 3',
  target: '1 4',
};
const COLOR: Record<Series['role'], string> = {
  school: PALETTE.school,
  actual: PALETTE.school,
  municipality: PALETTE.municipality,
  region: PALETTE.region,
  top: PALETTE.top,
  bottom: PALETTE.bottom,
  target: PALETTE.target,
};
const SYMBOL: Record<Series['role'], string> = {
  school: 'circle',
  actual: 'circle',
  municipality: 'square',
  region: 'triangle',
  top: 'circle',
  bottom: 'square',
  target: 'diamond',
};

/**
 * Charts are drawn for a phone first: an SVG scales with its column (viewBox, width 100 %),
 * so a 640-px chart on a 375-px phone shrinks its 10-px labels to 5 px. Drawn 340 px wide
 * with 12-px text (site.css), a chart fills a 375-px phone's 343-px column at about its own
 * size, so no label is under 12 px; a wider screen draws it larger (site.css).
 */
export const CHART_WIDTH = 340;

const ruTick = (d: number) => formatNumber(d, Number.isInteger(d) ? 0 : 1);

/** Yearly lines; a null value breaks the line (never interpolated) and keeps its dot absent. */
export function linesOverYears(
  series: Series[],
  opts: { yLabel: string; yDomain?: [number, number]; width?: number; height?: number },
): Plot.PlotOptions {
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const marks: Plot.Markish[] = [Plot.ruleY([opts.yDomain?.[0] ?? 0], { stroke: '#ccc' })];
  for (const s of series) {
    const data = s.points.map((p) => ({ year: p.year, value: p.value, name: s.name }));
    marks.push(
      Plot.lineY(data, {
        x: 'year',
        y: 'value',
        stroke: COLOR[s.role],
        strokeWidth: s.role === 'school' || s.role === 'actual' ? 2.5 : 1.75,
        strokeDasharray: DASH[s.role],
      }),
      Plot.dot(
        data.filter((d) => d.value !== null),
        { x: 'year', y: 'value', fill: COLOR[s.role], symbol: () => SYMBOL[s.role], r: 3.5 },
      ),
    );
  }
  return {
    width: opts.width ?? CHART_WIDTH,
    height: opts.height ?? 280,
    marginRight: 24,
    marginLeft: 48,
    // Room for the axis label under the last year's tick at 12-px text.
    marginBottom: 38,
    x: { label: 'Год', labelOffset: 34, tickFormat: (d: number) => String(d), ticks: years, domain: [years[0] - 0.3, years[years.length - 1] + 0.3] },
    y: { label: opts.yLabel, grid: true, domain: opts.yDomain, tickFormat: ruTick, nice: true },
    marks,
  };
}

/**
 * Where one value (or a few) stands among all: a histogram of every school (constant
 * size however many schools there are), the 10 % bands shaded, the highlighted
 * schools drawn as marked ticks on top.
 */
export function stripWithBands(
  bins: { x0: number; x1: number; count: number }[],
  mine: { id: string; value: number }[],
  opts: { xLabel: string; bottomCut: number; topCut: number; width?: number },
): Plot.PlotOptions {
  const lo = bins[0].x0;
  const hi = bins[bins.length - 1].x1;
  return {
    width: opts.width ?? CHART_WIDTH,
    height: 180,
    marginLeft: 44,
    marginRight: 20,
    x: { label: opts.xLabel, tickFormat: ruTick, domain: [lo, hi], nice: true },
    y: { label: 'Школ', grid: true, tickFormat: ruTick },
    marks: [
      Plot.rectX([{ x1: lo, x2: opts.bottomCut }], { x1: 'x1', x2: 'x2', fill: PALETTE.bottom, fillOpacity: 0.18 }),
      Plot.rectX([{ x1: opts.topCut, x2: hi }], { x1: 'x1', x2: 'x2', fill: PALETTE.top, fillOpacity: 0.18 }),
      Plot.rectY(bins, { x1: 'x0', x2: 'x1', y: 'count', fill: PALETTE.muted, fillOpacity: 0.7, inset: 0.5 }),
      Plot.ruleY([0]),
      Plot.tickX(mine, { x: 'value', stroke: PALETTE.highlight, strokeWidth: 3 }),
      Plot.dot(mine, { x: 'value', frameAnchor: 'top', fill: PALETTE.highlight, r: 5, symbol: 'diamond', dy: 6 }),
    ],
  };
}

/** Municipalities (or schools) compared on one horizontal dot chart, sorted by value. */
export function dotsByName(
  rows: { name: string; value: number; highlight?: boolean }[],
  opts: { xLabel: string; reference?: number; width?: number },
): Plot.PlotOptions {
  const sorted = [...rows].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'ru'));
  let min = Infinity;
  for (const r of sorted) if (r.value < min) min = r.value;
  return {
    width: opts.width ?? CHART_WIDTH,
    height: 40 + sorted.length * 24,
    marginLeft: 170,
    marginBottom: 38,
    x: { label: opts.xLabel, labelOffset: 34, grid: true, tickFormat: ruTick, nice: true },
    y: { label: null, domain: sorted.map((r) => r.name) },
    marks: [
      ...(opts.reference !== undefined ? [Plot.ruleX([opts.reference], { stroke: PALETTE.region, strokeDasharray: '2 3' })] : []),
      Plot.ruleY(sorted, { y: 'name', x1: () => min, x2: 'value', stroke: '#ddd' }),
      Plot.dot(sorted, {
        y: 'name',
        x: 'value',
        r: 5,
        fill: (d) => (d.highlight ? PALETTE.municipality : PALETTE.school),
        symbol: (d) => (d.highlight ? 'square' : 'circle'),
      }),
    ],
  };
}

/** Actual against expected: score on the social index with the fitted line. */
export function contextScatter(
  points: { x: number; y: number; highlight: boolean }[],
  line: { slope: number; intercept: number },
  opts: { xLabel: string; yLabel: string; width?: number },
): Plot.PlotOptions {
  const xs = points.map((p) => p.x);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  return {
    width: opts.width ?? CHART_WIDTH,
    height: 320,
    x: { label: opts.xLabel, tickFormat: ruTick, grid: true },
    y: { label: opts.yLabel, tickFormat: ruTick, grid: true },
    marks: [
      Plot.dot(points.filter((p) => !p.highlight), { x: 'x', y: 'y', stroke: PALETTE.muted, r: 2.5 }),
      Plot.line(
        [
          { x: x0, y: line.intercept + line.slope * x0 },
          { x: x1, y: line.intercept + line.slope * x1 },
        ],
        { x: 'x', y: 'y', stroke: PALETTE.region, strokeDasharray: '6 3' },
      ),
      Plot.dot(points.filter((p) => p.highlight), { x: 'x', y: 'y', fill: PALETTE.highlight, r: 6, symbol: 'diamond' }),
    ],
  };
}
