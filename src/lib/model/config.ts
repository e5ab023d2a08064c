/**
 * Every default of the analysis, written down in one place (METRICS.md).
 * A dataset manifest may override any of them under `settings:`; the
 * methodology page prints the values actually used.
 */
import { metricsWords } from '../words/metrics-words.ts';
import type { Locale } from '../words/locale.ts';

export type Polarity = 'higher' | 'lower';

export interface IndicatorMeta {
  id: string;
  /** In the site's language, from the metrics catalogue (words/ru/metrics.ts). */
  readonly name: string;
  unit: '%' | 'балл' | 'км' | 'чел.' | 'да/нет' | 'раз';
  polarity: Polarity;
  /** Which index (if any) the indicator is a component of. */
  group: 'social' | 'staffing' | 'resources' | 'territory' | 'results' | 'programme';
}

/**
 * Rows whose `name` is read from a catalogue on each access, so the same table serves a
 * Russian and an English site (words/locale.ts).
 */
export function named<T extends { id: string; name: string }>(names: () => Record<string, string>, rows: Omit<T, 'name'>[]): T[] {
  return rows.map((r) => Object.defineProperty({ ...r }, 'name', { get: () => names()[r.id] ?? r.id, enumerable: true }) as T);
}

/**
 * School-level context indicators (METRICS.md §4). Polarity says which direction is
 * better for the school: a high share of low-income families is worse (lower is better).
 */
export const SCHOOL_INDICATORS: IndicatorMeta[] = named<IndicatorMeta>(() => metricsWords().indicators, [
  { id: 'low_ses_share', unit: '%', polarity: 'lower', group: 'social' },
  { id: 'deviant_share', unit: '%', polarity: 'lower', group: 'social' },
  { id: 'low_motivation_share', unit: '%', polarity: 'lower', group: 'social' },
  { id: 'weak_russian_share', unit: '%', polarity: 'lower', group: 'social' },
  { id: 'distance_km', unit: 'км', polarity: 'lower', group: 'social' },
  { id: 'students', unit: 'чел.', polarity: 'higher', group: 'social' },
  { id: 'teachers_category_share', unit: '%', polarity: 'higher', group: 'staffing' },
  { id: 'teachers_overload_share', unit: '%', polarity: 'lower', group: 'staffing' },
  { id: 'teachers_contests_share', unit: '%', polarity: 'higher', group: 'staffing' },
  { id: 'teachers_offprofile_share', unit: '%', polarity: 'lower', group: 'staffing' },
  { id: 'textbooks_new_share', unit: '%', polarity: 'higher', group: 'resources' },
  { id: 'extrabudget_share', unit: '%', polarity: 'higher', group: 'resources' },
  { id: 'repairs_share', unit: '%', polarity: 'higher', group: 'resources' },
  { id: 'monotown', unit: 'да/нет', polarity: 'lower', group: 'territory' },
  { id: 'pension_majority', unit: 'да/нет', polarity: 'lower', group: 'territory' },
  { id: 'unemployment_ratio', unit: 'раз', polarity: 'lower', group: 'territory' },
  { id: 'continue_10_share', unit: '%', polarity: 'higher', group: 'results' },
  { id: 'olympiad_share', unit: '%', polarity: 'higher', group: 'results' },
  { id: 'satisfaction_share', unit: '%', polarity: 'higher', group: 'results' },
]);

/** Canonical subject names used across datasets, with URL-safe slugs. */
export const SUBJECTS: Record<string, string> = {
  'Русский язык': 'russian',
  'Математика': 'math',
  'Математика (профиль)': 'math-profile',
  'Математика (база)': 'math-base',
  'Физика': 'physics',
  'Химия': 'chemistry',
  'Информатика': 'informatics',
  'Биология': 'biology',
  'История': 'history',
  'География': 'geography',
  'Обществознание': 'social-studies',
  'Литература': 'literature',
  'Иностранный язык': 'foreign-language',
  'Окружающий мир': 'science-primary',
  'Сумма трёх предметов': 'three-best',
};

/** The identifications a programme can make (METRICS.md §4). */
export const FLAG_IDS = ['shnro', 'nsu', 'staffing', 'resources', 'territory'] as const;
export type FlagId = (typeof FLAG_IDS)[number];

/**
 * The programme a region follows, declared in the manifest (`programme:`). Without one,
 * no school is identified as anything: the site shows results, gaps and trajectories only.
 */
export interface Programme {
  /** The programme's name as the region calls it, printed on the methodology page. */
  name: string;
  /** Which identifications the region applies. */
  flags: FlagId[];
}

export interface Settings {
  /** The language of every page (manifest `locale:`); Russian by default. */
  locale: Locale;
  /** The region's programme of support for ШНРО/НСУ schools; null: identify no school. */
  programme: Programme | null;
  /** METRICS.md §6: no figure resting on fewer participants is published. */
  min_participants: number;
  /** METRICS.md §6: minimum before a coloured status label or "significant change" mark. */
  reliability_min: number;
  /** METRICS.md §2: share of schools in each of the top and bottom groups. */
  gap_share: number;
  /** METRICS.md §2: yearly relative reduction of the ratio that meets the target, %. */
  gap_target_pct: number;
  /** METRICS.md §2: the default subject set ("обязательные предметы"). */
  mandatory_subjects: Record<string, string[]>;
  /** Which score the gap is computed on: mean score, or a share column. */
  gap_score: 'mean' | 'share_high' | 'share_below' | 'share_good';
  /** Exams the gap and the ШНРО rules use (ВПР is never ranked, METRICS.md §7). */
  ranked_exams: string[];
  /** ЕГЭ minimum pass scores (federal defaults, METRICS.md vocabulary). */
  ege_pass: Record<string, number>;
  /** ЕГЭ high-scorer threshold. */
  ege_high: number;
  /** ШНРО / НСУ rule thresholds (METRICS.md §4). */
  rules: {
    low_results_quantile: number; // lowest 25 %
    low_results_years: number; // over the last 3 years
    continue_10_min: number; // fewer than 60 % continue
    below_region_points: number; // 20 points below the regional mean
    olympiad_max: number; // ≤ 0.5 %
    satisfaction_max: number; // ≤ 40 %
    index_quantile: number; // the 25 % lowest on an index
    unemployment_ratio_min: number; // "well above" the regional level
  };
  /** Social index weights per component (default equal). */
  index_weights: Record<string, number>;
  /** METRICS.md §5. */
  similar_count: number;
  clusters: number;
  resilient_quantile: number;
  /**
   * Names of the measures as this dataset means them, e.g. Moscow's share_high is
   * «Доля выпускников, набравших более 220 баллов по трём предметам».
   */
  measure_labels: Partial<Record<'mean' | 'share_below' | 'share_good' | 'share_high', string>>;
  /**
   * What the dataset's own figure behind an indicator is, where it is not the model's
   * definition (NYC's `low_ses_share` is the share of free or reduced-price lunch).
   */
  indicator_labels: Record<string, string>;
  /**
   * What the dataset calls its areas, in the cases sentences need (Moscow: административный
   * округ, NYC: школьный округ). Default: муниципалитет.
   */
  area_names: AreaNames;
}

export interface AreaNames {
  nominative: string;
  nominative_plural: string;
  genitive: string;
  genitive_plural: string;
  prepositional: string;
  prepositional_plural: string;
}

export const DEFAULT_SETTINGS: Settings = {
  locale: 'ru',
  programme: null,
  min_participants: 10,
  reliability_min: 30,
  gap_share: 0.1,
  gap_target_pct: 0.3,
  mandatory_subjects: {
    'ЕГЭ': ['Русский язык', 'Математика (профиль)'],
    'ОГЭ': ['Русский язык', 'Математика'],
  },
  gap_score: 'mean',
  ranked_exams: ['ЕГЭ', 'ОГЭ'],
  ege_pass: {
    'Русский язык': 24,
    'Математика (профиль)': 27,
    'Физика': 36,
    'Химия': 36,
    'Информатика': 40,
    'Биология': 36,
    'История': 32,
    'География': 37,
    'Обществознание': 42,
    'Литература': 32,
    'Иностранный язык': 22,
  },
  ege_high: 81,
  rules: {
    low_results_quantile: 0.25,
    low_results_years: 3,
    continue_10_min: 60,
    below_region_points: 20,
    olympiad_max: 0.5,
    satisfaction_max: 40,
    index_quantile: 0.25,
    unemployment_ratio_min: 1.5,
  },
  index_weights: {},
  similar_count: 10,
  clusters: 4,
  resilient_quantile: 0.75,
  measure_labels: {},
  indicator_labels: {},
  area_names: {
    nominative: 'муниципалитет',
    nominative_plural: 'муниципалитеты',
    genitive: 'муниципалитета',
    genitive_plural: 'муниципалитетов',
    prepositional: 'муниципалитете',
    prepositional_plural: 'муниципалитетах',
  },
};

/** Merge a manifest's partial `settings:` over the defaults (one level deep for objects). */
export function resolveSettings(partial: Partial<Record<keyof Settings, unknown>> | undefined): Settings {
  const out: Settings = structuredClone(DEFAULT_SETTINGS);
  if (!partial) return out;
  for (const [k, v] of Object.entries(partial)) {
    const key = k as keyof Settings;
    const cur = out[key];
    if (cur && typeof cur === 'object' && !Array.isArray(cur) && v && typeof v === 'object' && !Array.isArray(v)) {
      (out as unknown as Record<string, unknown>)[key] = { ...(cur as object), ...(v as object) };
    } else {
      (out as unknown as Record<string, unknown>)[key] = v;
    }
  }
  return out;
}
