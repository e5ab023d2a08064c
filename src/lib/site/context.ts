/**
 * SiteContext: indexes over the (already suppressed) metrics that the page builders
 * query. Built once per build; page builders stay short and never see raw rows.
 */
import type { SeriesWithReasons } from './charts.ts';
import { t } from '../words/index.ts';
import { intlLocale } from '../words/locale.ts';
import type { Settings } from '../model/config.ts';
import { SCHOOL_INDICATORS, SUBJECTS } from '../model/config.ts';
import type { ValueState } from '../model/types.ts';
import { numCell, textCell } from './cells.ts';
import { key, MEASURE_LABEL, ResultIndex, type Measure } from '../publish/published.ts';
import { slugify } from '../format/slug.ts';
import type { Cell, DataTable, ListItem, Section } from './types.ts';
import { formatInt, formatNumber, formatPercent, subjectSetText } from '../format/index.ts';
import { words, type Words } from '../words/index.ts';
import type { RuleApplicability } from '../metrics/rules.ts';
import { scaleBreak, scaleOf } from '../metrics/scales.ts';
import { PathMap } from '../metrics/path-map.ts';
import type { PooledResult } from '../publish/pooled.ts';

export type { SchoolInfo, MunicipalityInfo, AggregateRow, GapRow, FlagRow, ContextRow, SchoolScore, SiteInputs, ProgrammeRow } from '../publish/types.ts';
import type { SchoolInfo, MunicipalityInfo, AggregateRow, GapRow, FlagRow, ContextRow, SchoolScore, SiteInputs } from '../publish/types.ts';

/** One year of a school's gap score as published. */
export interface ScorePoint {
  year: number;
  value: number | null;
  state: ValueState;
  reason?: string;
}

export class SiteContext {
  readonly settings: Settings;
  /** The words of this site's settings (thresholds and shares as in force). */
  readonly w: Words;
  /** Each identification rule, and why it does not apply where it does not. */
  readonly rules: RuleApplicability[];
  readonly regionName: string;
  readonly results: ResultIndex;
  readonly years: number[];
  readonly latestYear: number;
  readonly schools = new Map<string, SchoolInfo>();
  readonly municipalities = new Map<string, MunicipalityInfo>();
  readonly flagsBySchool = new Map<string, FlagRow[]>();
  readonly sourceList: ListItem[];
  /** For axes and column heads: «Доля …, %». */
  readonly gapScoreLabel: string;
  /** For sentences: the name without the unit («доля …»); numbers carry the unit instead. */
  readonly gapScoreName: string;
  readonly gapScoreIsShare: boolean;
  private aggregates = new Map<string, Map<number, AggregateRow>>();
  private scoresByYearSet = new Map<string, SchoolScore[]>();
  /** year → exam → subject set → school: read per neighbour and year on every school page, so no key string is built per call. */
  private scoreIndex = new PathMap<SchoolScore>();
  /** The first partnership each school is in (the list's order), found once instead of by a scan per school page. */
  private partnershipOf: Map<string, SiteInputs['partnerships'][number]> | null = null;
  private contextBySchool = new Map<string, ContextRow[]>();
  private inputs: SiteInputs;
  private gapIndex = new Map<string, GapRow[]>();

  constructor(inputs: SiteInputs) {
    this.inputs = inputs;
    this.settings = inputs.settings;
    this.w = words(inputs.settings);
    this.rules = inputs.rules;
    this.regionName = inputs.regionName;
    this.results = new ResultIndex(inputs.results);
    this.latestYear = inputs.currentYear;
    // Years after the current one hold a few stray rows at most: not shown, and said so.
    this.years = this.results.years.filter((y) => y <= this.latestYear);
    const later = this.results.years.filter((y) => y > this.latestYear);
    if (later.length) inputs.warnings[`не показаны годы после текущего года сайта ${this.latestYear} (результаты есть лишь у немногих школ): ${later.join(', ')}`] = later.length;
    for (const s of inputs.schools) this.schools.set(s.school_id, s);
    for (const m of inputs.municipalities) this.municipalities.set(m.id, m);
    for (const a of inputs.aggregates) {
      const k = `${a.scope}|${a.scope_id}|${key(a.exam, a.subject, a.grade)}`;
      let y = this.aggregates.get(k);
      if (!y) this.aggregates.set(k, (y = new Map()));
      y.set(a.year, a);
    }
    // A school's status is the site's current year's, never a stray later year's.
    const flags = inputs.flags;
    for (let i = 0; i < flags.length; i++) {
      if (flags.year[i] !== this.latestYear) continue;
      const f = flags.row(i);
      const list = this.flagsBySchool.get(f.school_id) ?? [];
      list.push(f);
      this.flagsBySchool.set(f.school_id, list);
    }
    for (const s of inputs.scores) {
      const k = `${s.year}|${s.exam}|${s.subject_set}`;
      const list = this.scoresByYearSet.get(k) ?? [];
      list.push(s);
      this.scoresByYearSet.set(k, list);
      this.scoreIndex.set([s.year, s.exam, s.subject_set, s.school_id], s);
    }
    for (const c of inputs.context) {
      const list = this.contextBySchool.get(c.school_id) ?? [];
      list.push(c);
      this.contextBySchool.set(c.school_id, list);
    }
    for (const g of inputs.gap) {
      const k = `${g.scope}|${g.scope_id}|${g.exam}|${g.subject_set}`;
      const list = this.gapIndex.get(k) ?? [];
      list.push(g);
      this.gapIndex.set(k, list);
    }
    this.sourceList = inputs.sourceList;
    const measure = this.settings.gap_score === 'mean' ? 'mean' : this.settings.gap_score;
    const m = MEASURE_LABEL[measure];
    const label = this.settings.measure_labels?.[measure] ?? m.label;
    this.gapScoreLabel = m.unit === '%' ? t().site.shareHead(label) : label;
    this.gapScoreName = label.charAt(0).toLocaleLowerCase(intlLocale()) + label.slice(1);
    this.gapScoreIsShare = m.unit === '%';
  }

  /** A gap-score value in a sentence: «61,3 %» for a share, «76,0» for a score. */
  scoreText(v: number): string {
    return this.gapScoreIsShare ? formatPercent(v, 1) : formatNumber(v, 1);
  }

  href(path: string): string {
    return path ? `/${path}/` : '/';
  }

  /** Which measure a chart of this exam shows: the gap score for ranked exams, else the mean. */
  measureFor(exam: string): Measure {
    if (this.settings.gap_score !== 'mean' && this.settings.ranked_exams.includes(exam)) return this.settings.gap_score;
    return 'mean';
  }

  /** Mandatory subjects get a full chart; electives a table row with a sparkline. */
  isChartSubject(exam: string, subject: string): boolean {
    const set = this.settings.mandatory_subjects[exam];
    if (set) return set.includes(subject);
    return this.settings.ranked_exams.includes(exam) || !['ЕГЭ', 'ОГЭ', 'ВПР'].includes(exam);
  }

  subjectSlug(exam: string, subject: string): string {
    const e = { 'ЕГЭ': 'ege', 'ОГЭ': 'oge', 'ВПР': 'vpr' }[exam] ?? slugify(exam).toLowerCase();
    return `${e}-${SUBJECTS[subject] ?? slugify(subject).toLowerCase()}`;
  }

  /** An area's yearly series of a measure, with why a year has no number (withheld, a band) for its table. */
  aggregateSeriesWithReasons(scope: 'municipality' | 'region', id: string, k: string, measure: Measure): Pick<SeriesWithReasons, 'points' | 'reasons'> {
    const byYear = this.aggregates.get(`${scope}|${id}|${k}`);
    const reasons: NonNullable<SeriesWithReasons['reasons']> = {};
    const points = this.years.map((year) => {
      const a = byYear?.get(year);
      const v = a ? (a[measure] as number | null) : null;
      const why = a?.withheld?.[measure];
      const band = measure !== 'mean' ? a?.coded?.[measure] : undefined;
      if (v === null && (why || band)) reasons[year] = band ? { state: 'missing', coded: band } : { state: 'suppressed', reason: why };
      return { year, value: v ?? null };
    });
    return { points, reasons };
  }

  aggregate(scope: 'municipality' | 'region', id: string, k: string, year: number): AggregateRow | undefined {
    return this.aggregates.get(`${scope}|${id}|${k}`)?.get(year);
  }

  mandatorySetLabel(exam: string): string {
    return t().site.mandatorySet(exam, this.settings.mandatory_subjects[exam] ?? []);
  }

  /** The primary ranked exam and subject set used for positions and sparklines. */
  /** Every ranked exam's mandatory set that has scores in the data, in the settings' order. */
  mandatorySets(): { exam: string; subject_set: string }[] {
    const out: { exam: string; subject_set: string }[] = [];
    for (const exam of this.settings.ranked_exams) {
      const set = this.settings.mandatory_subjects[exam];
      if (!set) continue;
      const label = set.join(' + ');
      if (this.years.some((y) => this.scoresByYearSet.has(`${y}|${exam}|${label}`))) out.push({ exam, subject_set: label });
    }
    return out;
  }

  primarySet(): { exam: string; subject_set: string } | null {
    for (const exam of this.settings.ranked_exams) {
      const set = this.settings.mandatory_subjects[exam];
      const label = set ? set.join(' + ') : null;
      if (label && this.scoresByYearSet.has(`${this.latestYear}|${exam}|${label}`)) return { exam, subject_set: label };
    }
    const any = this.inputs.scores.find((s) => s.year === this.latestYear);
    return any ? { exam: any.exam, subject_set: any.subject_set } : null;
  }

  scoresFor(year: number, exam: string, subjectSet: string): SchoolScore[] {
    return this.scoresByYearSet.get(`${year}|${exam}|${subjectSet}`) ?? [];
  }

  /** Whether the school's mandatory-set score of that year and exam is hidden (or absent). */
  scoreIndexHidden(schoolId: string, year: number, exam: string): boolean {
    const set = this.settings.mandatory_subjects[exam];
    if (!set) return true;
    const s = this.scoreOf(schoolId, year, exam, set.join(' + '));
    return !s || s.hidden === true;
  }

  scoreOf(schoolId: string, year: number, exam: string, subjectSet: string): SchoolScore | undefined {
    return this.scoreIndex.get([year, exam, subjectSet, schoolId]);
  }

  /**
   * The school's gap score over the years; below the publication minimum it is hidden. The
   * primary set's series is kept (frozen): a school's line is drawn on its own page, its
   * verdict, its municipality's page, the downloads and as a peer on some ten other pages.
   */
  scoreSeries(schoolId: string, set?: { exam: string; subject_set: string }): readonly ScorePoint[] {
    if (set) return this.computeSeries(schoolId, set);
    let got = this.primarySeries.get(schoolId);
    if (!got) this.primarySeries.set(schoolId, (got = Object.freeze(this.computeSeries(schoolId, this.primarySet()).map((p) => Object.freeze(p)))));
    return got;
  }
  private primarySeries = new Map<string, readonly ScorePoint[]>();

  private computeSeries(schoolId: string, p: { exam: string; subject_set: string } | null | undefined): ScorePoint[] {
    if (!p) return [];
    return this.years.map((year) => {
      const s = this.scoreOf(schoolId, year, p.exam, p.subject_set);
      if (!s) return { year, value: null, state: 'missing' as ValueState };
      // Too few participants, or one subject of the set hidden (small, a band, or by the publisher).
      if (s.hidden) return { year, value: null, state: 'suppressed' as ValueState, reason: s.reason };
      return { year, value: s.score, state: 'value' as ValueState };
    });
  }

  private positionCache = new Map<string, ReturnType<SiteContext['computePosition']>>();

  /** The region-wide distribution of the gap score in the latest year, computed once. */
  private computePosition() {
    const p = this.primarySet();
    if (!p) return null;
    const year = this.latestYear;
    const scores = this.scoresFor(year, p.exam, p.subject_set).filter((s) => !s.hidden);
    const gap = this.gapIndex.get(`region|region|${p.exam}|${p.subject_set}`)?.find((g) => g.year === year);
    if (!gap || scores.length === 0) return null;
    const sorted = scores.map((s) => s.score).sort((a, b) => a - b);
    const k = gap.k;
    const lo = sorted[0];
    const hi = sorted[sorted.length - 1];
    const width = (hi - lo) / 30 || 1;
    const bins = Array.from({ length: 30 }, (_, i) => ({ x0: lo + i * width, x1: lo + (i + 1) * width, count: 0 }));
    for (const v of sorted) bins[Math.min(29, Math.floor((v - lo) / width))].count++;
    const m = MEASURE_LABEL[this.settings.gap_score === 'mean' ? 'mean' : this.settings.gap_score];
    const descending = [...sorted].reverse();
    // The groups are the gap's own (its k among all eligible schools, hidden scores
    // included), so a page says «in the top 10 %» exactly when the gap's list names it.
    // The lines are drawn at the published members' edge scores.
    const top = new Set(gap.top_ids);
    const bottom = new Set(gap.bottom_ids);
    const edge = (ids: Set<string>, pick: (a: number, b: number) => number, fallback: number) => {
      const v = scores.filter((s) => ids.has(s.school_id)).map((s) => s.score);
      return v.length ? v.reduce((a, b) => pick(a, b)) : fallback;
    };
    return {
      year,
      unit: m.unit,
      scoreLabel: this.gapScoreLabel,
      setLabel: `${p.exam}, ${subjectSetText(p.subject_set)}`,
      bottomCut: edge(bottom, Math.max, sorted[Math.min(k, sorted.length) - 1]),
      topCut: edge(top, Math.min, sorted[Math.max(0, sorted.length - k)]),
      groupOf: (id: string): 'top' | 'bottom' | 'none' => (top.has(id) ? 'top' : bottom.has(id) ? 'bottom' : 'none'),
      bins,
      total: sorted.length,
      // Rank = 1 + number of schools with a strictly better score (ties share a rank).
      rankOf: (v: number) => {
        let lo2 = 0;
        let hi2 = descending.length;
        while (lo2 < hi2) {
          const mid = (lo2 + hi2) >> 1;
          if (descending[mid] > v) lo2 = mid + 1;
          else hi2 = mid;
        }
        return lo2 + 1;
      },
      scores,
      exam: p.exam,
      subject_set: p.subject_set,
    };
  }

  gapPosition(schoolId: string | null, municipalityId?: string) {
    if (!this.positionCache.has('x')) this.positionCache.set('x', this.computePosition());
    const base = this.positionCache.get('x');
    if (!base) return null;
    const ids = municipalityId ? this.municipalities.get(municipalityId)?.schoolIds ?? [] : schoolId ? [schoolId] : [];
    const values = ids
      .map((id) => this.scoreOf(id, base.year, base.exam, base.subject_set))
      .filter((s): s is SchoolScore & { hidden: false } => !!s && !s.hidden)
      .map((s) => ({ id: s.school_id, name: this.schools.get(s.school_id)?.name ?? s.school_id, value: s.score, highlight: true }));
    if (values.length === 0) return null;
    return { ...base, values };
  }

  gapRows(scope: 'region' | 'municipality', id: string): GapRow[] {
    const p = this.primarySet();
    if (!p) return [];
    return [...(this.gapIndex.get(`${scope}|${id}|${p.exam}|${p.subject_set}`) ?? [])].sort((a, b) => a.year - b.year);
  }

  contextFor(schoolId: string) {
    const shown = (c: ContextRow) => c.score !== null && c.social_index !== null && !this.scoreIndexHidden(c.school_id, c.year, c.exam);
    const rows = (this.contextBySchool.get(schoolId) ?? []).filter((r) => shown(r) && r.expected !== null);
    if (!rows.length) return null;
    const row = rows.sort((a, b) => b.year - a.year)[0];
    const fit = this.inputs.fits.find((f) => f.year === row.year && f.exam === row.exam);
    if (!fit) return null;
    // Only the schools of the same municipality are drawn: a page must stay small at 40,000 schools.
    const mun = this.schools.get(schoolId)?.municipality_id;
    const neighbours = this.municipalities.get(mun ?? '')?.schoolIds ?? [];
    const points = neighbours
      .flatMap((id) => this.contextBySchool.get(id) ?? [])
      .filter((c) => c.year === row.year && c.exam === row.exam && shown(c))
      .map((c) => ({ id: c.school_id, x: c.social_index!, y: c.score!, highlight: c.school_id === schoolId }));
    return { year: row.year, exam: row.exam, expected: row.expected!, actual: row.score!, resilient: row.resilient, points, line: fit, scoreLabel: this.gapScoreLabel };
  }

  /** The school's indices and components: the value as the dataset gives it, and its z-score. */
  indicesFor(schoolId: string): { name: string; raw: Cell; cell: Cell; reversed?: boolean }[] {
    const rows = this.inputs.indices.forSchool(schoolId);
    if (!rows.length) return [];
    const latest = Math.max(...rows.map((r) => r.year));
    const out: { name: string; raw: Cell; cell: Cell; reversed?: boolean }[] = [];
    const w = t().site;
    const names = w.indexNames;
    // Only what the dataset has: a component no school has a value for is not this
    // region's model (NYC publishes a poverty share, no teachers' categories or textbooks).
    const present = (this.presentComponents ??= this.inputs.indices.presentComponents());
    for (const r of rows.filter((x) => x.year === latest)) {
      const components = Object.entries(r.components).filter(([c]) => present.has(c));
      if (!components.length) continue;
      // Too few components for the index (metrics decides how many it needs) is «not
      // computed», not «no data», when a component with data is right below it. Every model
      // component is a key of `components`.
      const cell =
        r.value === null && r.used > 0 && r.used < r.needed
          ? numCell(null, 'na', { reason: w.indexTooFew(r.used, Object.keys(r.components).length, r.needed) })
          : numCell(r.value, r.value === null ? 'missing' : 'value', { digits: 2 });
      out.push({ name: w.indexRow(names[r.index] ?? r.index, latest), raw: textCell(''), cell });
      for (const [c, v] of components) {
        const meta = SCHOOL_INDICATORS.find((i) => i.id === c);
        // A z-score taken with the sign that makes higher better: a share whose higher value
        // is worse reads reversed; the row is marked, and the page says once what the mark means.
        const reversed = meta?.polarity === 'lower';
        out.push({ name: w.componentRow(this.settings.indicator_labels?.[c] ?? meta?.name ?? c, reversed), raw: indicatorCell(r.raw[c] ?? null, meta?.unit), cell: numCell(v, v === null ? 'missing' : 'value', { digits: 2 }), reversed });
      }
    }
    return out;
  }
  private presentComponents?: Set<string>;

  /** A school's pooled three-year results, ranked exams first. */
  pooledFor(schoolId: string): PooledResult[] {
    if (!this.pooledBySchool) {
      this.pooledBySchool = new Map();
      for (const p of this.inputs.pooled) this.pooledBySchool.set(p.school_id, [...(this.pooledBySchool.get(p.school_id) ?? []), p]);
    }
    return this.pooledBySchool.get(schoolId) ?? [];
  }
  private pooledBySchool?: Map<string, PooledResult[]>;

  /** Whether the dataset gives any school a settlement type (else the field is not shown). */
  get hasSettlements(): boolean {
    return (this.settlementsKnown ??= [...this.schools.values()].some((s) => s.settlement !== null));
  }
  private settlementsKnown?: boolean;

  /** The size bands' labels (terciles of pupils), or null without sizes. */
  sizeBandLabels(): [string, string, string] | null {
    const limits = this.inputs.peers.bandLimits;
    return limits ? t().site.sizeBands(limits[0], limits[1]) : null;
  }

  /** The school's size band label, when it has a place among peers. */
  sizeBand(schoolId: string): string | null {
    const point = this.inputs.peers.points.get(schoolId);
    return point ? (this.sizeBandLabels()?.[point.band] ?? null) : null;
  }

  /** The ranked exams the school sits («ЕГЭ+ОГЭ»; '' for none), when it has a place among peers. */
  examsSat(schoolId: string): string | null {
    return this.inputs.peers.points.get(schoolId)?.exams ?? null;
  }

  similarIds(schoolId: string): string[] {
    return this.inputs.similar.get(schoolId) ?? [];
  }

  similarFor(schoolId: string) {
    return this.similarIds(schoolId).map((id) => {
      const s = this.schools.get(id)!;
      return {
        id,
        name: s.name,
        href: this.href(`school/${s.slug}`),
        municipality: this.municipalities.get(s.municipality_id)?.name ?? '',
        settlement: s.settlement,
        /** The peer's published score over the years (hidden years break its line). */
        series: this.scoreSeries(id),
      };
    });
  }

  ruleName(rule: string): string {
    return this.w.ruleName(rule);
  }

  /** The score scale changes between the two years for this exam and subject set. */
  scaleBreak(exam: string, subjectSet: string, from: number, to: number): boolean {
    return scaleBreak(this.inputs.scales, exam, subjectSet, from, to);
  }

  scaleOf(exam: string, subjectSet: string, year: number): number | null {
    return scaleOf(this.inputs.scales, exam, subjectSet, year);
  }

  /** Whether any identification applies: a programme is declared and some rule has its data. */
  get identifies(): boolean {
    return this.rules.some((r) => r.applies);
  }

  /** Why no school is identified: no programme, or no rule of it has its data. */
  noIdentificationText(): string {
    if (!this.settings.programme) return this.w.noProgramme;
    return t().site.programmeNotApplied(this.settings.programme.name);
  }

  partnershipFor(schoolId: string): Section | null {
    if (!this.partnershipOf) {
      this.partnershipOf = new Map();
      for (const x of this.inputs.partnerships) {
        for (const id of [x.supported_school_id, x.strong_school_id]) if (!this.partnershipOf.has(id)) this.partnershipOf.set(id, x);
      }
    }
    const p = this.partnershipOf.get(schoolId);
    if (!p) return null;
    const strong = this.schools.get(p.strong_school_id);
    const weak = this.schools.get(p.supported_school_id);
    if (!strong || !weak) return null;
    const w = t().site.partnership;
    const period = w.period(p.start_year, p.end_year ?? null);
    const cell = (v: number | null) => numCell(v, v === null ? 'suppressed' : 'value', { minParticipants: this.settings.min_participants });
    const table: DataTable = {
      id: `partnership-${weak.slug}`,
      caption: w.caption(this.gapScoreLabel),
      columns: [
        { key: 'school', label: w.school },
        { key: 'before', label: w.before(p.start_year), numeric: true },
        { key: 'after', label: w.after(p.start_year), numeric: true },
      ],
      rows: [
        { school: textCell(w.supported(weak.name), this.href(`school/${weak.slug}`)), before: cell(p.before), after: cell(p.after) },
        { school: textCell(w.strong(strong.name), this.href(`school/${strong.slug}`)), before: cell(p.partner_before), after: cell(p.partner_after) },
      ],
    };
    const change = p.before !== null && p.after !== null ? p.after - p.before : null;
    return {
      id: 'partnership',
      heading: w.heading,
      intro: [
        schoolId === weak.school_id
          ? w.getsSupport(strong.name, period)
          : w.supports(weak.name, period),
        change === null ? w.noComparison : w.change(change),
      ],
      tables: [table],
    };
  }

  vprTable(schoolId: string, slug: string): DataTable | null {
    const rows: DataTable['rows'] = [];
    const mine = this.results.school(schoolId);
    for (const s of this.results.series) {
      if (s.exam !== 'ВПР') continue;
      const r = mine.get(key(s.exam, s.subject, s.grade))?.get(this.latestYear);
      if (!r) continue;
      rows.push({
        what: textCell(t().site.vpr.row(s.subject, s.grade!)),
        n: numCell(r.n, r.n_state, { digits: 0, minParticipants: this.settings.min_participants }),
        mean: numCell(r.mean, r.mean_state, { minParticipants: this.settings.min_participants }),
        share_good: numCell(r.share_good, r.share_good_state, { percent: true, minParticipants: this.settings.min_participants, coded: r.coded?.share_good }),
        share_below: numCell(r.share_below, r.share_below_state, { percent: true, minParticipants: this.settings.min_participants, coded: r.coded?.share_below }),
      });
    }
    if (!rows.length) return null;
    return {
      id: `school-${slug}-vpr`,
      caption: t().site.vpr.caption(this.latestYear),
      columns: [
        { key: 'what', label: t().site.vpr.what },
        { key: 'n', label: t().site.vpr.n, numeric: true },
        { key: 'mean', label: t().site.vpr.mean, numeric: true },
        { key: 'share_good', label: t().site.vpr.shareGood, numeric: true },
        { key: 'share_below', label: t().site.vpr.shareBelow, numeric: true },
      ],
      rows,
    };
  }

  headlineFor(schoolId: string): string {
    const s = this.scoreSeries(schoolId).filter((p) => p.value !== null);
    if (!s.length) return '';
    const last = s[s.length - 1];
    return t().site.headline(this.gapScoreName, this.scoreText(last.value!), last.year);
  }

  stateOf(v: number | null, state: ValueState): ValueState {
    return v === null && state === 'value' ? 'missing' : state;
  }
}

/** A component's own value in its unit: «94,8 %», «12,5 км», «да». */
function indicatorCell(v: number | null, unit: string | undefined): Cell {
  if (v === null) return numCell(null, 'missing');
  if (unit === '%') return numCell(v, 'value', { percent: true });
  if (unit === 'да/нет') return textCell(v ? t().site.yes : t().site.no);
  const cell = numCell(v, 'value', { digits: unit === 'чел.' ? 0 : 1 });
  const word = unit ? t().metrics.units[unit] ?? unit : '';
  return word ? { ...cell, t: `${cell.t} ${word}` } : cell;
}
