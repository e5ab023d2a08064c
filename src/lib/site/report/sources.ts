/** The report's last section: the data edition, the sources and their licences. */
import { t } from '../../words/index.ts';
import type { SiteContext } from '../context.ts';
import type { ListItem, Section } from '../types.ts';
import { formatDate, type Edition, type Source } from './edition.ts';

export function editionStats(e: Edition): { label: string; value: string; note?: string }[] {
  const w = t().report.sources;
  const years = e.firstYear === null ? w.noData : e.firstYear === e.lastYear ? String(e.firstYear) : `${e.firstYear}–${e.lastYear}`;
  return [
    ...(e.release ? [{ label: w.release, value: e.release.name, note: w.releaseOf(formatDate(e.release.date)) }] : []),
    { label: w.years, value: years },
    { label: w.dataDate, value: e.sourceDate ? formatDate(e.sourceDate) : w.none, note: e.sourceDate ? w.newest : w.noDates },
    ...(e.buildDate ? [{ label: w.built, value: formatDate(e.buildDate) }] : []),
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
    items.push({ text: `${list[0].publisher}: ${titles.join('; ')}.`, note: licence ? t().report.sources.licence(licence) : t().report.sources.noLicence });
  }
  return items;
}

export function sourcesSection(ctx: SiteContext, e: Edition): Section {
  return {
    id: 'sources',
    heading: t().report.sources.heading,
    intro: [t().report.sources.intro(ctx.settings.min_participants)],
    stats: editionStats(e),
    list: bySource(e.sources),
  };
}
