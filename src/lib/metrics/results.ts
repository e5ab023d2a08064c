/**
 * METRICS.md §1: exam results per school, and municipal / regional aggregates.
 *
 * School rows pass through with two derivations, both only where the published share
 * is absent and the grade counts g2..g5 are all present:
 *   share_good  = 100 · (g4 + g5) / (g2 + g3 + g4 + g5)
 *   share_below = 100 · g2 / (g2 + g3 + g4 + g5)
 * (the grade distribution itself is not published: the counts are).
 *
 * Aggregates are participant-weighted: Σ n·x / Σ n over the school rows where both n
 * and x have a value. We only hold school rows, so a row hidden by the publisher
 * (state 'suppressed') cannot enter any aggregate: each aggregate reports `n_total`
 * (participants of all rows with a known n), the participants behind each measure
 * (`<measure>_n_used`), and `schools` / `schools_used`. A mean of school means is
 * published only as `mean_unweighted`, labelled so.
 */
import * as aq from 'arquero';
import { STATE_CODE, VALUE_STATES, type Columns, type LongColumns, type ValueState } from '../model/types.ts';
import type { Settings } from '../model/config.ts';
import { lastKeyMemo, municipalityOf, numCol, rowCount, strCol, intCol, valueOrNull, type NumColumn } from './table.ts';

export const MEASURES = ['mean', 'share_below', 'share_good', 'share_high'] as const;
export type Measure = (typeof MEASURES)[number];
export const SHARES = ['share_below', 'share_good', 'share_high'] as const;
export type Share = (typeof SHARES)[number];

/**
 * Each measure's state and participant-count field names, made once: a name built per row
 * (`${m}_state`) is a new string and a lookup in V8's string table each time, and the
 * publication boundary reads these fields tens of millions of times at national scale.
 */
export const STATE_OF = Object.freeze(Object.fromEntries(MEASURES.map((m) => [m, `${m}_state`]))) as { readonly [K in Measure]: `${K}_state` };
export const N_USED_OF = Object.freeze(Object.fromEntries(MEASURES.map((m) => [m, `${m}_n_used`]))) as { readonly [K in Measure]: `${K}_n_used` };

export interface SchoolResultRow {
  school_id: string;
  year: number;
  exam: string;
  subject: string;
  grade: string | null;
  n: number | null;
  n_state: ValueState;
  mean: number | null;
  mean_state: ValueState;
  share_below: number | null;
  share_below_state: ValueState;
  share_good: number | null;
  share_good_state: ValueState;
  share_high: number | null;
  share_high_state: ValueState;
  g2: number | null;
  g3: number | null;
  g4: number | null;
  g5: number | null;
  /** Fields computed here from the grade counts rather than read (never changed in place). */
  derived: readonly Measure[];
}

/**
 * The school result rows as columns, one entry per raw result row in its order: nationally
 * 7.7 million rows, which as objects took ~240 bytes each (1.8 GB) and 7–8 s to make. The
 * metrics read the columns; rows are made only where one is wanted (`resultRow`): the
 * publication boundary makes each row once, published (disclosure.ts discloseResults).
 */
export interface SchoolResults {
  readonly length: number;
  readonly school_id: ReadonlyArray<string>;
  readonly year: ReadonlyArray<number>;
  readonly exam: ReadonlyArray<string>;
  readonly subject: ReadonlyArray<string>;
  readonly grade: ReadonlyArray<string | null>;
  readonly n: NumColumn;
  /** Each measure as read, with the shares derived from the grade counts filled in. */
  readonly measures: Readonly<Record<Measure, NumColumn>>;
  /** The grade counts g2, g3, g4, g5. */
  readonly counts: readonly NumColumn[];
  /** What a row derived: DERIVED_GOOD_BIT and DERIVED_BELOW_BIT. */
  readonly derived: Uint8Array;
}

const DERIVED_GOOD_BIT = 1;
const DERIVED_BELOW_BIT = 2;

/**
 * Shared lists of what a row derives, by its bits: millions of rows (national scale) would
 * otherwise each hold arrays of their own.
 */
const DERIVED_LISTS: readonly (readonly Measure[])[] = [[], ['share_good'], ['share_below'], ['share_good', 'share_below']].map((l) => Object.freeze(l as Measure[]));

/** A copy of a raw column to write derived values into: the raw table is read by the gap and the rules as published. */
function copyOf(c: NumColumn): NumColumn {
  return { v: c.v.slice(), s: c.s.slice() };
}

export function schoolResults(results: LongColumns): SchoolResults {
  const length = rowCount(results);
  const measures = Object.fromEntries(MEASURES.map((m) => [m, numCol(results, m)])) as Record<Measure, NumColumn>;
  const counts = ['g2', 'g3', 'g4', 'g5'].map((c) => numCol(results, c));
  const [g2, g3, g4, g5] = counts.map((c) => c.v);
  const derived = new Uint8Array(length);
  const VALUE = STATE_CODE.value;
  const SUPPRESSED = STATE_CODE.suppressed;
  let good = measures.share_good;
  let below = measures.share_below;
  let goodCopied = false;
  let belowCopied = false;
  for (let i = 0; i < length; i++) {
    // NaN when any count is missing, so `total > 0` holds only with all four.
    const total = g2[i] + g3[i] + g4[i] + g5[i];
    if (!(total > 0)) continue;
    // A share the publisher hid stays hidden: deriving it from counts would undo their suppression.
    if (good.s[i] !== VALUE && good.s[i] !== SUPPRESSED) {
      if (!goodCopied) {
        good = copyOf(good);
        goodCopied = true;
      }
      good.v[i] = (100 * g4[i]) / total + (100 * g5[i]) / total;
      good.s[i] = VALUE;
      derived[i] |= DERIVED_GOOD_BIT;
    }
    if (below.s[i] !== VALUE && below.s[i] !== SUPPRESSED) {
      if (!belowCopied) {
        below = copyOf(below);
        belowCopied = true;
      }
      below.v[i] = (100 * g2[i]) / total;
      below.s[i] = VALUE;
      derived[i] |= DERIVED_BELOW_BIT;
    }
  }
  measures.share_good = good;
  measures.share_below = below;
  return {
    length,
    school_id: strCol(results, 'school_id') as ReadonlyArray<string>,
    year: intCol(results, 'year') as ReadonlyArray<number>,
    exam: strCol(results, 'exam') as ReadonlyArray<string>,
    subject: strCol(results, 'subject') as ReadonlyArray<string>,
    grade: strCol(results, 'grade'),
    n: numCol(results, 'n'),
    measures,
    counts,
    derived,
  };
}

/** Row i as an object. */
export function resultRow(r: SchoolResults, i: number): SchoolResultRow {
  const { measures: ms, counts } = r;
  return {
    school_id: r.school_id[i],
    year: r.year[i],
    exam: r.exam[i],
    subject: r.subject[i],
    grade: r.grade[i],
    n: valueOrNull(r.n.v[i]),
    n_state: VALUE_STATES[r.n.s[i]],
    mean: valueOrNull(ms.mean.v[i]),
    mean_state: VALUE_STATES[ms.mean.s[i]],
    share_below: valueOrNull(ms.share_below.v[i]),
    share_below_state: VALUE_STATES[ms.share_below.s[i]],
    share_good: valueOrNull(ms.share_good.v[i]),
    share_good_state: VALUE_STATES[ms.share_good.s[i]],
    share_high: valueOrNull(ms.share_high.v[i]),
    share_high_state: VALUE_STATES[ms.share_high.s[i]],
    g2: valueOrNull(counts[0].v[i]),
    g3: valueOrNull(counts[1].v[i]),
    g4: valueOrNull(counts[2].v[i]),
    g5: valueOrNull(counts[3].v[i]),
    derived: DERIVED_LISTS[r.derived[i]],
  };
}

/** Every row as an object, in order. */
export function resultRows(r: SchoolResults): SchoolResultRow[] {
  const out: SchoolResultRow[] = new Array(r.length);
  for (let i = 0; i < r.length; i++) out[i] = resultRow(r, i);
  return out;
}

export interface AggregateRow {
  scope: 'municipality' | 'region';
  scope_id: string;
  year: number;
  exam: string;
  subject: string;
  grade: string | null;
  /** Participants of all school rows with a known n (= n_total; kept for the site). */
  n: number;
  n_total: number;
  schools: number;
  /** Schools whose row has a value for the mean. */
  schools_used: number;
  mean: number | null;
  mean_n_used: number;
  share_below: number | null;
  share_below_n_used: number;
  share_good: number | null;
  share_good_n_used: number;
  share_high: number | null;
  share_high_n_used: number;
  /** Unweighted mean of school means: labelled, never the headline figure. */
  mean_unweighted: number | null;
}

/**
 * Participant-weighted aggregates per municipality and for the region, as Arquero
 * pipelines: the school rows grouped by year × exam × subject × grade (the region) and by
 * municipality as well, and rolled up.
 * A missing number is NaN in the typed columns, which Arquero's aggregates skip, so
 * «n × measure» counts only rows that have both.
 */
export function aggregates(results: SchoolResults, schools: Columns, _settings?: Settings): AggregateRow[] {
  return aggregatesFromColumns(aggregateColumns(results, schools));
}

/**
 * What the aggregates read from the school rows, as typed columns and dictionaries: small
 * enough to hand to a worker thread (metrics/worker.ts) at national scale.
 */
export interface AggregateColumns {
  len: number;
  key: Float64Array;
  mkey: Float64Array;
  n: Float64Array;
  /** One column per MEASURES entry, in that order. */
  measures: Float64Array[];
  y0: number;
  /** Keys per municipality: mkey = municipality · K + key. */
  K: number;
  exams: string[];
  subjects: string[];
  grades: string[];
  muns: string[];
}

export function aggregateColumns(results: SchoolResults, schools: Columns): AggregateColumns {
  const mun = municipalityOf(schools);
  // One pass over the rows' keys, dictionary-encoded into one number per row, so that
  // Arquero groups by a number instead of composing a string of five fields per row
  // (seconds at national scale):
  // key = ((year − y0) · E + exam) · S + subject) · G + grade; mkey = municipality · K + key.
  // The values are copies (NaN = no value): they are moved to a worker thread.
  const len = results.length;
  const dict = () => {
    const codes = new Map<string, number>();
    const values: string[] = [];
    const code = lastKeyMemo((v: string) => {
      let c = codes.get(v);
      if (c === undefined) codes.set(v, (c = values.push(v) - 1));
      return c;
    });
    return { values, code };
  };
  const exams = dict();
  const subjects = dict();
  const grades = dict();
  const muns = dict();
  const ce = new Int32Array(len);
  const cs = new Int32Array(len);
  const cg = new Int32Array(len);
  const cm = new Int32Array(len);
  const cy = new Int32Array(len);
  const nCol = results.n.v.slice();
  const measureCols = MEASURES.map((m) => results.measures[m].v.slice());
  let y0 = Infinity;
  let y1 = -Infinity;
  const { school_id, exam, subject, grade, year } = results;
  const munCode = lastKeyMemo((school: string) => {
    const m = mun.get(school) ?? null;
    return m === null ? -1 : muns.code(m);
  });
  for (let i = 0; i < len; i++) {
    cm[i] = munCode(school_id[i]);
    ce[i] = exams.code(exam[i]);
    cs[i] = subjects.code(subject[i]);
    cg[i] = grades.code(grade[i] ?? '');
    const y = year[i];
    cy[i] = y;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const E = exams.values.length;
  const S = subjects.values.length;
  const G = grades.values.length;
  const K = (y1 - y0 + 1) * E * S * G;
  const key = new Float64Array(len);
  const mkey = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    key[i] = (((cy[i] - y0) * E + ce[i]) * S + cs[i]) * G + cg[i];
    mkey[i] = cm[i] < 0 ? -1 : cm[i] * K + key[i];
  }
  return { len, key, mkey, n: nCol, measures: measureCols, y0, K, exams: exams.values, subjects: subjects.values, grades: grades.values, muns: muns.values };
}

/** The aggregates from the typed columns (pure; runs in any thread). */
export function aggregatesFromColumns(c: AggregateColumns): AggregateRow[] {
  const { len, key, mkey, y0, K } = c;
  const E = c.exams.length;
  const S = c.subjects.length;
  const G = c.grades.length;
  const cols: Record<string, unknown> = { key, mkey, n: c.n };
  MEASURES.forEach((m, k) => (cols[m] = c.measures[k]));
  const t = aq.table(cols);
  // Per measure: Σ n·x and Σ n over the rows with both (NaN-propagation drops the rest).
  const rollup: Record<string, string> = {
    schools: 'op.count()',
    n_total: 'op.sum(d.n)',
    schools_used: 'op.valid(d.n + d.mean * 0)',
    mean_unweighted: 'op.mean(d.mean + d.n * 0)',
    mean_sum: 'op.sum(d.mean + d.n * 0)',
  };
  for (const m of MEASURES) {
    rollup[`${m}_w`] = `op.sum(d.n * d.${m})`;
    rollup[`${m}_n_used`] = `op.sum(d.n + d.${m} * 0)`;
  }
  // The region's sums are the sums of its municipalities' (and of any rows with no
  // municipality): one pass over the school rows instead of two (nationally 7.7 million
  // rows, ~2 s of the worker). Only the order of the additions differs from summing the
  // rows; the unweighted mean is then Σ means / schools.
  const sumUp: Record<string, string> = { schools: 'op.sum(d.schools)', n_total: 'op.sum(d.n_total)', schools_used: 'op.sum(d.schools_used)', mean_sum: 'op.sum(d.mean_sum)' };
  for (const m of MEASURES) {
    sumUp[`${m}_w`] = `op.sum(d.${m}_w)`;
    sumUp[`${m}_n_used`] = `op.sum(d.${m}_n_used)`;
  }
  const decode = (k: number) => {
    const g = k % G;
    const s = Math.floor(k / G) % S;
    const e = Math.floor(k / (G * S)) % E;
    const y = y0 + Math.floor(k / (G * S * E));
    return { year: y, exam: c.exams[e], subject: c.subjects[s], grade: c.grades[g] };
  };
  const munTable = len === 0 ? null : t.filter((d: { mkey: number }) => d.mkey >= 0).groupby('mkey').rollup(rollup);
  const noMunicipality = len === 0 ? null : t.filter((d: { mkey: number }) => d.mkey < 0).groupby('key').rollup(rollup);
  const parts = munTable && noMunicipality ? munTable.params({ K }).derive({ key: (d: { mkey: number }, $: { K: number }) => d.mkey % $.K }).select(noMunicipality.columnNames()).concat(noMunicipality) : null;
  // An aggregate over no valid value is undefined in Arquero: here it is 0 (none used).
  const count = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const out: AggregateRow[] = [];
  // Rows straight from the rolled-up columns: nationally ~900,000 groups, which as
  // Arquero's objects, then spread, then rows, were three objects each.
  const emit = (table: aq.ColumnTable, scope: AggregateRow['scope'], unweighted: (i: number) => number | undefined) => {
    const col = (name: string) => table.array(name) as ArrayLike<number | undefined>;
    const keys = col(scope === 'region' ? 'key' : 'mkey');
    const nTotal = col('n_total');
    const schools = col('schools');
    const used = col('schools_used');
    const w = MEASURES.map((m) => col(`${m}_w`));
    const u = MEASURES.map((m) => col(N_USED_OF[m]));
    for (let i = 0, rows = table.numRows(); i < rows; i++) {
      const k = keys[i]!;
      const d = decode(scope === 'region' ? k : k % K);
      const row = {
        scope,
        scope_id: scope === 'region' ? 'region' : c.muns[Math.floor(k / K)],
        year: d.year,
        exam: d.exam,
        subject: d.subject,
        grade: d.grade === '' ? null : d.grade,
        n: count(nTotal[i]),
        n_total: count(nTotal[i]),
        schools: count(schools[i]),
        schools_used: count(used[i]),
        mean_unweighted: count(used[i]) > 0 ? (unweighted(i) as number) : null,
      } as AggregateRow;
      MEASURES.forEach((m, j) => {
        const n = count(u[j][i]);
        row[N_USED_OF[m]] = n;
        row[m] = n > 0 ? (w[j][i] as number) / n : null;
      });
      out.push(row);
    }
  };
  if (parts) {
    const region = parts.groupby('key').rollup(sumUp);
    const sum = region.array('mean_sum') as ArrayLike<number>;
    const used = region.array('schools_used') as ArrayLike<number>;
    emit(region, 'region', (i) => sum[i] / used[i]);
  }
  if (munTable) {
    const mean = munTable.array('mean_unweighted') as ArrayLike<number | undefined>;
    emit(munTable, 'municipality', (i) => mean[i]);
  }
  out.sort((x, y) => (x.scope === y.scope ? 0 : x.scope === 'region' ? -1 : 1) || (x.scope_id < y.scope_id ? -1 : x.scope_id > y.scope_id ? 1 : 0) || x.year - y.year || (x.exam < y.exam ? -1 : x.exam > y.exam ? 1 : 0) || (x.subject < y.subject ? -1 : x.subject > y.subject ? 1 : 0) || ((x.grade ?? '') < (y.grade ?? '') ? -1 : (x.grade ?? '') > (y.grade ?? '') ? 1 : 0));
  return out;
}
