/**
 * METRICS.md §2: the gap between the best and the worst 10 % of schools.
 *
 * Choices the methodology page states (all but FEW_SCHOOLS come from Settings):
 * - Only `settings.ranked_exams`, and never ВПР whatever the settings say (§7).
 * - Subject sets per exam: the mandatory set (`settings.mandatory_subjects[exam]`,
 *   label "Русский язык + Математика (профиль)") and each subject alone.
 * - A school's score = Σ n·x / Σ n over the set's subjects, x = `settings.gap_score`.
 * - A school enters a set only when it has a value for EVERY subject of the set
 *   (otherwise a school with only its stronger subject would be compared with complete
 *   ones), and it is eligible only when EVERY subject rests on ≥ min_participants:
 *   a figure built on a hidden group would let that group be recomputed (§6).
 *   The score rows carry `n` = the smallest subject group and `n_sum` = Σ n.
 * - k = ceil(gap_share × eligible), at least 1 (guarded against 0.1 × 70 = 7.000…01).
 * - Ties at a cut: the school with the smaller school_id (code order) enters the group.
 * - For a lower-is-better score (share_below) the best group has the lowest values, and
 *   gap = bottom − top, ratio = bottom / top, so a smaller gap is always better.
 * - change = gap(y) − gap(y−1); change_pct = relative change of the RATIO in %,
 *   100·(ratio(y)/ratio(y−1) − 1); target_met when −change_pct ≥ gap_target_pct.
 *   Without a figure for the calendar year y−1, or with fewer than 2 eligible schools in
 *   either year (the two groups are then one school), these are null.
 * - top_mean / bottom_mean are plain means of the k school scores (the federal
 *   indicator's "среднее по школам").
 *
 * Computed as Arquero pipelines: groupby/rollup for the participant sums and the set
 * scores, window functions (row_number over score order, count per group) for the groups.
 * Rows become plain objects only at the exit, for the site layer.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Columns } from '../model/types.ts';
import type { Settings } from '../model/config.ts';
import { groupSize, rowCount } from './table.ts';

const op = aq.op;
/** Below this many eligible schools the figure is marked as resting on very few schools. */
export const FEW_SCHOOLS = 10;

export interface GapRow {
  scope: 'region' | 'municipality';
  scope_id: string;
  year: number;
  exam: string;
  subject_set: string;
  eligible: number;
  k: number;
  top_mean: number | null;
  bottom_mean: number | null;
  gap: number | null;
  ratio: number | null;
  change: number | null;
  change_pct: number | null;
  target_met: boolean | null;
  few_schools: boolean;
  top_ids: string[];
  bottom_ids: string[];
}

export interface SchoolScoreRow {
  school_id: string;
  year: number;
  exam: string;
  subject_set: string;
  score: number;
  /** Smallest participant count among the set's subjects: the group the score rests on. */
  n: number;
  n_sum: number;
  eligible: boolean;
}

export interface GapOptions {
  /** Which sets get school score rows in the output: 'mandatory' (default), 'all' or 'none'. */
  scores?: 'mandatory' | 'all' | 'none';
}

export function scorePolarity(settings: Settings): 'higher' | 'lower' {
  return settings.gap_score === 'share_below' ? 'lower' : 'higher';
}

export function rankedExams(settings: Settings): string[] {
  return settings.ranked_exams.filter((e) => e !== 'ВПР');
}

export function setLabel(subjects: string[]): string {
  return subjects.join(' + ');
}

/** The group keys of one gap figure. */
const GROUP = ['scope', 'scope_id', 'year', 'exam', 'subject_set'];

export function computeGap(results: Columns, schools: Columns, settings: Settings, opts: GapOptions = {}): { gap: GapRow[]; scores: SchoolScoreRow[] } {
  const scoreMode = opts.scores ?? 'mandatory';
  const N = rowCount(results);
  if (N === 0) return { gap: [], scores: [] };
  const exams = rankedExams(settings);

  // Rows without a usable n and score, or of an unranked exam, are dropped first.
  const data: Record<string, unknown[]> = {
    school_id: results.school_id,
    year: results.year,
    exam: results.exam,
    subject: results.subject,
    n: results.n,
    x: results[settings.gap_score] ?? new Array(N).fill(null),
  };
  let cond = 'op.includes($.exams, d.exam) && op.is_finite(d.n) && d.n > 0 && op.is_finite(d.x)';
  if (results.n_state) {
    data.n_st = results.n_state;
    cond += " && d.n_st === 'value'";
  }
  if (results[`${settings.gap_score}_state`]) {
    data.x_st = results[`${settings.gap_score}_state`];
    cond += " && d.x_st === 'value'";
  }
  // Σ n and Σ n·x per school × year × exam × subject (duplicate rows add up).
  const sums = aq
    .table(data)
    .params({ exams })
    .filter(cond)
    .groupby('school_id', 'year', 'exam', 'subject')
    .rollup({ sn: (d: any) => op.sum(d.n), snx: (d: any) => op.sum(d.n * d.x) });
  if (sums.numRows() === 0) return { gap: [], scores: [] };

  // Subject sets per exam: the mandatory set (when every subject of it occurs), then each
  // subject alone. One row per (set, subject); set_order fixes the output order.
  const present = new Map<string, Set<string>>();
  for (const r of sums.select('exam', 'subject').dedupe().objects() as { exam: string; subject: string }[]) {
    let s = present.get(r.exam);
    if (!s) present.set(r.exam, (s = new Set()));
    s.add(r.subject);
  }
  const members: { exam: string; subject: string; subject_set: string; set_size: number; set_order: number; keep: boolean }[] = [];
  let order = 0;
  for (const exam of exams) {
    const sm = present.get(exam);
    if (!sm) continue;
    const labels = new Set<string>();
    const mand = settings.mandatory_subjects[exam] ?? [];
    const add = (subjects: string[], mandatory: boolean) => {
      const label = setLabel(subjects);
      labels.add(label);
      const keep = scoreMode === 'all' || (scoreMode === 'mandatory' && mandatory);
      for (const subject of subjects) members.push({ exam, subject, subject_set: label, set_size: subjects.length, set_order: order, keep });
      order++;
    };
    if (mand.length > 0 && mand.every((m) => sm.has(m))) add(mand, true);
    for (const subj of [...sm].sort()) if (!labels.has(subj)) add([subj], false);
  }

  // A school's set score = Σ n·x / Σ n, only when it has every subject of the set;
  // eligible when the smallest subject group reaches min_participants.
  const scored = sums
    .join(aq.from(members), [['exam', 'subject'], ['exam', 'subject']])
    .groupby('school_id', 'year', 'exam', 'subject_set')
    .rollup({
      cnt: op.count(),
      n_sum: (d: any) => op.sum(d.sn),
      tx: (d: any) => op.sum(d.snx),
      n: (d: any) => op.min(d.sn),
      set_size: (d: any) => op.any(d.set_size),
      set_order: (d: any) => op.any(d.set_order),
      keep: (d: any) => op.any(d.keep),
    })
    .filter((d: any) => d.cnt === d.set_size)
    .params({ min: settings.min_participants })
    .derive({ score: (d: any) => d.tx / d.n_sum, eligible: (d: any, $: any) => d.n >= $.min });

  const scores: SchoolScoreRow[] = (
    scored
      .filter((d: any) => d.keep)
      .orderby('set_order', 'year', 'school_id')
      .objects() as Record<string, any>[]
  ).map((r) => ({ school_id: r.school_id, year: r.year, exam: r.exam, subject_set: r.subject_set, score: r.score, n: r.n, n_sum: r.n_sum, eligible: r.eligible }));

  // Each eligible score enters the region's figure and its municipality's.
  const munOfId = new Map<string, string>();
  const sid = schools.school_id ?? [];
  const smun = schools.municipality_id ?? [];
  for (let i = 0; i < sid.length; i++) if (sid[i] !== null && smun[i] !== null && smun[i] !== '') munOfId.set(String(sid[i]), String(smun[i]));
  const eligible = scored.filter((d: any) => d.eligible).select('school_id', 'year', 'exam', 'subject_set', 'score');
  if (eligible.numRows() === 0) return { gap: [], scores };
  const region = eligible.derive({ scope: () => 'region', scope_id: () => 'region' });
  const municipal = eligible
    .join(aq.table({ school_id: [...munOfId.keys()], scope_id: [...munOfId.values()] }), 'school_id')
    .derive({ scope: () => 'municipality' });

  // Window functions per figure: the eligible count, k, and each school's rank from the
  // bottom (score ascending) and from the top (score descending); ties go to the smaller id.
  const ranked = region
    .concat(municipal.select(region.columnNames()))
    .groupby(GROUP)
    .derive({ eligible: op.count() })
    .params({ share: settings.gap_share })
    .derive({ k: (d: any, $: any) => op.greatest(1, op.ceil($.share * d.eligible - 1e-9)) })
    .orderby('score', 'school_id')
    .derive({ lo: op.row_number() })
    .orderby(aq.desc('score'), 'school_id')
    .derive({ hi: op.row_number() });
  const group = (t: ColumnTable, suffix: string) =>
    t.rollup({
      [`ids_${suffix}`]: (d: any) => op.array_agg(d.school_id),
      [`sum_${suffix}`]: (d: any) => op.sum(d.score),
      [`m_${suffix}`]: op.count(),
      eligible: (d: any) => op.any(d.eligible),
      k: (d: any) => op.any(d.k),
    });
  const high = group(ranked.filter((d: any) => d.hi <= d.k), 'h');
  const low = group(ranked.filter((d: any) => d.lo <= d.k).orderby('score', 'school_id'), 'l').select(aq.not('eligible', 'k'));
  const higher = scorePolarity(settings) === 'higher';

  const figures = high
    .join(low, [GROUP, GROUP])
    .params({ higher, target: settings.gap_target_pct })
    .derive({
      top_mean: (d: any, $: any) => ($.higher ? d.sum_h / d.m_h : d.sum_l / d.m_l),
      bottom_mean: (d: any, $: any) => ($.higher ? d.sum_l / d.m_l : d.sum_h / d.m_h),
      top_ids: (d: any, $: any) => ($.higher ? d.ids_h : d.ids_l),
      bottom_ids: (d: any, $: any) => ($.higher ? d.ids_l : d.ids_h),
    })
    .derive({
      gap: (d: any, $: any) => ($.higher ? d.top_mean - d.bottom_mean : d.bottom_mean - d.top_mean),
      ratio: (d: any, $: any) => ($.higher ? (d.bottom_mean > 0 ? d.top_mean / d.bottom_mean : null) : d.top_mean > 0 ? d.bottom_mean / d.top_mean : null),
    })
    // Change on the previous calendar year of the same figure (lag over years). With one
    // eligible school the best and the worst group are that school: no change either.
    .groupby('scope', 'scope_id', 'exam', 'subject_set')
    .orderby('year')
    .derive({ p_year: op.lag('year'), p_gap: op.lag('gap'), p_ratio: op.lag('ratio'), p_eligible: op.lag('eligible') })
    .ungroup()
    .derive({ comparable: (d: any) => d.p_year === d.year - 1 && d.eligible >= 2 && d.p_eligible >= 2 })
    .derive({
      change: (d: any) => (d.comparable && d.gap != null && d.p_gap != null ? d.gap - d.p_gap : null),
      change_pct: (d: any) => (d.comparable && d.ratio != null && d.p_ratio != null && d.p_ratio !== 0 ? 100 * (d.ratio / d.p_ratio - 1) : null),
    })
    // The tolerance keeps an exact 0.3 % reduction from failing on rounding noise.
    .derive({ target_met: (d: any, $: any) => (d.change_pct == null ? null : -d.change_pct >= $.target - 1e-9) })
    .derive({ scope_rank: (d: any) => (d.scope === 'region' ? 0 : 1) })
    .orderby('scope_rank', 'scope_id', 'exam', 'subject_set', 'year');

  const gap: GapRow[] = (figures.objects() as Record<string, any>[]).map((r) => ({
    scope: r.scope,
    scope_id: r.scope_id,
    year: r.year,
    exam: r.exam,
    subject_set: r.subject_set,
    eligible: r.eligible,
    k: r.k,
    top_mean: r.top_mean,
    bottom_mean: r.bottom_mean,
    gap: r.gap,
    ratio: r.ratio,
    change: r.change,
    change_pct: r.change_pct,
    target_met: r.target_met,
    few_schools: r.eligible < FEW_SCHOOLS,
    top_ids: r.top_ids,
    bottom_ids: r.bottom_ids,
  }));
  return { gap, scores };
}
