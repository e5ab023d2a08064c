/**
 * Published views of the metrics: the single place where disclosure control is
 * applied (ARCHITECTURE.md). Everything the site model reads about results goes
 * through these indexes, which only ever hold values that may be shown.
 */
import { metricsWords } from '../words/metrics-words.ts';
import { localized } from '../words/locale.ts';
import type { PublishedResultRow, PublishedResults } from '../metrics/published-results.ts';

/**
 * A school's result as published: the metrics' row without its grade counts, plus disclosure.
 * A share in `coded` keeps its state 'value' (it is published) but carries no number: its band
 * («не менее 95 %») is what is shown.
 */
export type PublishedResult = PublishedResultRow;

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

/**
 * school → exam|subject|grade → year → row, over the published columns. A school's rows are
 * made as objects when its page asks for them, and kept only until another school's are
 * asked for: pages are built one school at a time, and nationally all rows as objects
 * would be gigabytes.
 */
export class ResultIndex {
  private readonly rowsOf = new Map<string, number[]>();
  private last: { id: string; rows: Map<string, Map<number, PublishedResult>> } | null = null;
  readonly years: number[];
  readonly series: { exam: string; subject: string; grade: string | null; participants: number }[];

  private readonly published: PublishedResults;

  constructor(published: PublishedResults) {
    this.published = published;
    const years = new Set<number>();
    const seriesCount = new Map<string, { exam: string; subject: string; grade: string | null; participants: number }>();
    const { school_id, year, exam, subject, grade, n } = published;
    for (let i = 0; i < published.length; i++) {
      years.add(year[i]);
      let list = this.rowsOf.get(school_id[i]);
      if (!list) this.rowsOf.set(school_id[i], (list = []));
      list.push(i);
      const k = key(exam[i], subject[i], grade[i]);
      let c = seriesCount.get(k);
      if (!c) seriesCount.set(k, (c = { exam: exam[i], subject: subject[i], grade: grade[i], participants: 0 }));
      if (n[i] === n[i]) c.participants += n[i];
    }
    this.years = [...years].sort((a, b) => a - b);
    this.series = [...seriesCount.values()].sort((a, b) => examRank(a.exam) - examRank(b.exam) || b.participants - a.participants);
  }

  school(id: string): Map<string, Map<number, PublishedResult>> {
    if (this.last?.id === id) return this.last.rows;
    const rows = new Map<string, Map<number, PublishedResult>>();
    for (const i of this.rowsOf.get(id) ?? []) {
      const r = this.published.row(i);
      const k = key(r.exam, r.subject, r.grade);
      let y = rows.get(k);
      if (!y) rows.set(k, (y = new Map()));
      y.set(r.year, r);
    }
    this.last = { id, rows };
    return rows;
  }

  get(id: string, k: string, year: number): PublishedResult | undefined {
    return this.school(id).get(k)?.get(year);
  }
}
