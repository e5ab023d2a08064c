/** «Что изменилось»: this release against the previous one (src/lib/release). */
import type { Changes, Revision } from '../release/changes.ts';
import { changesSummary } from '../release/feed.ts';
import { formatInt } from '../format/index.ts';
import { textCell } from './cells.ts';
import type { SiteContext } from './context.ts';
import type { DataTable, Page, Section } from './types.ts';

/** More than this many revised values are listed in changes.csv only. */
export const MAX_LISTED = 300;

const MEASURE_NAMES: Record<string, string> = {
  n: 'Участников',
  mean: 'Средний балл',
  share_below: 'Ниже порога, %',
  share_good: 'Отметки «4» и «5», %',
  share_high: 'Высокие баллы, %',
};
const FLAG_WORDS: Record<string, string> = { shnro: 'ШНРО', nsu: 'НСУ', staffing: 'кадры', resources: 'ресурсы', territory: 'территория' };
const flagsText = (f: string[]) => (f.length ? f.map((x) => FLAG_WORDS[x] ?? x).join(', ') : 'не отнесена');
/** A published CSV number as a reader sees it («61.5» → «61,5»), or why there is none. */
const shown = (v: string | null) => (v === null ? 'не опубликовано' : v.replace('-', '\u2212').replace('.', ','));
const edition = (e: { name: string; date: string } | null) => (e ? `${e.name} (${e.date})` : 'выпуск без названия');

export function revisionsTable(id: string, caption: string, rows: Revision[], schoolName?: (id: string) => string): DataTable {
  return {
    id,
    caption,
    columns: [
      ...(schoolName ? [{ key: 'school', label: 'Школа' }] : []),
      { key: 'what', label: 'Год, экзамен, предмет' },
      { key: 'measure', label: 'Показатель' },
      { key: 'before', label: 'Было' },
      { key: 'after', label: 'Стало' },
    ],
    rows: rows.map((r) => ({
      ...(schoolName ? { school: textCell(schoolName(r.school_id)) } : {}),
      what: textCell(`${r.year}, ${r.exam}, ${r.subject}${r.grade ? `, ${r.grade} класс` : ''}`),
      measure: textCell(MEASURE_NAMES[r.measure] ?? r.measure),
      before: textCell(shown(r.before)),
      after: textCell(shown(r.after)),
    })),
  };
}

export function changesPage(ctx: SiteContext, c: Changes | null): Page {
  const base = { path: 'changes', kind: 'changes' as const, title: 'Что изменилось', breadcrumbs: [{ name: ctx.regionName, href: ctx.href('') }] };
  if (!c) {
    return {
      ...base,
      description: 'Изменения опубликованных данных по сравнению с предыдущим выпуском.',
      sections: [{ id: 'none', heading: 'Сравнение не проводилось', intro: ['Этот сайт собран без предыдущего выпуска данных для сравнения (npm run build -- --previous ПАПКА, где ПАПКА — data/ прошлой сборки). Когда он будет указан, здесь появятся добавленные и исчезнувшие школы, изменения статусов, исправленные значения и изменения разрыва.'] }],
    };
  }
  const name = (id: string) => ctx.schools.get(id)?.name ?? id;
  const link = (id: string) => (ctx.schools.has(id) ? ctx.href(`school/${ctx.schools.get(id)!.slug}`) : undefined);
  const sections: Section[] = [
    {
      id: 'summary',
      heading: 'Коротко',
      intro: [`${edition(c.current)} по сравнению с выпуском ${edition(c.previous)}. ${changesSummary(c)}`],
      stats: [
        { label: 'Школ добавлено', value: formatInt(c.added.length) },
        { label: 'Школ исчезло', value: formatInt(c.gone.length) },
        { label: 'Изменений статуса', value: formatInt(c.status.length) },
        { label: 'Исправленных значений', value: formatInt(c.revisions.length) },
        { label: 'Изменений разрыва', value: formatInt(c.gaps.length) },
      ],
    },
  ];
  if (c.added.length || c.gone.length || c.renamed.length) {
    sections.push({
      id: 'schools',
      heading: 'Школы',
      list: [
        ...c.added.map((id) => ({ text: name(id), href: link(id), note: 'добавлена' })),
        ...c.gone.map((s) => ({ text: s.name, note: 'нет в этом выпуске' })),
        ...c.renamed.map((s) => ({ text: s.after, href: link(s.id), note: `прежнее название: ${s.before}` })),
      ],
    });
  }
  if (c.status.length) {
    sections.push({ id: 'status', heading: 'Отнесение к ШНРО и НСУ', list: c.status.map((s) => ({ text: name(s.id), href: link(s.id), note: `было: ${flagsText(s.before)}; стало: ${flagsText(s.after)}` })) });
  }
  if (c.revisions.length) {
    const listed = c.revisions.slice(0, MAX_LISTED);
    sections.push({
      id: 'revisions',
      heading: 'Исправленные значения',
      intro: [c.revisions.length > MAX_LISTED ? `Показаны первые ${formatInt(MAX_LISTED)} из ${formatInt(c.revisions.length)}; все — в файле changes.csv на странице «Данные».` : 'Значения, которые в прошлом выпуске были другими. «Не опубликовано» — значения нет или оно скрыто для защиты данных.'],
      tables: [revisionsTable('changes-revisions', 'Исправленные значения: было и стало', listed, name)],
    });
  }
  if (c.gaps.length) {
    sections.push({
      id: 'gaps',
      heading: 'Изменения разрыва',
      tables: [
        {
          id: 'changes-gaps',
          caption: 'Разрыв: было и стало',
          columns: [
            { key: 'what', label: 'Территория, год, экзамен, предметы' },
            { key: 'before', label: 'Было' },
            { key: 'after', label: 'Стало' },
          ],
          rows: c.gaps.map((g) => {
            const [scope, id, year, exam, set] = g.key.split('|');
            const where = scope === 'region' ? ctx.regionName : ctx.municipalities.get(id)?.name ?? id;
            return { what: textCell(`${where}, ${year}, ${exam}, ${set.split(' + ').join(' и ')}`), before: textCell(shown(g.before)), after: textCell(shown(g.after)) };
          }),
        },
      ],
    });
  }
  if (sections.length === 1) sections[0].intro!.push('Опубликованные значения не изменились.');
  return { ...base, description: `Что изменилось в опубликованных данных: ${changesSummary(c)}`, sections };
}
