/** The school page: results over the years, position, context, flags, partnership. */
import { t } from '../words/index.ts';
import { localized } from '../words/locale.ts';
import { forms, afterColon, formatNumber, formatValue, countOf } from '../format/index.ts';
import { sparkline } from '../charts/sparkline.ts';
import { numCell, textCell, intCell } from './cells.ts';
import { yearLinesChart, yearSeriesTable, positionChart, contextChart } from './charts.ts';
import { HIDDEN, hiddenReason, isGradeScale, key, measureDomain, measureLabel, type Measure } from '../publish/published.ts';
import type { Chart, DataTable, Page, PeerFilters, Section, Stat } from './types.ts';
import type { SiteContext, SchoolInfo } from './context.ts';
import { schoolVerdict } from './verdict.ts';
import { STATE_OF } from '../metrics/results.ts';
import { revisionsTable } from './changes-page.ts';
import type { Revision } from '../release/changes.ts';

/** The identifications as a school's status names them, in the site's language. */
const FLAG_NAMES: Record<string, string> = localized(() => t().school.page.flagNames);
/** Short labels for tables and the compare view. */
export const FLAG_SHORT: Record<string, string> = localized(() => t().school.page.flagShort);
export { FLAG_NAMES };

/** ОГЭ and ВПР means are grades (2–5); ЕГЭ and foreign tests such as SAT are scores. */
function meanColumnLabel(exams: Set<string>): string {
  const grades = [...exams].some((e) => e === 'ОГЭ' || e === 'ВПР');
  const scores = [...exams].some((e) => e !== 'ОГЭ' && e !== 'ВПР');
  return t().school.page.meanColumn(grades, scores);
}

export function schoolPage(ctx: SiteContext, school: SchoolInfo, revisions: Revision[] = []): Page {
  const mun = ctx.municipalities.get(school.municipality_id)!;
  const sections: Section[] = [];
  const min = ctx.settings.min_participants;
  const latest = ctx.latestYear;
  const w = t().school.page;

  // Summary
  const stats: Stat[] = [
    { label: ctx.w.area.title, value: mun.name },
  ];
  // «Тип местности: не указан» on every page says nothing when the dataset has no such field.
  if (ctx.hasSettlements) stats.push({ label: w.settlement, value: school.settlement ?? w.settlementNone });
  if (school.former_names) stats.push({ label: w.formerNames, value: school.former_names });
  const flags = ctx.flagsBySchool.get(school.school_id) ?? [];
  const fired = [...new Set(flags.filter((f) => f.fired === true).map((f) => f.flag))];
  // Without a programme (or without data for any of its rules) a school has no status at all.
  if (ctx.identifies) {
    stats.push({
      label: w.statusIn(latest),
      value: fired.length ? fired.map((f) => FLAG_NAMES[f] ?? f).join('; ') : w.notFlagged,
    });
  }
  sections.push({ id: 'summary', heading: w.brief, verdict: schoolVerdict(ctx, school.school_id), stats });

  // Results per exam and subject over the years, against municipality and region.
  const charts: Chart[] = [];
  const hiddenSeries: string[] = [];
  const bandedSeries: string[] = [];
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
      // A coded share (a band in a small group) has no number past the boundary, only its band.
      const coded = measure === 'mean' ? undefined : r?.coded?.[measure];
      return { year, value: r && r[STATE_OF[measure]] === 'value' && !coded ? (r[measure] as number) : null, state: r ? r[STATE_OF[measure]] : 'missing', reason: hiddenReason(r), coded };
    });
    if (!schoolPoints.some((p) => p.value !== null) && !ctx.isChartSubject(s.exam, s.subject)) continue;
    const munSeries = ctx.aggregateSeriesWithReasons('municipality', school.municipality_id, k, measure);
    const regSeries = ctx.aggregateSeriesWithReasons('region', 'region', k, measure);
    const label = measureLabel(measure, s.exam, ctx.settings.measure_labels);
    if (ctx.isChartSubject(s.exam, s.subject)) {
      const chartArgs = {
        id: `school/${school.slug}/${ctx.subjectSlug(s.exam, s.subject)}`,
        title: w.chartTitle(s.exam, s.subject, label.short),
        yLabel: label.unit === '%' ? `${label.label}, %` : label.label,
        unit: label.unit,
        yDomain: measureDomain(measure, s.exam),
        // A share runs from 0; a mean on an exam whose scale is not built in (SAT 200–800) does not.
        zero: measure !== 'mean' || measureDomain(measure, s.exam) !== undefined,
        minParticipants: min,
        scaleBreaks: ctx.years.filter((y, i) => i > 0 && ctx.scaleBreak(s.exam, s.subject, ctx.years[i - 1], y)),
        series: [
          { name: w.school, role: 'school' as const, points: schoolPoints.map(({ year, value }) => ({ year, value })), reasons: Object.fromEntries(schoolPoints.filter((p) => p.value === null).map((p) => [p.year, { state: p.state === 'value' ? 'missing' : p.state, reason: p.reason, coded: p.coded }])) },
          { name: ctx.w.area.title, role: 'municipality' as const, ...munSeries },
          { name: w.region, role: 'region' as const, ...regSeries },
        ],
      };
      const chart = yearLinesChart(chartArgs);
      if (chart) charts.push(chart);
      else {
        // No number to draw: shown only as a band in a small group, or hidden / missing.
        const banded = schoolPoints.some((p) => p.coded);
        (banded ? bandedSeries : hiddenSeries).push(`${s.exam}, ${s.subject}`);
        hiddenTables.push(yearSeriesTable(chartArgs));
      }
    }
    const last = byYear.get(latest);
    examsShown.add(s.exam);
    tableRows.push({
      what: textCell(`${s.exam}, ${s.subject}`),
      trend: { ...textCell(''), spark: sparkline(schoolPoints, { label: w.sparkLabel(s.subject, label.short) }) },
      n: intCell(last?.n ?? null, last ? last.n_state : 'missing', min, hiddenReason(last)),
      mean: numCell(last?.mean ?? null, last ? last.mean_state : 'missing', { minParticipants: min, reason: hiddenReason(last) }),
      share_below: numCell(last?.share_below ?? null, last ? last.share_below_state : 'missing', { percent: true, minParticipants: min, coded: last?.coded?.share_below, reason: hiddenReason(last) }),
      share_high: numCell(last?.share_high ?? null, last ? last.share_high_state : 'missing', { percent: true, minParticipants: min, coded: last?.coded?.share_high, reason: hiddenReason(last) }),
    });
  }
  const intro = [
    w.lineBreaks(min, ctx.w.area.title),
  ];
  if (hiddenSeries.length) intro.push(w.noSeries(hiddenSeries.join('; '), min));
  if (bandedSeries.length) intro.push(w.bandSeries(bandedSeries.join('; ')));
  // Small groups: the last three years together, where the pooled group reaches the minimum.
  const pooled = ctx.pooledFor(school.school_id);
  if (pooled.length) {
    const p0 = pooled[0];
    intro.push(w.pooledIntro(p0.from, p0.to, min));
    hiddenTables.push({
      id: `school-${school.slug}-pooled`,
      caption: w.pooledCaption(p0.from, p0.to),
      columns: [
        { key: 'what', label: w.examSubject },
        { key: 'n', label: w.pooledN, numeric: true },
        { key: 'mean', label: w.pooledMean, numeric: true },
        { key: 'years', label: w.pooledYears },
      ],
      rows: pooled.map((p) => ({
        what: textCell(w.examRow(p.exam, p.subject, p.grade)),
        n: intCell(p.n, 'value'),
        mean: numCell(p.mean, 'value', { digits: isGradeScale(p.exam) ? 2 : 1 }),
        years: textCell(p.years.join(', ')),
      })),
    });
  } else if (!tableRows.length) {
    intro.push(w.noRanked(ctx.settings.ranked_exams.filter((e) => e !== 'ВПР'), ctx.results.school(school.school_id).size > 0));
  } else if (hiddenSeries.length && !charts.length && !tableRows.some((r) => r.mean.v !== null) && ctx.years.length > 1) {
    // Pooling needs years to pool: a one-year dataset (Moscow 2016) has none to offer.
    intro.push(w.noPooled(Math.max(ctx.latestYear - 2, ctx.years[0]), ctx.latestYear, min));
  }
  sections.push({
    id: 'results',
    heading: w.results,
    intro,
    charts,
    tables: [
      ...hiddenTables,
      ...(tableRows.length
      ? [
          {
            id: `school-${school.slug}-latest`,
            caption: w.resultsCaption([...examsShown], latest),
            // The score beside the subject: on a phone it is in view without scrolling. A
            // measure the dataset never has (Moscow publishes shares, no means) is no column.
            columns: [
              { key: 'what', label: w.examSubject },
              { key: 'mean', label: meanColumnLabel(examsShown), numeric: true },
              { key: 'share_below', label: w.shareBelow, numeric: true },
              { key: 'share_high', label: w.shareHigh, numeric: true },
              { key: 'trend', label: w.trend },
              { key: 'n', label: w.n, numeric: true },
            ].filter((c) => !['mean', 'share_below', 'share_high'].includes(c.key) || tableRows.some((r) => r[c.key].state !== 'missing')),
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
      heading: w.position,
      intro: [w.positionIntro(pos.scoreLabel, pos.year, pos.setLabel, min)],
      charts: [
        positionChart({
          id: `school/${school.slug}/position`,
          title: w.positionTitle(pos.year),
          xLabel: pos.scoreLabel,
          unit: pos.unit,
          values: pos.values,
          bins: pos.bins,
          rankOf: pos.rankOf,
          total: pos.total,
          bottomCut: pos.bottomCut,
          topCut: pos.topCut,
          groupOf: pos.groupOf,
          subject: pos.setLabel,
          groups: ctx.w,
        }),
      ],
    });
  } else {
    sections.push({ id: 'position', heading: w.position, intro: [w.notRanked(latest, min)] });
  }

  // Context: indices, expected vs actual, similar schools.
  const ctxRow = ctx.contextFor(school.school_id);
  const ctxSection: Section = { id: 'context', heading: w.context, intro: [] };
  const idx = ctx.indicesFor(school.school_id);
  if (idx.length) {
    ctxSection.tables = [
      {
        id: `school-${school.slug}-indices`,
        caption: w.indicesCaption,
        columns: [
          { key: 'name', label: w.indicator },
          { key: 'raw', label: w.value, numeric: true },
          { key: 'value', label: w.zScore, numeric: true },
        ],
        rows: idx.map((r) => ({ name: textCell(r.name), raw: r.raw, value: r.cell })),
        ...(idx.some((r) => r.reversed) ? { note: t().site.reversedNote } : {}),
      },
    ];
  }
  if (ctxRow) {
    ctxSection.charts = [
      contextChart({
        id: `school/${school.slug}/context`,
        title: w.expectedTitle(ctxRow.year),
        points: ctxRow.points,
        line: ctxRow.line,
        yLabel: ctxRow.scoreLabel,
        schoolName: school.name,
        expected: ctxRow.expected,
        actual: ctxRow.actual,
      }),
    ];
    if (ctxRow.resilient) ctxSection.intro!.push(w.resilient);
  }
  // Peers are compared by exam results; a school that sits no ranked exam (a primary
  // school) has nothing to compare, and a table of «нет данных» would say nothing.
  const sitsExams = ctx.examsSat(school.school_id) !== '';
  const similar = sitsExams ? ctx.similarFor(school.school_id) : [];
  if (!sitsExams && ctx.similarIds(school.school_id).length) ctxSection.intro!.push(w.noExams);
  if (similar.length) {
    ctxSection.tables = [
      ...(ctxSection.tables ?? []),
      {
        id: `school-${school.slug}-similar`,
        caption: w.peersCaption(ctx.gapScoreName),
        columns: [
          { key: 'name', label: w.school },
          { key: 'mun', label: ctx.w.area.title },
          { key: 'trend', label: w.byYear },
          { key: 'first', label: `${ctx.years[Math.max(0, ctx.years.length - 3)]}`, numeric: true },
          { key: 'score', label: `${ctx.latestYear}`, numeric: true },
        ],
        peers: peerFilters(ctx, school, mun.name),
        // This school first, so its line reads against its peers'.
        rows: [{ id: school.school_id, name: school.name, href: undefined, municipality: mun.name, settlement: school.settlement, series: ctx.scoreSeries(school.school_id), score: null }, ...similar].map((s) => {
          const first = s.series.find((p) => p.year === ctx.years[Math.max(0, ctx.years.length - 3)]);
          const last = s.series.find((p) => p.year === ctx.latestYear);
          return {
            name: textCell(s.href ? s.name : w.thisSchool(s.name), s.href),
            mun: textCell(s.municipality),
            trend: { ...textCell(''), spark: sparkline(s.series, { label: w.peerSpark(s.name, ctx.gapScoreName) }) },
            first: numCell(first?.value ?? null, first?.state ?? 'missing', { minParticipants: min, reason: first?.reason }),
            score: numCell(last?.value ?? null, last?.state ?? 'missing', { minParticipants: min, reason: last?.reason }),
          };
        }),
      },
    ];
  }
  if (!ctxSection.tables && !ctxSection.charts) ctxSection.intro!.push(w.noContext);
  sections.push(ctxSection);

  // Flags with each rule; the rules that cannot apply to this dataset say why.
  // The programme's rules that this dataset cannot feed (not those the programme leaves out).
  const notApplied = ctx.rules.filter((r) => r.cause === 'data');
  if (!ctx.identifies) {
    sections.push({ id: 'flags', heading: w.flags, intro: [ctx.noIdentificationText()] });
  } else if (flags.length) {
    sections.push({
      id: 'flags',
      heading: w.flagsIn(latest),
      intro: [
        fired.length ? w.fired(fired.map((f) => FLAG_NAMES[f] ?? f).join('; ')) : w.noneFired,
        ...(notApplied.length ? [w.notApplied(notApplied.map((r) => `${afterColon(ctx.ruleName(r.rule))} (${r.reason})`).join('; '))] : []),
      ],
      tables: [
        {
          id: `school-${school.slug}-flags`,
          caption: w.rulesCaption,
          columns: [
            { key: 'rule', label: w.rule },
            { key: 'value', label: w.schoolValue, numeric: true },
            { key: 'threshold', label: w.threshold, numeric: true },
            { key: 'fired', label: w.firedHead },
            { key: 'distance', label: w.distance, numeric: true },
          ],
          rows: flags.map((f) => ({
            rule: textCell(`${FLAG_NAMES[f.flag] ?? f.flag}: ${afterColon(ctx.ruleName(f.rule))}`),
            value: f.value_hidden ? numCell(null, 'suppressed', { reason: HIDDEN.derived }) : f.value === null ? numCell(null, 'missing') : numCell(f.value, 'value', { digits: 2 }),
            threshold: f.threshold === null ? numCell(null, 'na') : numCell(f.threshold, 'value', { digits: 2 }),
            fired: textCell(f.fired === null ? w.noData : f.fired ? w.yes : w.no),
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
      heading: w.revisions,
      intro: [w.revisionsIntro],
      tables: [revisionsTable(`school-${school.slug}-revisions`, w.revisionsCaption, revisions)],
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
      heading: w.vpr,
      intro: [w.vprIntro],
      tables: [vpr],
    });
  }

  sections.push({
    id: 'sources',
    heading: w.sources,
    list: ctx.sourceList,
  });

  const headline = ctx.headlineFor(school.school_id);
  const about = w.about([...examsShown], headline, school.former_names ?? null);
  return {
    path: `school/${school.slug}`,
    kind: 'school',
    title: school.name,
    // Former names go into the lead: it is what search indexes, so the old name finds the school.
    description: w.description(school.name, mun.name, about),
    lead: w.lead(mun.name, about),
    breadcrumbs: [
      { name: ctx.regionName, href: ctx.href('') },
      { name: mun.name, href: ctx.href(`municipality/${mun.slug}`) },
    ],
    sections,
    csv: { file: `page-data/schools/${mun.slug}.csv`, key: [school.school_id, school.name], area: mun.name },
  };
}

export function participantsText(n: number): string {
  return countOf(n, forms().participants);
}
export { formatNumber, formatValue };

/** The boxes a reader may tick to choose peers, each naming this school's own value. */
function peerFilters(ctx: SiteContext, school: SchoolInfo, munName: string): PeerFilters {
  const w = t().school.page;
  const filters: PeerFilters['filters'] = [{ name: 'area', label: w.filterArea(ctx.w.area.prepositional, munName), short: w.filterAreaShort(ctx.w.area.prepositional) }];
  if (school.settlement) filters.push({ name: 'settlement', label: w.filterSettlement(school.settlement), short: w.filterSettlementShort });
  const band = ctx.sizeBand(school.school_id);
  if (band) filters.push({ name: 'band', label: w.filterBand(band), short: w.filterBandShort });
  return { school: school.slug, filters };
}
