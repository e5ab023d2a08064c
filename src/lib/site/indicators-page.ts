/** Programme indicators (seeds 000, 001, 003, 004): each from its baseline to its yearly targets. */
import { formatNumber } from '../format/index.ts';
import { numCell, textCell } from './cells.ts';
import { yearLinesChart } from './charts.ts';
import type { SiteContext, SiteInputs, ProgrammeRow, MunicipalityInfo } from './context.ts';
import type { Chart, DataTable, Page, Section } from './types.ts';

export const STATUS: Record<ProgrammeRow['status'], string> = {
  met: 'цель достигнута',
  not_met: 'цель не достигнута',
  no_data: 'нет данных',
  no_target: 'цель не задана',
};

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
    yLabel: unit === '%' ? 'Значение, %' : `Значение${unit ? `, ${unit}` : ''}`,
    unit,
    minParticipants: ctx.settings.min_participants,
    series: [
      { name: 'Факт', role: 'actual', points: years.map((y) => ({ year: y, value: rows.find((r) => r.year === y)?.value ?? null })), reasons: Object.fromEntries(rows.filter((r) => r.value === null).map((r) => [r.year, { state: r.value_state === 'value' ? 'missing' : r.value_state }])) },
      { name: 'Цель', role: 'target', points: years.map((y) => ({ year: y, value: rows.find((r) => r.year === y)?.target ?? null })) },
    ],
  });
}

function statusTable(id: string, caption: string, rows: ProgrammeRow[], min: number): DataTable {
  return {
    id,
    caption,
    columns: [
      { key: 'year', label: 'Год' },
      { key: 'value', label: 'Факт', numeric: true },
      { key: 'target', label: 'Цель', numeric: true },
      { key: 'status', label: 'Статус' },
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
      `${list[0].computed ? 'Рассчитывается по результатам экзаменов.' : 'Значения из опубликованной таблицы показателей программы.'} ${list[0].polarity === 'higher' ? 'Рост — улучшение.' : 'Снижение — улучшение.'}`,
    ];
    if (last) intro.push(`В ${last.year} году: ${last.value === null ? 'нет данных' : formatNumber(last.value, 1)} при цели ${last.target === null ? '—' : formatNumber(last.target, 1)} — ${STATUS[last.status]}.`);
    out.push({
      id: `ind-${ind}`,
      heading: list[0].name,
      intro,
      charts: chart ? [chart] : [],
      tables: [statusTable(`${prefix.replace(/\//g, '-')}-${ind}`, `${list[0].name}: факт и цели по годам`, list, ctx.settings.min_participants)],
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
    title: 'Показатели программы',
    description: 'Целевые показатели программы поддержки школ с низкими результатами и школ в неблагоприятных условиях: базовое значение, цели по годам и фактические значения.',
    breadcrumbs: [{ name: ctx.regionName, href: ctx.href('') }],
    sections: sections.length ? sections : [{ id: 'none', heading: 'Нет данных', intro: ['В наборе данных нет таблицы целевых показателей программы.'] }],
  };
}

export function municipalityIndicators(ctx: SiteContext, inputs: SiteInputs, m: MunicipalityInfo): Section | undefined {
  const rows = inputs.programme.filter((r) => r.scope_id === m.id);
  if (!rows.length) return undefined;
  const latest = new Map<string, ProgrammeRow>();
  for (const r of rows) if (r.status === 'met' || r.status === 'not_met') latest.set(r.indicator, r);
  const table: DataTable = {
    id: `mun-${m.slug}-programme`,
    caption: 'Показатели программы: последний год с целью',
    columns: [
      { key: 'name', label: 'Показатель' },
      { key: 'year', label: 'Год', numeric: true },
      { key: 'value', label: 'Факт', numeric: true },
      { key: 'target', label: 'Цель', numeric: true },
      { key: 'status', label: 'Статус' },
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
  return { id: 'programme', heading: 'Показатели программы', tables: [table] };
}
