/**
 * METRICS.md §5: context-adjusted results, resilient schools, similar schools, clusters
 * and partnerships.
 *
 * Choices stated on the methodology page:
 * - The score is the school's gap score on the exam's mandatory set (gap.ts), only where
 *   eligible (every subject ≥ min_participants). Fit per year × exam: score = a + b·index
 *   by least squares over the schools with both (at least 3 schools and some spread).
 * - Resilient: НСУ in that year and residual ≥ the `resilient_quantile` quantile
 *   (linear interpolation) of that year × exam's residuals.
 * - Similar schools: in the latest year with a social index, the `similar_count` nearest
 *   schools sitting the same ranked exams, by Euclidean distance on (z of social index,
 *   z of ln(students)); ties by school_id. Size is taken on a log scale: 100 vs 200 pupils differ as much as 500 vs 1000.
 * - Clusters: k-means (k = settings.clusters) on z-scores of the three indices, ln(size)
 *   and the standardised ГИА score, latest year; schools missing any feature get no
 *   cluster. Initialisation: k-means++ driven by a fixed-seed PRNG over the schools in
 *   school_id order, so the same data always gives the same clusters. Clusters are
 *   numbered 1..k from the highest results centroid down. A school's cluster is shown
 *   on its context rows of every year (clusters describe the latest year).
 * - Partnerships: the supported school's mean score over the years before start_year vs
 *   the years from start_year on (plain mean of yearly scores), on the first ranked exam
 *   where it has a score; its partner's on the same exam and years.
 */
import { metricsWords } from '../words/metrics-words.ts';
import { leastSquares } from './fit.ts';
import type { Columns } from '../model/types.ts';
import type { Settings } from '../model/config.ts';
import { quantileSorted } from 'd3';
import { cmpId, intCol, meanSd, strCol } from './table.ts';
import { rankedExams, setLabel, type SchoolScoreRow } from './gap.ts';
import type { IndexId } from './index-table.ts';

/** Seed of the k-means++ initialisation. */
export const KMEANS_SEED = 20260101;
export const KMEANS_MAX_ITER = 100;
/** |centroid z| above this reads as «высокий» / «низкий» in a cluster description. */
export const DESCRIBE_Z = 0.5;

export interface ContextRow {
  school_id: string;
  year: number;
  exam: string;
  score: number | null;
  social_index: number | null;
  expected: number | null;
  residual: number | null;
  resilient: boolean;
  cluster: number | null;
}

export interface FitRow {
  year: number;
  exam: string;
  slope: number;
  intercept: number;
  n: number;
}

export interface SimilarRow {
  school_id: string;
  year: number;
  similar_ids: string[];
  distances: number[];
  /** The school's place on the two axes peers are chosen by (z of the index, z of ln size). */
  x: number;
  y: number;
  /** Pupils, the size the y axis is taken from. */
  students: number;
  /** The ranked exams the school sits («ЕГЭ+ОГЭ»): peers are chosen among the same. */
  exams: string;
  /** The school's score and the mean of its similar schools' scores (primary set, same year). */
  score: number | null;
  similar_mean: number | null;
  similar_with_score: number;
}

export interface ClusterRow {
  id: number;
  description: string;
  size: number;
  /** Centroid in z units per feature. */
  centroid: Record<string, number>;
  /** Share of urban schools in the cluster, %. */
  urban_share: number | null;
}

export interface PartnershipRow {
  strong_school_id: string;
  supported_school_id: string;
  start_year: number;
  end_year: number | null;
  exam: string | null;
  subject_set: string | null;
  before: number | null;
  after: number | null;
  before_years: number;
  after_years: number;
  partner_before: number | null;
  partner_after: number | null;
  change: number | null;
  partner_change: number | null;
}

/** Least squares y = a + b·x (fit.ts); null without 3 points or without spread in x. */
export function fitLine(xs: number[], ys: number[]): { slope: number; intercept: number } | null {
  return leastSquares(xs, ys, 3);
}

/** `social(school, year)` is the school's social index, null where it has none. */
export function contextRows(scores: SchoolScoreRow[], social: (schoolId: string, year: number) => number | null, nsu: Map<string, boolean | null>, settings: Settings): { context: ContextRow[]; fits: FitRow[] } {
  const groups = new Map<string, SchoolScoreRow[]>();
  for (const s of scores) {
    if (!s.eligible) continue;
    const mand = settings.mandatory_subjects[s.exam];
    if (!mand || s.subject_set !== setLabel(mand)) continue;
    const k = `${s.year}\u0001${s.exam}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(s);
  }
  const context: ContextRow[] = [];
  const fits: FitRow[] = [];
  for (const rows of groups.values()) {
    rows.sort((a, b) => cmpId(a.school_id, b.school_id));
    const pts = rows.filter((r) => social(r.school_id, r.year) !== null);
    const fit = fitLine(pts.map((r) => social(r.school_id, r.year)!), pts.map((r) => r.score));
    const { year, exam } = rows[0];
    if (fit) fits.push({ year, exam, ...fit, n: pts.length });
    const out = rows.map((r) => {
      const x = social(r.school_id, r.year);
      const expected = fit && x !== null ? fit.intercept + fit.slope * x : null;
      return { school_id: r.school_id, year, exam, score: r.score, social_index: x, expected, residual: expected === null ? null : r.score - expected, resilient: false, cluster: null } as ContextRow;
    });
    const res = out.filter((r) => r.residual !== null).map((r) => r.residual!).sort((a, b) => a - b);
    // d3's R-7 quantile (linear interpolation); undefined without residuals: nobody is resilient.
    const cut = quantileSorted(res, settings.resilient_quantile);
    for (const r of out) r.resilient = cut !== undefined && r.residual !== null && r.residual >= cut - 1e-12 && nsu.get(`${r.school_id}\u0001${r.year}\u0001nsu`) === true;
    context.push(...out);
  }
  context.sort((a, b) => cmpId(a.school_id, b.school_id) || a.year - b.year || cmpId(a.exam, b.exam));
  fits.sort((a, b) => a.year - b.year || cmpId(a.exam, b.exam));
  return { context, fits };
}

function zMap(values: Map<string, number>): Map<string, number> {
  const { mean, sd } = meanSd([...values.values()]);
  return new Map([...values].map(([k, v]) => [k, sd > 0 ? (v - mean) / sd : 0]));
}

/**
 * The `count` nearest schools on two standardised features. Sweeps outward along x from
 * each school and stops once the x-distance alone exceeds the current k-th best, so
 * 40,000 schools need no 40,000² table.
 */
export function nearest(points: { id: string; x: number; y: number }[], count: number): Map<string, { ids: string[]; d: number[] }> {
  const pts = [...points].sort((a, b) => a.x - b.x || cmpId(a.id, b.id));
  const out = new Map<string, { ids: string[]; d: number[] }>();
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i];
    const best: { id: string; d: number }[] = [];
    const better = (a: { id: string; d: number }, b: { id: string; d: number }) => a.d < b.d || (a.d === b.d && a.id < b.id);
    const consider = (q: { id: string; x: number; y: number }) => {
      const d = Math.hypot(q.x - p.x, q.y - p.y);
      const c = { id: q.id, d };
      if (best.length === count && !better(c, best[count - 1])) return;
      let j = best.length < count ? best.length : count - 1;
      best[j] = c;
      while (j > 0 && better(best[j], best[j - 1])) {
        [best[j], best[j - 1]] = [best[j - 1], best[j]];
        j--;
      }
    };
    for (let dir = -1; dir <= 1; dir += 2) {
      for (let j = i + dir; j >= 0 && j < pts.length; j += dir) {
        const dx = Math.abs(pts[j].x - p.x);
        if (best.length === count && dx > best[count - 1].d) break;
        consider(pts[j]);
      }
    }
    out.set(p.id, { ids: best.map((b) => b.id), d: best.map((b) => b.d) });
  }
  return out;
}

/** Mulberry32: a small seeded PRNG, enough for k-means++ draws. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic k-means (k-means++ init with a fixed seed); rows in the given order. */
export function kmeans(data: number[][], k: number, seed = KMEANS_SEED): { assign: number[]; centroids: number[][] } {
  const n = data.length;
  if (n === 0) return { assign: [], centroids: [] };
  k = Math.min(k, n);
  const rand = prng(seed);
  const d2 = (a: number[], b: number[]) => a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0);
  const centroids: number[][] = [data[Math.floor(rand() * n)].slice()];
  const dist = data.map((p) => d2(p, centroids[0]));
  while (centroids.length < k) {
    const total = dist.reduce((a, b) => a + b, 0);
    let pick = 0;
    if (total > 0) {
      let r = rand() * total;
      for (pick = 0; pick < n - 1; pick++) {
        r -= dist[pick];
        if (r < 0) break;
      }
    }
    centroids.push(data[pick].slice());
    for (let i = 0; i < n; i++) dist[i] = Math.min(dist[i], d2(data[i], data[pick]));
  }
  const assign = new Array(n).fill(-1);
  for (let it = 0; it < KMEANS_MAX_ITER; it++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      let bi = 0;
      let bd = Infinity;
      for (let c = 0; c < centroids.length; c++) {
        const d = d2(data[i], centroids[c]);
        if (d < bd) {
          bd = d;
          bi = c;
        }
      }
      if (assign[i] !== bi) {
        assign[i] = bi;
        moved = true;
      }
    }
    if (!moved) break;
    for (let c = 0; c < centroids.length; c++) {
      const members = data.filter((_, i) => assign[i] === c);
      if (members.length) centroids[c] = centroids[c].map((_, j) => members.reduce((s, p) => s + p[j], 0) / members.length);
    }
  }
  return { assign, centroids };
}

export const CLUSTER_FEATURES = ['social', 'staffing', 'resources', 'size', 'results'] as const;

/** «крупные городские школы с высокими результатами в благополучной социальной среде» */
export function describeCluster(c: Record<string, number>, urbanShare: number | null): string {
  const side = (z: number): -1 | 0 | 1 => (z > DESCRIBE_Z ? 1 : z < -DESCRIBE_Z ? -1 : 0);
  return metricsWords().cluster({
    size: side(c.size),
    urban: urbanShare === null ? 0 : urbanShare >= 66.7 ? 1 : urbanShare <= 33.3 ? -1 : 0,
    results: side(c.results),
    social: side(c.social),
    weakStaffing: c.staffing < -DESCRIBE_Z,
    weakResources: c.resources < -DESCRIBE_Z,
  });
}

export interface ClusterInputs {
  /** Each index's values in the year, by school. */
  indices: Record<IndexId, Map<string, number>>;
  gia: Map<string, Map<number, number>>;
  students: Map<string, number>;
  schools: Columns;
  year: number;
}

export function clusterSchools(inp: ClusterInputs, settings: Settings): { clusters: ClusterRow[]; bySchool: Map<string, number> } {
  const feat: Record<string, Map<string, number>> = { social: new Map(), staffing: new Map(), resources: new Map(), size: new Map(), results: new Map() };
  for (const index of ['social', 'staffing', 'resources'] as const) for (const [s, v] of inp.indices[index]) feat[index].set(s, v);
  for (const [s, v] of inp.students) if (v > 0) feat.size.set(s, Math.log(v));
  for (const [s, a] of inp.gia) if (a.has(inp.year)) feat.results.set(s, a.get(inp.year)!);
  const z = Object.fromEntries(CLUSTER_FEATURES.map((f) => [f, zMap(feat[f])]));
  const ids = [...feat.results.keys()].filter((s) => CLUSTER_FEATURES.every((f) => z[f].has(s))).sort(cmpId);
  const { assign, centroids } = kmeans(ids.map((s) => CLUSTER_FEATURES.map((f) => z[f].get(s)!)), settings.clusters);
  const sid = strCol(inp.schools, 'school_id');
  const settle = strCol(inp.schools, 'settlement');
  const urban = new Map(sid.map((s, i) => [s ?? '', settle[i]]));
  const raw = centroids.map((c, j) => {
    const members = ids.filter((_, i) => assign[i] === j);
    const known = members.filter((s) => urban.get(s) === 'город' || urban.get(s) === 'село');
    const urbanShare = known.length ? (100 * known.filter((s) => urban.get(s) === 'город').length) / known.length : null;
    const centroid = Object.fromEntries(CLUSTER_FEATURES.map((f, i) => [f, c[i]]));
    return { j, members, centroid, urbanShare };
  }).filter((c) => c.members.length > 0);
  raw.sort((a, b) => b.centroid.results - a.centroid.results || cmpId(a.members[0], b.members[0]));
  const bySchool = new Map<string, number>();
  const seen = new Map<string, number>();
  const clusters = raw.map((c, i) => {
    for (const s of c.members) bySchool.set(s, i + 1);
    let description = describeCluster(c.centroid, c.urbanShare);
    const dup = (seen.get(description) ?? 0) + 1;
    seen.set(description, dup);
    if (dup > 1) description += metricsWords().clusterDuplicate(dup);
    return { id: i + 1, description, size: c.members.length, centroid: c.centroid, urban_share: c.urbanShare };
  });
  return { clusters, bySchool };
}

/** `social`: each school's social index in `year`, where it has one. */
export function similarSchools(social: Map<string, number>, students: Map<string, number>, scores: SchoolScoreRow[], year: number, settings: Settings, primary: { exam: string; subject_set: string } | null): SimilarRow[] {
  const x = social;
  const y = new Map<string, number>();
  for (const [s, v] of students) if (v > 0 && x.has(s)) y.set(s, Math.log(v));
  const zx = zMap(new Map([...x].filter(([s]) => y.has(s))));
  const zy = zMap(y);
  // Peers sit the same exams: a school with ЕГЭ is compared with schools with ЕГЭ, a basic
  // school with basic schools. The signature is the ranked exams with a score in any year.
  const sat = new Map<string, Set<string>>();
  for (const r of scores) {
    let e = sat.get(r.school_id);
    if (!e) sat.set(r.school_id, (e = new Set()));
    e.add(r.exam);
  }
  const signature = (id: string) => [...(sat.get(id) ?? [])].sort().join('+');
  const groups = new Map<string, string[]>();
  for (const id of zx.keys()) {
    const sig = signature(id);
    const list = groups.get(sig);
    if (list) list.push(id);
    else groups.set(sig, [id]);
  }
  const near = new Map<string, { ids: string[]; d: number[] }>();
  for (const ids of groups.values()) for (const [id, nb] of nearest(ids.map((id) => ({ id, x: zx.get(id)!, y: zy.get(id)! })), settings.similar_count + 1)) near.set(id, nb);
  const score = new Map<string, number>();
  if (primary) for (const s of scores) if (s.year === year && s.exam === primary.exam && s.subject_set === primary.subject_set && s.eligible) score.set(s.school_id, s.score);
  const out: SimilarRow[] = [];
  for (const id of [...near.keys()].sort(cmpId)) {
    const nb = near.get(id)!;
    const pairs = nb.ids.map((s, i) => ({ s, d: nb.d[i] })).filter((p) => p.s !== id).slice(0, settings.similar_count);
    const sc = pairs.map((p) => score.get(p.s)).filter((v): v is number => v !== undefined);
    out.push({ school_id: id, year, similar_ids: pairs.map((p) => p.s), distances: pairs.map((p) => p.d), x: zx.get(id)!, y: zy.get(id)!, students: students.get(id)!, exams: signature(id), score: score.get(id) ?? null, similar_mean: sc.length ? sc.reduce((a, b) => a + b, 0) / sc.length : null, similar_with_score: sc.length });
  }
  return out;
}

export function partnershipRows(partnerships: Columns, scores: SchoolScoreRow[], settings: Settings): PartnershipRow[] {
  const strong = strCol(partnerships, 'strong_school_id');
  const weak = strCol(partnerships, 'supported_school_id');
  const start = intCol(partnerships, 'start_year');
  const end = intCol(partnerships, 'end_year');
  const series = new Map<string, Map<number, number>>();
  for (const s of scores) {
    if (!s.eligible || s.subject_set !== setLabel(settings.mandatory_subjects[s.exam] ?? [])) continue;
    const k = `${s.school_id}\u0001${s.exam}`;
    let m = series.get(k);
    if (!m) series.set(k, (m = new Map()));
    m.set(s.year, s.score);
  }
  const avg = (m: Map<number, number> | undefined, pred: (y: number) => boolean) => {
    const v = [...(m ?? [])].filter(([y]) => pred(y)).map(([, x]) => x);
    return { mean: v.length ? v.reduce((a, b) => a + b, 0) / v.length : null, years: v.length };
  };
  const out: PartnershipRow[] = [];
  for (let i = 0; i < strong.length; i++) {
    if (!strong[i] || !weak[i] || start[i] === null) continue;
    const s0 = start[i]!;
    const exam = rankedExams(settings).find((e) => series.has(`${weak[i]}\u0001${e}`)) ?? null;
    const mine = exam ? series.get(`${weak[i]}\u0001${exam}`) : undefined;
    const theirs = exam ? series.get(`${strong[i]}\u0001${exam}`) : undefined;
    const b = avg(mine, (y) => y < s0);
    const a = avg(mine, (y) => y >= s0);
    const pb = avg(theirs, (y) => y < s0);
    const pa = avg(theirs, (y) => y >= s0);
    out.push({
      strong_school_id: strong[i]!,
      supported_school_id: weak[i]!,
      start_year: s0,
      end_year: end[i],
      exam,
      subject_set: exam ? setLabel(settings.mandatory_subjects[exam] ?? []) : null,
      before: b.mean,
      after: a.mean,
      before_years: b.years,
      after_years: a.years,
      partner_before: pb.mean,
      partner_after: pa.mean,
      change: a.mean !== null && b.mean !== null ? a.mean - b.mean : null,
      partner_change: pa.mean !== null && pb.mean !== null ? pa.mean - pb.mean : null,
    });
  }
  return out;
}
