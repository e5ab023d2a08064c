/** Hand-made canonical tables for the metrics tests. */
import type { CanonicalTables, Columns } from '../../src/lib/model/types.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/lib/model/config.ts';

const NUMERIC = ['n', 'mean', 'share_below', 'share_good', 'share_high', 'g2', 'g3', 'g4', 'g5', 'value', 'students'];

/** Rows → columns; each numeric field gets a `_state` column ('value', or 'missing' for null, unless given). */
export function cols(rows: Record<string, unknown>[], fields: string[]): Columns {
  const out: Columns = {};
  for (const f of fields) {
    out[f] = rows.map((r) => (r[f] ?? null) as string | number | null);
    if (NUMERIC.includes(f)) out[`${f}_state`] = rows.map((r) => (r[`${f}_state`] as string) ?? (r[f] === null || r[f] === undefined ? 'missing' : 'value'));
  }
  return out;
}

export interface R {
  school_id: string;
  year: number;
  exam?: string;
  subject?: string;
  grade?: string | null;
  n?: number | null;
  n_state?: string;
  mean?: number | null;
  mean_state?: string;
  share_below?: number | null;
  share_good?: number | null;
  share_high?: number | null;
  g2?: number | null;
  g3?: number | null;
  g4?: number | null;
  g5?: number | null;
}

export function results(rows: R[]): Columns {
  return cols(
    rows.map((r) => ({ exam: 'ЕГЭ', subject: 'Русский язык', grade: null, ...r })),
    ['school_id', 'year', 'exam', 'subject', 'grade', 'n', 'mean', 'share_below', 'share_good', 'share_high', 'g2', 'g3', 'g4', 'g5'],
  );
}

export function schools(list: [string, string][]): Columns {
  return cols(list.map(([school_id, municipality_id]) => ({ school_id, name: `Школа ${school_id}`, municipality_id, settlement: 'город' })), ['school_id', 'name', 'municipality_id', 'settlement']);
}

export function tables(p: Partial<CanonicalTables>): CanonicalTables {
  return {
    municipalities: p.municipalities ?? {},
    schools: p.schools ?? {},
    results: p.results ?? results([]),
    indicators: p.indicators ?? cols([], ['school_id', 'year', 'indicator', 'value']),
    targets: p.targets ?? cols([], ['scope_id', 'indicator', 'year', 'kind', 'value']),
    partnerships: p.partnerships ?? cols([], ['strong_school_id', 'supported_school_id', 'start_year', 'end_year']),
  };
}

export function settings(over: Partial<Settings> = {}): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), ...over };
}
