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
import { STATE_CODE, type Columns, type LongColumns } from '../model/types.ts';
import type { Settings } from '../model/config.ts';
import { cmpId, lastKeyMemo, numCol, rowCount } from './table.ts';
import { emptyGapData, figureColumns, gapResultOf, scoreColumns, type GapData, type GapResult, type GapSet } from './gap-output.ts';

const op = aq.op;
export { FEW_SCHOOLS, type GapRow, type SchoolScoreRow, type GapResult, type GapData } from './gap-output.ts';

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

/**
 * What the gap reads from the canonical tables, as typed columns and dictionaries: small
 * enough to hand to a worker thread (metrics/worker.ts) at national scale.
 */
export interface GapColumns {
  N: number;
  exams: string[];
  /** School codes in code-unit order of their ids. */
  ids: string[];
  esExam: number[];
  esSubject: string[];
  cs: Int32Array;
  cy: Int32Array;
  /** Exam-subject code of the row; -1 for an unranked exam. */
  ces: Int32Array;
  cn: Float64Array;
  cx: Float64Array;
  /** 1 when both n and the score have the state 'value'. */
  cok: Uint8Array;
  /** Municipality ids in order; a school's scope is 1 + its municipality's position, 0 without one. */
  munNames: string[];
  schoolScope: Int32Array;
}

export function computeGap(results: LongColumns, schools: Columns, settings: Settings, opts: GapOptions = {}): GapResult {
  return gapFromColumns(gapColumns(results, schools, settings), settings, opts);
}

export function gapColumns(results: LongColumns, schools: Columns, settings: Settings): GapColumns {
  const N = rowCount(results);
  const exams = rankedExams(settings);
  const idCol = (results.school_id ?? []) as string[];
  const yearCol = (results.year ?? []) as number[];
  const examCol = (results.exam ?? []) as string[];
  const subjCol = (results.subject ?? []) as string[];
  const n = numCol(results, 'n');
  const x = numCol(results, settings.gap_score);

  // Dictionary-encode the keys into typed columns, so that Arquero groups and sorts
  // numbers instead of composing string keys: school codes follow school_id code-unit
  // order (ties at a cut go to the smaller code = the smaller id), exam-subject codes
  // are per ranked exam. A row of an unranked exam gets es = -1; usable = both states 'value'.
  const examIdx = new Map<string, number>(exams.map((e, i) => [e, i]));
  const idSet = new Set<string>();
  for (let i = 0; i < N; i++) if (examIdx.has(examCol[i])) idSet.add(idCol[i]);
  const ids = [...idSet].sort(cmpId);
  const idCode = new Map(ids.map((id, i) => [id, i]));
  const esExam: number[] = [];
  const esSubject: string[] = [];
  const cs = new Int32Array(N);
  const cy = new Int32Array(N);
  const ces = new Int32Array(N).fill(-1);
  const cn = new Float64Array(N);
  const cx = new Float64Array(N);
  const cok = new Uint8Array(N);
  // The exam-subject code is found per exam by subject, not by a string made per row
  // (7.7 million of them nationally); a school's code is looked up once per run of its rows.
  const esOfExam = exams.map(() => new Map<string, number>());
  const schoolCode = lastKeyMemo((id: string) => idCode.get(id)!);
  for (let i = 0; i < N; i++) {
    const e = examIdx.get(examCol[i]);
    if (e === undefined) continue;
    const subject = subjCol[i];
    let es = esOfExam[e].get(subject);
    if (es === undefined) {
      esOfExam[e].set(subject, (es = esExam.length));
      esExam.push(e);
      esSubject.push(subject);
    }
    cs[i] = schoolCode(idCol[i]);
    cy[i] = yearCol[i];
    ces[i] = es;
    cn[i] = n.v[i];
    cx[i] = x.v[i];
    cok[i] = n.s[i] === STATE_CODE.value && x.s[i] === STATE_CODE.value ? 1 : 0;
  }
  // Each eligible score enters the region's figure (scope 0) and its municipality's
  // (scope 1 + the municipality's position in id order).
  const munOfId = new Map<string, string>();
  const sid = schools.school_id ?? [];
  const smun = schools.municipality_id ?? [];
  for (let i = 0; i < sid.length; i++) if (sid[i] !== null && smun[i] !== null && smun[i] !== '') munOfId.set(String(sid[i]), String(smun[i]));
  const munNames: string[] = [...new Set(munOfId.values())].sort(cmpId);
  const munCode = new Map(munNames.map((m, i) => [m, i + 1]));
  const schoolScope = Int32Array.from(ids, (id) => (munOfId.has(id) ? munCode.get(munOfId.get(id)!)! : 0));
  return { N, exams, ids, esExam, esSubject, cs, cy, ces, cn, cx, cok, munNames, schoolScope };
}

/** The gap figures and the school scores from the typed columns, as rows. */
export function gapFromColumns(c: GapColumns, settings: Settings, opts: GapOptions = {}): GapResult {
  return gapResultOf(gapDataFromColumns(c, settings, opts));
}

/** The gap figures and the school scores from the typed columns, as columns (pure; runs in any thread). */
export function gapDataFromColumns(c: GapColumns, settings: Settings, opts: GapOptions = {}): GapData {
  const scoreMode = opts.scores ?? 'mandatory';
  const { N, exams, ids, esExam, esSubject, cs, cy, ces, cn, cx, cok, munNames, schoolScope } = c;
  if (ids.length === 0) return emptyGapData();
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < N; i++) if (ces[i] >= 0) (y0 = Math.min(y0, cy[i])), (y1 = Math.max(y1, cy[i]));
  const Y = y1 - y0 + 1;
  const ES = esExam.length;

  // Σ n and Σ n·x per school × year × exam-subject (duplicate rows add up); rows without a
  // usable n and score, or of an unranked exam, are dropped first.
  const usable = aq
    .table({ s: cs, y: cy, es: ces, n: cn, x: cx, ok: cok })
    .filter((d: any) => d.es >= 0 && d.ok === 1 && op.is_finite(d.n) && d.n > 0 && op.is_finite(d.x))
    .params({ Y, y0, ES });
  // Read from ingest, every key is usually unique (a ranked exam without grades): then each
  // sum is its one row, and grouping 3.5 million one-row groups (8 s at national scale) is skipped.
  const sums = keysRepeat(c, y0, Y, ES)
    ? usable
        .derive({ key: (d: any, $: any) => (d.s * $.Y + d.y - $.y0) * $.ES + d.es })
        .groupby('key')
        .rollup({ sn: op.sum('n'), snx: (d: any) => op.sum(d.n * d.x) })
        .derive({
          s: (d: any, $: any) => op.floor(d.key / ($.Y * $.ES)),
          y: (d: any, $: any) => $.y0 + (op.floor(d.key / $.ES) % $.Y),
          es: (d: any, $: any) => d.key % $.ES,
        })
    : usable.reify().derive({ sn: (d: any) => d.n, snx: (d: any) => d.n * d.x }).select('s', 'y', 'es', 'sn', 'snx');
  if (sums.numRows() === 0) return emptyGapData();

  // Subject sets per exam: the mandatory set (when every subject of it occurs), then each
  // subject alone, in code order = output order. single[es] / mand[es]: the set an
  // exam-subject enters alone / as part of its exam's mandatory set (-1: none).
  const sets: (GapSet & { size: number; keep: boolean })[] = [];
  const single = new Array<number>(ES).fill(-1);
  const mand = new Array<number>(ES).fill(-1);
  for (let e = 0; e < exams.length; e++) {
    const exam = exams[e];
    const sm = new Map<string, number>();
    for (let es = 0; es < ES; es++) if (esExam[es] === e) sm.set(esSubject[es], es);
    if (sm.size === 0) continue;
    const m = settings.mandatory_subjects[exam] ?? [];
    const keep = (mandatory: boolean) => scoreMode === 'all' || (scoreMode === 'mandatory' && mandatory);
    const mandLabel = m.length > 0 && m.every((x) => sm.has(x)) ? setLabel(m) : null;
    if (mandLabel !== null) {
      for (const subj of m) mand[sm.get(subj)!] = sets.length;
      sets.push({ exam, label: mandLabel, size: m.length, keep: keep(true) });
    }
    for (const subj of [...sm.keys()].sort()) {
      if (subj === mandLabel) continue;
      single[sm.get(subj)!] = sets.length;
      sets.push({ exam, label: subj, size: 1, keep: keep(false) });
    }
  }
  const setRank = new Array<number>(sets.length);
  sets
    .map((_, i) => i)
    .sort((a, b) => cmpId(sets[a].exam, sets[b].exam) || cmpId(sets[a].label, sets[b].label))
    .forEach((c, r) => (setRank[c] = r));

  // A school's set score = Σ n·x / Σ n, only when it has every subject of the set;
  // `n` = the smallest subject group, eligible when it reaches min_participants.
  const setParams = { single, mand, size: sets.map((s) => s.size), keep: sets.map((s) => s.keep), min: settings.min_participants };
  const alone = sums
    .params(setParams)
    .filter((d: any, $: any) => $.single[d.es] >= 0)
    .derive({ set: (d: any, $: any) => $.single[d.es], n_sum: (d: any) => d.sn, tx: (d: any) => d.snx, n: (d: any) => d.sn })
    .select('s', 'y', 'set', 'n_sum', 'tx', 'n');
  const together = sums
    .params(setParams)
    .filter((d: any, $: any) => $.mand[d.es] >= 0)
    .derive({ set: (d: any, $: any) => $.mand[d.es] })
    .groupby('s', 'y', 'set')
    .rollup({ n_sum: (d: any) => op.sum(d.sn), tx: (d: any) => op.sum(d.snx), n: (d: any) => op.min(d.sn), cnt: op.count() })
    .filter((d: any, $: any) => d.cnt === $.size[d.set])
    .select('s', 'y', 'set', 'n_sum', 'tx', 'n');
  // The mandatory sets' rows and the single subjects' rows stay two tables: no figure mixes
  // them, and concatenating them copied 4 million rows nationally (2.6 s) only for the
  // figures to be split again.
  const scored = [together, alone].map((t) =>
    t.params(setParams).derive({ score: (d: any) => d.tx / d.n_sum, eligible: (d: any, $: any) => d.n >= $.min }),
  );
  const keepAlone = single.some((set) => set >= 0 && sets[set].keep);
  const kept = (keepAlone ? scored : scored.slice(0, 1)).map((t) => t.filter((d: any, $: any) => $.keep[d.set]));
  const scores = scoreColumns(kept[0].concat(...kept.slice(1)).orderby('set', 'y', 's'));
  const output = (figures: GapData['figures']): GapData => ({ ids, sets: sets.map(({ exam, label }) => ({ exam, label })), munNames, scores, figures });

  const S = sets.length;
  const eligible = scored.map((t) => t.filter((d: any) => d.eligible).select('s', 'y', 'set', 'score').reify()).filter((t) => t.numRows() > 0);
  if (eligible.length === 0) return output(emptyGapData().figures);
  // The region's figures (scope 0) and the municipalities' are ranked apart and only their
  // groups put together: concatenating both sets of ranked rows cost 3 s at national scale.
  const figureParams = { Y, y0, S, share: settings.gap_share };
  const groups = eligible.flatMap((t) => [
    topAndBottom(t.derive({ scope: () => 0 }), figureParams),
    topAndBottom(
      t
        .params({ scope: schoolScope })
        .derive({ scope: (d: any, $: any) => $.scope[d.s] })
        .filter((d: any) => d.scope > 0)
        .reify(),
      figureParams,
    ),
  ]);
  const high = groups[0].high.concat(...groups.slice(1).map((g) => g.high));
  const low = groups[0].low.concat(...groups.slice(1).map((g) => g.low));
  const higher = scorePolarity(settings) === 'higher';

  const figures = high
    .join(low, 'fig')
    .params({ higher, target: settings.gap_target_pct, S, Y, y0, rank: setRank })
    // Decode the figure key: scope, year, set.
    .derive({
      scope: (d: any, $: any) => op.floor(d.fig / ($.Y * $.S)),
      y: (d: any, $: any) => $.y0 + (op.floor(d.fig / $.S) % $.Y),
      set: (d: any, $: any) => d.fig % $.S,
    })
    .derive({
      top_mean: (d: any, $: any) => ($.higher ? d.sum_h / d.m_h : d.sum_l / d.m_l),
      bottom_mean: (d: any, $: any) => ($.higher ? d.sum_l / d.m_l : d.sum_h / d.m_h),
      top_ids: (d: any, $: any) => ($.higher ? d.ids_h : d.ids_l),
      bottom_ids: (d: any, $: any) => ($.higher ? d.ids_l : d.ids_h),
    })
    .derive({
      gap: (d: any, $: any) => ($.higher ? d.top_mean - d.bottom_mean : d.bottom_mean - d.top_mean),
      ratio: (d: any, $: any) => ($.higher ? (d.bottom_mean > 0 ? d.top_mean / d.bottom_mean : null) : d.top_mean > 0 ? d.bottom_mean / d.top_mean : null),
      series: (d: any, $: any) => d.scope * $.S + d.set,
    })
    // Change on the previous calendar year of the same figure (lag over years). With one
    // eligible school the best and the worst group are that school: no change either.
    .groupby('series')
    .orderby('y')
    .derive({ p_year: op.lag('y'), p_gap: op.lag('gap'), p_ratio: op.lag('ratio'), p_eligible: op.lag('eligible') })
    .ungroup()
    .derive({ comparable: (d: any) => d.p_year === d.y - 1 && d.eligible >= 2 && d.p_eligible >= 2 })
    .derive({
      change: (d: any) => (d.comparable && d.gap != null && d.p_gap != null ? d.gap - d.p_gap : null),
      change_pct: (d: any) => (d.comparable && d.ratio != null && d.p_ratio != null && d.p_ratio !== 0 ? 100 * (d.ratio / d.p_ratio - 1) : null),
    })
    // The tolerance keeps an exact 0.3 % reduction from failing on rounding noise.
    .derive({ target_met: (d: any, $: any) => (d.change_pct == null ? null : -d.change_pct >= $.target - 1e-9), set_rank: (d: any, $: any) => $.rank[d.set] })
    // Region first, then municipalities by id; exam, set label, year.
    .orderby('scope', 'set_rank', 'y');

  return output(figureColumns(figures));
}

/**
 * The best and the worst k schools of each figure (scope × year × set) among the eligible set
 * scores of one kind of scope: k from the figure's eligible count and the gap share; each
 * school ranked from the bottom (score ascending) and from the top (score descending), ties at
 * a cut to the smaller id (= smaller code). Each group's ids in its order (best first / worst
 * first), the sum and count of its scores; the top group also carries the eligible count and k.
 */
function topAndBottom(scopeScores: ColumnTable, figure: { Y: number; y0: number; S: number; share: number }) {
  const ranked = scopeScores
    .params(figure)
    .derive({ fig: (d: any, $: any) => (d.scope * $.Y + d.y - $.y0) * $.S + d.set })
    .select('fig', 's', 'score')
    .groupby('fig')
    .derive({ eligible: op.count() })
    .derive({ k: (d: any, $: any) => op.greatest(1, op.ceil($.share * d.eligible - 1e-9)) })
    .orderby('score', 's')
    .derive({ lo: op.row_number() })
    .orderby(aq.desc('score'), 's')
    .derive({ hi: op.row_number() });
  const group = (t: ColumnTable, suffix: string, extra: object = {}) =>
    t.rollup({
      ...extra,
      [`ids_${suffix}`]: (d: any) => op.array_agg(d.s),
      [`sum_${suffix}`]: (d: any) => op.sum(d.score),
      [`m_${suffix}`]: op.count(),
    });
  // The top group is never empty (k ≥ 1). Each group is put in order after the filter:
  // sorting the tenth of rows in a group is far cheaper than all ranked rows (4 s nationally).
  const high = group(ranked.filter((d: any) => d.hi <= d.k).orderby(aq.desc('score'), 's'), 'h', { eligible: (d: any) => op.any(d.eligible), k: (d: any) => op.any(d.k) });
  const low = group(ranked.filter((d: any) => d.lo <= d.k).orderby('score', 's'), 'l');
  return { high, low };
}

/**
 * Whether two ranked rows share a school × year × exam-subject (rows by grade, or a table not
 * from ingest), so that their sums must be grouped. Unusable rows are counted too: a false
 * «yes» only costs the grouping. One byte per possible key; a key space too large to mark
 * (over 256 million) is answered «yes».
 */
function keysRepeat(c: GapColumns, y0: number, Y: number, ES: number): boolean {
  const size = c.ids.length * Y * ES;
  if (!(size <= 1 << 28)) return true;
  const seen = new Uint8Array(size);
  for (let i = 0; i < c.N; i++) {
    const es = c.ces[i];
    if (es < 0) continue;
    const key = (c.cs[i] * Y + c.cy[i] - y0) * ES + es;
    if (seen[key]) return true;
    seen[key] = 1;
  }
  return false;
}
