/**
 * What each identification rule needs from the data, and whether this dataset has it
 * (METRICS.md «Programme opt-in»). A rule fires only when the region's programme applies
 * its identification and the dataset holds what the rule reads; otherwise it is
 * «не применяется» with the reason, on every page that would have shown it.
 */
import { metricsWords } from '../words/metrics-words.ts';
import { STATE_CODE, type Columns, type LongColumns } from '../model/types.ts';
import { SCHOOL_INDICATORS, type FlagId, type Settings } from '../model/config.ts';
import { intCol, numCol, rowCount, strCol } from './table.ts';
import { forms, formatInt, plural } from '../format/index.ts';

/** Share of an index's components a school must have for its index to be computed. */
export const INDEX_MIN_COVERAGE = 0.5;

/** What the dataset holds, as the rules ask it. */
export interface DataFacts {
  /** Exam → the years with at least one result row of it. */
  examYears: Map<string, Set<number>>;
  /** Indicator ids with at least one value. */
  indicators: Set<string>;
  /** The schools table has a head count (it stands in for the `students` indicator). */
  schoolSizes: boolean;
}

export function dataFacts(tables: { results: LongColumns; indicators: LongColumns; schools: Columns }): DataFacts {
  const examYears = new Map<string, Set<number>>();
  const exam = strCol(tables.results, 'exam');
  const year = intCol(tables.results, 'year');
  for (let i = 0, rows = rowCount(tables.results); i < rows; i++) {
    if (exam[i] === null || year[i] === null) continue;
    let s = examYears.get(exam[i]!);
    if (!s) examYears.set(exam[i]!, (s = new Set()));
    s.add(year[i]!);
  }
  const indicators = new Set<string>();
  const ind = strCol(tables.indicators, 'indicator');
  const val = numCol(tables.indicators, 'value');
  for (let i = 0; i < ind.length; i++) if (ind[i] !== null && val.s[i] === STATE_CODE.value) indicators.add(ind[i]!);
  const students = tables.schools.students ?? [];
  return { examYears, indicators, schoolSizes: students.some((v) => v !== null && v !== undefined) };
}

export interface RuleDef {
  id: string;
  flag: FlagId;
  /** null when the dataset holds what the rule reads; otherwise why it cannot apply. */
  missing(facts: DataFacts, settings: Settings): string | null;
}

/** The ranked exams (never ВПР, METRICS.md §7) in the order the settings give. */
export function gradedExams(settings: Settings): string[] {
  return settings.ranked_exams.filter((e) => e !== 'ВПР');
}

/** «ГИА» for ЕГЭ/ОГЭ, otherwise the dataset's own exam names. */
export function examsWord(settings: Settings): string {
  const exams = gradedExams(settings);
  return exams.length > 0 && exams.every((e) => e === 'ЕГЭ' || e === 'ОГЭ') ? metricsWords().gia : exams.join(', ');
}

const years = (n: number) => `${formatInt(n)}\u00a0${plural(n, forms().years)}`;

function indicatorRule(indicator: string) {
  return (facts: DataFacts) => {
    if (facts.indicators.has(indicator)) return null;
    const name = SCHOOL_INDICATORS.find((m) => m.id === indicator)?.name ?? indicator;
    return metricsWords().missing.indicator(name);
  };
}

function indexRule(group: 'social' | 'staffing' | 'resources') {
  return (facts: DataFacts) => {
    const comps = SCHOOL_INDICATORS.filter((m) => m.group === group);
    const have = comps.filter((c) => facts.indicators.has(c.id) || (c.id === 'students' && facts.schoolSizes)).length;
    const need = Math.ceil(comps.length * INDEX_MIN_COVERAGE);
    return have >= need ? null : metricsWords().missing.index(need, comps.length, have);
  };
}

export const RULES: readonly RuleDef[] = [
  {
    id: 'low_results',
    flag: 'shnro',
    missing(facts, settings) {
      const need = settings.rules.low_results_years;
      const have = new Set<number>();
      for (const e of gradedExams(settings)) for (const y of facts.examYears.get(e) ?? []) have.add(y);
      if (have.size >= need) return null;
      const w = metricsWords().missing;
      return have.size === 0 ? w.noExamResults(examsWord(settings)) : w.examYears(years(need), examsWord(settings), years(have.size));
    },
  },
  { id: 'continue_10', flag: 'shnro', missing: indicatorRule('continue_10_share') },
  {
    id: 'below_region',
    flag: 'shnro',
    missing(facts, settings) {
      return gradedExams(settings).includes('ЕГЭ') && facts.examYears.has('ЕГЭ') ? null : metricsWords().missing.noEge;
    },
  },
  { id: 'olympiad', flag: 'shnro', missing: indicatorRule('olympiad_share') },
  { id: 'satisfaction', flag: 'shnro', missing: indicatorRule('satisfaction_share') },
  // No regional monitoring is in the canonical tables, and ВПР may not rank schools (§7).
  { id: 'knowledge_quality', flag: 'shnro', missing: () => metricsWords().missing.knowledgeQuality },
  { id: 'social_index', flag: 'nsu', missing: indexRule('social') },
  { id: 'staffing_index', flag: 'staffing', missing: indexRule('staffing') },
  { id: 'resources_index', flag: 'resources', missing: indexRule('resources') },
  { id: 'monotown', flag: 'territory', missing: indicatorRule('monotown') },
  { id: 'pension_majority', flag: 'territory', missing: indicatorRule('pension_majority') },
  { id: 'unemployment', flag: 'territory', missing: indicatorRule('unemployment_ratio') },
];

export interface RuleApplicability {
  rule: string;
  flag: FlagId;
  applies: boolean;
  /** Why not, as a kind: no programme, an identification the programme leaves out, or no data. */
  cause: 'programme' | 'identification' | 'data' | null;
  /** Why it does not apply («не применяется: …»); null when it applies. */
  reason: string | null;
}


/** Each rule, whether it applies to this dataset and programme, and why not. */
export function ruleApplicability(facts: DataFacts, settings: Settings): RuleApplicability[] {
  return RULES.map((r) => {
    if (!settings.programme) return { rule: r.id, flag: r.flag, applies: false, cause: 'programme', reason: metricsWords().missing.noProgramme };
    if (!settings.programme.flags.includes(r.flag)) return { rule: r.id, flag: r.flag, applies: false, cause: 'identification', reason: metricsWords().missing.flagNotInProgramme };
    const reason = r.missing(facts, settings);
    return { rule: r.id, flag: r.flag, applies: reason === null, cause: reason === null ? null : 'data', reason };
  });
}
