/** The report's gap: a compact table of every year and one sentence on its trajectory. */
import { t } from '../../words/index.ts';
import { capitalize, formatNumber, subjectSetText } from '../../format/index.ts';
import { HIDDEN } from '../../publish/published.ts';
import { gapCells } from '../gap-cells.ts';
import { numCell, textCell } from '../cells.ts';
import type { GapRow, SiteContext } from '../context.ts';
import type { Section } from '../types.ts';

function unit(ctx: SiteContext): string {
  return ctx.gapScoreIsShare ? t().report.gap.pp : '';
}

/**
 * From the first comparable published year to the last. A change of scale makes the years
 * before it incomparable, so the trajectory starts at the last break.
 */
function trajectorySentence(ctx: SiteContext, rows: GapRow[]): string[] {
  const breakYear = rows.filter((r) => r.scale_break).reduce((a, r) => Math.max(a, r.year), -Infinity);
  const shown = rows.filter((r) => r.gap !== null && r.year >= breakYear);
  const out: string[] = [];
  const w = t().report.gap;
  if (Number.isFinite(breakYear)) out.push(w.scaleBreak(breakYear));
  if (shown.length < 2) return out;
  const from = shown[0];
  const to = shown[shown.length - 1];
  const ratio = from.ratio !== null && to.ratio !== null ? w.ratio(from.ratio, to.ratio) : '';
  out.push(w.change(from.year, to.year, `${formatNumber(from.gap!, 1)}${unit(ctx)}`, `${formatNumber(to.gap!, 1)}${unit(ctx)}`, ratio));
  return out;
}

export function reportGapSection(ctx: SiteContext, allRows: GapRow[], id: string): Section {
  const p = ctx.primarySet();
  const rows = allRows.filter((r) => r.eligible >= 2);
  const heading = ctx.w.gapTitle;
  const w = t().report.gap;
  if (!p || rows.length === 0) {
    return { id: 'gap', heading, intro: [w.none(ctx.settings.min_participants)] };
  }
  const judged = rows.filter((r) => r.target_met !== null);
  const met = judged.filter((r) => r.target_met === true).length;
  const intro = [
    w.what(capitalize(ctx.gapScoreName), p.exam, subjectSetText(p.subject_set), ctx.w.top, ctx.w.bottom),
    ...trajectorySentence(ctx, rows),
    judged.length
      ? w.target(ctx.settings.gap_target_pct, met, judged.length)
      : w.noTarget,
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
        caption: w.caption,
        columns: [
          { key: 'year', label: w.year, width: 'narrow' },
          { key: 'eligible', label: w.eligible, numeric: true },
          { key: 'top', label: `${ctx.w.topMean}${scoreUnit}`, numeric: true },
          { key: 'bottom', label: `${ctx.w.bottomMean}${scoreUnit}`, numeric: true },
          { key: 'gap', label: w.gapHead(ctx.gapScoreIsShare), numeric: true },
          { key: 'ratio', label: w.ratioHead, numeric: true },
          { key: 'change', label: w.changeHead, numeric: true },
          { key: 'target', label: w.targetHead },
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
