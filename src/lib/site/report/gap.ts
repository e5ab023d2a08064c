/** The report's gap: a compact table of every year and one sentence on its trajectory. */
import { capitalize, formatNumber, subjectSetText } from '../../format/index.ts';
import { HIDDEN } from '../../publish/published.ts';
import { gapCells } from '../gap-cells.ts';
import { numCell, textCell } from '../cells.ts';
import type { GapRow, SiteContext } from '../context.ts';
import type { Section } from '../types.ts';

function unit(ctx: SiteContext): string {
  return ctx.gapScoreIsShare ? '\u00a0п.\u00a0п.' : '';
}

/**
 * From the first comparable published year to the last. A change of scale makes the years
 * before it incomparable, so the trajectory starts at the last break.
 */
function trajectorySentence(ctx: SiteContext, rows: GapRow[]): string[] {
  const breakYear = rows.filter((r) => r.scale_break).reduce((a, r) => Math.max(a, r.year), -Infinity);
  const shown = rows.filter((r) => r.gap !== null && r.year >= breakYear);
  const out: string[] = [];
  if (Number.isFinite(breakYear)) out.push(`В ${breakYear} году изменилась шкала экзамена: разрыв до и после несравним, поэтому динамика считается с ${breakYear} года.`);
  if (shown.length < 2) return out;
  const from = shown[0];
  const to = shown[shown.length - 1];
  const ratio = from.ratio !== null && to.ratio !== null ? ` (отношение лучших к худшим — с ${formatNumber(from.ratio, 2)} до ${formatNumber(to.ratio, 2)})` : '';
  out.push(`С ${from.year} по ${to.year} год разрыв изменился с ${formatNumber(from.gap!, 1)}${unit(ctx)} до ${formatNumber(to.gap!, 1)}${unit(ctx)}${ratio}.`);
  return out;
}

export function reportGapSection(ctx: SiteContext, allRows: GapRow[], id: string): Section {
  const p = ctx.primarySet();
  const rows = allRows.filter((r) => r.eligible >= 2);
  const heading = ctx.w.gapTitle;
  if (!p || rows.length === 0) {
    return { id: 'gap', heading, intro: [`Рассчитать разрыв нельзя: ни в одном году нет хотя бы двух школ, где по обязательным предметам не менее ${ctx.settings.min_participants} участников.`] };
  }
  const judged = rows.filter((r) => r.target_met !== null);
  const met = judged.filter((r) => r.target_met === true).length;
  const intro = [
    `${capitalize(ctx.gapScoreName)} (${p.exam}, ${subjectSetText(p.subject_set)}): среднее ${ctx.w.top} и ${ctx.w.bottom} школ, разрыв между ними и их отношение.`,
    ...trajectorySentence(ctx, rows),
    judged.length
      ? `Цель программы — сокращать отношение не менее чем на ${formatNumber(ctx.settings.gap_target_pct, 1)} % в год; она достигнута в ${met} из ${judged.length} лет, где её можно оценить.`
      : 'Выполнение цели по сокращению разрыва оценить нельзя: нет двух сравнимых лет подряд.',
  ];
  const scoreUnit = ctx.gapScoreIsShare ? ', %' : '';
  const hidden = numCell(null, 'suppressed', { reason: HIDDEN.groupMean });
  return {
    id: 'gap',
    heading,
    intro,
    tables: [
      {
        id: `${id}-gap`,
        caption: 'Разрыв по годам и выполнение цели',
        columns: [
          { key: 'year', label: 'Год', width: 'narrow' },
          { key: 'eligible', label: 'Школ в расчёте', numeric: true },
          { key: 'top', label: `${ctx.w.topMean}${scoreUnit}`, numeric: true },
          { key: 'bottom', label: `${ctx.w.bottomMean}${scoreUnit}`, numeric: true },
          { key: 'gap', label: `Разрыв${ctx.gapScoreIsShare ? ', п. п.' : ''}`, numeric: true },
          { key: 'ratio', label: 'Отношение', numeric: true },
          { key: 'change', label: 'Сокращение отношения, %', numeric: true },
          { key: 'target', label: 'Цель' },
        ],
        rows: rows.map((r) => ({
          year: textCell(String(r.year)),
          eligible: numCell(r.eligible, 'value', { digits: 0 }),
          top: r.top_mean === null ? hidden : numCell(r.top_mean, 'value'),
          bottom: r.bottom_mean === null ? hidden : numCell(r.bottom_mean, 'value'),
          ...gapCells(r),
        })),
      },
    ],
  };
}
