/** The school page: results over the years, position, context, flags, partnership. */
import { forms, afterColon, formatNumber, formatValue, countOf } from '../format/index.ts';
import { sparkline } from '../charts/sparkline.ts';
import { numCell, textCell, intCell } from './cells.ts';
import { yearLinesChart, yearSeriesTable, positionChart, contextChart } from './charts.ts';
import { HIDDEN, hiddenReason, key, measureDomain, measureLabel, type Measure } from '../publish/published.ts';
import type { Chart, DataTable, Page, PeerFilters, Section, Stat } from './types.ts';
import type { SiteContext, SchoolInfo } from './context.ts';
import { schoolVerdict } from './verdict.ts';
import { revisionsTable } from './changes-page.ts';
import type { Revision } from '../release/changes.ts';

const FLAG_NAMES: Record<string, string> = {
  shnro: 'Низкие образовательные результаты (ШНРО)',
  nsu: 'Неблагоприятные социальные условия (НСУ)',
  staffing: 'Слабое кадровое обеспечение',
  resources: 'Слабое ресурсное обеспечение',
  territory: 'Сложная территория',
};
/** Short labels for tables and the compare view. */
export const FLAG_SHORT: Record<string, string> = { shnro: 'ШНРО', nsu: 'НСУ', staffing: 'кадры', resources: 'ресурсы', territory: 'территория' };
export { FLAG_NAMES };

/** ОГЭ and ВПР means are grades (2–5); ЕГЭ and foreign tests such as SAT are scores. */
function meanColumnLabel(exams: Set<string>): string {
  const grades = [...exams].some((e) => e === 'ОГЭ' || e === 'ВПР');
  const scores = [...exams].some((e) => e !== 'ОГЭ' && e !== 'ВПР');
  return grades && scores ? 'Средний балл / отметка (ОГЭ)' : grades ? 'Средняя отметка' : 'Средний балл';
}

export function schoolPage(ctx: SiteContext, school: SchoolInfo, revisions: Revision[] = []): Page {
  const mun = ctx.municipalities.get(school.municipality_id)!;
  const sections: Section[] = [];
  const min = ctx.settings.min_participants;
  const latest = ctx.latestYear;

  // Summary
  const stats: Stat[] = [
    { label: ctx.w.area.title, value: mun.name },
  ];
  // «Тип местности: не указан» on every page says nothing when the dataset has no such field.
  if (ctx.hasSettlements) stats.push({ label: 'Тип местности', value: school.settlement ?? 'не указан' });
  if (school.former_names) stats.push({ label: 'Прежние названия', value: school.former_names });
  const flags = ctx.flagsBySchool.get(school.school_id) ?? [];
  const fired = [...new Set(flags.filter((f) => f.fired === true).map((f) => f.flag))];
  // Without a programme (or without data for any of its rules) a school has no status at all.
  if (ctx.identifies) {
    stats.push({
      label: `Статус в ${latest} году`,
      value: fired.length ? fired.map((f) => FLAG_NAMES[f] ?? f).join('; ') : 'не отнесена к ШНРО/НСУ',
    });
  }
  sections.push({ id: 'summary', heading: 'Коротко', verdict: schoolVerdict(ctx, school.school_id), stats });

  // Results per exam and subject over the years, against municipality and region.
  const charts: Chart[] = [];
  const hiddenSeries: string[] = [];
  const hiddenTables: DataTable[] = [];
  const tableRows: DataTable['rows'] = [];
  // Named from the data: a region publishes ЕГЭ and ОГЭ, NYC publishes SAT.
  const examsShown = new Set<string>();
  const mine = ctx.results.school(school.school_id);
  for (const s of ctx.results.series) {
    if (s.exam === 'ВПР') continue;
    const k = key(s.exam, s.subject, s.grade);
    const byYear = mine.get(k);
    if (!byYear) continue;
    const measure: Measure = ctx.measureFor(s.exam);
    const schoolPoints = ctx.years.map((year) => {
      const r = byYear.get(year);
      return { year, value: r && r[`${measure}_state`] === 'value' ? (r[measure] as number) : null, state: r ? r[`${measure}_state`] : 'missing', reason: hiddenReason(r) };
    });
    if (!schoolPoints.some((p) => p.value !== null) && !ctx.isChartSubject(s.exam, s.subject)) continue;
    const munSeries = ctx.aggregateSeries('municipality', school.municipality_id, k, measure);
    const regSeries = ctx.aggregateSeries('region', 'region', k, measure);
    const label = measureLabel(measure, s.exam, ctx.settings.measure_labels);
    if (ctx.isChartSubject(s.exam, s.subject)) {
      const chartArgs = {
        id: `school/${school.slug}/${ctx.subjectSlug(s.exam, s.subject)}`,
        title: `${s.exam}, ${s.subject}: ${label.short} по годам`,
        yLabel: label.unit === '%' ? `${label.label}, %` : label.label,
        unit: label.unit,
        yDomain: measureDomain(measure, s.exam),
        // A share runs from 0; a mean on an exam whose scale is not built in (SAT 200–800) does not.
        zero: measure !== 'mean' || measureDomain(measure, s.exam) !== undefined,
        minParticipants: min,
        scaleBreaks: ctx.years.filter((y, i) => i > 0 && ctx.scaleBreak(s.exam, s.subject, ctx.years[i - 1], y)),
        series: [
          { name: 'Школа', role: 'school' as const, points: schoolPoints.map(({ year, value }) => ({ year, value })), reasons: Object.fromEntries(schoolPoints.filter((p) => p.value === null).map((p) => [p.year, { state: p.state === 'value' ? 'missing' : p.state, reason: p.reason }])) },
          { name: ctx.w.area.title, role: 'municipality' as const, points: munSeries },
          { name: 'Регион', role: 'region' as const, points: regSeries },
        ],
      };
      const chart = yearLinesChart(chartArgs);
      if (chart) charts.push(chart);
      else {
        hiddenSeries.push(`${s.exam}, ${s.subject}`);
        hiddenTables.push(yearSeriesTable(chartArgs));
      }
    }
    const last = byYear.get(latest);
    examsShown.add(s.exam);
    tableRows.push({
      what: textCell(`${s.exam}, ${s.subject}`),
      trend: { ...textCell(''), spark: sparkline(schoolPoints, { label: `${s.subject}: ${label.short} по годам` }) },
      n: intCell(last?.n ?? null, last ? last.n_state : 'missing', min, hiddenReason(last)),
      mean: numCell(last?.mean ?? null, last ? last.mean_state : 'missing', { minParticipants: min, reason: hiddenReason(last) }),
      share_below: numCell(last?.share_below ?? null, last ? last.share_below_state : 'missing', { percent: true, minParticipants: min, coded: last?.coded?.share_below, reason: hiddenReason(last) }),
      share_high: numCell(last?.share_high ?? null, last ? last.share_high_state : 'missing', { percent: true, minParticipants: min, coded: last?.coded?.share_high, reason: hiddenReason(last) }),
    });
  }
  const intro = [
    `Линия школы прерывается там, где за год нет данных или значение скрыто (менее ${min} участников). ${ctx.w.area.title} и регион — средние, взвешенные по числу участников.`,
  ];
  if (hiddenSeries.length) intro.push(`${hiddenSeries.join('; ')}: ни за один год нет значения, которое можно опубликовать (нет данных или менее ${min} участников), поэтому график не строится.`);
  // Small groups: the last three years together, where the pooled group reaches the minimum.
  const pooled = ctx.pooledFor(school.school_id);
  if (pooled.length) {
    const p0 = pooled[0];
    intro.push(`В малых группах результат каждого года скрыт, поэтому ниже он приведён за ${p0.from}–${p0.to} годы вместе (среднее, взвешенное по числу участников), если вместе участников не менее ${min}.`);
    hiddenTables.push({
      id: `school-${school.slug}-pooled`,
      caption: `Результаты за ${p0.from}–${p0.to} годы вместе`,
      columns: [
        { key: 'what', label: 'Экзамен, предмет' },
        { key: 'n', label: 'Участников за три года', numeric: true },
        { key: 'mean', label: 'Средний балл или отметка за три года', numeric: true },
        { key: 'years', label: 'Годы с участниками' },
      ],
      rows: pooled.map((p) => ({
        what: textCell(`${p.exam}, ${p.subject}${p.grade ? `, ${p.grade} класс` : ''}`),
        n: intCell(p.n, 'value'),
        mean: numCell(p.mean, 'value', { digits: measureLabel('mean', p.exam).unit === 'отметка' ? 2 : 1 }),
        years: textCell(p.years.join(', ')),
      })),
    });
  } else if (!tableRows.length) {
    intro.push(`В данных нет результатов ${ctx.settings.ranked_exams.filter((e) => e !== 'ВПР').join(' и ')} этой школы: например, в ней нет выпускных классов.${ctx.results.school(school.school_id).size ? ' Результаты ВПР — в разделе ниже.' : ''}`);
  } else if (!charts.length && !tableRows.some((r) => r.mean.v !== null)) {
    intro.push(`Результатов за ${ctx.latestYear - 2}–${ctx.latestYear} годы вместе, основанных хотя бы на ${min} участниках, тоже нет (или их нельзя опубликовать, не раскрыв результаты других малых групп).`);
  }
  sections.push({
    id: 'results',
    heading: 'Результаты экзаменов по годам',
    intro,
    charts,
    tables: [
      ...hiddenTables,
      ...(tableRows.length
      ? [
          {
            id: `school-${school.slug}-latest`,
            caption: `Результаты экзаменов (${[...examsShown].join(', ')}) в ${latest} году`,
            columns: [
              { key: 'what', label: 'Экзамен, предмет' },
              { key: 'trend', label: 'Динамика' },
              { key: 'n', label: 'Участников', numeric: true },
              { key: 'mean', label: meanColumnLabel(examsShown), numeric: true },
              { key: 'share_below', label: 'Ниже порога', numeric: true },
              { key: 'share_high', label: 'Высокие баллы', numeric: true },
            ],
            rows: tableRows,
          },
        ]
      : []),
    ],
  });

  // Position among all schools on the gap score.
  const pos = ctx.gapPosition(school.school_id);
  if (pos) {
    sections.push({
      id: 'position',
      heading: 'Место среди школ региона',
      intro: [`Показатель для сравнения — «${pos.scoreLabel}» за ${pos.year} год (${pos.setLabel}; ВПР для сравнения школ не используются). В расчёт входят школы, где не менее ${min} участников.`],
      charts: [
        positionChart({
          id: `school/${school.slug}/position`,
          title: `Место школы среди школ региона, ${pos.year}`,
          xLabel: pos.scoreLabel,
          unit: pos.unit,
          values: pos.values,
          bins: pos.bins,
          rankOf: pos.rankOf,
          total: pos.total,
          bottomCut: pos.bottomCut,
          topCut: pos.topCut,
          subject: pos.setLabel,
          groups: ctx.w,
        }),
      ],
    });
  } else {
    sections.push({ id: 'position', heading: 'Место среди школ региона', intro: [`Школа не участвует в сравнении за ${latest} год: по обязательным предметам у неё нет опубликованного результата или менее ${min} участников.`] });
  }

  // Context: indices, expected vs actual, similar schools.
  const ctxRow = ctx.contextFor(school.school_id);
  const ctxSection: Section = { id: 'context', heading: 'Социальный контекст', intro: [] };
  const idx = ctx.indicesFor(school.school_id);
  if (idx.length) {
    ctxSection.tables = [
      {
        id: `school-${school.slug}-indices`,
        caption: 'Индексы школы и их компоненты (z-оценка: 0 — средняя школа региона, больше — лучше)',
        columns: [
          { key: 'name', label: 'Показатель' },
          { key: 'value', label: 'Значение', numeric: true },
        ],
        rows: idx.map((r) => ({ name: textCell(r.name), value: r.cell })),
      },
    ];
  }
  if (ctxRow) {
    ctxSection.charts = [
      contextChart({
        id: `school/${school.slug}/context`,
        title: `Фактический и ожидаемый результат, ${ctxRow.year}`,
        points: ctxRow.points,
        line: ctxRow.line,
        yLabel: ctxRow.scoreLabel,
        schoolName: school.name,
        expected: ctxRow.expected,
        actual: ctxRow.actual,
      }),
    ];
    if (ctxRow.resilient) ctxSection.intro!.push('Резильентная школа: при неблагоприятных социальных условиях показывает результат выше ожидаемого (верхняя четверть остатков).');
  }
  // Peers are compared by exam results; a school that sits no ranked exam (a primary
  // school) has nothing to compare, and a table of «нет данных» would say nothing.
  const sitsExams = ctx.examsSat(school.school_id) !== '';
  const similar = sitsExams ? ctx.similarFor(school.school_id) : [];
  if (!sitsExams && ctx.similarIds(school.school_id).length) ctxSection.intro!.push('ГИА в школе не сдают, поэтому похожие школы по результатам не сравниваются.');
  if (similar.length) {
    ctxSection.tables = [
      ...(ctxSection.tables ?? []),
      {
        id: `school-${school.slug}-similar`,
        caption: `Похожие школы (те же экзамены, близкий социальный контекст и размер): ${ctx.gapScoreName} по годам`,
        columns: [
          { key: 'name', label: 'Школа' },
          { key: 'mun', label: ctx.w.area.title },
          { key: 'trend', label: 'По годам' },
          { key: 'first', label: `${ctx.years[Math.max(0, ctx.years.length - 3)]}`, numeric: true },
          { key: 'score', label: `${ctx.latestYear}`, numeric: true },
        ],
        peers: peerFilters(ctx, school, mun.name),
        // This school first, so its line reads against its peers'.
        rows: [{ id: school.school_id, name: school.name, href: undefined, municipality: mun.name, settlement: school.settlement, series: ctx.scoreSeries(school.school_id), score: null }, ...similar].map((s) => {
          const first = s.series.find((p) => p.year === ctx.years[Math.max(0, ctx.years.length - 3)]);
          const last = s.series.find((p) => p.year === ctx.latestYear);
          return {
            name: textCell(s.href ? s.name : `${s.name} (эта школа)`, s.href),
            mun: textCell(s.municipality),
            trend: { ...textCell(''), spark: sparkline(s.series, { label: `${s.name}: ${ctx.gapScoreName} по годам` }) },
            first: numCell(first?.value ?? null, first?.state ?? 'missing', { minParticipants: min, reason: first?.reason }),
            score: numCell(last?.value ?? null, last?.state ?? 'missing', { minParticipants: min, reason: last?.reason }),
          };
        }),
      },
    ];
  }
  if (!ctxSection.tables && !ctxSection.charts) ctxSection.intro!.push('Данных о социальном контексте школы нет.');
  sections.push(ctxSection);

  // Flags with each rule; the rules that cannot apply to this dataset say why.
  // The programme's rules that this dataset cannot feed (not those the programme leaves out).
  const notApplied = ctx.rules.filter((r) => r.cause === 'data');
  if (!ctx.identifies) {
    sections.push({ id: 'flags', heading: 'Отнесение к ШНРО и НСУ', intro: [ctx.noIdentificationText()] });
  } else if (flags.length) {
    sections.push({
      id: 'flags',
      heading: `Отнесение к ШНРО и НСУ, ${latest}`,
      intro: [
        fired.length ? `Сработали правила: ${fired.map((f) => FLAG_NAMES[f] ?? f).join('; ')}.` : 'Ни одно правило не сработало.',
        ...(notApplied.length ? [`Не применяются к этим данным: ${notApplied.map((r) => `${afterColon(ctx.ruleName(r.rule))} (${r.reason})`).join('; ')}.`] : []),
      ],
      tables: [
        {
          id: `school-${school.slug}-flags`,
          caption: 'Правила отнесения, значения и пороги',
          columns: [
            { key: 'rule', label: 'Правило' },
            { key: 'value', label: 'Значение школы', numeric: true },
            { key: 'threshold', label: 'Порог', numeric: true },
            { key: 'fired', label: 'Сработало' },
            { key: 'distance', label: 'До выхода', numeric: true },
          ],
          rows: flags.map((f) => ({
            rule: textCell(`${FLAG_NAMES[f.flag] ?? f.flag}: ${afterColon(ctx.ruleName(f.rule))}`),
            value: f.value_hidden ? numCell(null, 'suppressed', { reason: HIDDEN.derived }) : f.value === null ? numCell(null, 'missing') : numCell(f.value, 'value', { digits: 2 }),
            threshold: f.threshold === null ? numCell(null, 'na') : numCell(f.threshold, 'value', { digits: 2 }),
            fired: textCell(f.fired === null ? 'нет данных' : f.fired ? 'да' : 'нет'),
            distance: f.fired && f.value_hidden ? numCell(null, 'suppressed', { reason: HIDDEN.derived }) : f.fired && f.distance !== null ? numCell(f.distance, 'value', { digits: 2 }) : numCell(null, 'na'),
          })),
        },
      ],
    });
  }

  // Its own revisions since the previous release (the changes page lists everyone's).
  if (revisions.length) {
    sections.push({
      id: 'revisions',
      heading: 'Исправления в данных',
      intro: ['Значения этой школы, которые в предыдущем выпуске данных были другими.'],
      tables: [revisionsTable(`school-${school.slug}-revisions`, 'Исправленные значения: было и стало', revisions)],
    });
  }

  // Partnership.
  const partner = ctx.partnershipFor(school.school_id);
  if (partner) sections.push(partner);

  // ВПР: distributions, never a ranking.
  const vpr = ctx.vprTable(school.school_id, school.slug);
  if (vpr) {
    sections.push({
      id: 'vpr',
      heading: 'ВПР: распределение отметок',
      intro: ['Результаты ВПР показаны для диагностики, без сравнения и рейтинга школ (рекомендация Рособрнадзора).'],
      tables: [vpr],
    });
  }

  sections.push({
    id: 'sources',
    heading: 'Источники',
    list: ctx.sourceList,
  });

  const headline = ctx.headlineFor(school.school_id);
  return {
    path: `school/${school.slug}`,
    kind: 'school',
    title: school.name,
    // Former names go into the lead: it is what search indexes, so the old name finds the school.
    description: `${school.name} (${mun.name}): результаты ${examsShown.size ? [...examsShown].join(' и ') : 'экзаменов'} по годам${headline ? `, ${headline}` : ''}, место среди школ региона, социальный контекст.${school.former_names ? ` Прежние названия: ${school.former_names}.` : ''}`,
    breadcrumbs: [
      { name: ctx.regionName, href: ctx.href('') },
      { name: mun.name, href: ctx.href(`municipality/${mun.slug}`) },
    ],
    sections,
  };
}

export function participantsText(n: number): string {
  return countOf(n, forms().participants);
}
export { formatNumber, formatValue };

/** The boxes a reader may tick to choose peers, each naming this school's own value. */
function peerFilters(ctx: SiteContext, school: SchoolInfo, munName: string): PeerFilters {
  const filters: PeerFilters['filters'] = [{ name: 'area', label: `в том же ${ctx.w.area.prepositional} (${munName})`, short: `в том же ${ctx.w.area.prepositional}` }];
  if (school.settlement) filters.push({ name: 'settlement', label: `того же типа местности (${school.settlement})`, short: 'того же типа местности' });
  const band = ctx.sizeBand(school.school_id);
  if (band) filters.push({ name: 'band', label: `того же размера (${band})`, short: 'того же размера' });
  return { school: school.slug, filters };
}
