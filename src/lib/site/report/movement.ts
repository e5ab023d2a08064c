/**
 * Which schools the programme's list (ШНРО or НСУ) held last year and this year: entered,
 * stayed, left, or could not be assessed this year. Pure: the rules' table in, rows out.
 */
import type { FlagTable } from '../../metrics/flag-table.ts';

const LISTED_ORDER = ['shnro', 'nsu'];
const LISTED = new Set(LISTED_ORDER);
const byListOrder = (a: string, b: string) => LISTED_ORDER.indexOf(a) - LISTED_ORDER.indexOf(b);

export type Movement = 'entered' | 'stayed' | 'left' | 'unknown';

export interface MovementRow {
  school_id: string;
  /** ШНРО/НСУ flags that fired, last year and this year (ШНРО first). */
  before: string[];
  now: string[];
  movement: Movement;
}

export interface MovementTable {
  year: number | null;
  /** Null when the data hold no flags for the year before. */
  prevYear: number | null;
  rows: MovementRow[];
}

/** The ШНРО/НСУ flags that fired in a year, by school, over the given rows of the table. */
function firedByYear(flags: FlagTable, rows: Iterable<number>, year: number): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const i of rows) {
    if (flags.year[i] !== year || flags.fired[i] !== 1) continue;
    const flag = flags.flag(i);
    if (!LISTED.has(flag)) continue;
    const id = flags.schoolId(i);
    let s = out.get(id);
    if (!s) out.set(id, (s = new Set()));
    s.add(flag);
  }
  return out;
}

/**
 * The latest year and the rows of it and the year before (positions in the table), found
 * once per flags table, with each school's rows: the region and every municipality's report
 * ask, and scanning the country's rows per municipality would be quadratic (2,353
 * municipalities × 880,000 rows at national scale).
 */
const recent = new WeakMap<FlagTable, { year: number; rows: number[]; bySchool: Map<string, number[]> }>();
function lastTwoYears(flags: FlagTable): { year: number; rows: number[]; bySchool: Map<string, number[]> } {
  let got = recent.get(flags);
  if (!got) {
    let year = -Infinity;
    for (let i = 0; i < flags.length; i++) if (flags.year[i] > year) year = flags.year[i];
    const rows: number[] = [];
    const bySchool = new Map<string, number[]>();
    for (let i = 0; i < flags.length; i++) {
      if (flags.year[i] < year - 1) continue;
      rows.push(i);
      const id = flags.schoolId(i);
      const at = bySchool.get(id);
      if (at) at.push(i);
      else bySchool.set(id, [i]);
    }
    got = { year, rows, bySchool };
    recent.set(flags, got);
  }
  return got;
}

/**
 * A school listed last year and not this year has «left» only if this year's rules were
 * assessed for it; with no assessed ШНРО/НСУ rule this year (no data) it is «unknown».
 */
export function flagMovement(allFlags: FlagTable, scope: 'all' | Iterable<string>): MovementTable {
  const recentRows = lastTwoYears(allFlags);
  const { year } = recentRows;
  if (!Number.isFinite(year)) return { year: null, prevYear: null, rows: [] };
  const hasPrev = recentRows.rows.some((i) => allFlags.year[i] === year - 1);
  // The scope's rows in the table's order (the order of the movement rows follows it).
  const rows = scope === 'all' ? recentRows.rows : [...new Set(scope)].flatMap((id) => recentRows.bySchool.get(id) ?? []).sort((a, b) => a - b);
  const now = firedByYear(allFlags, rows, year);
  const before = hasPrev ? firedByYear(allFlags, rows, year - 1) : new Map<string, Set<string>>();
  const assessed = new Set<string>();
  for (const i of rows) if (allFlags.year[i] === year && LISTED.has(allFlags.flag(i)) && allFlags.fired[i] !== -1) assessed.add(allFlags.schoolId(i));
  const out: MovementRow[] = [];
  for (const id of new Set([...before.keys(), ...now.keys()])) {
    const b = [...(before.get(id) ?? [])].sort(byListOrder);
    const n = [...(now.get(id) ?? [])].sort(byListOrder);
    const movement: Movement = n.length && b.length ? 'stayed' : n.length ? 'entered' : assessed.has(id) ? 'left' : 'unknown';
    out.push({ school_id: id, before: b, now: n, movement });
  }
  return { year, prevYear: hasPrev ? year - 1 : null, rows: out };
}
