/**
 * METRICS.md §3: the programme indicators (seed 003's table and seed 004's gap target)
 * per scope (region, each municipality) × year, with change, trend, direction and status
 * against the targets table.
 *
 * Computed here (ids as in the demo's targets table):
 * - gia_pass_share_flagged: 100 − Σ n·share_below / Σ n over the ranked-exam (ГИА) rows
 *   of the scope's flagged schools;
 * - improved_share_flagged: % of the scope's flagged schools whose standardised ГИА score
 *   (flags.ts) rose on the previous year, among those with a score in both years.
 *   "Rose" is relative to the region: raw means move with each year's exam difficulty;
 * - gap_reduction_pct: −change_pct of the scope's gap on the first ranked exam's
 *   mandatory set (relative reduction of the top/bottom ratio, %).
 * "Flagged" in year y = ШНРО or НСУ in year y − 1: the list known when the school year
 * began (schools selected on year-y results would make the indicator circular).
 * Every other indicator takes the targets table's 'actual' rows.
 */
import { metricsWords } from '../words/metrics-words.ts';
import { VALUE_STATES, type Columns, type LongColumns, type ValueState } from '../model/types.ts';
import { named, type Polarity, type Settings } from '../model/config.ts';
import { intCol, numCol, strCol, municipalityOf, valueOrNull } from './table.ts';
import { rankedExams, setLabel, type GapRow } from './gap.ts';
import { trajectory, type Direction, type Status } from './trajectory.ts';

export interface ProgrammeMeta {
  id: string;
  name: string;
  unit: string;
  polarity: Polarity;
  computed: boolean;
}

export const PROGRAMME_INDICATORS: ProgrammeMeta[] = named<ProgrammeMeta>(() => metricsWords().programmeIndicators, [
  { id: 'equal_access_share', unit: '%', polarity: 'higher', computed: false },
  { id: 'teachers_pd_share', unit: '%', polarity: 'higher', computed: false },
  { id: 'gia_pass_share_flagged', unit: '%', polarity: 'higher', computed: true },
  { id: 'improved_share_flagged', unit: '%', polarity: 'higher', computed: true },
  { id: 'staffing_share_flagged', unit: '%', polarity: 'higher', computed: false },
  { id: 'gap_reduction_pct', unit: '%', polarity: 'higher', computed: true },
]);

export interface ProgrammeRow {
  scope_id: string;
  indicator: string;
  name: string;
  unit: string;
  polarity: Polarity;
  year: number;
  value: number | null;
  value_state: ValueState;
  target: number | null;
  baseline: number | null;
  status: Status;
  computed: boolean;
  change: number | null;
  change_baseline: number | null;
  direction: Direction | null;
  /** Least-squares trend of the whole series, per year (same on every row of the series). */
  slope: number | null;
}

export interface ProgrammeInputs {
  /** Schools flagged (ШНРО or НСУ) per year. */
  flagged: Map<number, Set<string>>;
  gia: Map<string, Map<number, number>>;
  gap: GapRow[];
  /** Years with data (flags.ts `years`): a computed figure is not extended past them. */
  years: number[];
}

/** Σ n·share_below and Σ n per school × year over the ranked-exam (ГИА) rows. */
export function belowSums(results: LongColumns, settings: Settings): Map<string, Map<number, { s: number; w: number }>> {
  const ranked = new Set(rankedExams(settings));
  const id = strCol(results, 'school_id');
  const year = intCol(results, 'year');
  const exam = strCol(results, 'exam');
  const n = numCol(results, 'n');
  const b = numCol(results, 'share_below');
  const out = new Map<string, Map<number, { s: number; w: number }>>();
  for (let i = 0; i < id.length; i++) {
    if (!ranked.has(exam[i]!) || Number.isNaN(n.v[i]) || Number.isNaN(b.v[i])) continue;
    let m = out.get(id[i]!);
    if (!m) out.set(id[i]!, (m = new Map()));
    const a = m.get(year[i]!) ?? { s: 0, w: 0 };
    a.s += n.v[i] * b.v[i];
    a.w += n.v[i];
    m.set(year[i]!, a);
  }
  return out;
}

/** 100 − participant-weighted share below the threshold over the given schools; null without participants. */
export function passShare(sums: ReturnType<typeof belowSums>, schools: Iterable<string>, year: number): number | null {
  let s = 0;
  let w = 0;
  for (const id of schools) {
    const a = sums.get(id)?.get(year);
    if (!a) continue;
    s += a.s;
    w += a.w;
  }
  return w > 0 ? 100 - s / w : null;
}

export function computeProgramme(tables: { results: LongColumns; schools: Columns; targets: Columns }, settings: Settings, inp: ProgrammeInputs): ProgrammeRow[] {
  const mun = municipalityOf(tables.schools);
  const t = tables.targets;
  const tScope = strCol(t, 'scope_id');
  const tInd = strCol(t, 'indicator');
  const tYear = intCol(t, 'year');
  const tKind = strCol(t, 'kind');
  const tVal = numCol(t, 'value');
  const tName = strCol(t, 'name');
  const tUnit = strCol(t, 'unit');
  const tPol = strCol(t, 'polarity');
  const meta = new Map(PROGRAMME_INDICATORS.map((m) => [m.id, { ...m }]));
  type Cell = { value: number | null; state: ValueState };
  const tab = new Map<string, { target: Map<number, number>; baseline: { year: number; value: number | null } | null; actual: Map<number, Cell> }>();
  const get = (scope: string, ind: string) => {
    const k = `${scope}\u0001${ind}`;
    let e = tab.get(k);
    if (!e) tab.set(k, (e = { target: new Map(), baseline: null, actual: new Map() }));
    return e;
  };
  for (let i = 0; i < tScope.length; i++) {
    const scope = tScope[i];
    const ind = tInd[i];
    const y = tYear[i];
    if (scope === null || ind === null || y === null) continue;
    if (!meta.has(ind)) meta.set(ind, { id: ind, name: tName[i] ?? ind, unit: tUnit[i] ?? '', polarity: tPol[i] === 'lower' ? 'lower' : 'higher', computed: false });
    else {
      const m = meta.get(ind)!;
      if (tName[i]) m.name = tName[i]!;
      if (tUnit[i]) m.unit = tUnit[i]!;
      if (tPol[i] === 'lower' || tPol[i] === 'higher') m.polarity = tPol[i] as Polarity;
    }
    const e = get(scope, ind);
    if (tKind[i] === 'target' && !Number.isNaN(tVal.v[i])) e.target.set(y, tVal.v[i]);
    else if (tKind[i] === 'baseline') e.baseline = { year: y, value: valueOrNull(tVal.v[i]) };
    else if (tKind[i] === 'actual') e.actual.set(y, { value: valueOrNull(tVal.v[i]), state: VALUE_STATES[tVal.s[i]] });
  }

  const scopes = new Set<string>(['region']);
  for (const m of mun.values()) if (m) scopes.add(m);
  for (const s of tScope) if (s) scopes.add(s);
  // Flagged schools per year and area, listed once (in the flag lists' order, which the
  // sums follow): scanning the country's list for each of thousands of areas was quadratic.
  const flaggedBy = new Map<number, Map<string, string[]>>();
  for (const [year, set] of inp.flagged) {
    const byScope = new Map<string, string[]>([['region', [...set]]]);
    for (const s of set) {
      const m = mun.get(s);
      if (!m || m === 'region') continue;
      let list = byScope.get(m);
      if (!list) byScope.set(m, (list = []));
      list.push(s);
    }
    flaggedBy.set(year, byScope);
  }
  const flaggedIn = (scope: string, year: number): string[] | undefined => {
    const f = flaggedBy.get(year - 1);
    return f ? (f.get(scope) ?? []) : undefined;
  };

  const exam = rankedExams(settings).find((e) => inp.gap.some((g) => g.exam === e && g.subject_set === setLabel(settings.mandatory_subjects[e] ?? [])));
  const gapSet = exam ? setLabel(settings.mandatory_subjects[exam] ?? []) : '';

  const sums = belowSums(tables.results, settings);
  // The gap rows of the programme's set, per area («true|region» for the region's own).
  const gapOf = new Map<string, GapRow[]>();
  for (const g of inp.gap) {
    if (g.exam !== exam || g.subject_set !== gapSet) continue;
    const k = `${g.scope === 'region'}|${g.scope_id}`;
    let list = gapOf.get(k);
    if (!list) gapOf.set(k, (list = []));
    list.push(g);
  }
  const out: ProgrammeRow[] = [];
  for (const scope of [...scopes].sort((a, b) => (a === 'region' ? -1 : b === 'region' ? 1 : a < b ? -1 : a > b ? 1 : 0))) {
    for (const m of meta.values()) {
      const e = get(scope, m.id);
      let series = new Map<number, Cell>();
      if (m.id === 'gia_pass_share_flagged') {
        for (const y0 of inp.flagged.keys()) {
          if (!inp.years.includes(y0 + 1)) continue;
          const v = passShare(sums, flaggedIn(scope, y0 + 1) ?? [], y0 + 1);
          series.set(y0 + 1, { value: v, state: v === null ? 'missing' : 'value' });
        }
      } else if (m.id === 'improved_share_flagged') {
        for (const y0 of inp.flagged.keys()) {
          const y = y0 + 1;
          if (!inp.years.includes(y)) continue;
          let up = 0;
          let tot = 0;
          for (const s of flaggedIn(scope, y) ?? []) {
            const a = inp.gia.get(s)?.get(y);
            const b = inp.gia.get(s)?.get(y0);
            if (a === undefined || b === undefined) continue;
            tot++;
            if (a > b) up++;
          }
          series.set(y, tot ? { value: (100 * up) / tot, state: 'value' } : { value: null, state: 'missing' });
        }
      } else if (m.id === 'gap_reduction_pct') {
        for (const g of gapOf.get(`${scope === 'region'}|${scope}`) ?? []) {
          series.set(g.year, g.change_pct === null ? { value: null, state: 'na' } : { value: -g.change_pct, state: 'value' });
        }
      } else series = e.actual;
      // Years with a target but no figure still appear, with status «нет данных».
      for (const y of e.target.keys()) if (!series.has(y)) series.set(y, { value: null, state: 'missing' });
      if (series.size === 0) continue;
      const pts = [...series].map(([year, c]) => ({ year, value: c.value }));
      const tr = trajectory(pts, { polarity: m.polarity, baselineYear: e.baseline?.year ?? null, baselineValue: e.baseline?.value ?? null, targets: e.target });
      for (const r of tr.rows) {
        out.push({
          scope_id: scope,
          indicator: m.id,
          name: m.name,
          unit: m.unit,
          polarity: m.polarity,
          year: r.year,
          value: r.value,
          value_state: series.get(r.year)?.state ?? 'missing',
          target: r.target,
          baseline: e.baseline?.value ?? null,
          status: r.status,
          computed: m.computed,
          change: r.change,
          change_baseline: r.change_baseline,
          direction: r.direction,
          slope: tr.slope,
        });
      }
    }
  }
  return out;
}
