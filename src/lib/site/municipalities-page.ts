/**
 * The journalist's page: every municipality's gap between its best and worst schools, side
 * by side, for the headline exam and year, with the change of the ratio against the
 * programme's yearly target and the gap's trajectory. Two static tables (by the size of the
 * gap and by its reduction) sort without JavaScript; municipalities where the gap cannot be
 * published say why.
 */
import { t } from '../words/index.ts';
import { sparkline } from '../charts/sparkline.ts';
import { countOf, formatNumber, subjectSetText } from '../format/index.ts';
import { HIDDEN } from '../publish/published.ts';
import { gapCells, scaleChanged } from './gap-cells.ts';
import { numCell, textCell } from './cells.ts';
import type { GapRow, SiteContext } from './context.ts';
import type { DataTable, Page, Section } from './types.ts';

interface Line {
  id: string;
  name: string;
  slug: string;
  last: GapRow | undefined;
  series: GapRow[];
  /** Reduction of the ratio on the previous year, % (positive = narrowed). */
  reduction: number | null;
  note: string;
}

function lineFor(ctx: SiteContext, m: { id: string; name: string; slug: string }): Line {
  const series = ctx.gapRows('municipality', m.id);
  const last = series.find((r) => r.year === ctx.latestYear);
  const w = t().area.compare;
  let note = '';
  if (!last || last.eligible === 0) note = w.noSchools(ctx.settings.min_participants);
  else if (last.eligible < 2) note = w.oneSchool;
  else if (last.gap === null) note = w.hiddenMember;
  else if (last.few_schools) note = w.fewSchools(last.eligible);
  return { id: m.id, name: m.name, slug: m.slug, last, series, reduction: last?.change_pct === null || last?.change_pct === undefined ? null : -last.change_pct, note };
}

function table(ctx: SiteContext, id: string, caption: string, lines: Line[]): DataTable {
  const w = t().area.compare;
  const unit = ctx.gapScoreIsShare ? w.ppHead : '';
  return {
    id,
    caption,
    columns: [
      { key: 'name', label: ctx.w.area.title },
      { key: 'eligible', label: w.eligible, numeric: true },
      { key: 'gap', label: w.gap(unit), numeric: true },
      { key: 'ratio', label: w.ratio, numeric: true },
      { key: 'reduction', label: w.reduction, numeric: true },
      { key: 'target', label: w.target },
      { key: 'trend', label: w.trend },
      { key: 'note', label: w.note },
    ],
    rows: lines.map((l) => {
      const g = l.last;
      const withheld = g !== undefined && g.eligible >= 2 && g.gap === null;
      return {
        name: textCell(l.name, ctx.href(`municipality/${l.slug}`)),
        eligible: numCell(g?.eligible ?? 0, 'value', { digits: 0 }),
        gap: withheld ? numCell(null, 'suppressed', { reason: HIDDEN.groupMean }) : numCell(g?.gap ?? null, g?.gap === null || !g ? 'na' : 'value', { digits: 1 }),
        ratio: withheld ? numCell(null, 'suppressed', { reason: HIDDEN.groupMean }) : numCell(g?.ratio ?? null, g?.ratio === null || !g ? 'na' : 'value', { digits: 2 }),
        reduction: numCell(l.reduction, l.reduction === null ? 'na' : 'value', { digits: 2, reason: g?.scale_break ? scaleChanged() : undefined }),
        target: g ? gapCells(g).target : textCell('—'),
        trend: { ...textCell(''), spark: sparkline(l.series.map((r) => ({ year: r.year, value: r.gap })), { label: w.sparkLabel(l.name) }) },
        note: textCell(l.note),
      };
    }),
  };
}

export function municipalitiesPage(ctx: SiteContext): Page {
  const p = ctx.primarySet();
  const lines = [...ctx.municipalities.values()].map((m) => lineFor(ctx, m));
  const shown = lines.filter((l) => l.last?.gap !== null && l.last?.gap !== undefined);
  const byGap = [...lines].sort((a, b) => (b.last?.gap ?? -Infinity) - (a.last?.gap ?? -Infinity) || a.name.localeCompare(b.name, 'ru'));
  const byReduction = [...lines].sort((a, b) => (b.reduction ?? -Infinity) - (a.reduction ?? -Infinity) || a.name.localeCompare(b.name, 'ru'));
  const met = lines.filter((l) => l.last?.target_met === true).length;
  const judged = lines.filter((l) => l.last?.target_met !== null && l.last?.target_met !== undefined).length;
  const sections: Section[] = [];
  const w = t().area.compare;
  const what = p ? w.what(ctx.gapScoreName, p.exam, p.subject_set.includes(' + '), subjectSetText(p.subject_set)) : '';
  sections.push({
    id: 'by-gap',
    heading: w.byGap,
    intro: [
      p
        ? w.byGapIntro(ctx.w.gapTitle, ctx.w.area.prepositional, ctx.latestYear, what, countOf(shown.length, ctx.w.area.countGenitive), lines.length)
        : w.noExams,
      ...(judged ? [w.targetIntro(ctx.settings.gap_target_pct, ctx.latestYear, countOf(met, ctx.w.area.countPrepositional), judged)] : []),
    ],
    // Sortable by any column in the browser; the table below keeps a second order without it.
    tables: [{ ...table(ctx, 'municipalities-by-gap', w.byGapCaption(ctx.w.area.titlePlural, ctx.latestYear), byGap), sortable: true }],
  });
  sections.push({
    id: 'by-reduction',
    heading: w.byReduction,
    intro: [w.byReductionIntro(ctx.w.area.nominative_plural)],
    tables: [table(ctx, 'municipalities-by-reduction', w.byReductionCaption(ctx.w.area.titlePlural, ctx.latestYear), byReduction)],
  });
  return {
    path: 'municipalities',
    kind: 'municipalities',
    title: w.title(ctx.w.area.nominative_plural),
    description: w.description(ctx.w.area.prepositional, lines.length),
    breadcrumbs: [{ name: ctx.regionName, href: ctx.href('') }],
    sections,
  };
}
