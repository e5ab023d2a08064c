/** changes.csv: every revised value of the release, one row each (published numbers only). */
import { toCsv } from '../build/csv.ts';
import type { Changes } from './changes.ts';

export function changesCsv(c: Changes): string {
  return toCsv(
    ['school_id', 'year', 'exam', 'subject', 'grade', 'measure', 'before', 'after'],
    c.revisions.map((r) => [r.school_id, r.year, r.exam, r.subject, r.grade, r.measure, r.before === null ? null : Number(r.before), r.after === null ? null : Number(r.after)]),
  );
}
