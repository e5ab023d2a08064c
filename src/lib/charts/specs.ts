/**
 * Pure chart specifications: data in, Plot options out. No DOM here; render.ts draws.
 * Colours are Okabe–Ito (safe for the common colour-vision deficiencies) and every
 * series is also told apart by dash pattern or mark shape, so greyscale print works.
 */
import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import { formatNumber } from '../format/index.ts';
import { t } from '../words/index.ts';
import { intlLocale } from '../words/locale.ts';

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
 * Charts are drawn for a phone first and scale with the column (render.ts drops the fixed
 * width and height, site.css sets width: 100%): every chart is CHART_WIDTH user units wide
 * with FONT_SIZE-unit text. In the 343-px column of a 375-px phone (1rem padding each
 * side) the text is 12 × 343 / 340 ≈ 12.1 px; on a wide screen the chart grows to the
 * column's max-width (site.css) and its text with it. test/charts checks every chart type.
 */
export const CHART_WIDTH = 340;
export const FONT_SIZE = 12;

/**
 * An axis title fits the 340-unit chart on one line (Plot does not wrap it): about 44
 * characters of 12-unit text. A longer one (a dataset's own measure name, say) is cut at a
 * word with «…»; the chart's title above says it in full.
 */
export function axisLabel(label: string, max = 44): string {
  if (label.length <= max) return label;
  const cut = label.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ') > max / 2 ? cut.slice(0, cut.lastIndexOf(' ')) : cut;
  return `${atWord.replace(/[\s,;:–—-]+$/, '')}…`;
}

const tick = (d: number) => formatNumber(d, Number.isInteger(d) ? 0 : 1);

/** A year tick is about 30 units wide at 12-unit text: past seven years every other one is labelled. */
function yearTicks(years: number[]): number[] {
  if (years.length <= 7) return years;
  const last = years[years.length - 1];
  // Counted back from the latest year, so the year the summary speaks of is always labelled.
  return years.filter((y) => (last - y) % 2 === 0);
}

function yearAxis(years: number[]): Plot.ScaleOptions {
  return { label: t().charts.year, labelOffset: 34, tickFormat: (d: number) => String(d), ticks: yearTicks(years), domain: [years[0] - 0.3, years[years.length - 1] + 0.3] };
}

/** Yearly lines; a null value breaks the line (never interpolated) and keeps its dot absent. */
export function linesOverYears(
  series: Series[],
  opts: { yLabel: string; yDomain?: [number, number]; width?: number; height?: number; scaleBreaks?: number[]; zero?: boolean },
): Plot.PlotOptions {
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  // A change of scale starts a new segment of every line (z), marked by a dashed rule.
  const breaks = [...(opts.scaleBreaks ?? [])].sort((a, b) => a - b);
  const newScale = t().charts.newScale;
  // A baseline at the domain's bottom, or at zero; none for a score scale whose range is
  // not known (SAT runs 200–800: a zero line would squash the lines into the top third).
  const marks: Plot.Markish[] = opts.zero === false && !opts.yDomain ? [] : [Plot.ruleY([opts.yDomain?.[0] ?? 0], { stroke: '#ccc' })];
  for (const b of breaks) {
    marks.push(
      Plot.ruleX([b - 0.5], { stroke: PALETTE.region, strokeDasharray: '4 3' }),
      Plot.text([b - 0.5], { x: (d: number) => d, frameAnchor: 'top', text: () => newScale, textAnchor: 'start', dx: 3, dy: 2, fill: PALETTE.region }),
    );
  }
  for (const s of series) {
    const data = s.points.map((p) => ({ year: p.year, value: p.value, name: s.name, seg: breaks.filter((b) => b <= p.year).length }));
    marks.push(
      Plot.lineY(data, {
        x: 'year',
        y: 'value',
        z: 'seg',
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
    height: opts.height ?? 260,
    marginRight: 20,
    marginLeft: 44,
    // Room for the axis label under the last year's tick at 12-unit text.
    marginBottom: 38,
    x: yearAxis(years),
    y: { label: axisLabel(opts.yLabel), grid: true, domain: opts.yDomain, tickFormat: tick, nice: true },
    marks,
  };
}

export interface GapPoint {
  year: number;
  top: number | null;
  bottom: number | null;
  /** The published gap (top − bottom); null when a group mean is withheld. */
  gap: number | null;
}

/**
 * The gap itself: the best and the worst group as two lines with the band between them
 * shaded and the gap written in the band for each year. The axis spans the two groups
 * only (no forced zero), so a gap of 10 on scores around 65 is a sixth of the height, not
 * a sliver. A change of scale breaks the lines and the band and is marked with a rule.
 */
export function gapBand(points: GapPoint[], opts: { yLabel: string; scaleBreaks?: number[]; gapDigits?: number; width?: number }): Plot.PlotOptions {
  const years = points.map((p) => p.year).sort((a, b) => a - b);
  const breaks = [...(opts.scaleBreaks ?? [])].sort((a, b) => a - b);
  const newScale = t().charts.newScale;
  // A segment per stretch of comparable years: lines and band never cross a change of scale.
  type Row = GapPoint & { seg: number };
  const data: Row[] = points.map((p) => ({ ...p, seg: breaks.filter((b) => b <= p.year).length }));
  const values = data.flatMap((d) => [d.top, d.bottom]).filter((v): v is number => v !== null);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  // Padding above and below, so labels in a narrow band and the top line stay inside the frame.
  const pad = Math.max((hi - lo) * 0.15, Math.abs(hi) * 0.02, 0.5);
  const marks: Plot.Markish[] = [
    Plot.areaY(data, {
      x: 'year',
      y1: (d: Row) => (d.top === null || d.bottom === null ? NaN : d.bottom),
      y2: (d: Row) => (d.top === null || d.bottom === null ? NaN : d.top),
      z: 'seg',
      fill: PALETTE.muted,
      fillOpacity: 0.25,
    }),
    ...breaks.map((b) => Plot.ruleX([b - 0.5], { stroke: PALETTE.region, strokeDasharray: '4 3' })),
    ...breaks.map((b) => Plot.text([b - 0.5], { x: (d: number) => d, frameAnchor: 'top', text: () => newScale, textAnchor: 'start', dx: 3, dy: 2, fill: PALETTE.region })),
  ];
  for (const role of ['top', 'bottom'] as const) {
    const rows = data.map((d) => ({ year: d.year, value: d[role], seg: d.seg }));
    marks.push(
      Plot.lineY(rows, { x: 'year', y: 'value', z: 'seg', stroke: COLOR[role], strokeWidth: 2, strokeDasharray: DASH[role] }),
      Plot.dot(
        rows.filter((d) => d.value !== null),
        { x: 'year', y: 'value', fill: COLOR[role], symbol: () => SYMBOL[role], r: 3.5 },
      ),
    );
  }
  marks.push(
    Plot.text(
      data.filter((d) => d.top !== null && d.bottom !== null && d.gap !== null),
      {
        x: 'year',
        y: (d: Row) => (d.top! + d.bottom!) / 2,
        text: (d: Row) => formatNumber(d.gap!, opts.gapDigits ?? 1),
        fontWeight: 700,
        fill: PALETTE.region,
        stroke: 'white',
      },
    ),
  );
  return {
    width: opts.width ?? CHART_WIDTH,
    height: 260,
    marginRight: 24,
    marginLeft: 44,
    marginBottom: 38,
    x: yearAxis(years),
    y: { label: axisLabel(opts.yLabel), grid: true, domain: [lo - pad, hi + pad], tickFormat: tick, nice: true },
    marks,
  };
}

/**
 * Deterministic beeswarm: each value, in order, takes the free row nearest the axis
 * (0, 1, −1, 2, −2 …; in a row, two dots are at least `diameter` apart). Returns each
 * dot's row and the largest |row| used.
 */
export function swarmRows(xs: number[], diameter: number): { rows: number[]; maxRow: number } {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x || a.i - b.i);
  const rows = new Array<number>(xs.length).fill(0);
  const lastInRow = new Map<number, number>();
  let maxRow = 0;
  for (const { x, i } of order) {
    for (let k = 0; ; k++) {
      const row = k === 0 ? 0 : k % 2 ? (k + 1) / 2 : -k / 2;
      const prev = lastInRow.get(row);
      if (prev === undefined || x - prev >= diameter) {
        lastInRow.set(row, x);
        rows[i] = row;
        maxRow = Math.max(maxRow, Math.abs(row));
        break;
      }
    }
  }
  return { rows, maxRow };
}

/**
 * Where one value (or a few) stands among all. Above: every school of the region as a
 * grey histogram (constant size however many schools there are). Below: the highlighted
 * schools as a beeswarm, one dot per school, never overlapping. The bottom and top
 * groups are shaded across both, their cuts drawn as rules. One school is a larger
 * diamond with its value written above it.
 */
export function stripWithBands(
  bins: { x0: number; x1: number; count: number }[],
  mine: { id: string; value: number }[],
  opts: { xLabel: string; bottomCut: number; topCut: number; width?: number; valueDigits?: number },
): Plot.PlotOptions {
  const width = opts.width ?? CHART_WIDTH;
  const marginLeft = 16;
  const marginRight = 16;
  const values = mine.map((m) => m.value);
  const x = scaleLinear()
    .domain([Math.min(bins[0].x0, ...values), Math.max(bins[bins.length - 1].x1, ...values)])
    .range([marginLeft, width - marginRight])
    .nice(5);
  const [lo, hi] = x.domain();
  const single = mine.length === 1;
  const r = single ? 7 : mine.length > 150 ? 3 : 4.5;
  const step = 2 * r + 1;
  const { rows, maxRow } = swarmRows(
    mine.map((m) => x(m.value)),
    step,
  );
  // Heights in px from the bottom of the frame: the swarm, a gap, then the histogram.
  const histH = 48;
  const between = single ? 28 : 12;
  const swarmH = Math.max(2 * r + 10, (2 * maxRow + 1) * step + 6);
  const marginTop = 8;
  const marginBottom = 40;
  const inner = swarmH + between + histH;
  const histBase = swarmH + between;
  let maxCount = 1;
  for (const b of bins) if (b.count > maxCount) maxCount = b.count;
  const dots = mine.map((m, i) => ({ value: m.value, y: swarmH / 2 + rows[i] * step }));
  const band = (x1: number, x2: number, fill: string) => Plot.rect([{ x1, x2 }], { x1: 'x1', x2: 'x2', y1: 0, y2: inner, fill, fillOpacity: 0.18 });
  const cut = (at: number, stroke: string) => Plot.ruleX([at], { y1: 0, y2: inner, stroke, strokeWidth: 1.5, strokeDasharray: '4 3' });
  const px = x(values[0] ?? lo);
  return {
    width,
    height: marginTop + inner + marginBottom,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    x: { label: axisLabel(opts.xLabel), labelOffset: 34, labelAnchor: 'center', tickFormat: tick, domain: [lo, hi], ticks: 5 },
    // y is in px above the bottom of the frame; it has no axis.
    y: { axis: null, domain: [0, inner] },
    marks: [
      band(lo, opts.bottomCut, PALETTE.bottom),
      band(opts.topCut, hi, PALETTE.top),
      Plot.rect(bins, { x1: 'x0', x2: 'x1', y1: histBase, y2: (b: { count: number }) => histBase + (b.count / maxCount) * histH, fill: PALETTE.muted, inset: 0.3 }),
      Plot.ruleY([histBase], { stroke: PALETTE.muted }),
      cut(opts.bottomCut, PALETTE.bottom),
      cut(opts.topCut, PALETTE.top),
      Plot.ruleY([0]),
      Plot.dot(dots, { x: 'value', y: 'y', r, symbol: single ? 'diamond' : 'circle', fill: PALETTE.highlight, stroke: 'white', strokeWidth: 1 }),
      ...(single
        ? [
            Plot.text(dots, {
              x: 'value',
              y: 'y',
              dy: -r - 9,
              text: (d: { value: number }) => formatNumber(d.value, opts.valueDigits ?? 1),
              fontWeight: 700,
              fill: PALETTE.highlight,
              stroke: 'white',
              // Near an edge the label turns inwards instead of leaving the frame.
              textAnchor: px < marginLeft + 20 ? 'start' : px > width - marginRight - 20 ? 'end' : 'middle',
            }),
          ]
        : []),
    ],
  };
}

/**
 * Municipalities (or schools) compared on one dot chart, sorted by value. Each name and
 * value is written above its own row across the whole width (a phone has no room for a
 * name column); a name longer than the width is cut with an ellipsis (the table has it whole).
 */
export function dotsByName(
  rows: { name: string; value: number; highlight?: boolean }[],
  opts: { xLabel: string; reference?: number; width?: number },
): Plot.PlotOptions {
  const sorted = [...rows].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, intlLocale()));
  const width = opts.width ?? CHART_WIDTH;
  let min = Infinity;
  for (const r of sorted) if (r.value < min) min = r.value;
  const rowH = 38;
  const marginLeft = 16;
  const marginRight = 20;
  return {
    width,
    height: 16 + sorted.length * rowH + 40,
    marginLeft,
    marginRight,
    marginTop: 16,
    marginBottom: 40,
    x: { label: axisLabel(opts.xLabel), labelOffset: 34, labelAnchor: 'center', grid: true, tickFormat: tick, nice: true, ticks: 5, insetLeft: 6, insetRight: 6 },
    // Each band: the name in its upper half, the dot in its lower half.
    y: { axis: null, domain: sorted.map((r) => r.name), padding: 0, insetBottom: 14 },
    marks: [
      ...(opts.reference !== undefined ? [Plot.ruleX([opts.reference], { stroke: PALETTE.region, strokeDasharray: '2 3' })] : []),
      Plot.ruleY(sorted, { y: 'name', x1: () => min, x2: 'value', stroke: '#bbb', dy: 8 }),
      Plot.dot(sorted, {
        y: 'name',
        x: 'value',
        dy: 8,
        r: 5,
        fill: (d) => (d.highlight ? PALETTE.municipality : PALETTE.school),
        symbol: (d) => (d.highlight ? 'square' : 'circle'),
      }),
      Plot.text(sorted, {
        y: 'name',
        frameAnchor: 'left',
        dy: -8,
        text: (d) => `${d.name} — ${formatNumber(d.value, 1)}`,
        // lineWidth is in ems by Plot's Helvetica metrics; system sans fonts run up to
        // about a sixth wider, so the line is kept that much shorter. The value stays.
        lineWidth: ((width - marginLeft - marginRight) / FONT_SIZE) * 0.82,
        textOverflow: 'ellipsis-middle',
        fill: PALETTE.region,
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
    height: 300,
    marginLeft: 40,
    marginRight: 16,
    marginBottom: 40,
    x: { label: axisLabel(opts.xLabel), labelOffset: 34, labelAnchor: 'center', tickFormat: tick, grid: true, ticks: 5 },
    y: { label: axisLabel(opts.yLabel), tickFormat: tick, grid: true },
    marks: [
      Plot.dot(points.filter((p) => !p.highlight), { x: 'x', y: 'y', stroke: PALETTE.muted, r: 2.5 }),
      Plot.line(
        [
          { x: x0, y: line.intercept + line.slope * x0 },
          { x: x1, y: line.intercept + line.slope * x1 },
        ],
        { x: 'x', y: 'y', stroke: PALETTE.region, strokeDasharray: '6 3' },
      ),
      Plot.dot(points.filter((p) => p.highlight), { x: 'x', y: 'y', fill: PALETTE.highlight, r: 6, symbol: 'diamond', stroke: 'white', strokeWidth: 1.5 }),
    ],
  };
}
