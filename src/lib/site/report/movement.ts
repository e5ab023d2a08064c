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

function firedByYear(flags: FlagRow[], year: number, inScope: (id: string) => boolean): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const f of flags) {
    if (f.year !== year || f.fired !== true || !LISTED.has(f.flag) || !inScope(f.school_id)) continue;
    let s = out.get(f.school_id);
    if (!s) out.set(f.school_id, (s = new Set()));
    s.add(f.flag);
  }
  return out;
}

/**
 * The latest year and the rows of it and the year before, found once per flags table: the
 * region and every municipality's report ask, and a region has ~10 rows per school-year.
 */
const recent = new WeakMap<FlagRow[], { year: number; flags: FlagRow[] }>();
function lastTwoYears(flags: FlagRow[]): { year: number; flags: FlagRow[] } {
  let got = recent.get(flags);
  if (!got) {
    let year = -Infinity;
    for (const f of flags) if (f.year > year) year = f.year;
    got = { year, flags: flags.filter((f) => f.year >= year - 1) };
    recent.set(flags, got);
  }
  return got;
}

/**
 * A school listed last year and not this year has «left» only if this year's rules were
 * assessed for it; with no assessed ШНРО/НСУ rule this year (no data) it is «unknown».
 */
export function flagMovement(allFlags: FlagRow[], inScope: (id: string) => boolean): MovementTable {
  const { year, flags } = lastTwoYears(allFlags);
  if (!Number.isFinite(year)) return { year: null, prevYear: null, rows: [] };
  const hasPrev = flags.some((f) => f.year === year - 1);
  const now = firedByYear(flags, year, inScope);
  const before = hasPrev ? firedByYear(flags, year - 1, inScope) : new Map<string, Set<string>>();
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
