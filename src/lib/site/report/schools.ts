/** The report's schools: the ШНРО/НСУ list and its movement since last year, and partnerships. */
import { forms, countOf, formatInt } from '../../format/index.ts';
import { numCell, textCell } from '../cells.ts';
import { FLAG_SHORT } from '../school-page.ts';
import type { SiteContext, SiteInputs } from '../context.ts';
import type { DataTable, Section } from '../types.ts';
import { flagMovement, type Movement, type MovementRow } from './movement.ts';

const MOVEMENT: Record<Movement, string> = {
  entered: 'вошла в список',
  stayed: 'осталась в списке',
  left: 'вышла из списка',
  unknown: 'не оценена: нет данных',
};
const ORDER: Movement[] = ['entered', 'stayed', 'left', 'unknown'];

const HEADING = 'Школы ШНРО и НСУ';

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
  const now = `В ${year} году к ШНРО или НСУ ${c.now === 1 ? 'отнесена' : 'отнесены'} ${countOf(c.now, forms().schools)}.`;
  if (prevYear === null) return `${now} Данных об отнесении за ${year - 1} год нет, поэтому движение по списку не показано.`;
  return `${now} В ${prevYear} году — ${formatInt(c.before)}. Вошли в список: ${formatInt(c.entered)}, остались: ${formatInt(c.stayed)}, вышли: ${formatInt(c.left)}${c.unknown ? `, не оценены из-за нехватки данных: ${formatInt(c.unknown)}` : ''}.`;
}

/** A municipality: every school listed in either year, with its flags and movement. */
export function municipalityFlagsSection(ctx: SiteContext, inputs: SiteInputs, schoolIds: string[], prefix: string): Section {
  if (!ctx.identifies) return { id: 'flagged', heading: HEADING, intro: [ctx.noIdentificationText()] };
  const mine = new Set(schoolIds);
  const m = flagMovement(inputs.flags, (id) => mine.has(id));
  if (m.year === null) return { id: 'flagged', heading: HEADING, intro: ['Ни одна школа не отнесена к ШНРО или НСУ.'] };
  const name = (id: string) => ctx.schools.get(id)?.name ?? id;
  const rows = [...m.rows].sort((a, b) => ORDER.indexOf(a.movement) - ORDER.indexOf(b.movement) || name(a.school_id).localeCompare(name(b.school_id), 'ru'));
  const table: DataTable = {
    id: `${prefix}-flagged`,
    caption: m.prevYear === null ? `Школы ШНРО и НСУ, ${m.year}` : `Школы ШНРО и НСУ: ${m.prevYear} и ${m.year}`,
    columns: [
      { key: 'school', label: 'Школа', width: 'wide' },
      ...(m.prevYear === null ? [] : [{ key: 'before', label: String(m.prevYear) }]),
      { key: 'now', label: String(m.year) },
      ...(m.prevYear === null ? [] : [{ key: 'movement', label: 'Изменение' }]),
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
  return { id: 'flagged', heading: HEADING, intro: [summary(m.year, m.prevYear, m.rows)], tables: rows.length ? [table] : [] };
}

/** The region: the counts per municipality (a list of every school would not fit four pages). */
export function regionFlagsSection(ctx: SiteContext, inputs: SiteInputs): Section {
  if (!ctx.identifies) return { id: 'flagged', heading: HEADING, intro: [ctx.noIdentificationText()] };
  const all = flagMovement(inputs.flags, () => true);
  if (all.year === null) return { id: 'flagged', heading: HEADING, intro: ['Ни одна школа не отнесена к ШНРО или НСУ.'] };
  const munOf = (id: string) => ctx.schools.get(id)?.municipality_id;
  const withPrev = all.prevYear !== null;
  const row = (label: string, rows: MovementRow[], href?: string) => {
    const c = counts(rows);
    const n = (v: number) => numCell(v, 'value', { digits: 0 });
    return { name: textCell(label, href), before: n(c.before), now: n(c.now), entered: n(c.entered), stayed: n(c.stayed), left: n(c.left), unknown: n(c.unknown) };
  };
  const table: DataTable = {
    id: 'report-region-flagged',
    caption: withPrev ? `Школы ШНРО и НСУ по муниципалитетам: ${all.prevYear} и ${all.year}` : `Школы ШНРО и НСУ по муниципалитетам, ${all.year}`,
    columns: [
      { key: 'name', label: 'Муниципалитет', width: 'wide' },
      ...(withPrev ? [{ key: 'before', label: `В списке, ${all.prevYear}`, numeric: true }] : []),
      { key: 'now', label: `В списке, ${all.year}`, numeric: true },
      ...(withPrev
        ? [
            { key: 'entered', label: 'Вошли', numeric: true },
            { key: 'stayed', label: 'Остались', numeric: true },
            { key: 'left', label: 'Вышли', numeric: true },
            { key: 'unknown', label: 'Нет данных', numeric: true },
          ]
        : []),
    ],
    rows: [
      ...[...ctx.municipalities.values()].map((mun) =>
        row(mun.name, all.rows.filter((r) => munOf(r.school_id) === mun.id), ctx.href(`report/${mun.slug}`)),
      ),
      row('Всего по региону', all.rows),
    ],
  };
  return {
    id: 'flagged',
    heading: HEADING,
    intro: [summary(all.year, all.prevYear, all.rows), 'Список школ с изменениями — в отчёте каждого муниципалитета (ссылки в таблице).'],
    tables: [table],
  };
}

const MAX_PARTNERSHIPS = 40;

export function partnershipsSection(ctx: SiteContext, inputs: SiteInputs, schoolIds: string[] | null, prefix: string): Section {
  const mine = schoolIds ? new Set(schoolIds) : null;
  const list = inputs.partnerships.filter((p) => !mine || mine.has(p.supported_school_id) || mine.has(p.strong_school_id));
  const heading = 'Партнёрства школ';
  if (!list.length) return { id: 'partnerships', heading, intro: ['Партнёрств школ в данных нет.'] };
  const shown = list.slice(0, MAX_PARTNERSHIPS);
  const name = (id: string) => ctx.schools.get(id)?.name ?? id;
  // Short words in narrow columns; the intro says what «скрыто» means.
  const cell = (v: number | null) => numCell(v, v === null ? 'suppressed' : 'value', { reason: 'скрыто' });
  const table: DataTable = {
    id: `${prefix}-partnerships`,
    caption: `Партнёрства: результат поддерживаемой школы до и после начала (${ctx.gapScoreName})`,
    columns: [
      { key: 'weak', label: 'Поддерживаемая школа', width: 'wide' },
      { key: 'strong', label: 'Школа-партнёр', width: 'wide' },
      { key: 'period', label: 'Годы' },
      { key: 'before', label: 'До', numeric: true },
      { key: 'after', label: 'После', numeric: true },
      { key: 'change', label: 'Разница', numeric: true },
    ],
    rows: shown.map((p) => ({
      weak: textCell(name(p.supported_school_id)),
      strong: textCell(name(p.strong_school_id)),
      period: textCell(p.end_year ? `${p.start_year}–${p.end_year}` : `с ${p.start_year}`),
      before: cell(p.before),
      after: cell(p.after),
      change: p.before !== null && p.after !== null ? numCell(p.after - p.before, 'value') : numCell(null, 'na', { reason: '—' }),
    })),
  };
  const intro = [`${countOf(list.length, PARTNERSHIPS)}: сильная школа поддерживает школу с низкими результатами.`];
  if (shown.some((p) => p.before === null || p.after === null)) {
    intro.push(`«Скрыто» — результат не публикуется: в нём менее ${ctx.settings.min_participants} участников или его можно было бы восстановить вычитанием; тогда и изменение не считается.`);
  }
  if (list.length > shown.length) intro.push(`Показаны первые ${shown.length}; остальные — в отчётах муниципалитетов.`);
  return { id: 'partnerships', heading, intro, tables: [table] };
}

const PARTNERSHIPS: readonly [string, string, string] = ['партнёрство', 'партнёрства', 'партнёрств'];
