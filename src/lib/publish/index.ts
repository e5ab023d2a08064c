/**
 * The publication boundary (ARCHITECTURE.md): the metrics outputs (src/lib/metrics
 * computeAll) and the settings go in; what may be published comes out, and the site model
 * accepts only this. Rows below the publication minimum lose their numbers here, before
 * any page, chart, CSV or search index exists; a hidden set score carries no number, only
 * its reason; a gap group mean is published only where its listed members' values are
 * (gap.ts); a total whose unpublished schools are one or two is withheld; a rule value or
 * residual resting on a share published only as a band is dropped.
 */
import { metricsWords } from '../words/metrics-words.ts';
import type { Dataset } from '../ingest/index.ts';
import { AggregateTable, computeAll, discloseResults, FlagTable, IndexTable, RULES, discloseAggregates, municipalityOf, N_USED_OF, schoolResults, STATE_OF } from '../metrics/index.ts';
import { HIDDEN } from './published.ts';
import { STATE_CODE } from '../model/types.ts';
import { publishGap } from './gap.ts';
import { PathSet } from '../metrics/path-map.ts';
import { scaleBreak } from '../metrics/scales.ts';
import { pooledResults, poolingRows, type PoolingRows } from './pooled.ts';
import { currentYear } from './current-year.ts';
import { words } from '../words/index.ts';
import { slugify } from '../format/slug.ts';
import type { SiteInputs, SchoolInfo, MunicipalityInfo, AggregateRow, SchoolScore, PeerSpace } from './types.ts';
import { quantile, rollup } from 'd3';
import { formatNumber, stateLabel } from '../format/index.ts';

export type MetricsOutput = ReturnType<typeof computeAll>;

// Metrics already turned into site inputs: their undisclosed rows were disclosed in place and
// released, so a second pass would quietly publish an empty site.
const consumed = new WeakSet<MetricsOutput>();

export function siteInputsFromMetrics(dataset: Dataset, m: MetricsOutput): SiteInputs {
  if (consumed.has(m)) {
    throw new Error('these metrics were already published once (their undisclosed rows are released after publication): compute them again with metricsForSite');
  }
  consumed.add(m);
  const settings = dataset.settings;
  const w = words(settings);
  const t = dataset.tables;
  // Read by computeAll while the raw results still existed (the build releases them after).
  const scales = m.scales;
  const warnings: Record<string, number> = {};

  const munNames = new Map<string, string>();
  t.municipalities.municipality_id.forEach((id, i) => munNames.set(id as string, (t.municipalities.name[i] as string) || (id as string)));
  const schools: SchoolInfo[] = t.schools.school_id.map((id, i) => ({
    school_id: id as string,
    slug: slugify(id as string),
    name: (t.schools.name[i] as string) || (id as string),
    municipality_id: t.schools.municipality_id[i] as string,
    settlement: (t.schools.settlement?.[i] as string | null) ?? null,
    former_names: (t.schools.former_names?.[i] as string | null) ?? null,
  }));
  const bySchoolMun = rollup(schools, (list) => list.map((s) => s.school_id), (s) => s.municipality_id);
  const municipalities: MunicipalityInfo[] = [...munNames.keys()]
    .filter((id) => bySchoolMun.has(id))
    .map((id) => ({ id, slug: slugify(id), name: munNames.get(id)!, schoolIds: bySchoolMun.get(id)! }));

  // Disclosure: primary suppression, coding, reliability (totals: discloseAggregates below).
  const munOf = municipalityOf(t.schools);
  // Small schools' pooled figures read the raw numbers of the last years: those alone are
  // copied (as columns) before disclosure hides them.
  const thisYear = currentYear(m.results);
  let poolingRaw: PoolingRows | null = poolingRows(m.results, thisYear);
  const disclosed = discloseResults(m.results, settings);
  // The undisclosed values must not outlive this function (memory, and safety): the
  // metrics no longer hold them.
  m.results = schoolResults({});
  const results = disclosed.rows;
  // With their denominator, so «15 666» reads as a share of the results, not as a failure.
  let withValues = 0;
  for (let i = 0; i < results.length; i++) {
    const meanState = results.state.mean[i];
    if (results.n[i] === results.n[i] || meanState === STATE_CODE.value || meanState === STATE_CODE.suppressed) withValues++;
  }
  const of = `из ${formatNumber(withValues, 0)} результатов школ`;
  warnings[`скрыто ${of}: менее ${settings.min_participants} участников`] = disclosed.hidden.primary;
  // Totals first: they need the hidden schools' sizes, which the loop below drops.
  const disclosedAggregates = discloseAggregates(m.aggregates, settings, { rows: results, municipalityOf: munOf });
  // A small group's size is hidden too. (A share coded as a band lost its number when it
  // was published: no chart, table, summary or file downstream can show it.)
  for (let i = 0; i < results.length; i++) if (results.n[i] < settings.min_participants) results.hideSize(i);
  // A share published only as its band was used by the metrics with its number: any figure
  // derived from it (a rule's value, a residual) would give the number back.
  const measureFor = (exam: string) => (settings.gap_score !== 'mean' && settings.ranked_exams.includes(exam) ? settings.gap_score : 'mean');
  const bandOnly = new Set<string>();
  for (const [i, coded] of results.coded) {
    const measure = measureFor(results.exam[i]);
    if (measure !== 'mean' && coded[measure]) bandOnly.add(`${results.school_id[i]}|${results.year[i]}`);
  }
  const usesHidden = (school: string, from: number, to: number) => {
    for (let y = from; y <= to; y++) if (bandOnly.has(`${school}|${y}`)) return true;
    return false;
  };
  // A rule's value over the years it reads: low results the last years, below-region this one.
  const windowOf = RULES.map((r) => (r.id === 'low_results' ? settings.rules.low_results_years : r.id === 'below_region' ? 1 : 0));
  const hiddenFlags: number[] = [];
  for (let i = 0; i < m.flags.length; i++) {
    const window = windowOf[m.flags.rule[i]];
    const year = m.flags.year[i];
    if (window && m.flags.value[i] === m.flags.value[i] && usesHidden(m.flags.schoolId(i), year - window + 1, year)) hiddenFlags.push(i);
  }
  const flags = m.flags.withValuesHidden(hiddenFlags);
  const context = m.context.map((c) => (c.score !== null && usesHidden(c.school_id, c.year, c.year) ? { ...c, score: null, residual: null } : c));
  // Small schools: the last three years together, where that is safe (pooled.ts); the
  // window ends in the site's current year, not in a stray later row's.
  const pooled = pooledResults(poolingRaw, results, munOf, settings, thisYear);
  // Freed now, not when the boundary returns.
  poolingRaw = null;
  const aggregates: AggregateRow[] = disclosedAggregates.map((a) => ({
    scope: a.scope,
    scope_id: a.scope_id,
    year: a.year,
    exam: a.exam,
    subject: a.subject,
    grade: a.grade,
    n: a.n_total,
    mean: a.mean_state === 'value' ? a.mean : null,
    share_below: a.share_below_state === 'value' && !a.coded?.share_below ? a.share_below : null,
    share_good: a.share_good_state === 'value' && !a.coded?.share_good ? a.share_good : null,
    share_high: a.share_high_state === 'value' && !a.coded?.share_high ? a.share_high : null,
    ...withheldAndCoded(a, settings),
  }));

  // A set score is published only when every subject in it is: otherwise a subject shown
  // only as a band could be recovered from the score and the other subject.
  const shownSubjects = new PathSet();
  for (let i = 0; i < results.length; i++) {
    // A top/bottom-coded share («менее 5 %») does not show its number either.
    if (results.n[i] === results.n[i] && results.shownAsNumber(i, measureFor(results.exam[i]))) shownSubjects.add([results.year[i], results.exam[i], results.subject[i], results.school_id[i]]);
  }
  const scores: SchoolScore[] = m.scores.map((s) => {
    const base = { school_id: s.school_id, year: s.year, exam: s.exam, subject_set: s.subject_set, n: s.n };
    if (s.n < settings.min_participants) return { ...base, hidden: true, score: null, reason: stateLabel('suppressed', settings.min_participants) };
    if (s.subject_set.split(' + ').some((subj) => !shownSubjects.has([s.year, s.exam, subj, s.school_id]))) return { ...base, hidden: true, score: null, reason: HIDDEN.setSubject };
    return { ...base, hidden: false, score: s.score };
  });
  // A top or bottom group mean is published only when every member's own value is: the
  // scores of the mandatory set, or a single subject's published result.
  const shownScore = new PathSet();
  for (const s of scores) if (!s.hidden) shownScore.add([s.year, s.exam, s.subject_set, s.school_id]);
  const published = publishGap(
    m.gap,
    (school, year, exam, set) => shownScore.has([year, exam, set, school]) || (!set.includes(' + ') && shownSubjects.has([year, exam, set, school])),
    (exam, set, from, to) => scaleBreak(scales, exam, set, from, to),
  );
  const gap = published.rows;
  if (published.withheldGroups) warnings['скрыто: среднее группы разрыва, где есть скрытая школа'] = published.withheldGroups;

  const similar = new Map<string, string[]>();
  for (const s of m.similar) similar.set(s.school_id, s.similar_ids);
  const peers = peerSpace(m.similar);

  // One file declared twice (as schools and as results) is one source for a reader.
  const seen = new Set<string>();
  const sourceList = dataset.sources
    .map((s) => ({ text: `${s.publisher}. ${s.title}${s.date ? ` (${s.date})` : ''}`, href: s.url, note: s.licence }))
    .filter((s) => (seen.has(s.text) ? false : (seen.add(s.text), true)));

  const inputs: SiteInputs = {
    regionName: dataset.region.name,
    settings,
    schools,
    municipalities,
    results,
    aggregates,
    gap,
    scores,
    flags,
    context,
    fits: m.fits,
    indices: m.indices,
    similar,
    peers,
    partnerships: m.partnerships,
    rules: m.rules,
    pooled,
    currentYear: thisYear,
    scales,
    sourceList,
    // The computed gap indicator is named with the group share in force («20 % лучших»).
    programme: m.indicators.map((r) => ({ ...r, name: r.indicator === 'gap_reduction_pct' ? w.gapReductionName : r.name, status: r.status })),
    clusters: m.clusters.map((c) => ({ id: c.id, description: c.description + (c.urban_share !== null ? metricsWords().clusterUrbanShare(c.urban_share) : ''), size: c.size })),
    warnings,
  };
  releaseConsumed(m);
  return inputs;
}

/**
 * The metrics' rows are published above, copied where disclosure changed them: the metrics
 * let go of them here, as of the results, so that a caller still holding the metrics (the
 * build does, through the page loop) keeps no second copy alive (nationally the aggregates,
 * set scores and gap rows are hundreds of megabytes).
 */
function releaseConsumed(m: MetricsOutput): void {
  m.aggregates = AggregateTable.empty();
  m.gap = [];
  m.scores = [];
  m.flags = FlagTable.withCapacity([], 0, '');
  m.context = [];
  m.indices = new IndexTable([], new Int32Array(0));
  m.similar = [];
  m.indicators = [];
  m.clusters = [];
  m.partnerships = [];
  m.fits = [];
}

/**
 * Size bands are terciles of pupils (d3's quantile), rounded to tens so the labels read
 * «до 320 учащихся»; a school on a limit goes to the band above.
 */
function peerSpace(similar: MetricsOutput['similar']): PeerSpace {
  const sizes = similar.map((s) => s.students);
  if (!sizes.length) return { year: null, points: new Map(), bandLimits: null };
  const round = (v: number) => Math.max(10, Math.round(v / 10) * 10);
  const limits: [number, number] = [round(quantile(sizes, 1 / 3)!), round(quantile(sizes, 2 / 3)!)];
  const band = (n: number) => (n < limits[0] ? 0 : n < limits[1] ? 1 : 2);
  return { year: similar[0].year, points: new Map(similar.map((s) => [s.school_id, { x: s.x, y: s.y, band: band(s.students), exams: s.exams }])), bandLimits: limits };
}

/** Why a total's measures are not published (no number), and the bands of its coded shares. */
function withheldAndCoded(a: ReturnType<typeof discloseAggregates>[number], settings: SiteInputs['settings']): Pick<AggregateRow, 'withheld' | 'coded'> {
  const out: Pick<AggregateRow, 'withheld' | 'coded'> = {};
  for (const m of ['mean', 'share_below', 'share_good', 'share_high'] as const) {
    if (a[STATE_OF[m]] !== 'suppressed') continue;
    // A measure under the minimum on its own has no row reason; a withheld total has one.
    (out.withheld ??= {})[m] = a.n_total < settings.min_participants || a[N_USED_OF[m]] < settings.min_participants ? stateLabel('suppressed', settings.min_participants) : (a.suppressed_reason ?? stateLabel('suppressed', settings.min_participants));
  }
  if (a.coded) out.coded = { ...a.coded };
  return out;
}
