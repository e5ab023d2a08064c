/**
 * Which schools the programme's list (ШНРО or НСУ) held last year and this year: entered,
 * stayed, left, or could not be assessed this year. Pure: flag rows in, rows out.
 */
import type { FlagRow } from '../context.ts';

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

function firedByYear(flags: FlagRow[], year: number): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const f of flags) {
    if (f.year !== year || f.fired !== true || !LISTED.has(f.flag)) continue;
    let s = out.get(f.school_id);
    if (!s) out.set(f.school_id, (s = new Set()));
    s.add(f.flag);
  }
  return out;
}

/**
 * The latest year and the rows of it and the year before, found once per flags table, with
 * each school's rows (positions in that list): the region and every municipality's report
 * ask, and scanning the country's rows per municipality would be quadratic (2,353
 * municipalities × 880,000 rows at national scale).
 */
const recent = new WeakMap<FlagRow[], { year: number; flags: FlagRow[]; bySchool: Map<string, number[]> }>();
function lastTwoYears(flags: FlagRow[]): { year: number; flags: FlagRow[]; bySchool: Map<string, number[]> } {
  let got = recent.get(flags);
  if (!got) {
    let year = -Infinity;
    for (const f of flags) if (f.year > year) year = f.year;
    const two = flags.filter((f) => f.year >= year - 1);
    const bySchool = new Map<string, number[]>();
    two.forEach((f, i) => {
      const at = bySchool.get(f.school_id);
      if (at) at.push(i);
      else bySchool.set(f.school_id, [i]);
    });
    got = { year, flags: two, bySchool };
    recent.set(flags, got);
  }
  return got;
}

/**
 * A school listed last year and not this year has «left» only if this year's rules were
 * assessed for it; with no assessed ШНРО/НСУ rule this year (no data) it is «unknown».
 */
export function flagMovement(allFlags: FlagRow[], scope: 'all' | Iterable<string>): MovementTable {
  const recentRows = lastTwoYears(allFlags);
  const { year } = recentRows;
  if (!Number.isFinite(year)) return { year: null, prevYear: null, rows: [] };
  const hasPrev = recentRows.flags.some((f) => f.year === year - 1);
  // The scope's rows in the table's order (the order of the movement rows follows it).
  const flags = scope === 'all' ? recentRows.flags : [...new Set(scope)].flatMap((id) => recentRows.bySchool.get(id) ?? []).sort((a, b) => a - b).map((i) => recentRows.flags[i]);
  const now = firedByYear(flags, year);
  const before = hasPrev ? firedByYear(flags, year - 1) : new Map<string, Set<string>>();
  const assessed = new Set<string>();
  for (const f of flags) if (f.year === year && LISTED.has(f.flag) && f.fired !== null) assessed.add(f.school_id);
  const rows: MovementRow[] = [];
  for (const id of new Set([...before.keys(), ...now.keys()])) {
    const b = [...(before.get(id) ?? [])].sort(byListOrder);
    const n = [...(now.get(id) ?? [])].sort(byListOrder);
    const movement: Movement = n.length && b.length ? 'stayed' : n.length ? 'entered' : assessed.has(id) ? 'left' : 'unknown';
    rows.push({ school_id: id, before: b, now: n, movement });
  }
  return { year, prevYear: hasPrev ? year - 1 : null, rows };
}
