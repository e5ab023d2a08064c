/**
 * The answer first (a parent's question: «is my child's school getting better, and how does
 * it compare with similar schools?»): one or two sentences with the numbers, and a tone for
 * the status colour. The colour is only ever given with its words (the label leads the
 * sentence), and only where the groups reach the reliability minimum (METRICS.md §6).
 */
import { t } from '../words/index.ts';
import type { SiteContext } from './context.ts';
import { forms, countOf, plural, formatChange, formatNumber, roundAsShown, subjectSetText } from '../format/index.ts';
import { isGradeScale, measureLabel } from '../publish/published.ts';

export type Tone = 'better' | 'worse' | 'steady' | 'unknown';

export interface Verdict {
  tone: Tone;
  /** The status in words, e.g. «Результаты выросли». */
  label: string;
  sentences: string[];
}

/** How many years the trend looks back over, the last one included. */
export const VERDICT_YEARS = 3;
/** Fewer similar schools with a published result than this, and no comparison is made. */
const MIN_PEERS = 3;

/** The first year the verdict looks at: three years back, or the first year with data. */
function firstYear(ctx: SiteContext): number {
  return Math.max(ctx.latestYear - VERDICT_YEARS + 1, ctx.years[0] ?? ctx.latestYear);
}

export function schoolVerdict(ctx: SiteContext, schoolId: string): Verdict {
  const from = firstYear(ctx);
  // The first exam (ЕГЭ before ОГЭ, as the settings rank them) the school has results in:
  // a basic school without grade 11 is judged on ОГЭ, not left blank.
  const sets = ctx.mandatorySets().map((set) => ({ set, series: ctx.scoreSeries(schoolId, set).filter((s) => s.year >= from) }));
  const chosen = sets.find((c) => c.series.filter((s) => s.value !== null).length >= 2) ?? sets.find((c) => c.series.some((s) => s.state !== 'missing'));
  const w = t().school.verdict;
  if (!chosen) return { tone: 'unknown', label: w.unknown, sentences: [w.noResults(period(from, ctx.latestYear), sets.map((c) => c.set.exam))] };
  const p = chosen.set;
  // A change of scale inside the window starts a new series: only the years after it count.
  let series = chosen.series;
  let breakNote = '';
  for (let i = series.length - 1; i > 0; i--) {
    if (!ctx.scaleBreak(p.exam, p.subject_set, series[i - 1].year, series[i].year)) continue;
    const before = ctx.scaleOf(p.exam, p.subject_set, series[i - 1].year);
    const after = ctx.scaleOf(p.exam, p.subject_set, series[i].year);
    breakNote = w.scaleBreak(series[i].year, before, after);
    series = series.slice(i);
    break;
  }
  const shown = series.filter((s) => s.value !== null);
  const measure = ctx.measureFor(p.exam);
  const name = measure === 'mean' ? measureLabel('mean', p.exam, ctx.settings.measure_labels).short : ctx.gapScoreName;
  const what = w.what(name, p.exam, p.subject_set.includes(' + '), subjectSetText(p.subject_set));
  // Grades (2–5) move in hundredths; test scores and shares in tenths.
  const digits = measure === 'mean' && isGradeScale(p.exam) ? 2 : 1;
  const fmt = (v: number) => (ctx.gapScoreIsShare && measure !== 'mean' ? ctx.scoreText(v) : formatNumber(v, digits));
  const sentences: string[] = [];
  let tone: Tone = 'unknown';
  let label: string;
  if (breakNote) sentences.push(breakNote);
  if (shown.length < 2) {
    label = w.unknown;
    const why = series.some((s) => s.state === 'suppressed') ? w.whyHidden(ctx.settings.min_participants) : w.whyMissing;
    sentences.push(
      shown.length === 1
        ? w.oneResult(period(series[0].year, ctx.latestYear), what, fmt(shown[0].value!), shown[0].year, why)
        : w.noneShown(period(series[0].year, ctx.latestYear), w.whyAll(why)),
    );
  } else {
    const first = shown[0];
    const last = shown[shown.length - 1];
    // From the numbers as shown, so the printed change is their difference.
    const change = roundAsShown(roundAsShown(last.value!, digits) - roundAsShown(first.value!, digits), digits);
    const nOf = (year: number) => ctx.scoreOf(schoolId, year, p.exam, p.subject_set)?.n ?? 0;
    const reliable = nOf(first.year) >= ctx.settings.reliability_min && nOf(last.year) >= ctx.settings.reliability_min;
    const higherIsBetter = ctx.settings.gap_score !== 'share_below';
    const rose = change > 0;
    label = change === 0 ? w.same : rose ? w.rose : w.fell;
    if (reliable) tone = change === 0 ? 'steady' : rose === higherIsBetter ? 'better' : 'worse';
    const unit = ctx.gapScoreIsShare && measure !== 'mean' ? w.pp : '';
    sentences.push(w.change(first.year, last.year, what, fmt(first.value!), fmt(last.value!), `${formatChange(change, digits)}${unit}`));
    if (!reliable) sentences.push(w.unreliable(ctx.settings.reliability_min));
  }
  // A small school's yearly results are hidden: its pooled three-year figure answers instead.
  if (shown.length < 2) {
    const pooled = ctx.pooledFor(schoolId).filter((x) => x.exam === p.exam && p.subject_set.split(' + ').includes(x.subject));
    if (pooled.length) {
      const part = pooled.map((x) => w.pooledPart(x.subject, formatNumber(x.mean, digits), x.n)).join(', ');
      sentences.push(w.pooled(pooled[0].from, pooled[0].to, name, p.exam, part));
    }
  }
  // The break note reads after the figures it qualifies.
  if (breakNote) sentences.push(sentences.shift()!);
  const peers = peerComparison(ctx, schoolId, p, fmt, digits);
  if (peers) sentences.push(peers);
  return { tone, label, sentences };
}

/** The school's latest published score against the mean of its similar schools'. */
function peerComparison(ctx: SiteContext, schoolId: string, p: { exam: string; subject_set: string }, fmt: (v: number) => string, digits: number): string | null {
  const own = ctx.scoreOf(schoolId, ctx.latestYear, p.exam, p.subject_set);
  if (!own || own.hidden) return null;
  const peers = ctx.similarIds(schoolId)
    .map((id) => ctx.scoreOf(id, ctx.latestYear, p.exam, p.subject_set))
    .filter((s) => s !== undefined && !s.hidden)
    .map((s) => s!.score as number);
  if (peers.length < MIN_PEERS) return null;
  const mean = peers.reduce((a, b) => a + b, 0) / peers.length;
  const diff = roundAsShown(roundAsShown(own.score, digits) - roundAsShown(mean, digits), digits);
  const higherIsBetter = ctx.settings.gap_score !== 'share_below';
  const w = t().school.verdict;
  const unit = ctx.gapScoreIsShare && ctx.measureFor(p.exam) !== 'mean' ? w.pp : '';
  return w.peers(ctx.latestYear, diff, higherIsBetter, peers.length, fmt(mean), `${formatChange(diff, digits)}${unit}`);
}

/**
 * The answer first for a region or municipality: did the gap between its best and worst
 * schools narrow over the last three years, and did it meet the programme's yearly target?
 * Coloured only where every year rests on at least FEW_SCHOOLS eligible schools.
 */
export function areaVerdict(ctx: SiteContext, rows: { year: number; gap: number | null; ratio: number | null; eligible: number; few_schools: boolean; target_met: boolean | null; scale_break?: boolean }[]): Verdict {
  const from = firstYear(ctx);
  let window = rows.filter((r) => r.year >= from);
  // A change of scale starts a new series (scales.ts).
  const brk = window.findLastIndex((r) => r.scale_break);
  if (brk > 0) window = window.slice(brk);
  const shown = window.filter((r) => r.gap !== null && r.eligible >= 2);
  const w = t().school.verdict;
  if (shown.length < 2) {
    const last = shown[shown.length - 1];
    return {
      tone: 'unknown',
      label: w.gapUnknown,
      sentences: [last ? w.gapOnlyYear(ctx.w.top, ctx.w.bottom, last.year, `${formatNumber(last.gap!, 1)}${ctx.gapScoreIsShare ? w.pp : ''}`) : w.gapNone(period(from, ctx.latestYear), ctx.w.top, ctx.w.bottom)],
    };
  }
  const first = shown[0];
  const last = shown[shown.length - 1];
  const change = roundAsShown(roundAsShown(last.gap!, 1) - roundAsShown(first.gap!, 1), 1);
  const unit = ctx.gapScoreIsShare ? w.pp : '';
  const judged = window.filter((r) => r.target_met !== null);
  const met = judged.filter((r) => r.target_met).length;
  // A narrower gap with a missed yearly target is not shown as plain good news.
  const missed = met < judged.length;
  const label = change < 0 ? (missed ? w.gapFellShort : w.gapFell) : change > 0 ? w.gapRose : w.gapSame;
  const reliable = shown.every((r) => !r.few_schools);
  const sentences = [
    w.gapChange(ctx.w.top, ctx.w.bottom, `${formatNumber(first.gap!, 1)}${unit}`, first.year, `${formatNumber(last.gap!, 1)}${unit}`, last.year, `${formatChange(change, 1)}${unit}`),
  ];
  if (judged.length) sentences.push(w.gapTarget(ctx.settings.gap_target_pct, met, judged.length));
  if (!reliable) sentences.push(w.gapUnreliable);
  return { tone: reliable ? (change < 0 ? (missed ? 'steady' : 'better') : change > 0 ? 'worse' : 'steady') : 'unknown', label, sentences };
}

/** «За 2019–2025 годы», or «За 2016 год» when the period is one year. */
function period(from: number, to: number): string {
  return t().school.verdict.period(from, to);
}
