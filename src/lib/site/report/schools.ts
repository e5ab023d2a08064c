/** The report's schools: the ШНРО/НСУ list and its movement since last year, and partnerships. */
import { t } from '../../words/index.ts';
import { intlLocale, localized } from '../../words/locale.ts';
import { forms, countOf, formatInt } from '../../format/index.ts';
import { numCell, textCell } from '../cells.ts';
import { FLAG_SHORT } from '../school-page.ts';
import type { SiteContext, SiteInputs } from '../context.ts';
import type { DataTable, Section } from '../types.ts';
import { flagMovement, type Movement, type MovementRow } from './movement.ts';

const MOVEMENT: Record<Movement, string> = localized(() => t().report.flags.movement);
const ORDER: Movement[] = ['entered', 'stayed', 'left', 'unknown'];


function flagsText(flags: string[]): string {
  return flags.length ? flags.map((f) => FLAG_SHORT[f] ?? f).join(', ') : '—';
}

function counts(rows: MovementRow[]): Record<Movement, number> & { before: number; now: number } {
  const c = { entered: 0, stayed: 0, left: 0, unknown: 0, before: 0, now: 0 };
  for (const r of rows) {
    c[r.movement]++;
    if (r.before.length) c.before++;
    if (r.now.length) c.now++;
  }
  return c;
}

function summary(year: number, prevYear: number | null, rows: MovementRow[]): string {
  const c = counts(rows);
  const w = t().report.flags;
  const now = w.now(year, c.now);
  if (prevYear === null) return w.noPrev(now, year - 1);
  return w.moved(now, prevYear, c);
}

/** A municipality: every school listed in either year, with its flags and movement. */
export function municipalityFlagsSection(ctx: SiteContext, inputs: SiteInputs, schoolIds: string[], prefix: string): Section {
  const w = t().report.flags;
  if (!ctx.identifies) return { id: 'flagged', heading: w.heading, intro: [ctx.noIdentificationText()] };
  const m = flagMovement(inputs.flags, schoolIds);
  if (m.year === null) return { id: 'flagged', heading: w.heading, intro: [w.none] };
  const name = (id: string) => ctx.schools.get(id)?.name ?? id;
  const rows = [...m.rows].sort((a, b) => ORDER.indexOf(a.movement) - ORDER.indexOf(b.movement) || name(a.school_id).localeCompare(name(b.school_id), intlLocale()));
  const table: DataTable = {
    id: `${prefix}-flagged`,
    caption: w.caption(m.prevYear, m.year),
    columns: [
      { key: 'school', label: w.school, width: 'wide' },
      ...(m.prevYear === null ? [] : [{ key: 'before', label: String(m.prevYear) }]),
      { key: 'now', label: String(m.year) },
      ...(m.prevYear === null ? [] : [{ key: 'movement', label: w.change }]),
    ],
    rows: rows.map((r) => {
      const s = ctx.schools.get(r.school_id);
      return {
        school: textCell(name(r.school_id), s ? ctx.href(`school/${s.slug}`) : undefined),
        before: textCell(flagsText(r.before)),
        now: textCell(flagsText(r.now)),
        movement: textCell(MOVEMENT[r.movement]),
      };
    }),
  };
  return { id: 'flagged', heading: w.heading, intro: [summary(m.year, m.prevYear, m.rows)], tables: rows.length ? [table] : [] };
}

/** The region: the counts per municipality (a list of every school would not fit four pages). */
export function regionFlagsSection(ctx: SiteContext, inputs: SiteInputs): Section {
  const w = t().report.flags;
  if (!ctx.identifies) return { id: 'flagged', heading: w.heading, intro: [ctx.noIdentificationText()] };
  const all = flagMovement(inputs.flags, 'all');
  if (all.year === null) return { id: 'flagged', heading: w.heading, intro: [w.none] };
  const munOf = (id: string) => ctx.schools.get(id)?.municipality_id;
  const withPrev = all.prevYear !== null;
  const row = (label: string, rows: MovementRow[], href?: string) => {
    const c = counts(rows);
    const n = (v: number) => numCell(v, 'value', { digits: 0 });
    return { name: textCell(label, href), before: n(c.before), now: n(c.now), entered: n(c.entered), stayed: n(c.stayed), left: n(c.left), unknown: n(c.unknown) };
  };
  const table: DataTable = {
    id: 'report-region-flagged',
    caption: w.regionCaption(all.prevYear, all.year),
    columns: [
      { key: 'name', label: ctx.w.area.title, width: 'wide' },
      ...(withPrev ? [{ key: 'before', label: w.inList(all.prevYear!), numeric: true }] : []),
      { key: 'now', label: w.inList(all.year), numeric: true },
      ...(withPrev
        ? [
            { key: 'entered', label: w.entered, numeric: true },
            { key: 'stayed', label: w.stayed, numeric: true },
            { key: 'left', label: w.left, numeric: true },
            { key: 'unknown', label: w.unknown, numeric: true },
          ]
        : []),
    ],
    rows: [
      ...[...ctx.municipalities.values()].map((mun) =>
        row(mun.name, all.rows.filter((r) => munOf(r.school_id) === mun.id), ctx.href(`report/${mun.slug}`)),
      ),
      row(w.total, all.rows),
    ],
  };
  return {
    id: 'flagged',
    heading: w.heading,
    intro: [summary(all.year, all.prevYear, all.rows), w.seeAreas],
    tables: [table],
  };
}

const MAX_PARTNERSHIPS = 40;

export function partnershipsSection(ctx: SiteContext, inputs: SiteInputs, schoolIds: string[] | null, prefix: string): Section {
  const mine = schoolIds ? new Set(schoolIds) : null;
  const list = inputs.partnerships.filter((p) => !mine || mine.has(p.supported_school_id) || mine.has(p.strong_school_id));
  const w = t().report.partnerships;
  const heading = w.heading;
  if (!list.length) return { id: 'partnerships', heading, intro: [w.none] };
  const shown = list.slice(0, MAX_PARTNERSHIPS);
  const name = (id: string) => ctx.schools.get(id)?.name ?? id;
  // Short words in narrow columns; the intro says what «скрыто» means.
  const cell = (v: number | null) => numCell(v, v === null ? 'suppressed' : 'value', { reason: w.hidden });
  const table: DataTable = {
    id: `${prefix}-partnerships`,
    caption: w.caption(ctx.gapScoreName),
    columns: [
      { key: 'weak', label: w.weak, width: 'wide' },
      { key: 'strong', label: w.strong, width: 'wide' },
      { key: 'period', label: w.years },
      { key: 'before', label: w.before, numeric: true },
      { key: 'after', label: w.after, numeric: true },
      { key: 'change', label: w.change, numeric: true },
    ],
    rows: shown.map((p) => ({
      weak: textCell(name(p.supported_school_id)),
      strong: textCell(name(p.strong_school_id)),
      period: textCell(w.period(p.start_year, p.end_year ?? null)),
      before: cell(p.before),
      after: cell(p.after),
      change: p.before !== null && p.after !== null ? numCell(p.after - p.before, 'value') : numCell(null, 'na', { reason: '—' }),
    })),
  };
  const intro = [w.intro(list.length)];
  if (shown.some((p) => p.before === null || p.after === null)) {
    intro.push(w.hiddenNote(ctx.settings.min_participants));
  }
  if (list.length > shown.length) intro.push(w.firstOnly(shown.length));
  return { id: 'partnerships', heading, intro, tables: [table] };
}

