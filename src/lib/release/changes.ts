/**
 * What changed between two releases of the published data (issue: «editions and what
 * changed»). Both sides are the site's own published CSV files (data/), so the comparison
 * sees exactly what a reader saw: a value hidden in either release is never shown as a
 * number here, only as a change of state.
 */
import type { FileText } from '../build/csv.ts';
import Papa from 'papaparse';

/** One release in the feed: its edition and one line about what changed. */
export interface Release {
  name: string;
  date: string;
  summary: string;
}

/** The previous release to compare with: its data/ CSV texts and its list of releases. */
export interface PreviousRelease {
  files: { schools?: string; results?: string; gap?: string; flags?: string };
  releases: Release[];
}

export interface Edition {
  name: string;
  date: string;
}

/** One release as its CSV files describe it. */
export interface ReleaseTables {
  edition: Edition | null;
  /** school_id → name */
  schools: Map<string, string>;
  /** school|year|exam|subject|grade → measure → published cell text ('' when not a number) */
  results: Map<string, Record<string, string>>;
  /** scope|scope_id|year|exam|subject_set → gap cell text */
  gap: Map<string, string>;
  /** school_id → identifications that fired in the release's latest year (shnro, nsu, …) */
  flags: Map<string, Set<string>>;
}

export interface Revision {
  school_id: string;
  year: string;
  exam: string;
  subject: string;
  grade: string;
  measure: string;
  /** Published numbers as written in the CSV, or null where that release hid or lacked it. */
  before: string | null;
  after: string | null;
}

export interface Changes {
  previous: Edition | null;
  current: Edition | null;
  added: string[];
  gone: { id: string; name: string }[];
  renamed: { id: string; before: string; after: string }[];
  status: { id: string; before: string[]; after: string[] }[];
  revisions: Revision[];
  gaps: { key: string; before: string | null; after: string | null }[];
}

export const MEASURES = ['n', 'mean', 'share_below', 'share_good', 'share_high'] as const;
const isNumber = (s: string | undefined) => s !== undefined && /^-?\d+(\.\d+)?$/.test(s);

export function parseCsv(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true, dynamicTyping: false }).data;
}

/** A CSV's rows, from one string or from parts that end at row boundaries (build/csv.ts). */
function parseParts(text: FileText | undefined): Record<string, string>[] {
  if (text === undefined) return [];
  if (typeof text === 'string') return parseCsv(text);
  const header = text[0].slice(0, text[0].indexOf('\r\n'));
  return text.flatMap((part, i) => parseCsv(i === 0 ? part : `${header}\r\n${part}`));
}

/** A release's tables from the text of its data/*.csv files (missing files read as empty). */
export function releaseFromCsv(files: { schools?: FileText; results?: FileText; gap?: FileText; flags?: FileText }): ReleaseTables {
  const schools = new Map<string, string>();
  let edition: Edition | null = null;
  for (const r of parseParts(files.schools)) {
    schools.set(r.school_id, r.name);
    if (!edition && r.edition) edition = { name: r.edition, date: r.edition_date };
  }
  const results = new Map<string, Record<string, string>>();
  for (const r of parseParts(files.results)) {
    const cells: Record<string, string> = {};
    for (const m of MEASURES) cells[m] = r[`${m}_state`] === 'value' && isNumber(r[m]) ? r[m] : '';
    results.set(`${r.school_id}|${r.year}|${r.exam}|${r.subject}|${r.grade ?? ''}`, cells);
  }
  const gap = new Map<string, string>();
  for (const r of parseParts(files.gap)) gap.set(`${r.scope}|${r.scope_id}|${r.year}|${r.exam}|${r.subject_set}`, isNumber(r.gap) ? r.gap : '');
  const flags = new Map<string, Set<string>>();
  const flagRows = parseParts(files.flags);
  const latest = Math.max(-Infinity, ...flagRows.map((r) => Number(r.year)));
  for (const r of flagRows) {
    if (Number(r.year) !== latest || r.fired !== 'true') continue;
    let s = flags.get(r.school_id);
    if (!s) flags.set(r.school_id, (s = new Set()));
    s.add(r.flag);
  }
  return { edition, schools, results, gap, flags };
}

export function compareReleases(before: ReleaseTables, after: ReleaseTables): Changes {
  const added = [...after.schools.keys()].filter((id) => !before.schools.has(id));
  const gone = [...before.schools].filter(([id]) => !after.schools.has(id)).map(([id, name]) => ({ id, name }));
  const renamed = [...after.schools].filter(([id, name]) => before.schools.has(id) && before.schools.get(id) !== name).map(([id, name]) => ({ id, before: before.schools.get(id)!, after: name }));
  const status: Changes['status'] = [];
  for (const id of after.schools.keys()) {
    if (!before.schools.has(id)) continue;
    const a = [...(before.flags.get(id) ?? [])].sort();
    const b = [...(after.flags.get(id) ?? [])].sort();
    if (a.join() !== b.join()) status.push({ id, before: a, after: b });
  }
  const revisions: Revision[] = [];
  for (const [k, cells] of after.results) {
    const old = before.results.get(k);
    if (!old) continue;
    const [school_id, year, exam, subject, grade] = k.split('|');
    for (const m of MEASURES) {
      const x = old[m];
      const y = cells[m];
      // Equal as numbers («61.5» and «61.50» are one value); a change of state counts too.
      if (x === y || (x !== '' && y !== '' && Number(x) === Number(y))) continue;
      revisions.push({ school_id, year, exam, subject, grade, measure: m, before: x || null, after: y || null });
    }
  }
  const gaps: Changes['gaps'] = [];
  for (const [k, v] of after.gap) {
    if (!before.gap.has(k)) continue;
    const old = before.gap.get(k)!;
    if (old === v || (old !== '' && v !== '' && Number(old) === Number(v))) continue;
    gaps.push({ key: k, before: old || null, after: v || null });
  }
  return { previous: before.edition, current: after.edition, added, gone, renamed, status, revisions, gaps };
}
