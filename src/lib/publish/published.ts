/**
 * Published views of the metrics: the single place where disclosure control is
 * applied (ARCHITECTURE.md). Everything the site model reads about results goes
 * through these indexes, which only ever hold values that may be shown.
 */
import { metricsWords } from '../words/metrics-words.ts';
import { localized } from '../words/locale.ts';
import type { SchoolResultRow } from '../metrics/results.ts';
import type { PublishedResult as DisclosedResult } from '../metrics/disclosure.ts';

/**
 * A school's result as published: the metrics' row without its grade counts, plus disclosure.
 * A share in `coded` keeps its state 'value' (it is published) but carries no number: its band
 * («не менее 95 %») is what is shown.
 */
export type PublishedResult = Pick<SchoolResultRow, 'school_id' | 'year' | 'exam' | 'subject' | 'grade' | 'n' | 'n_state' | 'mean' | 'mean_state' | 'share_below' | 'share_below_state' | 'share_good' | 'share_good_state' | 'share_high' | 'share_high_state'> &
  Pick<DisclosedResult, 'coded' | 'reliable'> & {
    /** Why we hid it (too few participants); null when the publisher did. */
    suppressed_reason?: string | null;
  };

/** Why a figure the site derives is hidden (the metrics' own reasons live in disclosure.ts). */
// groupMean: a top/bottom group mean (and so the gap) whose hidden member it would give away;
// derived: a rule value computed from a share published only as a band; setSubject: a set
// score with enough participants, one of whose subjects is hidden. In the site's language.
export const HIDDEN: { groupMean: string; derived: string; setSubject: string } = localized(() => metricsWords().hidden);

/** The text shown for a hidden cell: our reason, or the publisher's own suppression. */
export function hiddenReason(r: PublishedResult | undefined): string | undefined {
  if (!r) return undefined;
  return r.suppressed_reason ?? metricsWords().hidden.byPublisher;
}

export type Measure = 'mean' | 'share_below' | 'share_good' | 'share_high';

export const MEASURE_LABEL: Record<Measure, { label: string; unit: string; short: string }> = localized(() => metricsWords().measures);

/** Mean scores of ОГЭ and ВПР are grades (2–5), of ЕГЭ test scores (0–100). */
export function measureLabel(measure: Measure, exam: string, overrides: Partial<Record<Measure, string>> = {}): { label: string; unit: string; short: string } {
  if (overrides[measure]) return { ...MEASURE_LABEL[measure], label: overrides[measure]!, short: overrides[measure]!.toLowerCase() };
  if (measure === 'mean' && (exam === 'ОГЭ' || exam === 'ВПР')) return metricsWords().measures.grade;
  return MEASURE_LABEL[measure];
}

/** Whether an exam's mean is a grade from 2 to 5 (ОГЭ, ВПР), shown to hundredths. */
export function isGradeScale(exam: string): boolean {
  return exam === 'ОГЭ' || exam === 'ВПР';
}

/** The natural scale of a measure, so a chart never exaggerates a small change. */
export function measureDomain(measure: Measure, exam: string): [number, number] | undefined {
  if (measure !== 'mean') return [0, 100];
  if (exam === 'ОГЭ' || exam === 'ВПР') return [2, 5];
  if (exam === 'ЕГЭ') return [0, 100];
  return undefined;
}

const EXAM_ORDER = ['ЕГЭ', 'ОГЭ', 'ВПР'];
export function examRank(exam: string): number {
  const i = EXAM_ORDER.indexOf(exam);
  return i < 0 ? EXAM_ORDER.length : i;
}

export function key(exam: string, subject: string, grade: string | null): string {
  return `${exam}|${subject}|${grade ?? ''}`;
}

/** school → exam|subject|grade → year → row */
export class ResultIndex {
  private bySchool = new Map<string, Map<string, Map<number, PublishedResult>>>();
  readonly years: number[];
  readonly series: { exam: string; subject: string; grade: string | null; participants: number }[];

  constructor(rows: PublishedResult[]) {
    const years = new Set<number>();
    const seriesCount = new Map<string, { exam: string; subject: string; grade: string | null; participants: number }>();
    for (const r of rows) {
      years.add(r.year);
      let s = this.bySchool.get(r.school_id);
      if (!s) this.bySchool.set(r.school_id, (s = new Map()));
      const k = key(r.exam, r.subject, r.grade);
      let y = s.get(k);
      if (!y) s.set(k, (y = new Map()));
      y.set(r.year, r);
      const c = seriesCount.get(k) ?? { exam: r.exam, subject: r.subject, grade: r.grade, participants: 0 };
      c.participants += r.n ?? 0;
      seriesCount.set(k, c);
    }
    this.years = [...years].sort((a, b) => a - b);
    this.series = [...seriesCount.values()].sort((a, b) => examRank(a.exam) - examRank(b.exam) || b.participants - a.participants);
  }

  school(id: string): Map<string, Map<number, PublishedResult>> {
    return this.bySchool.get(id) ?? new Map();
  }

  get(id: string, k: string, year: number): PublishedResult | undefined {
    return this.bySchool.get(id)?.get(k)?.get(year);
  }
}
