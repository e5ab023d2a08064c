/**
 * Scale breaks (METRICS.md «Scale breaks»): a series spanning a change of score scale
 * (65 → 100 points) is two series. No change, trend, target status or gap change is
 * published across the break: «+28,3» from a rescaling is not progress.
 */
import type { LongColumns } from '../model/types.ts';
import { DEFAULT_SCALES } from '../ingest/validate.ts';

export type ScaleIndex = Map<string, number | 'mixed'>;

const key = (year: number, exam: string, subject: string) => `${year}|${exam}|${subject}`;

/** year|exam|subject → the top of its scale (the file's `scale`, else the exam's default). */
export function scaleIndex(results: LongColumns): ScaleIndex {
  const year = results.year ?? [];
  const exam = results.exam ?? [];
  const subject = results.subject ?? [];
  const max = results.scale_max ?? [];
  // Nested by year and exam while reading: a key string per row (7.7 million nationally)
  // cost more than everything else here.
  const byYear = new Map<number, Map<string, Map<string, number | 'mixed'>>>();
  for (let i = 0; i < year.length; i++) {
    if (year[i] === null || exam[i] === null || subject[i] === null) continue;
    const e = String(exam[i]);
    const top = max[i] as number | null | undefined;
    // A typed column holds NaN where a plain one holds null.
    const m = (top === top ? top : null) ?? DEFAULT_SCALES[e]?.[1] ?? null;
    if (m === null) continue;
    const y = Number(year[i]);
    let byExam = byYear.get(y);
    if (!byExam) byYear.set(y, (byExam = new Map()));
    let bySubject = byExam.get(e);
    if (!bySubject) byExam.set(e, (bySubject = new Map()));
    const sub = String(subject[i]);
    const cur = bySubject.get(sub);
    if (cur === undefined) bySubject.set(sub, m);
    else if (cur !== m) bySubject.set(sub, 'mixed');
  }
  const out: ScaleIndex = new Map();
  for (const [y, byExam] of byYear) for (const [e, bySubject] of byExam) for (const [sub, m] of bySubject) out.set(key(y, e, sub), m);
  return out;
}

/**
 * Whether a set's scale changes between `from` and `to` (either year mixed counts as a
 * change). Years without a scale on record are not a break: nothing is known to differ.
 */
export function scaleBreak(index: ScaleIndex, exam: string, subjectSet: string, from: number, to: number): boolean {
  for (const s of subjectSet.split(' + ')) {
    const a = index.get(key(from, exam, s));
    const b = index.get(key(to, exam, s));
    if (a === undefined || b === undefined) continue;
    if (a === 'mixed' || b === 'mixed' || a !== b) return true;
  }
  return false;
}

/** The scale of a set in a year, when every subject has one and the same. */
export function scaleOf(index: ScaleIndex, exam: string, subjectSet: string, year: number): number | null {
  let out: number | null = null;
  for (const s of subjectSet.split(' + ')) {
    const a = index.get(key(year, exam, s));
    if (a === undefined || a === 'mixed' || (out !== null && out !== a)) return null;
    out = a;
  }
  return out;
}
