/**
 * The metrics entry point: canonical tables + settings → every output table, as arrays of
 * plain row objects except the four largest, which stay columns (millions of rows
 * nationally): the school results (results.ts SchoolResults), the aggregates
 * (aggregates.ts AggregateTable), the identification rules' rows (flag-table.ts
 * FlagTable) and the context indices (index-table.ts IndexTable). Pure: no file system, no console, no clock.
 * Disclosure control (disclosure.ts) is NOT applied here: the site layer applies it
 * once, where the site model is written (ARCHITECTURE.md).
 * Computation: Arquero pipelines (groupby/rollup/derive/orderby, window functions) over
 * typed, dictionary-encoded columns where a table is large (gap.ts, results.ts); d3 for
 * quantiles; one least-squares fit (table.ts leastSquares, Arquero covariance/variance).
 * Rows become plain objects only at each module's exit, in the shapes the site reads; the
 * school results' rows are made by the publication boundary, published.
 */
import type { CanonicalTables } from '../model/types.ts';
import type { Settings } from '../model/config.ts';
import { schoolResults } from './results.ts';
import { aggregateColumns, aggregatesFromColumns, type AggregateColumns } from './aggregates.ts';
import { gapColumns, gapFromColumns, rankedExams, setLabel, type GapColumns, type GapResult } from './gap.ts';
import { MetricsWorker } from './worker.ts';
import { rowCount } from './table.ts';
import { computeFlags, flaggedSchools, flagStatus, FLAG_NAMES } from './flags.ts';
import { computeProgramme } from './programme.ts';
import { clusterSchools, contextRows, partnershipRows, similarSchools } from './context.ts';
import { scaleIndex } from './scales.ts';
import { setLocale } from '../words/locale.ts';

export * from './results.ts';
export * from './aggregates.ts';
export * from './gap.ts';
export * from './trajectory.ts';
export * from './flags.ts';
export * from './rules.ts';
export * from './programme.ts';
export * from './context.ts';
export * from './disclosure.ts';
export * from './table.ts';
export * from './scales.ts';

/**
 * Drops the raw long tables once computeAll has read them: at national scale they are
 * gigabytes that would otherwise stay alive (and slow every GC) until the site is written.
 * Whatever later stages need from them must be in computeAll's output.
 */
export function releaseRawTables(tables: CanonicalTables): void {
  tables.results = {};
  tables.indicators = {};
}

/** Result rows from which the gap and the aggregates are computed in a worker thread: at 2,000 schools (380,000 rows) it saved nothing and cost 120 MB; at 10,000 (1.9 million) it saves a quarter. */
export const WORKER_ROWS = 1_000_000;

/**
 * What a build does between reading the data and the site model, in one place so tests build
 * exactly what the site publishes: the site's language is set, the metrics computed, and the
 * raw long tables released (so nothing later may lean on them). A large dataset's gap and
 * aggregates are computed in a worker thread meanwhile (`threads: 1` keeps them here, `2`
 * forces the worker).
 */
export async function metricsForSite(dataset: { tables: CanonicalTables; settings: Settings }, opts: { threads?: number } = {}) {
  const { tables, settings } = dataset;
  setLocale(settings.locale);
  const threads = opts.threads ?? (rowCount(tables.results) >= WORKER_ROWS ? 2 : 1);
  if (threads < 2) {
    const metrics = computeAll(tables, settings);
    releaseRawTables(tables);
    return metrics;
  }
  const worker = new MetricsWorker();
  try {
    const started = metricsBeforeGap(tables, settings, (c) => worker.gap(c, settings), (c) => worker.aggregates(c));
    // Awaited last, below; a failure then is reported there, not as an unhandled rejection.
    started.aggs.catch(() => {});
    // Nothing but the output reads the aggregates: what reads the gap runs while the worker,
    // done with the gap, rolls them up (nationally ~20 s of the main thread's waiting).
    const metrics = metricsAfterGap(tables, settings, started, await started.gap);
    const complete = { ...metrics, aggregates: await metrics.aggregates };
    releaseRawTables(tables);
    return complete;
  } finally {
    await worker.close();
  }
}

export function computeAll(tables: CanonicalTables, settings: Settings) {
  const started = metricsBeforeGap(tables, settings, (c) => gapFromColumns(c, settings), aggregatesFromColumns);
  return metricsAfterGap(tables, settings, started, started.gap);
}

/**
 * Everything that does not read the gap, in one order for both paths: the gap and the
 * aggregates are handed to `gapOf` and `aggregatesOf` (here, or a worker thread's promise)
 * as soon as their columns are built.
 */
function metricsBeforeGap<G, A>(tables: CanonicalTables, settings: Settings, gapOf: (c: GapColumns) => G, aggregatesOf: (c: AggregateColumns) => A) {
  const gap = gapOf(gapColumns(tables.results, tables.schools, settings));
  const results = schoolResults(tables.results);
  const aggs = aggregatesOf(aggregateColumns(results, tables.schools));
  // The score scale of each year × exam × subject, read here: the raw results are released
  // once the metrics are computed (releaseRawTables), and the publication boundary needs it.
  // Read after the aggregates' columns are handed on, so that a worker starts them sooner.
  const scales = scaleIndex(tables.results);
  const flagsOut = computeFlags(tables, settings);
  return { gap, scales, results, aggs, flagsOut };
}

interface BeforeGap<A> {
  scales: ReturnType<typeof scaleIndex>;
  results: ReturnType<typeof schoolResults>;
  /** The aggregates, or a worker's promise of them. */
  aggs: A;
  flagsOut: ReturnType<typeof computeFlags>;
}

/** Everything that reads the gap, and the output. */
function metricsAfterGap<A>(tables: CanonicalTables, settings: Settings, before: BeforeGap<A>, { gap, scores }: GapResult) {
  const { scales, results, aggs, flagsOut } = before;
  const { flags, indices, gia, years, rules, lookup } = flagsOut;
  // Only the НСУ status is read (a resilient school is one in unfavourable conditions).
  const nsuStatus = flagStatus(flags, 'nsu');
  const flagged = flaggedSchools(flags, ['shnro', 'nsu']);
  const indicators = computeProgramme(tables, settings, { flagged, gia, gap, years });

  const { context, fits } = contextRows(scores, (school, year) => indices.value('social', year, school), nsuStatus, settings);
  const socialYears = indices.yearsWith('social');
  const latest = socialYears[socialYears.length - 1];
  const students = latest === undefined ? new Map<string, number>() : lookup.toMap('students', latest);
  const primaryExam = rankedExams(settings).find((e) => scores.some((s) => s.exam === e && s.year === latest));
  const primary = primaryExam ? { exam: primaryExam, subject_set: setLabel(settings.mandatory_subjects[primaryExam] ?? []) } : null;
  const cl = latest === undefined ? { clusters: [], bySchool: new Map<string, number>() } : clusterSchools({ indices: { social: indices.values('social', latest), staffing: indices.values('staffing', latest), resources: indices.values('resources', latest) }, gia, students, schools: tables.schools, year: latest }, settings);
  for (const c of context) c.cluster = cl.bySchool.get(c.school_id) ?? null;
  const similar = latest === undefined ? [] : similarSchools(indices.values('social', latest), students, scores, latest, settings, primary);
  const partnerships = partnershipRows(tables.partnerships, scores, settings);

  return {
    results,
    aggregates: aggs,
    gap,
    scores,
    indicators,
    flags,
    indices,
    context,
    fits,
    similar,
    clusters: cl.clusters,
    partnerships,
    rules,
    names: { flags: FLAG_NAMES },
    scales,
  };
}
