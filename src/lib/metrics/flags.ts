/**
 * METRICS.md §4: identifying ШНРО, НСУ, weak-staffing, weak-resource and hard-territory
 * schools. One row per school × year × rule, with the number behind it, the threshold,
 * whether it fired (null when the data cannot check it: note «нет данных») and the
 * distance to leaving the rule.
 *
 * `distance` is signed: positive = how far the value must move in the good direction to
 * stop the rule firing (for a non-strict threshold such as «≤ 0,5 %» it must also move
 * past it); zero or negative = the margin by which the school is clear of the rule.
 *
 * A rule runs only when the region's programme applies its identification and the
 * dataset holds what it reads (rules.ts); other rules produce no rows at all, and
 * `rules` in the output says why each does not apply.
 *
 * Choices stated on the methodology page:
 * - low_results: a school's yearly ГИА score = Σ n·z / Σ n over its ranked-exam subject
 *   rows, z = the row's `settings.gap_score` standardised across the region's schools in
 *   that year, exam and subject (sign flipped for share_below, so higher is better);
 *   only rows with n ≥ min_participants are used. The rule's value = the mean of the
 *   yearly scores over the last `low_results_years` years, and only a school with a
 *   score in every one of those years is ranked («за 3 года» means three years; a
 *   school with fewer has «нет данных»); the lowest `low_results_quantile` of schools fire (k = ceil(q·N), ties by school_id).
 *   ВПР never enters (§7).
 * - below_region: participant-weighted ЕГЭ mean over the 100-point subjects (the keys of
 *   settings.ege_pass) with n ≥ min_participants, minus the regional mean over all rows;
 *   fires below −below_region_points.
 * - knowledge_quality («≤ 40 % in 2+ regional monitorings»): no regional monitoring is in
 *   the canonical tables and ВПР may not rank schools, so it is always «нет данных».
 * - An index needs at least half of its components (INDEX_MIN_COVERAGE); weights are
 *   renormalised over the components present.
 */
import { metricsWords } from '../words/metrics-words.ts';
import { localized } from '../words/locale.ts';
import * as aq from 'arquero';
import type { Columns, LongColumns } from '../model/types.ts';
import { SCHOOL_INDICATORS, type FlagId, type Settings } from '../model/config.ts';
import { dataFacts, INDEX_MIN_COVERAGE, ruleApplicability, RULES, type RuleApplicability } from './rules.ts';
import { cmpId, groupSize, meanSd, numCol, rowCount, strCol, intCol } from './table.ts';
import { rankedExams } from './gap.ts';
import { IndicatorLookup } from './school-indicators.ts';
import { FlagTable, RULE_CODE } from './flag-table.ts';
import { IndexTable, type IndexId, type IndexRow, type IndexSlice } from './index-table.ts';

export { FlagTable, type FlagRow, type PublishedFlagRow } from './flag-table.ts';
export { IndexTable, type IndexId, type IndexRow, type IndexSlice } from './index-table.ts';

export type { FlagId };

/** The names of the identifications, in the site's language (words/ru/metrics.ts, words/en/metrics.ts). */
export const FLAG_NAMES: Record<FlagId, string> = localized(() => metricsWords().flagNames);

// The rules' names depend on the settings: src/lib/words (ruleName).

/**
 * Weighted mean of z-scored components, sign by polarity (higher index = better), per
 * year across all schools with the component; `slots` gives each school's lookup slot
 * (−1: none), in the order of the school ids.
 */
export function indexSlice(lookup: IndicatorLookup, index: IndexId, year: number, slots: Int32Array, weights: Record<string, number>): IndexSlice {
  const comps = SCHOOL_INDICATORS.filter((m) => m.group === index);
  // Each component's z by school slot (NaN where the school has no value).
  const cols = comps.map((c) => lookup.column(c.id, year));
  const z = comps.map((c, j) => {
    const col = cols[j];
    if (!col) return null;
    const { mean, sd } = meanSd(Float64Array.from(col.order, (slot) => col.value[slot]));
    const sign = c.polarity === 'higher' ? 1 : -1;
    return col.value.map((v) => (v !== v ? NaN : sd > 0 ? (sign * (v - mean)) / sd : 0));
  });
  const raw = cols.map((col) => col?.value ?? null);
  const w = Object.fromEntries(comps.map((c) => [c.id, weights[c.id] ?? 1]));
  const wj = comps.map((c) => w[c.id]);
  const need = Math.ceil(comps.length * INDEX_MIN_COVERAGE);
  const value = new Float64Array(slots.length);
  const used = new Uint8Array(slots.length);
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    let sw = 0;
    let sz = 0;
    let have = 0;
    for (let j = 0; j < comps.length; j++) {
      const v = slot < 0 || !z[j] ? NaN : z[j]![slot];
      if (v !== v || !(wj[j] > 0)) continue;
      have++;
      sw += wj[j];
      sz += wj[j] * v;
    }
    used[i] = have;
    value[i] = have >= need && sw > 0 ? sz / sw : NaN;
  }
  return { index, year, components: comps.map((c) => c.id), weights: w, needed: need, value, used, z, raw };
}

/** One index's rows for the given schools in a year (tests; the metrics keep the slices). */
export function computeIndex(lookup: IndicatorLookup, index: IndexId, year: number, schoolIds: string[], weights: Record<string, number>): IndexRow[] {
  const table = IndexTable.forLookup(schoolIds, lookup);
  const slice = indexSlice(lookup, index, year, table.slots, weights);
  return schoolIds.map((_, pos) => table.row(slice, pos));
}

/**
 * Yearly standardised ГИА score per school (see the module comment): school → year → score.
 */
export function giaScores(results: LongColumns, settings: Settings): Map<string, Map<number, number>> {
  const ranked = new Set(rankedExams(settings));
  const id = strCol(results, 'school_id');
  const year = intCol(results, 'year');
  const exam = strCol(results, 'exam');
  const subj = strCol(results, 'subject');
  const n = numCol(results, 'n');
  const x = numCol(results, settings.gap_score);
  const sign = settings.gap_score === 'share_below' ? -1 : 1;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < id.length; i++) {
    if (!ranked.has(exam[i]!) || Number.isNaN(n.v[i]) || Number.isNaN(x.v[i]) || n.v[i] < settings.min_participants) continue;
    const k = `${year[i]}\u0001${exam[i]}\u0001${subj[i]}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(i);
  }
  const sums = new Map<string, Map<number, { w: number; s: number }>>();
  for (const rows of groups.values()) {
    const { mean, sd } = meanSd(rows.map((i) => x.v[i]));
    for (const i of rows) {
      const zz = sd > 0 ? (sign * (x.v[i] - mean)) / sd : 0;
      let a = sums.get(id[i]!);
      if (!a) sums.set(id[i]!, (a = new Map()));
      const c = a.get(year[i]!) ?? { w: 0, s: 0 };
      c.w += n.v[i];
      c.s += n.v[i] * zz;
      a.set(year[i]!, c);
    }
  }
  const out = new Map<string, Map<number, number>>();
  for (const [s, a] of sums) out.set(s, new Map([...a].map(([y, c]) => [y, c.s / c.w])));
  return out;
}

/** Participant-weighted ЕГЭ mean over the 100-point subjects: school → year → {mean, n}. */
function egeMeans(results: LongColumns, settings: Settings): { school: Map<string, Map<number, { mean: number; n: number }>>; region: Map<number, number> } {
  const subjects = new Set(Object.keys(settings.ege_pass));
  const school = new Map<string, Map<number, { mean: number; n: number }>>();
  const region = new Map<number, { s: number; w: number }>();
  if (!rankedExams(settings).includes('ЕГЭ')) return { school, region: new Map() };
  const id = strCol(results, 'school_id');
  const year = intCol(results, 'year');
  const exam = strCol(results, 'exam');
  const subj = strCol(results, 'subject');
  const n = numCol(results, 'n');
  const m = numCol(results, 'mean');
  for (let i = 0; i < id.length; i++) {
    if (exam[i] !== 'ЕГЭ' || !subjects.has(subj[i]!) || Number.isNaN(n.v[i]) || Number.isNaN(m.v[i]) || !(n.v[i] > 0)) continue;
    const r = region.get(year[i]!) ?? { s: 0, w: 0 };
    r.s += n.v[i] * m.v[i];
    r.w += n.v[i];
    region.set(year[i]!, r);
    // A school's own mean uses only subjects with enough participants: the same graduates
    // sit several subjects, so summing small subject groups would not make a large group.
    if (n.v[i] < settings.min_participants) continue;
    let a = school.get(id[i]!);
    if (!a) school.set(id[i]!, (a = new Map()));
    const c = a.get(year[i]!) ?? { mean: 0, n: 0 };
    c.mean += n.v[i] * m.v[i]; // Σ n·x for now, divided below
    c.n += n.v[i];
    a.set(year[i]!, c);
  }
  for (const a of school.values()) for (const c of a.values()) c.mean /= c.n;
  return { school, region: new Map([...region].map(([y, r]) => [y, r.s / r.w])) };
}

/** The lowest share of schools on a score, ties by id: returns the cut value and the fired set. */
export function lowestShare(values: Map<string, number>, share: number): { cut: number | null; fired: Set<string> } {
  const k = groupSize(share, values.size);
  if (k === 0) return { cut: null, fired: new Set() };
  const low = aq.table({ id: [...values.keys()], v: [...values.values()] }).orderby('v', 'id').slice(0, k);
  return { cut: low.get('v', k - 1) as number, fired: new Set(low.array('id') as string[]) };
}

/**
 * Each school's mean standardised ГИА score over the `span` years ending in each year,
 * only where it has a score in every one of them (Arquero: each score counted toward the
 * `span` windows it falls in, then a rollup per school × window).
 */
export function windowMeans(gia: Map<string, Map<number, number>>, span: number): Map<number, Map<string, number>> {
  const s: string[] = [];
  const y: number[] = [];
  const v: number[] = [];
  for (const [school, byYear] of gia) {
    for (const [year, value] of byYear) {
      s.push(school);
      y.push(year);
      v.push(value);
    }
  }
  const out = new Map<number, Map<string, number>>();
  if (!s.length) return out;
  const scores = aq.table({ s, y, v });
  const shifted = aq.table({ o: Array.from({ length: span }, (_, i) => i) });
  const windows = scores
    .cross(shifted)
    .derive({ end: (d: any) => d.y + d.o })
    .groupby('end', 's')
    .rollup({ years: aq.op.count(), mean: (d: any) => aq.op.mean(d.v) })
    .params({ span })
    .filter((d: any, $: any) => d.years === $.span);
  const end = windows.array('end') as number[];
  const id = windows.array('s') as string[];
  const mean = windows.array('mean') as number[];
  for (let i = 0; i < end.length; i++) {
    let m = out.get(end[i]);
    if (!m) out.set(end[i], (m = new Map()));
    m.set(id[i], mean[i]);
  }
  return out;
}

export interface FlagsOutput {
  flags: FlagTable;
  indices: IndexTable;
  /** school → year → standardised ГИА score (higher = better). */
  gia: Map<string, Map<number, number>>;
  years: number[];
  /** Every rule, whether it applies to this dataset and programme, and why not. */
  rules: RuleApplicability[];
  /** The indicators by name, year and school, built once (large at national scale). */
  lookup: IndicatorLookup;
}

export function computeFlags(tables: { schools: Columns; results: LongColumns; indicators: LongColumns }, settings: Settings): FlagsOutput {
  const R = settings.rules;
  const rules = ruleApplicability(dataFacts(tables), settings);
  const applies = new Set(rules.filter((r) => r.applies).map((r) => r.rule));
  const lookup = new IndicatorLookup(tables.indicators, tables.schools);
  const gia = giaScores(tables.results, settings);
  const ege = egeMeans(tables.results, settings);
  const ids = new Set<string>(strCol(tables.schools, 'school_id').filter((s): s is string => s !== null));
  const yearSet = new Set<number>();
  const rExam = strCol(tables.results, 'exam');
  const rYear = intCol(tables.results, 'year');
  const ranked = new Set(rankedExams(settings));
  for (let i = 0, rows = rowCount(tables.results); i < rows; i++) if (ranked.has(rExam[i]!) && rYear[i] !== null) yearSet.add(rYear[i]!);
  for (const y of lookup.years()) yearSet.add(y);
  for (const s of gia.keys()) ids.add(s);
  const schoolIds = [...ids].sort(cmpId);
  const years = [...yearSet].sort((a, b) => a - b);

  const indices = IndexTable.forLookup(schoolIds, lookup);
  // One row per school × year × applying rule, exactly; a rule that does not apply gets
  // none (its rows would be built only to be dropped: millions at national scale).
  const applying = RULES.map((r) => applies.has(r.id));
  const flags = FlagTable.withCapacity(schoolIds, schoolIds.length * years.length * applying.filter(Boolean).length, metricsWords().noData);
  const code = (rule: string) => RULE_CODE.get(rule)!;
  const row = (slot: number, year: number, rule: number, value: number | null, threshold: number | null, fired: boolean | null, distance: number | null): void => {
    if (applying[rule]) flags.push(slot, year, rule, value, threshold, fired, distance);
  };
  /** Rule «value < t» (strict) or «value ≤ t»: distance = t − value. */
  const lowRule = (slot: number, y: number, rule: number, v: number | undefined, t: number, strict: boolean) =>
    v === undefined ? row(slot, y, rule, null, t, null, null) : row(slot, y, rule, v, t, strict ? v < t : v <= t, t - v);
  const LOW_RESULTS = code('low_results');
  const CONTINUE_10 = code('continue_10');
  const BELOW_REGION = code('below_region');
  const OLYMPIAD = code('olympiad');
  const SATISFACTION = code('satisfaction');
  const KNOWLEDGE_QUALITY = code('knowledge_quality');
  const INDEX_RULES = (['social', 'staffing', 'resources'] as IndexId[]).map((index) => [index, code(`${index}_index`)] as const);
  const TERRITORY = (['monotown', 'pension_majority'] as const).map((k) => [k, code(k)] as const);
  const UNEMPLOYMENT = code('unemployment');

  const windows = windowMeans(gia, R.low_results_years);
  for (const y of years) {
    // Low results over the last years.
    const window = windows.get(y) ?? new Map<string, number>();
    const low = lowestShare(window, R.low_results_quantile);
    // Each index's values, in the order of schoolIds.
    const idx: Record<IndexId, { value: Float64Array; low: ReturnType<typeof lowestShare> }> = {} as never;
    for (const index of ['social', 'staffing', 'resources'] as IndexId[]) {
      const slice = indexSlice(lookup, index, y, indices.slots, settings.index_weights);
      indices.slices.push(slice);
      idx[index] = { value: slice.value, low: lowestShare(indices.values(index, y), R.index_quantile) };
    }
    const ind = (k: string, slot: number | undefined) => lookup.at(k, y, slot);
    const regionEge = ege.region.get(y);
    for (let i = 0; i < schoolIds.length; i++) {
      const s = schoolIds[i];
      const slot = lookup.slot.get(s);
      const w = window.get(s);
      if (w === undefined || low.cut === null) row(i, y, LOW_RESULTS, null, low.cut, null, null);
      else row(i, y, LOW_RESULTS, w, low.cut, low.fired.has(s), low.cut - w);
      lowRule(i, y, CONTINUE_10, ind('continue_10_share', slot), R.continue_10_min, true);
      const e = ege.school.get(s)?.get(y);
      if (e === undefined || regionEge === undefined || e.n < settings.min_participants) row(i, y, BELOW_REGION, null, -R.below_region_points, null, null);
      else {
        const d = e.mean - regionEge;
        row(i, y, BELOW_REGION, d, -R.below_region_points, d < -R.below_region_points, -R.below_region_points - d);
      }
      lowRule(i, y, OLYMPIAD, ind('olympiad_share', slot), R.olympiad_max, false);
      lowRule(i, y, SATISFACTION, ind('satisfaction_share', slot), R.satisfaction_max, false);
      row(i, y, KNOWLEDGE_QUALITY, null, 40, null, null);
      for (const [index, rule] of INDEX_RULES) {
        const { value, low: l } = idx[index];
        const v = value[i];
        if (v !== v || l.cut === null) row(i, y, rule, null, l.cut, null, null);
        else row(i, y, rule, v, l.cut, l.fired.has(s), l.cut - v);
      }
      for (const [k, rule] of TERRITORY) {
        const v = ind(k, slot);
        if (v === undefined) row(i, y, rule, null, 1, null, null);
        else row(i, y, rule, v, 1, v >= 1, v >= 1 ? 1 : v - 1);
      }
      const u = ind('unemployment_ratio', slot);
      if (u === undefined) row(i, y, UNEMPLOYMENT, null, R.unemployment_ratio_min, null, null);
      else row(i, y, UNEMPLOYMENT, u, R.unemployment_ratio_min, u >= R.unemployment_ratio_min, u - R.unemployment_ratio_min);
    }
  }
  if (flags.length !== flags.school.length) throw new Error(`computeFlags: ${flags.length} rule rows, expected ${flags.school.length}`);
  return { flags, indices, gia, years, rules, lookup };
}

/**
 * A school carries a flag in a year when any rule of it fired; `fired` is null when no
 * rule fired and at least one could not be checked. With `only`, just that flag's status
 * (nationally a tenth of the 4.4 million rule rows, and a tenth of the keys to build).
 */
export function flagStatus(table: FlagTable, only?: FlagId): Map<string, boolean | null> {
  const out = new Map<string, boolean | null>();
  for (let i = 0; i < table.length; i++) {
    const flag = table.flag(i);
    if (only !== undefined && flag !== only) continue;
    const k = `${table.schoolId(i)}\u0001${table.year[i]}\u0001${flag}`;
    const cur = out.get(k);
    if (cur === true) continue;
    const fired = table.fired[i];
    if (fired === 1) out.set(k, true);
    else if (fired === -1) out.set(k, null);
    else if (cur === undefined) out.set(k, false);
  }
  return out;
}

/** Schools flagged in a year with any of the given flags. */
export function flaggedSchools(table: FlagTable, flags: FlagId[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (let i = 0; i < table.length; i++) {
    if (table.fired[i] !== 1 || !flags.includes(table.flag(i))) continue;
    let s = out.get(table.year[i]);
    if (!s) out.set(table.year[i], (s = new Set()));
    s.add(table.schoolId(i));
  }
  return out;
}
