/**
 * METRICS.md §1: exam results per school (the municipal and regional aggregates are in
 * aggregates.ts).
 *
 * School rows pass through with two derivations, both only where the published share
 * is absent and the grade counts g2..g5 are all present:
 *   share_good  = 100 · (g4 + g5) / (g2 + g3 + g4 + g5)
 *   share_below = 100 · g2 / (g2 + g3 + g4 + g5)
 * (the grade distribution itself is not published: the counts are).
 */
import { STATE_CODE, VALUE_STATES, type LongColumns, type ValueState } from '../model/types.ts';
import { numCol, rowCount, strCol, intCol, valueOrNull, type NumColumn } from './table.ts';

export const MEASURES = ['mean', 'share_below', 'share_good', 'share_high'] as const;
export type Measure = (typeof MEASURES)[number];
export const SHARES = ['share_below', 'share_good', 'share_high'] as const;
export type Share = (typeof SHARES)[number];

/**
 * Each measure's state and participant-count field names, made once: a name built per row
 * (`${m}_state`) is a new string and a lookup in V8's string table each time, and the
 * publication boundary reads these fields tens of millions of times at national scale.
 */
export const STATE_OF = Object.freeze(Object.fromEntries(MEASURES.map((m) => [m, `${m}_state`]))) as { readonly [K in Measure]: `${K}_state` };
export const N_USED_OF = Object.freeze(Object.fromEntries(MEASURES.map((m) => [m, `${m}_n_used`]))) as { readonly [K in Measure]: `${K}_n_used` };

export interface SchoolResultRow {
  school_id: string;
  year: number;
  exam: string;
  subject: string;
  grade: string | null;
  n: number | null;
  n_state: ValueState;
  mean: number | null;
  mean_state: ValueState;
  share_below: number | null;
  share_below_state: ValueState;
  share_good: number | null;
  share_good_state: ValueState;
  share_high: number | null;
  share_high_state: ValueState;
  g2: number | null;
  g3: number | null;
  g4: number | null;
  g5: number | null;
  /** Fields computed here from the grade counts rather than read (never changed in place). */
  derived: readonly Measure[];
}

/**
 * The school result rows as columns, one entry per raw result row in its order: nationally
 * 7.7 million rows, which as objects took ~240 bytes each (1.8 GB) and 7–8 s to make. The
 * metrics read the columns; rows are made only where one is wanted (`resultRow`): the
 * publication boundary makes each row once, published (disclosure.ts discloseResults).
 */
export interface SchoolResults {
  readonly length: number;
  readonly school_id: ReadonlyArray<string>;
  readonly year: ReadonlyArray<number>;
  readonly exam: ReadonlyArray<string>;
  readonly subject: ReadonlyArray<string>;
  readonly grade: ReadonlyArray<string | null>;
  readonly n: NumColumn;
  /** Each measure as read, with the shares derived from the grade counts filled in. */
  readonly measures: Readonly<Record<Measure, NumColumn>>;
  /** The grade counts g2, g3, g4, g5. */
  readonly counts: readonly NumColumn[];
  /** What a row derived: DERIVED_GOOD_BIT and DERIVED_BELOW_BIT. */
  readonly derived: Uint8Array;
}

/** What identifies each result row: its count, and its school, year, exam, subject and grade columns. */
export type ResultKeys = Pick<SchoolResults, 'length' | 'school_id' | 'year' | 'exam' | 'subject' | 'grade'>;

const DERIVED_GOOD_BIT = 1;
const DERIVED_BELOW_BIT = 2;

/**
 * Shared lists of what a row derives, by its bits: millions of rows (national scale) would
 * otherwise each hold arrays of their own.
 */
const DERIVED_LISTS: readonly (readonly Measure[])[] = [[], ['share_good'], ['share_below'], ['share_good', 'share_below']].map((l) => Object.freeze(l as Measure[]));

/** A copy of a raw column to write derived values into: the raw table is read by the gap and the rules as published. */
function copyOf(c: NumColumn): NumColumn {
  return { v: c.v.slice(), s: c.s.slice() };
}

export function schoolResults(results: LongColumns): SchoolResults {
  const length = rowCount(results);
  const measures = Object.fromEntries(MEASURES.map((m) => [m, numCol(results, m)])) as Record<Measure, NumColumn>;
  const counts = ['g2', 'g3', 'g4', 'g5'].map((c) => numCol(results, c));
  const [g2, g3, g4, g5] = counts.map((c) => c.v);
  const derived = new Uint8Array(length);
  const VALUE = STATE_CODE.value;
  const SUPPRESSED = STATE_CODE.suppressed;
  let good = measures.share_good;
  let below = measures.share_below;
  let goodCopied = false;
  let belowCopied = false;
  for (let i = 0; i < length; i++) {
    // NaN when any count is missing, so `total > 0` holds only with all four.
    const total = g2[i] + g3[i] + g4[i] + g5[i];
    if (!(total > 0)) continue;
    // A share the publisher hid stays hidden: deriving it from counts would undo their suppression.
    if (good.s[i] !== VALUE && good.s[i] !== SUPPRESSED) {
      if (!goodCopied) {
        good = copyOf(good);
        goodCopied = true;
      }
      good.v[i] = (100 * g4[i]) / total + (100 * g5[i]) / total;
      good.s[i] = VALUE;
      derived[i] |= DERIVED_GOOD_BIT;
    }
    if (below.s[i] !== VALUE && below.s[i] !== SUPPRESSED) {
      if (!belowCopied) {
        below = copyOf(below);
        belowCopied = true;
      }
      below.v[i] = (100 * g2[i]) / total;
      below.s[i] = VALUE;
      derived[i] |= DERIVED_BELOW_BIT;
    }
  }
  measures.share_good = good;
  measures.share_below = below;
  return {
    length,
    school_id: strCol(results, 'school_id') as ReadonlyArray<string>,
    year: intCol(results, 'year') as ReadonlyArray<number>,
    exam: strCol(results, 'exam') as ReadonlyArray<string>,
    subject: strCol(results, 'subject') as ReadonlyArray<string>,
    grade: strCol(results, 'grade'),
    n: numCol(results, 'n'),
    measures,
    counts,
    derived,
  };
}

/** Row i as an object. */
export function resultRow(r: SchoolResults, i: number): SchoolResultRow {
  const { measures: ms, counts } = r;
  return {
    school_id: r.school_id[i],
    year: r.year[i],
    exam: r.exam[i],
    subject: r.subject[i],
    grade: r.grade[i],
    n: valueOrNull(r.n.v[i]),
    n_state: VALUE_STATES[r.n.s[i]],
    mean: valueOrNull(ms.mean.v[i]),
    mean_state: VALUE_STATES[ms.mean.s[i]],
    share_below: valueOrNull(ms.share_below.v[i]),
    share_below_state: VALUE_STATES[ms.share_below.s[i]],
    share_good: valueOrNull(ms.share_good.v[i]),
    share_good_state: VALUE_STATES[ms.share_good.s[i]],
    share_high: valueOrNull(ms.share_high.v[i]),
    share_high_state: VALUE_STATES[ms.share_high.s[i]],
    g2: valueOrNull(counts[0].v[i]),
    g3: valueOrNull(counts[1].v[i]),
    g4: valueOrNull(counts[2].v[i]),
    g5: valueOrNull(counts[3].v[i]),
    derived: DERIVED_LISTS[r.derived[i]],
  };
}

/** Every row as an object, in order. */
export function resultRows(r: SchoolResults): SchoolResultRow[] {
  const out: SchoolResultRow[] = new Array(r.length);
  for (let i = 0; i < r.length; i++) out[i] = resultRow(r, i);
  return out;
}
