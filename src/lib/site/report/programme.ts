/** The report's programme indicators: one small table per indicator, baseline in the caption. */
import { formatNumber } from '../../format/index.ts';
import { numCell, textCell } from '../cells.ts';
import { STATUS } from '../indicators-page.ts';
import type { ProgrammeRow, SiteContext } from '../context.ts';
import type { DataTable, Section, Stat } from '../types.ts';

function byIndicator(rows: ProgrammeRow[]): ProgrammeRow[][] {
  const m = new Map<string, ProgrammeRow[]>();
  for (const r of rows) m.set(r.indicator, [...(m.get(r.indicator) ?? []), r]);
  return [...m.values()].map((list) => [...list].sort((a, b) => a.year - b.year));
}

function unitText(unit: string): string {
  return unit ? `, ${unit}` : '';
}

function indicatorTable(ctx: SiteContext, id: string, list: ProgrammeRow[]): DataTable {
  const first = list[0];
  const baseline = first.baseline === null ? 'не указано' : formatNumber(first.baseline, 1);
  return {
    id,
    caption: `${first.name}${unitText(first.unit)}. Базовое значение: ${baseline}`,
    columns: [
      { key: 'year', label: 'Год', width: 'narrow' },
      { key: 'target', label: 'Цель', numeric: true },
      { key: 'value', label: 'Факт', numeric: true },
      { key: 'status', label: 'Статус', width: 'wide' },
    ],
    rows: list.map((r) => ({
      year: textCell(String(r.year)),
      target: numCell(r.target, r.target === null ? 'na' : 'value', { reason: '—' }),
      // «Not applicable» (a change in the first year) is a dash here: the status beside it says why.
      value: numCell(r.value, r.value === null ? (r.value_state === 'value' ? 'missing' : r.value_state) : 'value', { minParticipants: ctx.settings.min_participants, reason: r.value_state === 'na' ? '—' : undefined }),
      status: textCell(STATUS[r.status]),
    })),
  };
}

/** The count of indicators whose latest judged year met its target, for the summary. */
export function programmeStat(rows: ProgrammeRow[]): Stat | null {
  const latest = new Map<string, ProgrammeRow>();
  for (const list of byIndicator(rows)) {
    const judged = list.filter((r) => r.status === 'met' || r.status === 'not_met');
    if (judged.length) latest.set(list[0].indicator, judged[judged.length - 1]);
  }
  if (!latest.size) return null;
  const met = [...latest.values()].filter((r) => r.status === 'met').length;
  const years = [...new Set([...latest.values()].map((r) => r.year))].sort();
  return { label: 'Показатели программы: цель достигнута', value: `${met} из ${latest.size}`, note: `в последнем году с целью (${years.join(', ')})` };
}

export function programmeSection(ctx: SiteContext, rows: ProgrammeRow[], prefix: string): Section {
  const groups = byIndicator(rows);
  if (!groups.length) {
    return { id: 'programme', heading: 'Показатели программы', intro: ['В наборе данных нет целевых показателей программы для этой территории.'] };
  }
  return {
    id: 'programme',
    heading: 'Показатели программы',
    intro: ['Для каждого показателя: базовое значение, цель на каждый год, фактическое значение и статус. Статус «цель достигнута» значит, что факт не хуже цели с учётом направления показателя.'],
    tables: groups.map((list) => indicatorTable(ctx, `${prefix}-${list[0].indicator}`, list)),
  };
}
