/**
 * data/compare.json: what the browser islands (compare, similar-school filters) read.
 * Written at build time from published figures only; shared as a type by the writer
 * (downloads.ts) and the readers (src/scripts/).
 */
export interface IslandSchool {
  /** The school's page slug. */
  id: string;
  /** The school's code as published (ties between equally near peers go by it). */
  code: string;
  name: string;
  /** Name with its area, for the compare box's list. */
  label: string;
  /** Area id. */
  mun: string;
  settlement: string | null;
  /** One letter per year of `years`: v published, h hidden (disclosure), m no data. */
  states: string;
  /** The published score per year; null wherever `states` is not v. */
  series: (number | null)[];
  /** Why a hidden year is hidden, by its index in `years` (only for h). */
  why?: Record<number, string>;
  /** [z of the social index, z of ln(pupils), size band, exams sat] — the space peers are chosen in. */
  peer: [number, number, number, string] | null;
  values: Record<string, string>;
}

export interface IslandData {
  years: number[];
  /** What the series is («средний балл по обязательным предметам ЕГЭ»), or null. */
  basis: string | null;
  /** The exam and subject set of the series (gap.csv's `exam` and `subject_set`). */
  set: { exam: string; subject_set: string } | null;
  areaTitle: string;
  /** «в том же муниципалитете», in the dataset's area word. */
  areaSame: string;
  minParticipants: number;
  /** Size band labels (terciles of pupils), or null without sizes. */
  bands: [string, string, string] | null;
  similarCount: number;
  fields: { key: string; label: string }[];
  schools: IslandSchool[];
}

/**
 * The nearest schools to `self` in the peer space among those `keep` lets through, as
 * metrics/context.ts chooses them: schools sitting the same exams, Euclidean distance,
 * ties by id (the school code's order).
 */
export function nearestPeers(self: IslandSchool, schools: IslandSchool[], count: number, keep: (s: IslandSchool) => boolean): IslandSchool[] {
  const p = self.peer;
  if (!p) return [];
  return schools
    .filter((s) => s !== self && s.peer && s.peer[3] === p[3] && keep(s))
    .map((s) => ({ s, d: Math.hypot(s.peer![0] - p[0], s.peer![1] - p[1]) }))
    .sort((a, b) => a.d - b.d || (a.s.code < b.s.code ? -1 : a.s.code > b.s.code ? 1 : 0))
    .slice(0, count)
    .map((x) => x.s);
}
