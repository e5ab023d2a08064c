/**
 * The journalist's page: every municipality's gap between its best and worst schools, side
 * by side, for the headline exam and year, with the change of the ratio against the
 * programme's yearly target and the gap's trajectory. Two static tables (by the size of the
 * gap and by its reduction) sort without JavaScript; municipalities where the gap cannot be
 * published say why.
 */
import { sparkline } from '../charts/sparkline.ts';
import { countOf, formatNumber, subjectSetText } from '../format/index.ts';
import { HIDDEN } from '../publish/published.ts';
import { gapCells, SCALE_CHANGED } from './gap-cells.ts';
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
  let note = '';
  if (!last || last.eligible === 0) note = `нет школ, где не менее ${ctx.settings.min_participants} участников`;
  else if (last.eligible < 2) note = 'одна школа в расчёте';
  else if (last.gap === null) note = 'в группе школа со скрытым результатом';
  else if (last.few_schools) note = `рассчитано по очень малому числу школ (${last.eligible})`;
  return { id: m.id, name: m.name, slug: m.slug, last, series, reduction: last?.change_pct === null || last?.change_pct === undefined ? null : -last.change_pct, note };
}

function table(ctx: SiteContext, id: string, caption: string, lines: Line[]): DataTable {
  const unit = ctx.gapScoreIsShare ? ', п. п.' : '';
  return {
    id,
    caption,
    columns: [
      { key: 'name', label: ctx.w.area.title },
      { key: 'eligible', label: 'Школ в расчёте', numeric: true },
      { key: 'gap', label: `Разрыв${unit}`, numeric: true },
      { key: 'ratio', label: 'Отношение', numeric: true },
      { key: 'reduction', label: 'Сокращение за год, %', numeric: true },
      { key: 'target', label: 'Цель' },
      { key: 'trend', label: 'Разрыв по годам' },
      { key: 'note', label: 'Примечание' },
    ],
    rows: lines.map((l) => {
      const g = l.last;
      const withheld = g !== undefined && g.eligible >= 2 && g.gap === null;
      return {
        name: textCell(l.name, ctx.href(`municipality/${l.slug}`)),
        eligible: numCell(g?.eligible ?? 0, 'value', { digits: 0 }),
        gap: withheld ? numCell(null, 'suppressed', { reason: HIDDEN.groupMean }) : numCell(g?.gap ?? null, g?.gap === null || !g ? 'na' : 'value', { digits: 1 }),
        ratio: withheld ? numCell(null, 'suppressed', { reason: HIDDEN.groupMean }) : numCell(g?.ratio ?? null, g?.ratio === null || !g ? 'na' : 'value', { digits: 2 }),
        reduction: numCell(l.reduction, l.reduction === null ? 'na' : 'value', { digits: 2, reason: g?.scale_break ? SCALE_CHANGED : undefined }),
        target: g ? gapCells(g).target : textCell('—'),
        trend: { ...textCell(''), spark: sparkline(l.series.map((r) => ({ year: r.year, value: r.gap })), { label: `${l.name}: разрыв по годам` }) },
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
  const what = p ? `${ctx.gapScoreName} ${p.exam} ${p.subject_set.includes(' + ') ? 'по предметам' : 'по предмету'} «${subjectSetText(p.subject_set)}»` : '';
  sections.push({
    id: 'by-gap',
    heading: 'По величине разрыва',
    intro: [
      p
        ? `${ctx.w.gapTitle} в каждом ${ctx.w.area.prepositional}, ${ctx.latestYear} год: ${what}. Разрыв опубликован для ${countOf(shown.length, ctx.w.area.countGenitive)} из ${formatNumber(lines.length, 0)}; у остальных в примечании сказано почему.`
        : 'В данных нет результатов экзаменов, по которым считается разрыв.',
      ...(judged ? [`Цель программы — сокращать отношение лучших к худшим не менее чем на ${formatNumber(ctx.settings.gap_target_pct, 1)} % в год; в ${ctx.latestYear} году она достигнута в ${countOf(met, ctx.w.area.countPrepositional)} из ${formatNumber(judged, 0)}, где её можно оценить.`] : []),
    ],
    // Sortable by any column in the browser; the table below keeps a second order without it.
    tables: [{ ...table(ctx, 'municipalities-by-gap', `${ctx.w.area.titlePlural} по величине разрыва, ${ctx.latestYear}`, byGap), sortable: true }],
  });
  sections.push({
    id: 'by-reduction',
    heading: 'По сокращению разрыва за год',
    intro: [`Сверху — ${ctx.w.area.nominative_plural}, где отношение средних лучших и худших школ сократилось сильнее всего по сравнению с прошлым годом.`],
    tables: [table(ctx, 'municipalities-by-reduction', `${ctx.w.area.titlePlural} по сокращению разрыва, ${ctx.latestYear}`, byReduction)],
  });
  return {
    path: 'municipalities',
    kind: 'municipalities',
    title: `Сравнение: ${ctx.w.area.nominative_plural}`,
    description: `Разрыв между лучшими и худшими школами в каждом ${ctx.w.area.prepositional} (${formatNumber(lines.length, 0)}), его изменение за год и выполнение цели программы.`,
    breadcrumbs: [{ name: ctx.regionName, href: ctx.href('') }],
    sections,
  };
}
