/**
 * Chart records for the site model: spec + render + summary sentence + data table,
 * built together so the table under a chart is exactly the data drawn.
 */
import { chartSvg } from '../charts/cache.ts';
import type { Series, GapPoint } from '../charts/specs.ts';
import { capitalize, formatNumber, formatChange, roundAsShown, stateLabel } from '../format/index.ts';
import { t } from '../words/index.ts';
import { intlLocale } from '../words/locale.ts';
import { numCell, textCell } from './cells.ts';
import type { Chart, Column, DataTable } from './types.ts';

export interface SeriesWithReasons extends Series {
  /** For years without a value: why (shown in the table and in the summary). */
  reasons?: Record<number, { state: 'missing' | 'suppressed' | 'na'; reason?: string; coded?: string }>;
}

/**
 * Legend words read mid-sentence in lower case («муниципалитет — 74,9», «школьный округ —
 * 480»): the school, area and region series are named by common nouns (the area's from
 * settings.area_names); other series keep their names.
 */
const GENERIC_ROLES = new Set<Series['role']>(['school', 'municipality', 'region']);
const inSentence = (s: Series) => (GENERIC_ROLES.has(s.role) ? s.name.charAt(0).toLocaleLowerCase(intlLocale()) + s.name.slice(1) : s.name);

export function yearLinesChart(args: {
  id: string;
  title: string;
  yLabel: string;
  unit: string;
  digits?: number;
  series: SeriesWithReasons[];
  minParticipants: number;
  yDomain?: [number, number];
  /** Years that start a new score scale (scales.ts): no change is read across them. */
  scaleBreaks?: number[];
  /** False for a score whose scale does not start at zero and is not known (no zero line). */
  zero?: boolean;
}): Chart | null {
  const m = t().charts;
  const digits = args.digits ?? 1;
  const main = args.series[0];
  const allKnown = main.points.filter((p) => p.value !== null);
  if (allKnown.length === 0) return null;
  const table = yearSeriesTable(args);
  const last = allKnown[allKnown.length - 1];
  // Across a change of scale the numbers do not compare: the summary starts at the last
  // change before the latest published year.
  const lastBreak = Math.max(-Infinity, ...(args.scaleBreaks ?? []).filter((b) => b <= last.year && b > allKnown[0].year));
  const known = allKnown.filter((p) => p.year >= lastBreak);
  const first = known[0];
  const fmt = (v: number) => m.valueWithUnit(formatNumber(v, digits), args.unit === '%');
  let summary =
    known.length === 1
      ? m.lines.oneYear(main.name, fmt(last.value!), last.year)
      : // The change between the two numbers as shown, so the sentence adds up («3,0 … 3,5 (+0,5)»).
        m.lines.twoYears(main.name, fmt(first.value!), first.year, fmt(last.value!), last.year, formatChange(roundAsShown(last.value!, digits) - roundAsShown(first.value!, digits), digits));
  if (Number.isFinite(lastBreak)) summary += m.lines.scaleBreak(lastBreak);
  const comparators = args.series.slice(1).map((s) => ({ s, p: s.points.find((q) => q.year === last.year && q.value !== null) })).filter((d) => d.p);
  if (comparators.length) summary += m.inYear(last.year, comparators.map((d) => m.item(inSentence(d.s), fmt(d.p!.value!))));
  const hidden = main.points.filter((p) => p.value === null && main.reasons?.[p.year]?.state === 'suppressed').map((p) => p.year);
  if (hidden.length) {
    // Years grouped by why they are hidden: too few participants, protection against
    // subtraction, or the publisher's own suppression.
    const byReason = new Map<string, number[]>();
    for (const y of hidden) {
      const why = main.reasons?.[y]?.reason ?? stateLabel('suppressed', args.minParticipants);
      byReason.set(why, [...(byReason.get(why) ?? []), y]);
    }
    summary += m.lines.hidden([...byReason].map(([why, years]) => [years.join(', '), why]));
  }
  // A share coded as a band in a small group (disclosure.ts) is said as its band, no number.
  const byBand = new Map<string, number[]>();
  for (const p of main.points) {
    const band = p.value === null ? main.reasons?.[p.year]?.coded : undefined;
    if (band) byBand.set(band, [...(byBand.get(band) ?? []), p.year]);
  }
  if (byBand.size) summary += m.lines.coded([...byBand].map(([band, years]) => [years.join(', '), band]));
  const opts = { yLabel: `${args.yLabel}`, yDomain: args.yDomain, ...(args.scaleBreaks?.length ? { scaleBreaks: args.scaleBreaks } : {}), ...(args.zero === false ? { zero: false } : {}) };
  const svg = chartSvg('lines', [args.series, opts], args.title);
  return {
    id: args.id,
    title: args.title,
    summary,
    svg,
    legend: args.series.map((s) => ({ label: s.name, key: s.role })),
    table,
  };
}

/** The table behind a yearly line chart; also shown alone when no year can be drawn. */
export function yearSeriesTable(args: { id: string; title: string; unit: string; digits?: number; series: SeriesWithReasons[]; minParticipants: number }): DataTable {
  const digits = args.digits ?? 1;
  const years = [...new Set(args.series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  const columns: Column[] = [{ key: 'year', label: t().charts.year }, ...args.series.map((s, i) => ({ key: `s${i}`, label: `${s.name}, ${args.unit}`, numeric: true }))];
  const rows = years.map((year) => {
    const row: DataTable['rows'][number] = { year: textCell(String(year)) };
    args.series.forEach((s, i) => {
      const p = s.points.find((q) => q.year === year);
      const why = s.reasons?.[year];
      row[`s${i}`] = numCell(p?.value ?? null, p?.value === null || !p ? (why?.state ?? 'missing') : 'value', { digits, minParticipants: args.minParticipants, reason: why?.reason, coded: p?.value === null ? why?.coded : undefined });
    });
    return row;
  });
  return { id: args.id.replace(/\//g, '-'), caption: args.title, columns, rows };
}

/**
 * The gap between the best and the worst group by year: both groups' lines with the gap
 * drawn as the band between them. The summary says what happened to the gap, never
 * across a change of scale (then it compares from the first year of the new scale).
 */
export function gapChart(args: {
  id: string;
  title: string;
  yLabel: string;
  /** '%' for a share (the gap is then in percentage points), otherwise a score. */
  unit: string;
  groups: { top: string; bottom: string };
  points: (GapPoint & { scaleBreak?: boolean; hidden?: boolean })[];
  /** Why a year's value is not shown (a withheld group mean). */
  hiddenReason: string;
}): Chart | null {
  const points = [...args.points].sort((a, b) => a.year - b.year);
  const known = points.filter((p) => p.gap !== null && p.top !== null && p.bottom !== null);
  if (known.length === 0) return null;
  const m = t().charts;
  const share = args.unit === '%';
  const val = (v: number) => m.valueWithUnit(formatNumber(v, 1), share);
  const gapVal = (v: number) => (share ? m.points(formatNumber(v, 1)) : formatNumber(v, 1));
  const breaks = points.filter((p) => p.scaleBreak).map((p) => p.year);
  const last = known[known.length - 1];
  // The first comparable year: none before the last change of scale at or before `last`.
  const since = Math.max(-Infinity, ...breaks.filter((b) => b <= last.year));
  const first = known.find((p) => p.year >= since)!;
  let summary: string;
  if (first === last) {
    summary = m.gap.oneYear(args.groups.top, args.groups.bottom, last.year, gapVal(last.gap!));
    summary += known.length > 1 ? m.gap.notComparable : m.gap.noOtherYears;
  } else {
    const change = roundAsShown(last.gap!, 1) - roundAsShown(first.gap!, 1);
    summary = m.gap.changed(args.groups.top, args.groups.bottom, Math.sign(change), gapVal(first.gap!), first.year, gapVal(last.gap!), last.year, formatChange(change, 1));
    if (first.year === since) summary += m.gap.scaleBefore(first.year);
  }
  summary += m.inYear(last.year, [m.item(args.groups.top, val(last.top!)), m.item(args.groups.bottom, val(last.bottom!))]);
  const hidden = points.filter((p) => p.hidden).map((p) => p.year);
  if (hidden.length) summary += m.gap.hidden(hidden, args.hiddenReason);
  const cell = (v: number | null, hiddenYear?: boolean) =>
    v !== null ? numCell(v, 'value', { digits: 1 }) : hiddenYear ? numCell(null, 'suppressed', { reason: args.hiddenReason }) : numCell(null, 'missing');
  const table: DataTable = {
    id: args.id.replace(/\//g, '-'),
    caption: args.title,
    columns: [
      { key: 'year', label: m.year },
      { key: 'top', label: m.gap.groupColumn(args.groups.top, share), numeric: true },
      { key: 'bottom', label: m.gap.groupColumn(args.groups.bottom, share), numeric: true },
      { key: 'gap', label: m.gap.gapColumn(share), numeric: true },
    ],
    rows: points.map((p) => ({ year: textCell(String(p.year)), top: cell(p.top, p.hidden), bottom: cell(p.bottom, p.hidden), gap: cell(p.gap, p.hidden) })),
  };
  return {
    id: args.id,
    title: args.title,
    summary,
    svg: chartSvg('gap', [points, args.yLabel, breaks], args.title),
    legend: [
      { label: args.groups.top, key: 'top' },
      { label: args.groups.bottom, key: 'bottom' },
      { label: m.gap.legend, key: 'gap' },
    ],
    table,
  };
}

export function positionChart(args: {
  id: string;
  title: string;
  xLabel: string;
  unit: string;
  /** The highlighted schools only; the others are drawn from `bins`. */
  values: { id: string; name: string; value: number; highlight: boolean }[];
  bins: { x0: number; x1: number; count: number }[];
  /** value → rank among all (1 = best), precomputed once per year. */
  rankOf: (value: number) => number;
  total: number;
  bottomCut: number;
  topCut: number;
  /** A school's group in the gap (its lists), the one definition of «top/bottom 10 %». */
  groupOf: (id: string) => 'top' | 'bottom' | 'none';
  subject: string;
  /** The groups' names under the settings in force («10 % лучших»). */
  groups: { top: string; bottom: string };
  /** Whose schools are highlighted: one school's page, or a municipality's. */
  scope?: 'school' | 'municipality';
  /** What the dataset calls an area, in the genitive («муниципалитета», «школьного округа»). */
  areaGenitive?: string;
}): Chart {
  const m = t().charts;
  const mine = [...args.values].sort((a, b) => b.value - a.value || a.id.localeCompare(b.id));
  const n = args.total;
  const fmt = (v: number) => m.valueWithUnit(formatNumber(v, 1), args.unit === '%');
  const areaGenitive = args.areaGenitive ?? m.position.areaGenitive;
  let summary: string;
  if (args.scope !== 'municipality' && mine.length === 1) {
    const rank = args.rankOf(mine[0].value);
    const { top, bottom } = args.groups;
    const band = args.groupOf(mine[0].id);
    summary = m.position.school({ subject: args.subject, value: fmt(mine[0].value), rank, total: n, band, top, bottom, topCut: fmt(args.topCut), bottomCut: fmt(args.bottomCut) });
  } else {
    const inTop = mine.filter((v) => args.groupOf(v.id) === 'top').length;
    const inBottom = mine.filter((v) => args.groupOf(v.id) === 'bottom').length;
    summary = m.position.area({ subject: args.subject, count: mine.length, areaGenitive, top: args.groups.top, bottom: args.groups.bottom, inTop, inBottom, total: n });
  }
  const table: DataTable = {
    id: args.id.replace(/\//g, '-'),
    caption: args.title,
    columns: [
      { key: 'name', label: m.position.schoolColumn },
      { key: 'value', label: `${args.xLabel}`, numeric: true },
      { key: 'rank', label: m.position.rankOf(n), numeric: true },
    ],
    rows: mine.map((v) => ({
      name: textCell(v.name),
      value: numCell(v.value, 'value', { digits: 1 }),
      rank: numCell(args.rankOf(v.value), 'value', { digits: 0 }),
    })),
  };
  return {
    id: args.id,
    title: args.title,
    summary,
    svg: chartSvg('strip', [args.bins, mine, args.xLabel, args.bottomCut, args.topCut], args.title),
    legend: [
      { label: args.scope === 'municipality' ? (mine.length === 1 ? m.position.areaSchool(areaGenitive) : m.position.areaSchools(areaGenitive)) : m.thisSchool, key: args.scope === 'municipality' ? 'school-dot' : 'school-diamond' },
      { label: m.position.others, key: 'others' },
      { label: args.groups.top, key: 'band-top' },
      { label: args.groups.bottom, key: 'band-bottom' },
    ],
    table,
  };
}

export function compareByNameChart(args: {
  id: string;
  title: string;
  xLabel: string;
  unit: string;
  rows: { name: string; value: number; highlight?: boolean; href?: string }[];
  reference?: { label: string; value: number };
  /** What a row is («Муниципалитет», «Школьный округ»): the table's first column. */
  nameLabel?: string;
}): Chart {
  const m = t().charts;
  const sorted = [...args.rows].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, intlLocale()));
  const fmt = (v: number) => m.valueWithUnit(formatNumber(v, 1), args.unit === '%');
  const best = sorted[0];
  const worst = sorted[sorted.length - 1];
  let summary = m.byName.summary(best.name, fmt(best.value), worst.name, fmt(worst.value));
  // The label is lower case for the legend; as a sentence of its own it starts with a capital.
  if (args.reference) {
    const label = args.reference.label;
    summary += ` ${capitalize(label)}: ${fmt(args.reference.value)}.`;
  }
  return {
    id: args.id,
    title: args.title,
    summary,
    svg: chartSvg('dots', [sorted, args.xLabel, args.reference?.value ?? null], args.title),
    legend: args.reference ? [{ label: args.reference.label, key: 'region' }] : undefined,
    table: {
      id: args.id.replace(/\//g, '-'),
      caption: args.title,
      columns: [
        { key: 'name', label: args.nameLabel ?? m.byName.nameColumn },
        { key: 'value', label: args.xLabel, numeric: true },
      ],
      rows: sorted.map((r) => ({ name: textCell(r.name, r.href), value: numCell(r.value, 'value', { digits: 1 }) })),
    },
  };
}

export function contextChart(args: {
  id: string;
  title: string;
  points: { id: string; x: number; y: number; highlight: boolean }[];
  line: { slope: number; intercept: number };
  yLabel: string;
  schoolName: string;
  expected: number;
  actual: number;
}): Chart {
  const m = t().charts;
  const diff = args.actual - args.expected;
  const summary = m.context.summary(args.schoolName, formatNumber(args.actual, 1), formatNumber(args.expected, 1), diff >= 0, formatNumber(Math.abs(diff), 1));
  const mine = args.points.filter((p) => p.highlight);
  return {
    id: args.id,
    title: args.title,
    summary,
    svg: chartSvg('scatter', [args.points, args.line, m.context.socialIndex, args.yLabel], args.title),
    legend: [
      { label: m.thisSchool, key: 'school-diamond' },
      { label: m.context.others, key: 'others-ring' },
      { label: m.context.expectedLegend, key: 'region' },
    ],
    table: {
      id: args.id.replace(/\//g, '-'),
      caption: args.title,
      columns: [
        { key: 'what', label: m.context.measure },
        { key: 'value', label: m.context.value, numeric: true },
      ],
      rows: [
        { what: textCell(m.context.socialIndex), value: numCell(mine[0]?.x ?? null, 'value', { digits: 2 }) },
        { what: textCell(m.context.actual), value: numCell(args.actual, 'value', { digits: 1 }) },
        { what: textCell(m.context.expected), value: numCell(args.expected, 'value', { digits: 1 }) },
        { what: textCell(m.context.difference), value: numCell(diff, 'value', { digits: 1 }) },
      ],
    },
  };
}
