/**
 * Machine-readable outputs under dist/data/: the same published (suppressed) numbers
 * the pages show, one source of truth, with a data dictionary for the Data page.
 */
import type { Dataset } from '../ingest/index.ts';
import { toCsv } from '../build/csv.ts';
import type { SiteContext, SiteInputs } from './context.ts';
import type { FieldType, SiteFile, SiteInfo } from './types.ts';
import { stateLabel } from '../format/index.ts';
import type { IslandData } from './island-data.ts';
import { FLAG_SHORT } from './school-page.ts';

type Dict = SiteInfo['downloads'][number];

/** The type a column's written values share (empty cells say nothing). */
function fieldType(rows: Array<Array<string | number | boolean | null>>, i: number): FieldType {
  let type: FieldType | null = null;
  for (const r of rows) {
    const v = r[i];
    if (v === null || v === undefined || v === '') continue;
    const t: FieldType = typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : 'string';
    if (type === null || type === t) type = t;
    else if ((type === 'integer' && t === 'number') || (type === 'number' && t === 'integer')) type = 'number';
    else return 'string';
  }
  return type ?? 'string';
}

/**
 * data/datapackage.json: a Frictionless Data Package whose Table Schemas describe every CSV
 * download (names, titles, types, and that an empty cell is «no value»: its state column or
 * the page says why), so the files can be validated and loaded by tools, not only read.
 */
export function dataPackage(name: string, dictionary: Dict[], edition: { name: string; date: string } | null): string {
  return JSON.stringify(
    {
      profile: 'tabular-data-package',
      name: 'school-transparency',
      title: name,
      ...(edition ? { version: edition.name, created: edition.date } : {}),
      resources: dictionary.map((d) => ({
        name: d.file.replace(/\.csv$/, '').replace(/[^a-z0-9_.-]/g, '-'),
        path: d.file,
        profile: 'tabular-data-resource',
        title: d.title,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', header: true },
        schema: { missingValues: [''], fields: d.columns.map((c) => ({ name: c.key, title: c.label, type: c.type ?? 'string' })) },
      })),
    },
    null,
    1,
  );
}
const r2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

export function downloads(ctx: SiteContext, inputs: SiteInputs, dataset: Dataset): { files: SiteFile[]; dictionary: Dict[] } {
  const files: SiteFile[] = [];
  const dictionary: Dict[] = [];
  // Every row says which release of the data it comes from, so a file quoted alone still does.
  const edition = dataset.edition;
  const add = (file: string, title: string, columns: [string, string][], rows: Array<Array<string | number | boolean | null>>) => {
    if (edition) {
      columns = [...columns, ['edition', 'Выпуск данных'], ['edition_date', 'Дата выпуска']];
      rows = rows.map((r) => [...r, edition.name, edition.date]);
    }
    files.push({ path: `data/${file}`, content: toCsv(columns.map((c) => c[0]), rows) });
    dictionary.push({ file, title, rows: rows.length, columns: columns.map(([key, label], i) => ({ key, label, type: fieldType(rows, i) })) });
  };
  const munName = (id: string) => ctx.municipalities.get(id)?.name ?? id;

  add(
    'schools.csv',
    `Школы и их ${ctx.w.area.nominative_plural}`,
    [
      ['school_id', 'Код школы, как в опубликованном файле'],
      ['name', 'Название школы'],
      ['municipality_id', `Код: ${ctx.w.area.nominative}`],
      ['municipality', ctx.w.area.title],
      ['settlement', 'Тип местности (город/село)'],
      ['former_names', 'Прежние названия школы с годами, через «; »'],
      ['page', 'Адрес страницы школы на сайте'],
    ],
    [...ctx.schools.values()].map((s) => [s.school_id, s.name, s.municipality_id, munName(s.municipality_id), s.settlement, s.former_names, `/school/${s.slug}/`]),
  );

  const measures = ['n', 'mean', 'share_below', 'share_good', 'share_high'] as const;
  add(
    'results.csv',
    'Результаты экзаменов по школам после защиты данных',
    [
      ['school_id', 'Код школы'],
      ['year', 'Год'],
      ['exam', 'Экзамен (ЕГЭ, ОГЭ, ВПР…)'],
      ['subject', 'Предмет'],
      ['grade', 'Класс (для ВПР)'],
      ['n', 'Число участников'],
      ['n_state', 'Состояние значения: value, missing, suppressed, na'],
      ['mean', 'Средний балл (ЕГЭ) или средняя отметка'],
      ['mean_state', 'Состояние значения'],
      ['share_below', 'Доля не преодолевших порог, %'],
      ['share_below_state', 'Состояние значения'],
      ['share_good', 'Доля отметок «4» и «5», %'],
      ['share_good_state', 'Состояние значения'],
      ['share_high', 'Доля высокобалльников, %'],
      ['share_high_state', 'Состояние значения'],
    ],
    inputs.results.map((r) => [
      r.school_id,
      r.year,
      r.exam,
      r.subject,
      r.grade,
      ...measures.flatMap((m) => {
        const coded = m !== 'n' && m !== 'mean' ? r.coded?.[m] : undefined;
        return [coded ?? r2(r[m]), r[`${m}_state`]];
      }),
    ]),
  );

  add(
    'pooled.csv',
    'Результаты малых школ за три года вместе (там, где каждый год скрыт, а вместе участников не меньше минимума)',
    [
      ['school_id', 'Код школы'],
      ['exam', 'Экзамен'],
      ['subject', 'Предмет'],
      ['grade', 'Класс (для ВПР)'],
      ['from', 'Первый год окна'],
      ['to', 'Последний год окна'],
      ['n', 'Участников за три года'],
      ['mean', 'Средний балл или отметка за три года'],
    ],
    inputs.pooled.map((p) => [p.school_id, p.exam, p.subject, p.grade, p.from, p.to, p.n, r2(p.mean)]),
  );

  add(
    'gap.csv',
    ctx.w.gapTitle,
    [
      ['scope', 'Уровень: region или municipality'],
      ['scope_id', `Код: ${ctx.w.area.nominative} (region для региона)`],
      ['year', 'Год'],
      ['exam', 'Экзамен'],
      ['subject_set', 'Набор предметов'],
      ['eligible', 'Школ в расчёте (не менее минимума участников)'],
      ['k', 'Школ в каждой группе'],
      ['top_mean', ctx.w.topMean],
      ['bottom_mean', ctx.w.bottomMean],
      ['gap', 'Разрыв = лучшие − худшие'],
      ['ratio', 'Отношение = лучшие / худшие'],
      ['change', 'Изменение разрыва к прошлому году'],
      ['ratio_reduction_pct', 'Сокращение отношения к прошлому году, % (как на страницах: плюс — разрыв сократился)'],
      ['target_met', 'Цель сокращения достигнута'],
      ['few_schools', 'Рассчитано по очень малому числу школ'],
      ['top_ids', `Коды школ группы «${ctx.w.top}» через «;»`],
      ['bottom_ids', `Коды школ группы «${ctx.w.bottom}» через «;»`],
    ],
    inputs.gap.map((g) => [g.scope, g.scope_id, g.year, g.exam, g.subject_set, g.eligible, g.k, r2(g.top_mean), r2(g.bottom_mean), r2(g.gap), g.ratio === null ? null : Math.round(g.ratio * 10000) / 10000, r2(g.change), g.change_pct === null ? null : r2(-g.change_pct), g.target_met, g.few_schools, g.top_ids.join(';'), g.bottom_ids.join(';')]),
  );

  add(
    'indicators.csv',
    'Показатели программы: факт, цель, статус',
    [
      ['scope_id', `region или код: ${ctx.w.area.nominative}`],
      ['indicator', 'Код показателя'],
      ['name', 'Показатель'],
      ['year', 'Год'],
      ['value', 'Фактическое значение'],
      ['value_state', 'Состояние значения'],
      ['target', 'Целевое значение'],
      ['status', 'met — достигнута, not_met — не достигнута, no_data, no_target'],
      ['computed', 'true — рассчитано по результатам, false — из таблицы программы'],
    ],
    inputs.programme.map((p) => [p.scope_id, p.indicator, p.name, p.year, r2(p.value), p.value_state, r2(p.target), p.status, p.computed]),
  );

  // Every rule of the latest year; earlier years only the rules that fired (14 rules ×
  // 40,000 schools × 10 years would be a 300 MB file of mostly «не сработало»).
  const latestFlagYear = ctx.latestYear;
  const flagRows = inputs.flags.filter((f) => f.year === latestFlagYear || f.fired === true);
  // Without a programme (or data for its rules) the file exists, empty, and says why.
  const flagsTitle = ctx.identifies
    ? `Отнесение к ШНРО/НСУ: правила, значения, пороги (все правила за ${latestFlagYear} год, за прошлые годы — только сработавшие)`
    : `Отнесение к ШНРО/НСУ: файл пуст. ${ctx.noIdentificationText()}`;
  add(
    'flags.csv',
    flagsTitle,
    [
      ['school_id', 'Код школы'],
      ['year', 'Год'],
      ['flag', 'shnro, nsu, staffing, resources, territory'],
      ['rule', 'Правило'],
      ['value', 'Значение школы'],
      ['threshold', 'Порог'],
      ['fired', 'Правило сработало (пусто — нет данных)'],
    ],
    flagRows.map((f) => [f.school_id, f.year, f.flag, f.rule, r2(f.value), r2(f.threshold), f.fired]),
  );

  add(
    'context.csv',
    'Социальный контекст: ожидаемый результат и остаток',
    [
      ['school_id', 'Код школы'],
      ['year', 'Год'],
      ['exam', 'Экзамен'],
      ['social_index', 'Индекс социального благополучия (больше — благополучнее)'],
      ['expected', 'Ожидаемый результат'],
      ['residual', 'Остаток = факт − ожидаемое'],
      ['resilient', 'Резильентная школа'],
      ['cluster', 'Номер кластера'],
    ],
    inputs.context.filter((c) => c.score !== null).map((c) => [c.school_id, c.year, c.exam, r2(c.social_index), r2(c.expected), r2(c.residual), c.resilient, c.cluster]),
  );

  // Compare and peer islands: the latest published figures per school and each school's
  // published score by year (hidden years carry no number, only their state), nothing hidden.
  const p = ctx.primarySet();
  const compare: IslandData = {
    years: ctx.years,
    basis: p ? `${ctx.gapScoreName}` : null,
    set: p ? { exam: p.exam, subject_set: p.subject_set } : null,
    areaTitle: ctx.w.area.title,
    areaSame: `в том же ${ctx.w.area.prepositional}`,
    minParticipants: ctx.settings.min_participants,
    bands: ctx.sizeBandLabels(),
    similarCount: ctx.settings.similar_count,
    fields: [
      { key: 'municipality', label: ctx.w.area.title },
      { key: 'score', label: `${ctx.gapScoreLabel}, ${ctx.latestYear}` },
      { key: 'status', label: 'Статус' },
    ],
    schools: [...ctx.schools.values()].map((s) => {
      const series = ctx.scoreSeries(s.school_id);
      const last = series[series.length - 1];
      const fired = [...new Set((ctx.flagsBySchool.get(s.school_id) ?? []).filter((f) => f.fired).map((f) => FLAG_SHORT[f.flag] ?? f.flag))];
      const point = inputs.peers.points.get(s.school_id);
      return {
        id: s.slug,
        code: s.school_id,
        name: s.name,
        label: `${s.name} (${munName(s.municipality_id)})`,
        mun: s.municipality_id,
        settlement: s.settlement,
        // One letter per year: v published, h hidden, m no data; the numbers only where v.
        states: series.map((pt) => (pt.state === 'value' ? 'v' : pt.state === 'suppressed' ? 'h' : 'm')).join(''),
        series: series.map((pt) => pt.value),
        ...(series.some((pt) => pt.reason) ? { why: Object.fromEntries(series.flatMap((pt, i) => (pt.state === 'suppressed' && pt.reason ? [[i, pt.reason]] : []))) } : {}),
        peer: point ? [point.x, point.y, point.band, point.exams] : null,
        values: {
          municipality: munName(s.municipality_id),
          score: last && last.value !== null ? last.value.toLocaleString('ru-RU', { maximumFractionDigits: 1, minimumFractionDigits: 1 }) : last?.state === 'suppressed' ? (last.reason ?? stateLabel('suppressed', ctx.settings.min_participants)) : 'нет данных',
          status: fired.length ? fired.join(', ') : '—',
        },
      };
    }),
  };
  // `<` escaped so the file stays inert even if some server sends it as HTML.
  files.push({ path: 'data/compare.json', content: JSON.stringify(compare).replace(/</g, '\\u003c') });
  void dataset;
  return { files, dictionary };
}
