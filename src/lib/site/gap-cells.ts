/**
 * The cells of one year of the gap, as every gap table shows them (area pages, reports,
 * the municipality comparison): a gap or ratio withheld for disclosure says so, a change
 * across a change of scale says why there is none, the target status in words.
 */
import { t } from '../words/index.ts';
import { HIDDEN } from '../publish/published.ts';
import { numCell, textCell } from './cells.ts';
import type { GapRow } from './context.ts';
import type { Cell } from './types.ts';

/** In place of a change across a change of scale. */
export function scaleChanged(): string {
  return t().school.gapCells.scaleChanged;
}

export function gapCells(r: GapRow): { gap: Cell; ratio: Cell; change: Cell; target: Cell } {
  const hidden = () => numCell(null, 'suppressed', { reason: HIDDEN.groupMean });
  return {
    gap: r.gap === null ? hidden() : numCell(r.gap, 'value'),
    ratio: r.gap === null ? hidden() : numCell(r.ratio, r.ratio === null ? 'missing' : 'value', { digits: 2 }),
    change: numCell(r.change_pct === null ? null : -r.change_pct, r.change_pct === null ? 'na' : 'value', { digits: 2, reason: r.scale_break ? scaleChanged() : undefined }),
    target: textCell(r.target_met === null ? '—' : r.target_met ? t().school.gapCells.met : t().school.gapCells.notMet),
  };
}
