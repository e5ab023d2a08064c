/** Hand-made published rows as the columns the publication boundary hands on. */
import { PublishedResults, type PublishedResultRow } from '../../src/lib/metrics/published-results.ts';

export function publishedColumns(rows: PublishedResultRow[]): PublishedResults {
  const cols = new PublishedResults({
    length: rows.length,
    school_id: rows.map((r) => r.school_id),
    year: rows.map((r) => r.year),
    exam: rows.map((r) => r.exam),
    subject: rows.map((r) => r.subject),
    grade: rows.map((r) => r.grade),
  });
  rows.forEach((r, i) => cols.set(i, r));
  return cols;
}
