/**
 * The gap's output (gap.ts): its row types, and the columns that carry them. The gap is
 * computed in the metrics worker at national scale; as objects its ~600,000 school scores
 * and ~170,000 figures (with ~900,000 member ids) were copied into a message, each string
 * a copy of its own, while the main thread was at its memory peak. As columns with
 * dictionaries they are moved, and the rows are made on the receiving side with their
 * strings shared.
 */
import type { ColumnTable } from 'arquero';
import { valueOrNull } from './table.ts';

/** Below this many eligible schools the figure is marked as resting on very few schools. */
export const FEW_SCHOOLS = 10;

export interface GapRow {
  scope: 'region' | 'municipality';
  scope_id: string;
  year: number;
  exam: string;
  subject_set: string;
  eligible: number;
  k: number;
  top_mean: number | null;
  bottom_mean: number | null;
  gap: number | null;
  ratio: number | null;
  change: number | null;
  change_pct: number | null;
  target_met: boolean | null;
  few_schools: boolean;
  top_ids: string[];
  bottom_ids: string[];
}

export interface SchoolScoreRow {
  school_id: string;
  year: number;
  exam: string;
  subject_set: string;
  score: number;
  /** Smallest participant count among the set's subjects: the group the score rests on. */
  n: number;
  n_sum: number;
  eligible: boolean;
}

export interface GapResult {
  gap: GapRow[];
  scores: SchoolScoreRow[];
}

/** A subject set of an exam, as the gap codes it. */
export interface GapSet {
  exam: string;
  label: string;
}

/**
 * The gap's output as typed columns (NaN for no number) and the dictionaries their codes
 * index: school codes into `ids`, set codes into `sets`, scope 0 for the region and
 * 1 + position in `munNames` for a municipality.
 */
export interface GapData {
  ids: string[];
  sets: GapSet[];
  munNames: string[];
  scores: { s: Int32Array; y: Int32Array; set: Int32Array; score: Float64Array; n: Float64Array; n_sum: Float64Array; eligible: Uint8Array };
  figures: {
    scope: Int32Array;
    y: Int32Array;
    set: Int32Array;
    eligible: Float64Array;
    k: Float64Array;
    top_mean: Float64Array;
    bottom_mean: Float64Array;
    gap: Float64Array;
    ratio: Float64Array;
    change: Float64Array;
    change_pct: Float64Array;
    /** 1 met, 0 not met, −1 no figure to compare. */
    target_met: Int8Array;
    /** The member codes of figure i's groups: members[start[i] .. start[i + 1]), best first / worst first. */
    top: { start: Int32Array; members: Int32Array };
    bottom: { start: Int32Array; members: Int32Array };
  };
}

const numbers = (t: ColumnTable, name: string) => Float64Array.from(t.array(name) as ArrayLike<number | null | undefined>, (v) => (v === null || v === undefined ? NaN : v));
const ints = (t: ColumnTable, name: string) => Int32Array.from(t.array(name) as ArrayLike<number>);

/** The score rows (columns s, y, set, score, n, n_sum, eligible) in the table's order. */
export function scoreColumns(t: ColumnTable): GapData['scores'] {
  return {
    s: ints(t, 's'),
    y: ints(t, 'y'),
    set: ints(t, 'set'),
    score: numbers(t, 'score'),
    n: numbers(t, 'n'),
    n_sum: numbers(t, 'n_sum'),
    eligible: Uint8Array.from(t.array('eligible') as ArrayLike<boolean>, (e) => (e ? 1 : 0)),
  };
}

/** The figures (scope, y, set, the figures, and the groups' member codes) in the table's order. */
export function figureColumns(t: ColumnTable): GapData['figures'] {
  const flatten = (lists: ArrayLike<number[]>) => {
    const start = new Int32Array(lists.length + 1);
    for (let i = 0; i < lists.length; i++) start[i + 1] = start[i] + lists[i].length;
    const members = new Int32Array(start[lists.length]);
    for (let i = 0; i < lists.length; i++) members.set(lists[i], start[i]);
    return { start, members };
  };
  return {
    scope: ints(t, 'scope'),
    y: ints(t, 'y'),
    set: ints(t, 'set'),
    eligible: numbers(t, 'eligible'),
    k: numbers(t, 'k'),
    top_mean: numbers(t, 'top_mean'),
    bottom_mean: numbers(t, 'bottom_mean'),
    gap: numbers(t, 'gap'),
    ratio: numbers(t, 'ratio'),
    change: numbers(t, 'change'),
    change_pct: numbers(t, 'change_pct'),
    target_met: Int8Array.from(t.array('target_met') as ArrayLike<boolean | null>, (v) => (v === null || v === undefined ? -1 : v ? 1 : 0)),
    top: flatten(t.array('top_ids') as ArrayLike<number[]>),
    bottom: flatten(t.array('bottom_ids') as ArrayLike<number[]>),
  };
}

/** The buffers to move when the output crosses to another thread. */
export function gapDataBuffers(d: GapData): ArrayBufferLike[] {
  const { top, bottom, ...figures } = d.figures;
  return [...Object.values(d.scores), ...Object.values(figures), top.start, top.members, bottom.start, bottom.members].map((a) => a.buffer);
}

/** The rows, made from the columns. */
export function gapResultOf(d: GapData): GapResult {
  const { ids, sets, munNames } = d;
  const sc = d.scores;
  const scores: SchoolScoreRow[] = new Array(sc.s.length);
  for (let i = 0; i < scores.length; i++) {
    const set = sets[sc.set[i]];
    scores[i] = { school_id: ids[sc.s[i]], year: sc.y[i], exam: set.exam, subject_set: set.label, score: sc.score[i], n: sc.n[i], n_sum: sc.n_sum[i], eligible: sc.eligible[i] === 1 };
  }
  const f = d.figures;
  const members = (g: { start: Int32Array; members: Int32Array }, i: number) => Array.from(g.members.subarray(g.start[i], g.start[i + 1]), (s) => ids[s]);
  const gap: GapRow[] = new Array(f.scope.length);
  for (let i = 0; i < gap.length; i++) {
    const set = sets[f.set[i]];
    const scope = f.scope[i];
    gap[i] = {
      scope: scope === 0 ? 'region' : 'municipality',
      scope_id: scope === 0 ? 'region' : munNames[scope - 1],
      year: f.y[i],
      exam: set.exam,
      subject_set: set.label,
      eligible: f.eligible[i],
      k: f.k[i],
      top_mean: valueOrNull(f.top_mean[i]),
      bottom_mean: valueOrNull(f.bottom_mean[i]),
      gap: valueOrNull(f.gap[i]),
      ratio: valueOrNull(f.ratio[i]),
      change: valueOrNull(f.change[i]),
      change_pct: valueOrNull(f.change_pct[i]),
      target_met: f.target_met[i] < 0 ? null : f.target_met[i] === 1,
      few_schools: f.eligible[i] < FEW_SCHOOLS,
      top_ids: members(f.top, i),
      bottom_ids: members(f.bottom, i),
    };
  }
  return { gap, scores };
}

/** No figures and no scores. */
export function emptyGapData(): GapData {
  const i = () => new Int32Array(0);
  const f = () => new Float64Array(0);
  const group = () => ({ start: new Int32Array(1), members: i() });
  return {
    ids: [],
    sets: [],
    munNames: [],
    scores: { s: i(), y: i(), set: i(), score: f(), n: f(), n_sum: f(), eligible: new Uint8Array(0) },
    figures: { scope: i(), y: i(), set: i(), eligible: f(), k: f(), top_mean: f(), bottom_mean: f(), gap: f(), ratio: f(), change: f(), change_pct: f(), target_met: new Int8Array(0), top: group(), bottom: group() },
  };
}
