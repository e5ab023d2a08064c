/** Programme indicators (seeds 000, 001, 003, 004): each from its baseline to its yearly targets. */
import { t } from '../words/index.ts';
import { localized } from '../words/locale.ts';
import { formatNumber } from '../format/index.ts';
import { numCell, textCell } from './cells.ts';
import { yearLinesChart } from './charts.ts';
import type { SiteContext, SiteInputs, ProgrammeRow, MunicipalityInfo } from './context.ts';
import type { Chart, DataTable, Page, Section } from './types.ts';

/** A target's status in words, in the site's language. */
export const STATUS: Record<ProgrammeRow['status'], string> = localized(() => t().area.indicators.status);

function byIndicator(rows: ProgrammeRow[]): Map<string, ProgrammeRow[]> {
  const m = new Map<string, ProgrammeRow[]>();
  for (const r of rows) m.set(r.indicator, [...(m.get(r.indicator) ?? []), r]);
  for (const list of m.values()) list.sort((a, b) => a.year - b.year);
  return m;
}

function indicatorChart(ctx: SiteContext, id: string, rows: ProgrammeRow[]): Chart | null {
  const years = rows.map((r) => r.year);
  const unit = rows[0].unit;
  return yearLinesChart({
    id,
    title: rows[0].name,
    yLabel: t().area.indicators.valueHead(unit),
    unit,
    minParticipants: ctx.settings.min_participants,
    series: [
      { name: t().area.indicators.actual, role: 'actual', points: years.map((y) => ({ year: y, value: rows.find((r) => r.year === y)?.value ?? null })), reasons: Object.fromEntries(rows.filter((r) => r.value === null).map((r) => [r.year, { state: r.value_state === 'value' ? 'missing' : r.value_state }])) },
      { name: t().area.indicators.target, role: 'target', points: years.map((y) => ({ year: y, value: rows.find((r) => r.year === y)?.target ?? null })) },
    ],
  });
}

function statusTable(id: string, caption: string, rows: ProgrammeRow[], min: number): DataTable {
  return {
    id,
    caption,
    columns: [
      { key: 'year', label: t().area.indicators.year },
      { key: 'value', label: t().area.indicators.actual, numeric: true },
      { key: 'target', label: t().area.indicators.target, numeric: true },
      { key: 'status', label: t().area.indicators.status_ },
    ],
    rows: rows.map((r) => ({
      year: textCell(String(r.year)),
      value: numCell(r.value, r.value === null ? (r.value_state === 'value' ? 'missing' : r.value_state) : 'value', { minParticipants: min }),
      target: numCell(r.target, r.target === null ? 'na' : 'value'),
      status: textCell(STATUS[r.status]),
    })),
  };
}

function indicatorSections(ctx: SiteContext, rows: ProgrammeRow[], prefix: string): Section[] {
  const out: Section[] = [];
  for (const [ind, list] of byIndicator(rows)) {
    const last = [...list].reverse().find((r) => r.status === 'met' || r.status === 'not_met');
    const chart = list.some((r) => r.value !== null) ? indicatorChart(ctx, `${prefix}/${ind}`, list) : null;
    const intro = [
      t().area.indicators.source(list[0].computed, list[0].polarity === 'higher'),
    ];
    if (last) intro.push(t().area.indicators.last(last.year, last.value, last.target, STATUS[last.status]));
    out.push({
      id: `ind-${ind}`,
      heading: list[0].name,
      intro,
      charts: chart ? [chart] : [],
      tables: [statusTable(`${prefix.replace(/\//g, '-')}-${ind}`, t().area.indicators.tableCaption(list[0].name), list, ctx.settings.min_participants)],
    });
  }
  return out;
}

export function indicatorsPage(ctx: SiteContext, inputs: SiteInputs): Page {
  const rows = inputs.programme.filter((r) => r.scope_id === 'region');
  const sections = indicatorSections(ctx, rows, 'indicators');
  return {
    path: 'indicators',
    kind: 'indicators',
    title: t().area.indicators.title,
    description: t().area.indicators.description,
    breadcrumbs: [{ name: ctx.regionName, href: ctx.href('') }],
    sections: sections.length ? sections : [{ id: 'none', heading: t().area.indicators.none, intro: [t().area.indicators.noneIntro] }],
  };
}

export function municipalityIndicators(ctx: SiteContext, inputs: SiteInputs, m: MunicipalityInfo): Section | undefined {
  const rows = inputs.programme.filter((r) => r.scope_id === m.id);
  if (!rows.length) return undefined;
  const latest = new Map<string, ProgrammeRow>();
  for (const r of rows) if (r.status === 'met' || r.status === 'not_met') latest.set(r.indicator, r);
  const table: DataTable = {
    id: `mun-${m.slug}-programme`,
    caption: t().area.indicators.lastCaption,
    columns: [
      { key: 'name', label: t().area.indicators.indicator },
      { key: 'year', label: t().area.indicators.year, numeric: true },
      { key: 'value', label: t().area.indicators.actual, numeric: true },
      { key: 'target', label: t().area.indicators.target, numeric: true },
      { key: 'status', label: t().area.indicators.status_ },
    ],
    rows: [...latest.values()].map((r) => ({
      name: textCell(r.name),
      year: textCell(String(r.year)),
      value: numCell(r.value, r.value === null ? (r.value_state === 'value' ? 'missing' : r.value_state) : 'value', { minParticipants: ctx.settings.min_participants }),
      target: numCell(r.target, r.target === null ? 'na' : 'value'),
      // The same words as the indicators page and the methodology.
      status: textCell(STATUS[r.status]),
    })),
  };
  return { id: 'programme', heading: t().area.indicators.title, tables: [table] };
}
