/** The report's last section: the data edition, the sources and their licences. */
import type { SiteContext } from '../context.ts';
import type { ListItem, Section } from '../types.ts';
import { formatDate, type Edition, type Source } from './edition.ts';

export function editionStats(e: Edition): { label: string; value: string; note?: string }[] {
  const years = e.firstYear === null ? 'нет данных' : e.firstYear === e.lastYear ? String(e.firstYear) : `${e.firstYear}–${e.lastYear}`;
  return [
    ...(e.release ? [{ label: 'Выпуск данных', value: e.release.name, note: `от ${formatDate(e.release.date)}` }] : []),
    { label: 'Годы данных', value: years },
    { label: 'Дата данных', value: e.sourceDate ? formatDate(e.sourceDate) : 'не указана', note: e.sourceDate ? 'самая поздняя дата публикации источников' : 'источники не указали даты публикации' },
    ...(e.buildDate ? [{ label: 'Отчёт собран', value: formatDate(e.buildDate) }] : []),
  ];
}

/** One line per publisher and licence (a department's files share both), each file's title, link and date in it. */
export function bySource(sources: Source[]): ListItem[] {
  const groups = new Map<string, Source[]>();
  for (const s of sources) {
    const k = `${s.publisher}\u0001${s.licence ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  const items: ListItem[] = [];
  for (const list of groups.values()) {
    const seen = new Set<string>();
    const titles = list
      .map((s) => `${s.title}${s.date ? ` (${formatDate(s.date)})` : ''}${s.url ? ` — ${s.url}` : ''}`)
      .filter((t) => (seen.has(t) ? false : (seen.add(t), true)));
    const licence = list[0].licence;
    items.push({ text: `${list[0].publisher}: ${titles.join('; ')}.`, note: licence ? `лицензия: ${licence}` : 'лицензия не указана' });
  }
  return items;
}

export function sourcesSection(ctx: SiteContext, e: Edition): Section {
  return {
    id: 'sources',
    heading: 'Данные, источники и лицензии',
    intro: [
      `Числа отчёта рассчитаны по опубликованным файлам по правилам, описанным на странице «Методика». Значения, основанные менее чем на ${ctx.settings.min_participants} участниках, не публикуются.`,
    ],
    stats: editionStats(e),
    list: bySource(e.sources),
  };
}
