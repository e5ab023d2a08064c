/** The report's programme indicators: one small table per indicator, baseline in the caption. */
import { t } from '../../words/index.ts';
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

function indicatorTable(ctx: SiteContext, id: string, list: ProgrammeRow[]): DataTable {
  const first = list[0];
  const w = t().report.programme;
  const baseline = first.baseline === null ? w.baselineNone : formatNumber(first.baseline, 1);
  return {
    id,
    caption: w.caption(first.name, first.unit, baseline),
    columns: [
      { key: 'year', label: w.year, width: 'narrow' },
      { key: 'target', label: w.target, numeric: true },
      { key: 'value', label: w.value, numeric: true },
      { key: 'status', label: w.status, width: 'wide' },
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
  const w = t().report.programme;
  return { label: w.statLabel, value: w.statValue(met, latest.size), note: w.statNote(years.join(', ')) };
}

export function programmeSection(ctx: SiteContext, rows: ProgrammeRow[], prefix: string): Section {
  const groups = byIndicator(rows);
  if (!groups.length) {
    return { id: 'programme', heading: t().report.programme.heading, intro: [t().report.programme.none] };
  }
  return {
    id: 'programme',
    heading: t().report.programme.heading,
    intro: [t().report.programme.intro],
    tables: groups.map((list) => indicatorTable(ctx, `${prefix}-${list[0].indicator}`, list)),
  };
}
