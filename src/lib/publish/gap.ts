/**
 * Publication of the top/bottom gap (METRICS.md §2 and «Group means and membership»).
 *
 * A group mean is published only when a reader can reproduce it from the published
 * values of its listed members: if one member's own value is hidden, the mean times k
 * minus the other members gives it back. So a group with a member whose value is not
 * published loses its mean, and with it the gap and the ratio (gap − the other mean
 * would give the withheld mean back). A year-on-year change is published only when
 * both years' gaps are: change − this year's gap gives last year's.
 */
import type { GapRow } from '../metrics/gap.ts';

export interface PublishedGapRow extends GapRow {
  /** Which group means were withheld (the gap and ratio go with either). */
  withheld: { top: boolean; bottom: boolean };
  /** The score scale changed since last year: no change or target status across it. */
  scale_break: boolean;
}

/**
 * `isPublished(school, year, exam, subjectSet)` says whether that school's score for the
 * set is itself published (its own number appears on the site).
 */
export function publishGap(
  rows: readonly GapRow[],
  isPublished: (school: string, year: number, exam: string, subjectSet: string) => boolean,
  scaleBreak: (exam: string, subjectSet: string, from: number, to: number) => boolean = () => false,
): { rows: PublishedGapRow[]; withheldGroups: number } {
  let withheldGroups = 0;
  const out: PublishedGapRow[] = rows.map((g) => {
    // One eligible school is both groups: a gap of 0 and a ratio of 1 would be non-figures.
    if (g.eligible < 2) g = { ...g, gap: null, ratio: null, change: null, change_pct: null, target_met: null };
    const hides = (ids: string[]) => ids.some((id) => !isPublished(id, g.year, g.exam, g.subject_set));
    const top = g.top_mean !== null && hides(g.top_ids);
    const bottom = g.bottom_mean !== null && hides(g.bottom_ids);
    if (!top && !bottom) return { ...g, withheld: { top: false, bottom: false }, scale_break: false };
    withheldGroups += Number(top) + Number(bottom);
    return {
      ...g,
      top_mean: top ? null : g.top_mean,
      bottom_mean: bottom ? null : g.bottom_mean,
      gap: null,
      ratio: null,
      change: null,
      change_pct: null,
      target_met: null,
      withheld: { top, bottom },
      scale_break: false,
    };
  });
  // A change rests on last year's gap too: withheld there, it is withheld here.
  const seriesKey = (g: GapRow, year: number) => `${g.scope}|${g.scope_id}|${g.exam}|${g.subject_set}|${year}`;
  const gapOf = new Map(out.map((g) => [seriesKey(g, g.year), g.gap]));
  for (const g of out) {
    if (scaleBreak(g.exam, g.subject_set, g.year - 1, g.year)) {
      g.scale_break = true;
      g.change = null;
      g.change_pct = null;
      g.target_met = null;
      continue;
    }
    if (g.change === null && g.change_pct === null) continue;
    if ((gapOf.get(seriesKey(g, g.year - 1)) ?? null) === null) {
      g.change = null;
      g.change_pct = null;
      g.target_met = null;
    }
  }
  return { rows: out, withheldGroups };
}
