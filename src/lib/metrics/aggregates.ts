/**
 * METRICS.md §1: municipal and regional aggregates of the school results.
 *
 * Aggregates are participant-weighted: Σ n·x / Σ n over the school rows where both n
 * and x have a value. We only hold school rows, so a row hidden by the publisher
 * (state 'suppressed') cannot enter any aggregate: each aggregate reports `n_total`
 * (participants of all rows with a known n), the participants behind each measure
 * (`<measure>_n_used`), and `schools` / `schools_used`. A mean of school means is
 * published only as `mean_unweighted`, labelled so.
 *
 * The output is columns (AggregateTable): nationally ~900,000 totals, which as objects
 * were made in the metrics worker, copied into a message and made again on the main
 * thread at the metrics stage's memory peak. As columns they are moved, not copied; rows
 * are made where the publication boundary reads them.
 */
import * as aq from 'arquero';
import type { Columns } from '../model/types.ts';
import type { Settings } from '../model/config.ts';
import { dictionary, lastKeyMemo, municipalityOf, valueOrNull } from './table.ts';
import { MEASURES, N_USED_OF, type SchoolResults } from './results.ts';

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
 * pipelines: the school rows grouped by year × exam × subject × grade and municipality,
 * and rolled up; the region sums its municipalities (and any rows in none).
 * A missing number is NaN in the typed columns, which Arquero's aggregates skip, so
 * «n × measure» counts only rows that have both.
 */
export function aggregates(results: SchoolResults, schools: Columns, _settings?: Settings): AggregateTable {
  return aggregatesFromColumns(aggregateColumns(results, schools));
}

/**
 * The aggregates as columns, one entry per total: the region's first, then each
 * municipality's by id, each by year, exam, subject and grade (code-unit order). Plain
 * typed arrays and string lists (`data`), so that a worker thread can move them.
 */
export interface AggregateData {
  length: number;
  /** 1 for a municipality, 0 for the region. */
  municipal: Uint8Array;
  /** The municipality's index in `muns` (−1 for the region). */
  mun: Int32Array;
  year: Int32Array;
  /** Indices into `exams`, `subjects`, `grades` (grade '' is no grade). */
  exam: Int32Array;
  subject: Int32Array;
  grade: Int32Array;
  nTotal: Float64Array;
  schools: Float64Array;
  schoolsUsed: Float64Array;
  /** NaN where no school has a mean. */
  meanUnweighted: Float64Array;
  /** One column per MEASURES entry: the weighted value (NaN: none) and its participants. */
  values: Float64Array[];
  nUsed: Float64Array[];
  exams: string[];
  subjects: string[];
  grades: string[];
  muns: string[];
}

export class AggregateTable {
  readonly data: AggregateData;

  constructor(data: AggregateData) {
    this.data = data;
  }

  /** No totals (what the metrics keep once the boundary has published theirs). */
  static empty(): AggregateTable {
    const none = () => new Float64Array(0);
    const ints = () => new Int32Array(0);
    return new AggregateTable({ length: 0, municipal: new Uint8Array(0), mun: ints(), year: ints(), exam: ints(), subject: ints(), grade: ints(), nTotal: none(), schools: none(), schoolsUsed: none(), meanUnweighted: none(), values: MEASURES.map(none), nUsed: MEASURES.map(none), exams: [], subjects: [], grades: [], muns: [] });
  }

  get length(): number {
    return this.data.length;
  }

  /** The buffers to move when the table crosses to another thread. */
  buffers(): ArrayBufferLike[] {
    const d = this.data;
    return [d.municipal, d.mun, d.year, d.exam, d.subject, d.grade, d.nTotal, d.schools, d.schoolsUsed, d.meanUnweighted, ...d.values, ...d.nUsed].map((a) => a.buffer);
  }

  row(i: number): AggregateRow {
    const d = this.data;
    const grade = d.grades[d.grade[i]];
    const row = {
      scope: d.municipal[i] ? 'municipality' : 'region',
      scope_id: d.municipal[i] ? d.muns[d.mun[i]] : 'region',
      year: d.year[i],
      exam: d.exams[d.exam[i]],
      subject: d.subjects[d.subject[i]],
      grade: grade === '' ? null : grade,
      n: d.nTotal[i],
      n_total: d.nTotal[i],
      schools: d.schools[i],
      schools_used: d.schoolsUsed[i],
      mean_unweighted: valueOrNull(d.meanUnweighted[i]),
    } as AggregateRow;
    MEASURES.forEach((m, j) => {
      row[N_USED_OF[m]] = d.nUsed[j][i];
      row[m] = valueOrNull(d.values[j][i]);
    });
    return row;
  }

  rows(): AggregateRow[] {
    const out: AggregateRow[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.row(i);
    return out;
  }
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
  const exams = dictionary();
  const subjects = dictionary();
  const grades = dictionary();
  const muns = dictionary();
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
export function aggregatesFromColumns(c: AggregateColumns): AggregateTable {
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
  const munTable = len === 0 ? null : t.filter((d: { mkey: number }) => d.mkey >= 0).groupby('mkey').rollup(rollup);
  const noMunicipality = len === 0 ? null : t.filter((d: { mkey: number }) => d.mkey < 0).groupby('key').rollup(rollup);
  const parts = munTable && noMunicipality ? munTable.params({ K }).derive({ key: (d: { mkey: number }, $: { K: number }) => d.mkey % $.K }).select(noMunicipality.columnNames()).concat(noMunicipality) : null;
  const region = parts ? parts.groupby('key').rollup(sumUp) : null;
  const regionRows = region ? region.numRows() : 0;
  const length = regionRows + (munTable ? munTable.numRows() : 0);

  // Each total in the order it is published, as one number: scope, municipality, year,
  // exam, subject and grade, each string by its rank in code-unit order.
  const rank = (values: string[]) => {
    const order = values.map((_, i) => i).sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0));
    const r = new Int32Array(values.length);
    order.forEach((code, position) => (r[code] = position));
    return r;
  };
  const examRank = rank(c.exams);
  const subjectRank = rank(c.subjects);
  const gradeRank = rank(c.grades);
  const munRank = rank(c.muns);
  const M = c.muns.length;
  const years = K / (E * S * G);
  const orderKey = new Float64Array(length);

  // The rolled-up columns, unsorted; a missing aggregate (no valid value) is 0 participants.
  const count = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const municipal = new Uint8Array(length);
  const mun = new Int32Array(length);
  const year = new Int32Array(length);
  const exam = new Int32Array(length);
  const subject = new Int32Array(length);
  const grade = new Int32Array(length);
  const nTotal = new Float64Array(length);
  const schools = new Float64Array(length);
  const schoolsUsed = new Float64Array(length);
  const meanUnweighted = new Float64Array(length);
  const values = MEASURES.map(() => new Float64Array(length));
  const nUsed = MEASURES.map(() => new Float64Array(length));
  const emit = (table: aq.ColumnTable, at: number, isMunicipal: boolean, unweighted: (i: number) => number | undefined) => {
    const col = (name: string) => table.array(name) as ArrayLike<number | undefined>;
    const keys = col(isMunicipal ? 'mkey' : 'key');
    const totals = col('n_total');
    const counts = col('schools');
    const used = col('schools_used');
    const w = MEASURES.map((m) => col(`${m}_w`));
    const u = MEASURES.map((m) => col(N_USED_OF[m]));
    for (let i = 0, rows = table.numRows(); i < rows; i++) {
      const o = at + i;
      const full = keys[i]!;
      const k = isMunicipal ? full % K : full;
      const m = isMunicipal ? Math.floor(full / K) : -1;
      const g = k % G;
      const s = Math.floor(k / G) % S;
      const e = Math.floor(k / (G * S)) % E;
      const y = Math.floor(k / (G * S * E));
      municipal[o] = isMunicipal ? 1 : 0;
      mun[o] = m;
      year[o] = y0 + y;
      exam[o] = e;
      subject[o] = s;
      grade[o] = g;
      nTotal[o] = count(totals[i]);
      schools[o] = count(counts[i]);
      schoolsUsed[o] = count(used[i]);
      meanUnweighted[o] = schoolsUsed[o] > 0 ? (unweighted(i) as number) : NaN;
      for (let j = 0; j < MEASURES.length; j++) {
        const n = count(u[j][i]);
        nUsed[j][o] = n;
        values[j][o] = n > 0 ? (w[j][i] as number) / n : NaN;
      }
      orderKey[o] = (((((isMunicipal ? 1 : 0) * M + (isMunicipal ? munRank[m] : 0)) * years + y) * E + examRank[e]) * S + subjectRank[s]) * G + gradeRank[g];
    }
  };
  if (region) {
    const sum = region.array('mean_sum') as ArrayLike<number>;
    const used = region.array('schools_used') as ArrayLike<number>;
    emit(region, 0, false, (i) => sum[i] / used[i]);
  }
  if (munTable) {
    const mean = munTable.array('mean_unweighted') as ArrayLike<number | undefined>;
    emit(munTable, regionRows, true, (i) => mean[i]);
  }
  // Every total has its own order key, so the order is complete.
  const order = new Uint32Array(length).map((_, i) => i).sort((a, b) => orderKey[a] - orderKey[b]);
  const sorted = <T extends Uint8Array | Int32Array | Float64Array>(column: T): T => {
    const out = new (column.constructor as { new (n: number): T })(length);
    for (let i = 0; i < length; i++) out[i] = column[order[i]];
    return out;
  };
  return new AggregateTable({
    length,
    municipal: sorted(municipal),
    mun: sorted(mun),
    year: sorted(year),
    exam: sorted(exam),
    subject: sorted(subject),
    grade: sorted(grade),
    nTotal: sorted(nTotal),
    schools: sorted(schools),
    schoolsUsed: sorted(schoolsUsed),
    meanUnweighted: sorted(meanUnweighted),
    values: values.map(sorted),
    nUsed: nUsed.map(sorted),
    exams: c.exams,
    subjects: c.subjects,
    grades: c.grades,
    muns: c.muns,
  });
}
