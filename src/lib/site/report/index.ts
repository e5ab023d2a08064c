/**
 * A transparency report for printing (one to four A4 pages): the region's or one
 * municipality's programme indicators, the gap and its trajectory, the ШНРО/НСУ schools
 * and their movement, partnerships, the data edition and the sources. Pages /report/
 * (region) and /report/<municipality>/; public/print.css lays them out on A4.
 */
import { t } from '../../words/index.ts';
import { formatInt, formatNumber } from '../../format/index.ts';
import type { MunicipalityInfo, SiteContext, SiteInputs } from '../context.ts';
import type { Page, Section, Stat } from '../types.ts';
import type { Edition } from './edition.ts';
import { reportGapSection } from './gap.ts';
import { programmeSection, programmeStat } from './programme.ts';
import { municipalityFlagsSection, partnershipsSection, regionFlagsSection } from './schools.ts';
import { sourcesSection } from './sources.ts';

export { editionOf, buildDateFrom, type Edition } from './edition.ts';

/** The report's path: the region's is `report`, a municipality's `report/<slug>`. */
export function reportPath(m?: { slug: string }): string {
  return m ? `report/${m.slug}` : 'report';
}

/** The words of the link to a printable report. */
export function reportLink(): string {
  return t().report.link;
}

function summary(ctx: SiteContext, scope: 'region' | 'municipality', id: string, schools: number, prog: Stat | null): Section {
  const gap = [...ctx.gapRows(scope, id)].reverse().find((g) => g.gap !== null && g.eligible >= 2);
  const flagged = ctx.identifies
    ? (scope === 'region' ? [...ctx.flagsBySchool.keys()] : ctx.municipalities.get(id)?.schoolIds ?? []).filter((sid) =>
        (ctx.flagsBySchool.get(sid) ?? []).some((f) => f.fired === true && (f.flag === 'shnro' || f.flag === 'nsu')),
      ).length
    : null;
  const w = t().report;
  const stats: Stat[] = [{ label: w.schools, value: formatInt(schools) }];
  if (flagged !== null) stats.push({ label: w.flagged(ctx.latestYear), value: formatInt(flagged) });
  if (gap) stats.push({ label: w.gapOf(gap.year), value: formatNumber(gap.gap!, 1), note: gap.ratio === null ? undefined : w.ratio(gap.ratio) });
  if (prog) stats.push(prog);
  return { id: 'summary', heading: w.brief, stats };
}

function sections(ctx: SiteContext, inputs: SiteInputs, edition: Edition, m: MunicipalityInfo | null): Section[] {
  const scopeId = m ? m.id : 'region';
  const prefix = m ? `report-${m.slug}` : 'report-region';
  const programme = inputs.programme.filter((r) => r.scope_id === scopeId);
  return [
    summary(ctx, m ? 'municipality' : 'region', scopeId, m ? m.schoolIds.length : ctx.schools.size, programmeStat(programme)),
    programmeSection(ctx, programme, `${prefix}-programme`),
    reportGapSection(ctx, ctx.gapRows(m ? 'municipality' : 'region', scopeId), prefix),
    m ? municipalityFlagsSection(ctx, inputs, m.schoolIds, prefix) : regionFlagsSection(ctx, inputs),
    partnershipsSection(ctx, inputs, m ? m.schoolIds : null, prefix),
    sourcesSection(ctx, edition),
  ];
}


export function regionReport(ctx: SiteContext, inputs: SiteInputs, edition: Edition): Page {
  return {
    path: reportPath(),
    kind: 'report',
    title: t().report.title(ctx.regionName),
    description: t().report.description,
    breadcrumbs: [{ name: ctx.regionName, href: ctx.href('') }],
    sections: sections(ctx, inputs, edition, null),
  };
}

export function municipalityReport(ctx: SiteContext, inputs: SiteInputs, edition: Edition, m: MunicipalityInfo): Page {
  return {
    path: reportPath(m),
    kind: 'report',
    title: t().report.title(m.name),
    description: t().report.description,
    breadcrumbs: [
      { name: ctx.regionName, href: ctx.href('') },
      { name: m.name, href: ctx.href(`municipality/${m.slug}`) },
    ],
    sections: sections(ctx, inputs, edition, m),
  };
}
