/**
 * What the publication boundary hands the site: the records of every school and area, the
 * published results and derived figures (hidden cells carry a state and a reason, no
 * number), and what the build noticed. The site model is built from these alone.
 */
import type { Settings } from '../model/config.ts';
import type { ValueState } from '../model/types.ts';
import type { RuleApplicability } from '../metrics/rules.ts';
import type { PublishedResults } from '../metrics/published-results.ts';
import type { ScaleIndex } from '../metrics/scales.ts';
import type { PooledResult } from './pooled.ts';
import type { PublishedGapRow } from './gap.ts';
import type { AggregateRow as MetricsAggregateRow } from '../metrics/aggregates.ts';
import type { FlagTable, PublishedFlagRow } from '../metrics/flag-table.ts';
import type { IndexTable } from '../metrics/index-table.ts';
import type { ContextRow } from '../metrics/context.ts';

/** An item of a list on a page (kept here: the sources list is built at the boundary). */
export interface ListItem {
  text: string;
  href?: string;
  note?: string;
}

export interface SchoolInfo {
  school_id: string;
  slug: string;
  name: string;
  municipality_id: string;
  settlement: string | null;
  /** Earlier names with their years, newest first («…» (2024); «…» (2022–2023)), or null. */
  former_names: string | null;
}
export interface MunicipalityInfo {
  id: string;
  slug: string;
  name: string;
  schoolIds: string[];
}
/**
 * A municipal or regional aggregate as published: its participants and the weighted means.
 * A measure not published has null, and in `withheld` why (no number), or in `coded` its band.
 */
export type AggregateRow = Pick<MetricsAggregateRow, 'scope' | 'scope_id' | 'year' | 'exam' | 'subject' | 'grade' | 'n' | 'mean' | 'share_below' | 'share_good' | 'share_high'> & {
  withheld?: Partial<Record<'mean' | 'share_below' | 'share_good' | 'share_high', string>>;
  coded?: Partial<Record<'share_below' | 'share_good' | 'share_high', string>>;
};
/** A gap row as published (publish/gap.ts): withheld figures are null and say so. */
export type GapRow = PublishedGapRow;
/** A rule's row; a value that would give back a share published only as a band is dropped. */
export type FlagRow = PublishedFlagRow;
export type { ContextRow };
/**
 * A school's score for a subject set. A hidden score carries no number (the publication
 * boundary, src/lib/publish, drops it), only the reason, so no reader can show it by mistake.
 */
export type SchoolScore = {
  school_id: string;
  year: number;
  exam: string;
  subject_set: string;
  /** Smallest subject group of the set (the group the score rests on). */
  n: number;
} & ({ hidden: false; score: number } | { hidden: true; score: null; reason: string });

/**
 * The space similar schools are chosen in (metrics/context.ts): each school's z of the
 * social index (x) and of ln(pupils) (y), and its size band (terciles of pupils).
 */
export interface PeerSpace {
  year: number | null;
  points: Map<string, { x: number; y: number; band: number; exams: string }>;
  /** Upper bounds (pupils) of the first two bands. */
  bandLimits: [number, number] | null;
}

export interface SiteInputs {
  regionName: string;
  settings: Settings;
  schools: SchoolInfo[];
  municipalities: MunicipalityInfo[];
  results: PublishedResults;
  aggregates: AggregateRow[];
  gap: GapRow[];
  scores: SchoolScore[];
  /** The rules' rows as columns; `row(i)` or iterating makes the objects. */
  flags: FlagTable;
  context: ContextRow[];
  fits: { year: number; exam: string; slope: number; intercept: number }[];
  /** `used` of the model's components entered the value; it needs `needed` (metrics/flags.ts). */
  indices: IndexTable;
  similar: Map<string, string[]>;
  /** What a reader's own peer choice needs (the browser recomputes the nearest schools). */
  peers: PeerSpace;
  partnerships: { strong_school_id: string; supported_school_id: string; start_year: number; end_year: number | null; before: number | null; after: number | null; partner_before: number | null; partner_after: number | null }[];
  rules: RuleApplicability[];
  /** The site's current year (current-year.ts): never a stray later row's. */
  currentYear: number;
  /** Small schools' results over the last three years together (src/lib/publish/pooled.ts). */
  pooled: PooledResult[];
  /** The score scale of each year, exam and subject (scale breaks). */
  scales: ScaleIndex;
  sourceList: ListItem[];
  /** Programme indicators per scope × year (seed 003 table), with status against targets. */
  programme: ProgrammeRow[];
  clusters: { id: number; description: string; size: number }[];
  /** Counts of things the build noticed (e.g. values hidden by disclosure control). */
  warnings: Record<string, number>;
}

export interface ProgrammeRow {
  scope_id: string;
  indicator: string;
  name: string;
  unit: string;
  polarity: 'higher' | 'lower';
  year: number;
  value: number | null;
  value_state: ValueState;
  target: number | null;
  baseline: number | null;
  status: 'met' | 'not_met' | 'no_data' | 'no_target';
  computed: boolean;
}
