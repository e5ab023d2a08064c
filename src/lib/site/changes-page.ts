/** «Что изменилось»: this release against the previous one (src/lib/release). */
import type { Changes, Revision } from '../release/changes.ts';
import { changesSummary } from '../release/feed.ts';
import { formatInt } from '../format/index.ts';
import { t } from '../words/index.ts';
import { textCell } from './cells.ts';
import type { SiteContext } from './context.ts';
import type { DataTable, Page, Section } from './types.ts';

/** More than this many revised values are listed in changes.csv only. */
export const MAX_LISTED = 300;

const flagsText = (f: string[]) => (f.length ? f.map((x) => t().changes.flags[x] ?? x).join(', ') : t().changes.notIdentified);
/** A published CSV number as a reader sees it («61.5» → «61,5»), or why there is none. */
const shown = (v: string | null) => (v === null ? t().changes.notPublished : v.replace('-', '\u2212').replace('.', t().changes.decimalMark));
const edition = (e: { name: string; date: string } | null) => (e ? `${e.name} (${e.date})` : t().changes.unnamedEdition);

export function revisionsTable(id: string, caption: string, rows: Revision[], schoolName?: (id: string) => string): DataTable {
  const m = t().changes;
  return {
    id,
    caption,
    columns: [
      ...(schoolName ? [{ key: 'school', label: m.school }] : []),
      { key: 'what', label: m.what },
      { key: 'measure', label: m.measure },
      { key: 'before', label: m.before },
      { key: 'after', label: m.after },
    ],
    rows: rows.map((r) => ({
      ...(schoolName ? { school: textCell(schoolName(r.school_id)) } : {}),
      what: textCell(`${r.year}, ${r.exam}, ${r.subject}${r.grade ? m.grade(r.grade) : ''}`),
      measure: textCell(m.measures[r.measure] ?? r.measure),
      before: textCell(shown(r.before)),
      after: textCell(shown(r.after)),
    })),
  };
}

export function changesPage(ctx: SiteContext, c: Changes | null): Page {
  const m = t().changes;
  const base = { path: 'changes', kind: 'changes' as const, title: m.title, breadcrumbs: [{ name: ctx.regionName, href: ctx.href('') }] };
  if (!c) {
    return {
      ...base,
      description: m.description,
      sections: [{ id: 'none', heading: m.noneHeading, intro: [m.noneText] }],
    };
  }
  const name = (id: string) => ctx.schools.get(id)?.name ?? id;
  const link = (id: string) => (ctx.schools.has(id) ? ctx.href(`school/${ctx.schools.get(id)!.slug}`) : undefined);
  const sections: Section[] = [
    {
      id: 'summary',
      heading: m.summaryHeading,
      intro: [`${m.comparedWith(edition(c.current), edition(c.previous))} ${changesSummary(c)}`],
      stats: [
        { label: m.stats.added, value: formatInt(c.added.length) },
        { label: m.stats.gone, value: formatInt(c.gone.length) },
        { label: m.stats.status, value: formatInt(c.status.length) },
        { label: m.stats.revisions, value: formatInt(c.revisions.length) },
        { label: m.stats.gaps, value: formatInt(c.gaps.length) },
      ],
    },
  ];
  if (c.added.length || c.gone.length || c.renamed.length) {
    sections.push({
      id: 'schools',
      heading: m.schoolsHeading,
      list: [
        ...c.added.map((id) => ({ text: name(id), href: link(id), note: m.added })),
        ...c.gone.map((s) => ({ text: s.name, note: m.gone })),
        ...c.renamed.map((s) => ({ text: s.after, href: link(s.id), note: m.renamed(s.before) })),
      ],
    });
  }
  if (c.status.length) {
    sections.push({ id: 'status', heading: m.statusHeading, list: c.status.map((s) => ({ text: name(s.id), href: link(s.id), note: m.statusChange(flagsText(s.before), flagsText(s.after)) })) });
  }
  if (c.revisions.length) {
    const listed = c.revisions.slice(0, MAX_LISTED);
    sections.push({
      id: 'revisions',
      heading: m.revisionsHeading,
      intro: [c.revisions.length > MAX_LISTED ? m.revisionsFirst(formatInt(MAX_LISTED), formatInt(c.revisions.length)) : m.revisionsIntro],
      tables: [revisionsTable('changes-revisions', m.revisionsCaption, listed, name)],
    });
  }
  if (c.gaps.length) {
    sections.push({
      id: 'gaps',
      heading: m.gapsHeading,
      tables: [
        {
          id: 'changes-gaps',
          caption: m.gapsCaption,
          columns: [
            { key: 'what', label: m.gapsWhat },
            { key: 'before', label: m.before },
            { key: 'after', label: m.after },
          ],
          rows: c.gaps.map((g) => {
            const [scope, id, year, exam, set] = g.key.split('|');
            const where = scope === 'region' ? ctx.regionName : ctx.municipalities.get(id)?.name ?? id;
            return { what: textCell(`${where}, ${year}, ${exam}, ${set.split(' + ').join(m.and)}`), before: textCell(shown(g.before)), after: textCell(shown(g.after)) };
          }),
        },
      ],
    });
  }
  if (sections.length === 1) sections[0].intro!.push(m.unchanged);
  return { ...base, description: m.pageDescription(changesSummary(c)), sections };
}
