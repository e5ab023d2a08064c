/**
 * Pooled results for small schools (METRICS.md «Pooled small-school results»): where a
 * school's yearly groups are under `min_participants`, the participant-weighted mean over
 * the last three years together is published, marked «за три года», if the pooled group
 * reaches the minimum. School performance tables do the same for small schools.
 *
 * Disclosure checks on the pooled figure, each closing one way back to a hidden group:
 * - only years each under the minimum, two or more: a year hidden against subtraction has
 *   min participants or more and must stay hidden (NYC 01M292: one year, 29 takers);
 * - only when no year of the window is published on its own (else pooled − that year
 *   gives the rest back);
 * - one window per series, the latest (two overlapping windows differ by single years);
 * - only from rows with the publisher's own number in every year of the window;
 * - the hidden rows of the window that stay hidden in the school's municipality and in the
 *   region (the yearly aggregates minus the published schools give their sum back) must be
 *   none, or rest on at least `min_participants` participants together.
 */
import type { Settings } from '../model/config.ts';
import type { ResultKeys, SchoolResults } from '../metrics/results.ts';
import type { PublishedResults } from '../metrics/published-results.ts';
import { dictionary } from '../metrics/table.ts';
import { PathCodes } from '../metrics/path-map.ts';
import { STATE_CODE } from '../model/types.ts';

export interface PooledResult {
  school_id: string;
  exam: string;
  subject: string;
  grade: string | null;
  from: number;
  to: number;
  /** Participants over the window, and the years that had any. */
  n: number;
  years: number[];
  mean: number;
}

/** The window: the last three years of the data. */
export const POOLED_YEARS = 3;

/** Whether pooling reads a raw row at all: a year of the window ending in `latest`, an exam other than ВПР. */
export function inPoolingWindow(r: { year: number; exam: string }, latest: number): boolean {
  return r.year > latest - POOLED_YEARS && r.year <= latest && r.exam !== 'ВПР';
}

/**
 * The raw rows pooling reads, as columns: the publisher's participants and mean (NaN for
 * none) and whether the mean's state is 'value', copied before disclosure hides them.
 * Nationally ~1.4 million rows, which as row objects (with the keys pooling built of
 * them) were ~0.6 GB at the build's memory peak.
 */
export interface PoolingRows extends ResultKeys {
  readonly n: Float64Array;
  readonly mean: Float64Array;
  readonly meanIsValue: Uint8Array;
}

/** The rows of the window ending in `latest`, from the school results before disclosure. */
export function poolingRows(r: SchoolResults, latest: number): PoolingRows {
  const at: number[] = [];
  for (let i = 0; i < r.length; i++) if (inPoolingWindow({ year: r.year[i], exam: r.exam[i] }, latest)) at.push(i);
  const VALUE = STATE_CODE.value;
  return {
    length: at.length,
    school_id: at.map((i) => r.school_id[i]),
    year: at.map((i) => r.year[i]),
    exam: at.map((i) => r.exam[i]),
    subject: at.map((i) => r.subject[i]),
    grade: at.map((i) => r.grade[i]),
    n: Float64Array.from(at, (i) => r.n.v[i]),
    mean: Float64Array.from(at, (i) => r.measures.mean.v[i]),
    meanIsValue: Uint8Array.from(at, (i) => (r.measures.mean.s[i] === VALUE ? 1 : 0)),
  };
}

export function pooledResults(raw: PoolingRows, published: PublishedResults, municipalityOf: Map<string, string | null>, settings: Settings, latest: number): PooledResult[] {
  const from = latest - POOLED_YEARS + 1;
  const min = settings.min_participants;

  // A series (school × exam × subject × grade) is one number: school code · T + tail code,
  // and a scope (municipality or region × tail) another, so no key string is made per row.
  const schools = dictionary();
  const tails = new PathCodes();
  const tailCode = (exam: string, subject: string, grade: string | null, make: boolean) => tails.code([exam, subject, grade ?? ''], make) ?? -1;

  // The rows pooling reads: those of the window (poolingRows) with participants.
  const rows: number[] = [];
  const rowSchool: number[] = [];
  const rowTail: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (!(raw.n[i] > 0)) continue;
    rows.push(i);
    rowSchool.push(schools.code(raw.school_id[i]));
    rowTail.push(tailCode(raw.exam[i], raw.subject[i], raw.grade[i], true));
  }
  const T = tails.size;
  const seriesCount = schools.values.length * T;
  // Schools with no municipality share one scope, as they share the region.
  const muns = dictionary();
  const schoolMun = schools.values.map((id) => muns.code(municipalityOf.get(id) ?? ''));

  // The series a published row shows a mean for (a year from the window's first on).
  const shown = new Uint8Array(seriesCount);
  for (let i = 0; i < published.length; i++) {
    if (!(published.year[i] >= from) || !published.shownAsNumber(i, 'mean')) continue;
    const sc = schools.find(published.school_id[i]);
    const tc = sc === undefined ? -1 : tailCode(published.exam[i], published.subject[i], published.grade[i], false);
    if (tc >= 0) shown[sc! * T + tc] = 1;
  }

  // The rows of each series together, in row order (a counting sort by series).
  const start = new Int32Array(seriesCount + 1);
  for (let j = 0; j < rows.length; j++) start[rowSchool[j] * T + rowTail[j] + 1]++;
  for (let k = 0; k < seriesCount; k++) start[k + 1] += start[k];
  const bySeries = new Int32Array(rows.length);
  const next = start.slice(0, seriesCount);
  for (let j = 0; j < rows.length; j++) bySeries[next[rowSchool[j] * T + rowTail[j]]++] = rows[j];

  // Per scope × tail: participants with the publisher's mean in series no one shows (a
  // municipality's scope, then the region's after all of them).
  const regionScope = muns.values.length;
  const hidden = new Float64Array((regionScope + 1) * T);
  const usable = (i: number) => raw.meanIsValue[i] === 1 && raw.mean[i] === raw.mean[i];
  const candidates: { series: number; n: number; key: string }[] = [];
  for (let k = 0; k < seriesCount; k++) {
    const a = start[k];
    const b = start[k + 1];
    if (a === b) continue;
    const school = Math.floor(k / T);
    const tail = k % T;
    let unusable = false;
    let small = true;
    let n = 0;
    for (let j = a; j < b; j++) {
      const i = bySeries[j];
      n += raw.n[i];
      if (raw.n[i] >= min) small = false;
      if (!usable(i)) unusable = true;
      else if (!shown[k]) {
        hidden[schoolMun[school] * T + tail] += raw.n[i];
        hidden[regionScope * T + tail] += raw.n[i];
      }
    }
    // Only a small school's years: a year of min or more participants hidden against
    // subtraction must stay hidden, and alone in a window its pooled figure would be itself.
    if (unusable || shown[k] || !small || b - a < 2 || n < min) continue;
    const i0 = bySeries[a];
    candidates.push({ series: k, n, key: `${raw.school_id[i0]}|${raw.exam[i0]}|${raw.subject[i0]}|${raw.grade[i0] ?? ''}` });
  }

  // In the order of their keys, each figure takes its participants out of what stays hidden.
  candidates.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const out: PooledResult[] = [];
  for (const { series: k, n } of candidates) {
    const tail = k % T;
    const scopes = [schoolMun[Math.floor(k / T)] * T + tail, regionScope * T + tail];
    // What would stay hidden in each scope once this figure is out: none, or a group of ≥ min.
    if (scopes.some((sc) => {
      const rest = hidden[sc] - n;
      return rest > 0 && rest < min;
    })) continue;
    for (const sc of scopes) hidden[sc] -= n;
    let weighted = 0;
    const years: number[] = [];
    for (let j = start[k]; j < start[k + 1]; j++) {
      const i = bySeries[j];
      weighted += raw.n[i] * raw.mean[i];
      years.push(raw.year[i]);
    }
    const i0 = bySeries[start[k]];
    out.push({ school_id: raw.school_id[i0], exam: raw.exam[i0], subject: raw.subject[i0], grade: raw.grade[i0], from, to: latest, n, years: years.sort((a, b) => a - b), mean: weighted / n });
  }
  return out;
}
