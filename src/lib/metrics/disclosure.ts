/**
 * METRICS.md §6: disclosure control, as pure functions that the site layer applies once,
 * where the site model is written.
 *
 * - Primary suppression: a figure resting on fewer than `min_participants` participants
 *   loses its numbers (state 'suppressed', reason «скрыто: менее 10 участников»). The
 *   participant count itself stays: it describes the group, not a child's result, and
 *   the reason text already says it is small.
 * - Protection against subtraction: a published total (a municipality's or the region's,
 *   per year × exam × subject × grade and measure) less its published schools gives the
 *   rest combined. That rest must be nothing, or three or more schools with at least
 *   `min_participants` pupils together: with two, either school, knowing its own figure,
 *   gets the other's back. Where it is not, the total is withheld (discloseAggregates);
 *   no school's result is hidden to save a total — a school's own figure is what parents
 *   come for, and the gap between schools rests on them (hiding schools instead hid nine
 *   times more results in the demo and the region's gap for its last two years). A share
 *   shown only as a band counts as unknown here. Across municipalities the same holds with
 *   two: the one who could subtract its own total is an education authority.
 *   A row the publisher already suppressed never entered a total and does not count.
 * - Top/bottom coding: in a group below `reliability_min`, a share within a band of 0 % or
 *   of 100 % is shown as «не более 5 %» / «не менее 95 %», and carries no number past the
 *   publication boundary. The band always holds one child as well as none (it widens to
 *   10 % in a group of 15: one child is 6,7 %), so with the group's size published the
 *   label never means «no one» or «everyone».
 * - `reliable` = n ≥ reliability_min: only then a coloured status label or a
 *   "significant change" mark.
 * Missing, suppressed, not applicable and zero stay four states throughout.
 */
import { metricsWords } from '../words/metrics-words.ts';
import type { Settings } from '../model/config.ts';
import { STATE_CODE, type ValueState } from '../model/types.ts';
import type { Measure, SchoolResults } from './results.ts';
import type { AggregateRow, AggregateTable } from './aggregates.ts';
import { MEASURES, N_USED_OF, SHARES, STATE_OF, type Share } from './results.ts';
import { valueOrNull } from './table.ts';
import { cmpId } from './table.ts';
import { PathCodes } from './path-map.ts';
import { PublishedResults } from './published-results.ts';

export const CODE_BAND = 5;

export function reasonSmall(settings: Settings): string {
  return metricsWords().hidden.small(settings.min_participants);
}
/** «скрыто: защита от вычитания» in the site's language. */
export function reasonComplementary(): string {
  return metricsWords().hidden.complementary;
}

/**
 * Hidden members a published total may hold besides none. With two, the total less the
 * published members gives the pair's combined figure, and either member, knowing its own,
 * gets the other's back exactly (NYC district 79: two schools of 8 and 9 pupils); with three
 * or more, no single member can.
 */
export const MIN_HIDDEN_MEMBERS = 3;

/**
 * What a published total less its published members gives back is safe: nothing, or a
 * combination of `minMembers` or more hidden members with at least the minimum participants.
 */
function safeRemainder(hidden: number, participants: number, settings: Settings, minMembers = MIN_HIDDEN_MEMBERS): boolean {
  return hidden === 0 || (hidden >= minMembers && participants >= settings.min_participants);
}

/** The region's scope in TotalCells. */
const REGION = 0;

/**
 * A number for each total's cell (scope × year × exam × subject × grade × measure), so the
 * subtraction check keys its counts without building a string per hidden school measure
 * (tens of millions at national scale). Scopes are the region (0) and each municipality id.
 */
class TotalCells {
  private readonly scopes = new Map<string, number>();
  private readonly tails = new PathCodes();
  constructor(municipalityOf: Map<string, string | null>) {
    for (const m of municipalityOf.values()) if (m && !this.scopes.has(m)) this.scopes.set(m, this.scopes.size + 1);
  }
  scope(id: string): number | undefined {
    return this.scopes.get(id);
  }
  /** year × exam × subject × grade (no grade and an empty one are the same); made when `make`. */
  tail(r: { year: number; exam: string; subject: string; grade: string | number | null }, make: boolean): number | undefined {
    return this.tails.code([String(r.year), r.exam, r.subject, String(r.grade ?? '')], make);
  }
  key(scope: number, tail: number, measure: number): number {
    return (tail * (this.scopes.size + 1) + scope) * MEASURES.length + measure;
  }
}

export function isSmall(n: number | null, settings: Settings): boolean {
  return n === null || n < settings.min_participants;
}

export function reliable(n: number | null, settings: Settings): boolean {
  return n !== null && n >= settings.reliability_min;
}

/**
 * The width of the coding band for a group of n, in percent: 5 %, or the share of one
 * child rounded up to a multiple of 5 where that is more, so the band holds 0 and 1 child.
 */
export function codeBand(n: number): number {
  return Math.max(CODE_BAND, Math.ceil(100 / n / CODE_BAND) * CODE_BAND);
}

/** The coded label for a share in a small group, or null when the number may be shown. */
export function codeShare(value: number | null, n: number | null, settings: Settings): string | null {
  if (value === null || n === null || n <= 0 || n >= settings.reliability_min) return null;
  const band = codeBand(n);
  if (value <= band) return metricsWords().codeLow(band);
  if (value >= 100 - band) return metricsWords().codeHigh(100 - band);
  return null;
}

/** The bands of a row's published shares (each resting on `nOf` participants), or null. */
function codedShares(r: Record<Share, number | null> & Record<`${Share}_state`, ValueState>, nOf: (share: Share) => number | null, settings: Settings): Partial<Record<Share, string>> | null {
  const coded: Partial<Record<Share, string>> = {};
  for (const sh of SHARES) {
    const label = r[STATE_OF[sh]] === 'value' ? codeShare(r[sh], nOf(sh), settings) : null;
    if (label) coded[sh] = label;
  }
  return Object.keys(coded).length ? coded : null;
}

/**
 * Primary suppression, coding and the reliability flag for the school rows. Totals that
 * would give a school back are withheld by discloseAggregates, not by hiding more schools.
 * The rows are disclosed column by column into the published columns
 * (published-results.ts): no row object is made (nationally 7.7 million rows, each of
 * which was an object and a copy before).
 */
export function discloseResults(results: SchoolResults, settings: Settings): { rows: PublishedResults; hidden: { primary: number } } {
  let primary = 0;
  const out = new PublishedResults(results);
  const VALUE = STATE_CODE.value;
  const SUPPRESSED = STATE_CODE.suppressed;
  const small = reasonSmall(settings);
  const from = MEASURES.map((m) => results.measures[m]);
  const value = MEASURES.map((m) => out.value[m]);
  const state = MEASURES.map((m) => out.state[m]);
  const shareAt = SHARES.map((sh) => MEASURES.indexOf(sh));
  for (let i = 0; i < results.length; i++) {
    const n = results.n.v[i];
    const count = valueOrNull(n);
    out.n[i] = n;
    out.nState[i] = results.n.s[i];
    out.reliable[i] = reliable(count, settings) ? 1 : 0;
    let hasValue = false;
    for (let k = 0; k < from.length; k++) {
      value[k][i] = from[k].v[i];
      state[k][i] = from[k].s[i];
      if (state[k][i] === VALUE) hasValue = true;
    }
    if (hasValue && isSmall(count, settings)) {
      // Every measure with a number loses it.
      for (let k = 0; k < from.length; k++) {
        if (state[k][i] !== VALUE) continue;
        value[k][i] = NaN;
        state[k][i] = SUPPRESSED;
      }
      out.setReason(i, small);
      primary++;
      continue;
    }
    let coded: Partial<Record<Share, string>> | null = null;
    for (let j = 0; j < SHARES.length; j++) {
      const k = shareAt[j];
      if (state[k][i] !== VALUE) continue;
      const band = codeShare(valueOrNull(value[k][i]), count, settings);
      if (band === null) continue;
      (coded ??= {})[SHARES[j]] = band;
      // Published as its band: no number past this point.
      value[k][i] = NaN;
    }
    if (coded) out.coded.set(i, coded);
  }
  return { rows: out, hidden: { primary } };
}

export interface PublishedAggregate extends AggregateRow {
  mean_state: ValueState;
  share_below_state: ValueState;
  share_good_state: ValueState;
  share_high_state: ValueState;
  coded?: Partial<Record<Share, string>>;
  reliable: boolean;
  suppressed_reason: string | null;
}

/**
 * Aggregates: each measure rests on its `<measure>_n_used` participants. A municipality
 * hidden while the region is published could be recovered by subtraction, so the next
 * smallest municipality of that year × exam × subject × grade is hidden too.
 */
export function discloseAggregates(totals: AggregateTable, settings: Settings, schools?: { rows: PublishedResults; municipalityOf: Map<string, string | null> }): PublishedAggregate[] {
  // Each total's row is made here, once, and published in place.
  const out: PublishedAggregate[] = new Array(totals.length);
  for (let i = 0; i < totals.length; i++) {
    const p = totals.row(i) as PublishedAggregate;
    p.reliable = reliable(p.n_total, settings);
    p.suppressed_reason = null;
    for (const m of MEASURES) p[STATE_OF[m]] = p[m] === null ? 'missing' : 'value';
    out[i] = p;
  }
  const hideAgg = (p: PublishedAggregate, reason: string) => {
    for (const m of MEASURES) if (p[STATE_OF[m]] === 'value') {
      p[m] = null;
      p[STATE_OF[m]] = 'suppressed';
    }
    p.mean_unweighted = null;
    p.suppressed_reason = reason;
  };
  const hidden = new Set<PublishedAggregate>();
  for (const p of out) {
    if (p.n_total < settings.min_participants && MEASURES.some((m) => p[STATE_OF[m]] === 'value')) {
      hideAgg(p, reasonSmall(settings));
      hidden.add(p);
      continue;
    }
    for (const m of MEASURES) if (p[STATE_OF[m]] === 'value' && p[N_USED_OF[m]] < settings.min_participants) {
      p[m] = null;
      p[STATE_OF[m]] = 'suppressed';
      p.suppressed_reason = reasonSmall(settings);
    }
  }
  // A total whose hidden schools cannot be made safe (a lone school hidden against a set
  // score in a one-school municipality, say) would give them back: the total goes too.
  if (schools) {
    // Per total and measure: the schools a reader has no number for (hidden by us, or a
    // share coded as a band) and their participants.
    const cells = new TotalCells(schools.municipalityOf);
    const count = new Map<number, number>();
    const size = new Map<number, number>();
    const note = (k: number, n: number) => {
      count.set(k, (count.get(k) ?? 0) + 1);
      size.set(k, (size.get(k) ?? 0) + n);
    };
    const pub = schools.rows;
    const SUPPRESSED = STATE_CODE.suppressed;
    for (let i = 0; i < pub.length; i++) {
      // Only what has a number entered a total; its size is read before the boundary drops it.
      const n = pub.n[i];
      if (n !== n) continue;
      let tail = -1;
      const m = schools.municipalityOf.get(pub.school_id[i]);
      const ours = pub.reason(i) !== null;
      const coded = pub.coded.get(i);
      for (let mi = 0; mi < MEASURES.length; mi++) {
        const measure = MEASURES[mi];
        if (!(ours && pub.state[measure][i] === SUPPRESSED) && !(measure !== 'mean' && coded?.[measure as Share])) continue;
        if (tail < 0) tail = cells.tail({ year: pub.year[i], exam: pub.exam[i], subject: pub.subject[i], grade: pub.grade[i] }, true)!;
        if (m) note(cells.key(cells.scope(m)!, tail, mi), n);
        note(cells.key(REGION, tail, mi), n);
      }
    }
    for (const p of out) {
      if (hidden.has(p)) continue;
      const tail = cells.tail(p, false);
      const scope = p.scope === 'region' ? REGION : cells.scope(p.scope_id);
      if (tail === undefined || scope === undefined) continue;
      const unsafe = MEASURES.filter((measure, mi) => {
        const k = cells.key(scope, tail, mi);
        const hiddenCount = count.get(k);
        return p[STATE_OF[measure]] === 'value' && hiddenCount !== undefined && !safeRemainder(hiddenCount, size.get(k)!, settings);
      });
      if (!unsafe.length) continue;
      // A total whose mean would give a school back goes whole; a share alone goes alone.
      if (unsafe.includes('mean') || unsafe.length === MEASURES.filter((m) => p[STATE_OF[m]] === 'value').length) {
        hideAgg(p, reasonComplementary());
        hidden.add(p);
      } else {
        for (const measure of unsafe) {
          p[measure] = null;
          p[STATE_OF[measure]] = 'suppressed';
        }
      }
    }
  }
  const groups = new Map<string, PublishedAggregate[]>();
  for (const p of out) {
    if (p.scope !== 'municipality') continue;
    const k = `${p.year}\u0001${p.exam}\u0001${p.subject}\u0001${p.grade ?? ''}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(p);
  }
  // Codes depend only on a total's own value and size: known before anything is hidden.
  const codedAs = new Map<PublishedAggregate, Partial<Record<Share, string>>>();
  for (const p of out) {
    const coded = codedShares(p, (sh) => p[N_USED_OF[sh]], settings);
    if (coded) codedAs.set(p, coded);
  }
  const regionOf = new Map<string, PublishedAggregate>();
  for (const p of out) if (p.scope === 'region') regionOf.set(`${p.year}\u0001${p.exam}\u0001${p.subject}\u0001${p.grade ?? ''}`, p);
  // Two suffice here, unlike schools in a total: the one who could subtract its own figure
  // is an education authority, which holds the data already.
  const MIN_MUNICIPALITIES = 2;
  for (const [k, g] of groups) {
    // The region less its published municipalities gives the rest combined: per measure,
    // the hidden ones and those whose share is only a band. Until they are two or more and
    // reach the minimum together, hide the next smallest; with none left to hide, the
    // region's own figure for that measure is withheld.
    const region = regionOf.get(k);
    for (;;) {
      const unknownFor = (m: Measure) => g.filter((p) => p[STATE_OF[m]] === 'suppressed' || (m !== 'mean' && p[STATE_OF[m]] === 'value' && codedAs.get(p)?.[m as Share]));
      const unsafe = MEASURES.find((m) => {
        if (!region || region[STATE_OF[m]] !== 'value') return false;
        const unknown = unknownFor(m);
        return !safeRemainder(unknown.length, unknown.reduce((sum, p) => sum + p.n_total, 0), settings, MIN_MUNICIPALITIES);
      });
      if (!unsafe) break;
      const rest = new Set(unknownFor(unsafe));
      const c = g.filter((p) => !rest.has(p) && p[STATE_OF[unsafe]] === 'value').sort((a, b) => a.n_total - b.n_total || cmpId(a.scope_id, b.scope_id))[0];
      // Only the measure at risk goes: a municipality's mean says nothing of its shares.
      const target = c ?? region!;
      target[unsafe] = null;
      target[STATE_OF[unsafe]] = 'suppressed';
      if (unsafe === 'mean') target.mean_unweighted = null;
      target.suppressed_reason ??= reasonComplementary();
    }
  }
  for (const p of out) {
    // Per share: a total with one measure hidden still shows its other shares as bands.
    if (!codedAs.has(p)) continue;
    const coded = Object.fromEntries(Object.entries(codedAs.get(p)!).filter(([sh]) => p[STATE_OF[sh as Share]] === 'value'));
    if (Object.keys(coded).length) p.coded = coded;
  }
  return out;
}
