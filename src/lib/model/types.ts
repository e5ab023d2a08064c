/**
 * Canonical data model: the contract between ingestion, metrics and the site.
 *
 * Every canonical table is a plain column-oriented record set (an Arquero table
 * is built from it with `aq.table(columns)`). Identifiers are strings from the
 * first read. Numeric measures are `number | null`; for each numeric measure `x`
 * the table also has a column `x_state` holding a ValueState, so that missing,
 * suppressed, not applicable and a true zero stay four different values from
 * ingestion to the chart.
 */

/** Why a numeric cell has (or has no) value. A true zero is `value` with 0. */
export type ValueState = 'value' | 'missing' | 'suppressed' | 'na';

export const VALUE_STATES: readonly ValueState[] = ['value', 'missing', 'suppressed', 'na'];

/** The kinds of file a dataset manifest can declare. */
export type FileKind =
  | 'municipalities'
  | 'schools'
  | 'results'
  | 'indicators'
  | 'targets'
  | 'partnerships';

export const FILE_KINDS: readonly FileKind[] = [
  'municipalities',
  'schools',
  'results',
  'indicators',
  'targets',
  'partnerships',
];

/** Exams: ЕГЭ (grade 11, 0–100 per subject), ОГЭ (grade 9), ВПР (grades 4–11, never ranked). */
export type Exam = 'ЕГЭ' | 'ОГЭ' | 'ВПР';
export const EXAMS: readonly Exam[] = ['ЕГЭ', 'ОГЭ', 'ВПР'];

/** Settlement type of a school; drives some context and the demo generator. */
export type Settlement = 'город' | 'село';

export interface Source {
  publisher: string;
  title: string;
  url?: string;
  date?: string;
  licence?: string;
}

/** Canonical field lists per kind. `required` must be mapped; the rest are optional. */
export interface KindSpec {
  required: readonly string[];
  optional: readonly string[];
  /** Fields holding numbers (each gets a `<field>_state` companion column). */
  numeric: readonly string[];
  /** Fields holding integer years. */
  years: readonly string[];
  /** Key fields that identify one row; duplicates are reported. */
  key: readonly string[];
}

export const KIND_SPECS: Record<FileKind, KindSpec> = {
  municipalities: {
    required: ['municipality_id', 'name'],
    optional: ['kind'],
    numeric: [],
    years: [],
    key: ['municipality_id'],
  },
  schools: {
    required: ['school_id', 'name', 'municipality_id'],
    // municipality_name: used only to build the municipalities table when no such file is given.
    // year: the year a row of a school list describes (a list drawn from yearly result
    // files). Rows of one school from several years merge: the newest year's name wins and
    // the others become former_names (assemble.ts).
    optional: ['settlement', 'address', 'district', 'students', 'municipality_name', 'year'],
    numeric: ['students'],
    years: ['year'],
    key: ['school_id'],
  },
  results: {
    // subject is the canonical subject name (see SUBJECTS); grade is the class for ВПР.
    required: ['school_id', 'year', 'exam', 'subject', 'n'],
    optional: [
      'grade',
      'mean',
      'share_below', // % of participants below the pass threshold (0–100)
      'share_good', // % with grades 4–5 (ОГЭ, ВПР: «качество знаний»)
      'share_high', // % of high scorers (ЕГЭ ≥ 81, or the dataset's own threshold)
      'g2',
      'g3',
      'g4',
      'g5', // counts of grades 2..5
      'scale_max', // the top of the score scale this row's mean is on (a file's `scale`); empty: the exam's default
    ],
    numeric: ['n', 'mean', 'share_below', 'share_good', 'share_high', 'g2', 'g3', 'g4', 'g5', 'scale_max'],
    years: ['year'],
    key: ['school_id', 'year', 'exam', 'subject', 'grade'],
  },
  indicators: {
    // Long form: one row per school × year × indicator (see INDICATORS for ids).
    required: ['school_id', 'year', 'indicator', 'value'],
    optional: [],
    numeric: ['value'],
    years: ['year'],
    key: ['school_id', 'year', 'indicator'],
  },
  targets: {
    // Programme indicators (seed 003): scope is 'region' or a municipality_id.
    // kind: 'baseline' | 'target' | 'actual'.
    required: ['scope_id', 'indicator', 'year', 'kind', 'value'],
    optional: ['name', 'unit', 'polarity'],
    numeric: ['value'],
    years: ['year'],
    key: ['scope_id', 'indicator', 'year', 'kind'],
  },
  partnerships: {
    required: ['strong_school_id', 'supported_school_id', 'start_year'],
    optional: ['end_year'],
    numeric: [],
    years: ['start_year', 'end_year'],
    key: ['strong_school_id', 'supported_school_id', 'start_year'],
  },
};

/** Column-oriented canonical table: column name → values (strings, numbers, nulls). */
export type Columns = Record<string, Array<string | number | null>>;

/** A state as a one-byte code: its index in VALUE_STATES. */
export const STATE_CODE: Readonly<Record<ValueState, number>> = { value: 0, missing: 1, suppressed: 2, na: 3 };

/**
 * The long tables (results, indicators: millions of rows nationally) as ingest hands them
 * over: text and years as plain arrays, but each numeric measure `x` as a Float64Array (NaN
 * where there is no value) and `x_state` as a Uint8Array of STATE_CODE. Plain arrays of
 * boxed numbers and state strings cost ~2 GB and 7 s to make at 15 million rows; these cost
 * a third of it. Read them through metrics/table.ts (numCol, strCol, intCol), which also
 * take plain columns; `plainColumns` turns them into the plain form.
 */
export type LongColumns = Record<string, Array<string | number | null> | Float64Array | Uint8Array>;

/** A long table in the plain form (numbers with nulls, state strings), e.g. to compare in a test or write out. */
export function plainColumns(t: LongColumns): Columns {
  const out: Columns = {};
  for (const [name, c] of Object.entries(t)) {
    if (c instanceof Uint8Array) out[name] = Array.from(c, (code) => VALUE_STATES[code]);
    else if (c instanceof Float64Array) out[name] = Array.from(c, (v) => (v !== v ? null : v));
    else out[name] = c;
  }
  return out;
}

export interface CanonicalTables {
  municipalities: Columns;
  schools: Columns;
  results: LongColumns;
  indicators: LongColumns;
  targets: Columns;
  partnerships: Columns;
}

/** A problem found in a dataset. Messages are Russian, for data owners. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Machine-readable kind, used to count warnings in the build summary. */
  code: string;
  file: string;
  line?: number;
  column?: number;
  value?: string;
  message: string;
  hint?: string;
}

/**
 * `file:line:column: ошибка: message (значение «…»). Подсказка: …` — the location first,
 * as compilers print it, so editors and CI logs can jump to the cell.
 */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line ?? '', p.column ?? ''].join(':').replace(/:+$/, '');
  const severity = p.severity === 'error' ? 'ошибка' : 'предупреждение';
  const value = p.value !== undefined ? ` (значение «${p.value}»)` : '';
  const hint = p.hint ? ` Подсказка: ${p.hint}` : '';
  const message = p.message.endsWith('.') ? p.message.slice(0, -1) : p.message;
  return `${where}: ${severity}: ${message}${value}.${hint}`;
}
