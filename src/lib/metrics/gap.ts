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
 * The grouping runs over typed arrays and integer codes, not per-row objects: 6 M result
 * rows take a few seconds (see the report of the metrics module).
 */
import type { Columns } from '../model/types.ts';
import type { Settings } from '../model/config.ts';
import { groupSize, rowCount } from './table.ts';

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

export function computeGap(results: Columns, schools: Columns, settings: Settings, opts: GapOptions = {}): { gap: GapRow[]; scores: SchoolScoreRow[] } {
  const scoreMode = opts.scores ?? 'mandatory';
  const N = rowCount(results);
  const idCol = results.school_id as string[];
  const yearCol = results.year as number[];
  const examCol = results.exam as string[];
  const subjCol = results.subject as string[];
  const nCol = results.n as Array<number | null>;
  const nSt = results.n_state as string[] | undefined;
  const xCol = (results[settings.gap_score] ?? []) as Array<number | null>;
  const xSt = results[`${settings.gap_score}_state`] as string[] | undefined;

  const exams = rankedExams(settings);
  const examIdx = new Map<string, number>(exams.map((e, i) => [e, i]));
  const subjMaps: Map<string, number>[] = exams.map(() => new Map());
  const esExam: number[] = [];
  const esSubject: string[] = [];
  const schoolIdx = new Map<string, number>();
  const schoolIds: string[] = [];
  const yearIdx = new Map<number, number>();
  const years: number[] = [];

  // Pass 1: codes. Rows without a usable n and score are dropped here.
  const rowSchool = new Int32Array(N).fill(-1);
  const rowYear = new Int32Array(N);
  const rowEs = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    const e = examIdx.get(examCol[i]);
    if (e === undefined) continue;
    const n = nCol[i];
    const x = xCol[i];
    if (typeof n !== 'number' || typeof x !== 'number' || !(n > 0) || !Number.isFinite(x)) continue;
    if ((nSt && nSt[i] !== 'value') || (xSt && xSt[i] !== 'value')) continue;
    let s = schoolIdx.get(idCol[i]);
    if (s === undefined) {
      s = schoolIds.length;
      schoolIdx.set(idCol[i], s);
      schoolIds.push(idCol[i]);
    }
    let y = yearIdx.get(yearCol[i]);
    if (y === undefined) {
      y = years.length;
      yearIdx.set(yearCol[i], y);
      years.push(yearCol[i]);
    }
    const sm = subjMaps[e];
    let es = sm.get(subjCol[i]);
    if (es === undefined) {
      es = esExam.length;
      sm.set(subjCol[i], es);
      esExam.push(e);
      esSubject.push(subjCol[i]);
    }
    rowSchool[i] = s;
    rowYear[i] = y;
    rowEs[i] = es;
  }
  const S = schoolIds.length;
  const Y = years.length;
  const ES = esExam.length;
  if (S === 0) return { gap: [], scores: [] };

  // Pass 2: Σ n and Σ n·x per school × year × exam-subject (duplicates add up).
  const sumN = new Float64Array(S * Y * ES);
  const sumNX = new Float64Array(S * Y * ES);
  for (let i = 0; i < N; i++) {
    const s = rowSchool[i];
    if (s < 0) continue;
    const c = (s * Y + rowYear[i]) * ES + rowEs[i];
    const n = nCol[i] as number;
    sumN[c] += n;
    sumNX[c] += n * (xCol[i] as number);
  }

  // Id order rank and municipality code of each school.
  const order = schoolIds.map((_, i) => i).sort((a, b) => (schoolIds[a] < schoolIds[b] ? -1 : schoolIds[a] > schoolIds[b] ? 1 : 0));
  const idRank = new Int32Array(S);
  order.forEach((s, r) => (idRank[s] = r));
  const munOfId = new Map<string, string>();
  const sid = schools.school_id ?? [];
  const smun = schools.municipality_id ?? [];
  for (let i = 0; i < sid.length; i++) if (sid[i] !== null && smun[i] !== null && smun[i] !== '') munOfId.set(String(sid[i]), String(smun[i]));
  const munNames: string[] = [...new Set(munOfId.values())].sort();
  const munIdx = new Map(munNames.map((m, i) => [m, i]));
  const schoolMun = new Int32Array(S).fill(-1);
  for (let s = 0; s < S; s++) {
    const m = munOfId.get(schoolIds[s]);
    if (m !== undefined) schoolMun[s] = munIdx.get(m)!;
  }

  const polarity = scorePolarity(settings);
  const min = settings.min_participants;
  const gap: GapRow[] = [];
  const scores: SchoolScoreRow[] = [];
  const score = new Float64Array(S);
  const elig = new Int32Array(S);
  const byMun: number[][] = munNames.map(() => []);

  for (let e = 0; e < exams.length; e++) {
    const exam = exams[e];
    const sm = subjMaps[e];
    const sets: { label: string; es: number[]; mandatory: boolean }[] = [];
    const mand = settings.mandatory_subjects[exam] ?? [];
    if (mand.length > 0 && mand.every((m) => sm.has(m))) sets.push({ label: setLabel(mand), es: mand.map((m) => sm.get(m)!), mandatory: true });
    for (const subj of [...sm.keys()].sort()) {
      if (sets.some((x) => x.label === subj)) continue;
      sets.push({ label: subj, es: [sm.get(subj)!], mandatory: false });
    }
    for (const set of sets) {
      const keepScores = scoreMode === 'all' || (scoreMode === 'mandatory' && set.mandatory);
      for (let y = 0; y < Y; y++) {
        let ne = 0;
        for (let s = 0; s < S; s++) {
          const base = (s * Y + y) * ES;
          let tn = 0;
          let tx = 0;
          let minN = Infinity;
          let complete = true;
          for (const es of set.es) {
            const n = sumN[base + es];
            if (n <= 0) {
              complete = false;
              break;
            }
            tn += n;
            tx += sumNX[base + es];
            if (n < minN) minN = n;
          }
          if (!complete) continue;
          const sc = tx / tn;
          const ok = minN >= min;
          if (keepScores) scores.push({ school_id: schoolIds[s], year: years[y], exam, subject_set: set.label, score: sc, n: minN, n_sum: tn, eligible: ok });
          if (!ok) continue;
          score[s] = sc;
          elig[ne++] = s;
        }
        if (ne === 0) continue;
        const list = Array.from(elig.subarray(0, ne)).sort((a, b) => score[a] - score[b] || idRank[a] - idRank[b]);
        gap.push(groupRow('region', 'region', years[y], exam, set.label, list, score, idRank, schoolIds, polarity, settings.gap_share));
        for (const l of byMun) l.length = 0;
        for (const s of list) if (schoolMun[s] >= 0) byMun[schoolMun[s]].push(s);
        for (let m = 0; m < munNames.length; m++) {
          if (byMun[m].length) gap.push(groupRow('municipality', munNames[m], years[y], exam, set.label, byMun[m], score, idRank, schoolIds, polarity, settings.gap_share));
        }
      }
    }
  }
  addChanges(gap, settings.gap_target_pct);
  gap.sort((a, b) => (a.scope === b.scope ? 0 : a.scope === 'region' ? -1 : 1) || cmp(a.scope_id, b.scope_id) || cmp(a.exam, b.exam) || cmp(a.subject_set, b.subject_set) || a.year - b.year);
  return { gap, scores };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The k lowest of a list sorted by (score asc, id asc): ties at the cut go to smaller ids. */
function lowestK(list: number[], k: number): number[] {
  return list.slice(0, k);
}

/** The k highest, ties at the cut going to the smaller ids; returned best first. */
function highestK(list: number[], k: number, score: Float64Array, idRank: Int32Array): number[] {
  const n = list.length;
  const cut = score[list[n - k]];
  let a = n - k;
  while (a > 0 && score[list[a - 1]] === cut) a--;
  let b = n - k;
  while (b + 1 < n && score[list[b + 1]] === cut) b++;
  const above = list.slice(b + 1);
  const need = k - above.length;
  const out = [...list.slice(a, a + need), ...above];
  return out.sort((x, y) => score[y] - score[x] || idRank[x] - idRank[y]);
}

function groupRow(
  scope: 'region' | 'municipality',
  scopeId: string,
  year: number,
  exam: string,
  subjectSet: string,
  list: number[],
  score: Float64Array,
  idRank: Int32Array,
  ids: string[],
  polarity: 'higher' | 'lower',
  share: number,
): GapRow {
  const eligible = list.length;
  const k = groupSize(share, eligible);
  const high = highestK(list, k, score, idRank);
  const low = lowestK(list, k);
  const best = polarity === 'higher' ? high : low;
  const worst = polarity === 'higher' ? low : high;
  const mean = (g: number[]) => g.reduce((t, s) => t + score[s], 0) / g.length;
  const top = mean(best);
  const bottom = mean(worst);
  const gap = polarity === 'higher' ? top - bottom : bottom - top;
  const ratio = polarity === 'higher' ? (bottom > 0 ? top / bottom : null) : top > 0 ? bottom / top : null;
  return {
    scope,
    scope_id: scopeId,
    year,
    exam,
    subject_set: subjectSet,
    eligible,
    k,
    top_mean: top,
    bottom_mean: bottom,
    gap,
    ratio,
    change: null,
    change_pct: null,
    target_met: null,
    few_schools: eligible < FEW_SCHOOLS,
    top_ids: best.map((s) => ids[s]),
    bottom_ids: worst.map((s) => ids[s]),
  };
}

function addChanges(rows: GapRow[], targetPct: number): void {
  const idx = new Map<string, GapRow>();
  const key = (r: GapRow, year: number) => `${r.scope}\u0001${r.scope_id}\u0001${r.exam}\u0001${r.subject_set}\u0001${year}`;
  for (const r of rows) idx.set(key(r, r.year), r);
  for (const r of rows) {
    const p = idx.get(key(r, r.year - 1));
    // With one eligible school the best and the worst group are that school (ratio 1):
    // there is no gap to compare, so no change either.
    if (!p || r.eligible < 2 || p.eligible < 2) continue;
    if (r.gap !== null && p.gap !== null) r.change = r.gap - p.gap;
    if (r.ratio !== null && p.ratio !== null && p.ratio !== 0) {
      r.change_pct = 100 * (r.ratio / p.ratio - 1);
      // The tolerance keeps an exact 0.3 % reduction from failing on rounding noise.
      r.target_met = -r.change_pct >= targetPct - 1e-9;
    }
  }
}
