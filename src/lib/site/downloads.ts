/**
 * Machine-readable outputs under dist/data/: the same published (suppressed) numbers
 * the pages show, one source of truth, with a data dictionary for the Data page.
 */
import type { Dataset } from '../ingest/index.ts';
import { csvParts, type Row } from '../build/csv.ts';
import type { SiteContext, SiteInputs } from './context.ts';
import type { FieldType, FileSink, SiteInfo } from './types.ts';
import { stateLabel } from '../format/index.ts';
import { t } from '../words/index.ts';
import { intlLocale } from '../words/locale.ts';
import type { IslandData } from './island-data.ts';
import { FLAG_SHORT } from './school-page.ts';

type Dict = SiteInfo['downloads'][number];

/** The type each column's written values share (empty cells say nothing), seen row by row. */
class ColumnTypes {
  private types: Array<FieldType | null>;
  constructor(width: number) {
    this.types = new Array<FieldType | null>(width).fill(null);
  }
  see(row: Readonly<Row>): void {
    for (let i = 0; i < this.types.length; i++) {
      const v = row[i];
      if (v === null || v === undefined || v === '') continue;
      const type = this.types[i];
      if (type === 'string') continue;
      const t: FieldType = typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : 'string';
      if (type === null || type === t) this.types[i] = t;
      else if ((type === 'integer' && t === 'number') || (type === 'number' && t === 'integer')) this.types[i] = 'number';
      else this.types[i] = 'string';
    }
  }
  of(i: number): FieldType {
    return this.types[i] ?? 'string';
  }
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

/**
 * `row` of each item of `list`, one at a time, skipping items it gives null for: a
 * download's rows are never all held at once.
 */
function* each<T>(list: Iterable<T>, row: (item: T) => Row | null): Generator<Row> {
  for (const item of list) {
    const r = row(item);
    if (r) yield r;
  }
}

/**
 * Writes every download to `sink` as it is made, row by row, and returns the data
 * dictionary (rows and column types, seen on the way).
 */
export function downloads(ctx: SiteContext, inputs: SiteInputs, dataset: Dataset, sink: FileSink): { dictionary: Dict[] } {
  const dictionary: Dict[] = [];
  const dl = t().downloads;
  // Every row says which release of the data it comes from, so a file quoted alone still does.
  const edition = dataset.edition;
  const add = (file: string, title: string, columns: [string, string][], rows: Iterable<Row>) => {
    if (edition) columns = [...columns, ['edition', dl.edition], ['edition_date', dl.editionDate]];
    const types = new ColumnTypes(columns.length);
    let count = 0;
    const seen = function* () {
      for (const r of rows) {
        // In place, not a copy: each caller makes its rows for this file alone.
        if (edition) r.push(edition.name, edition.date);
        types.see(r);
        count++;
        yield r;
      }
    };
    sink.write(`data/${file}`, csvParts(columns.map((c) => c[0]), seen()));
    dictionary.push({ file, title, rows: count, columns: columns.map(([key, label], i) => ({ key, label, type: types.of(i) })) });
  };
  const munName = (id: string) => ctx.municipalities.get(id)?.name ?? id;

  add(
    'schools.csv',
    dl.schools.title(ctx.w.area.nominative_plural),
    [
      ['school_id', dl.schools.school_id],
      ['name', dl.schools.name],
      ['municipality_id', dl.schools.municipality_id(ctx.w.area.nominative)],
      ['municipality', ctx.w.area.title],
      ['settlement', dl.schools.settlement],
      ['former_names', dl.schools.former_names],
      ['page', dl.schools.page],
    ],
    each(ctx.schools.values(), (s) => [s.school_id, s.name, s.municipality_id, munName(s.municipality_id), s.settlement, s.former_names, `/school/${s.slug}/`]),
  );

  add(
    'results.csv',
    dl.results.title,
    [
      ['school_id', dl.results.school_id],
      ['year', dl.results.year],
      ['exam', dl.results.exam],
      ['subject', dl.results.subject],
      ['grade', dl.results.grade],
      ['n', dl.results.n],
      ['n_state', dl.results.n_state],
      ['mean', dl.results.mean],
      ['mean_state', dl.results.state],
      ['share_below', dl.results.share_below],
      ['share_below_state', dl.results.state],
      ['share_good', dl.results.share_good],
      ['share_good_state', dl.results.state],
      ['share_high', dl.results.share_high],
      ['share_high_state', dl.results.state],
    ],
    // Written out, not spread from a list of measures: one array per row of 15 million.
    each(inputs.results, (r) => [
      r.school_id,
      r.year,
      r.exam,
      r.subject,
      r.grade,
      r2(r.n),
      r.n_state,
      r2(r.mean),
      r.mean_state,
      r.coded?.share_below ?? r2(r.share_below),
      r.share_below_state,
      r.coded?.share_good ?? r2(r.share_good),
      r.share_good_state,
      r.coded?.share_high ?? r2(r.share_high),
      r.share_high_state,
    ]),
  );

  add(
    'pooled.csv',
    dl.pooled.title,
    [
      ['school_id', dl.pooled.school_id],
      ['exam', dl.pooled.exam],
      ['subject', dl.pooled.subject],
      ['grade', dl.pooled.grade],
      ['from', dl.pooled.from],
      ['to', dl.pooled.to],
      ['n', dl.pooled.n],
      ['mean', dl.pooled.mean],
    ],
    each(inputs.pooled, (p) => [p.school_id, p.exam, p.subject, p.grade, p.from, p.to, p.n, r2(p.mean)]),
  );

  add(
    'gap.csv',
    ctx.w.gapTitle,
    [
      ['scope', dl.gap.scope],
      ['scope_id', dl.gap.scope_id(ctx.w.area.nominative)],
      ['year', dl.gap.year],
      ['exam', dl.gap.exam],
      ['subject_set', dl.gap.subject_set],
      ['eligible', dl.gap.eligible],
      ['k', dl.gap.k],
      ['top_mean', ctx.w.topMean],
      ['bottom_mean', ctx.w.bottomMean],
      ['gap', dl.gap.gap],
      ['ratio', dl.gap.ratio],
      ['change', dl.gap.change],
      ['ratio_reduction_pct', dl.gap.ratio_reduction_pct],
      ['target_met', dl.gap.target_met],
      ['few_schools', dl.gap.few_schools],
      ['top_ids', dl.gap.ids(ctx.w.top)],
      ['bottom_ids', dl.gap.ids(ctx.w.bottom)],
    ],
    each(inputs.gap, (g) => [g.scope, g.scope_id, g.year, g.exam, g.subject_set, g.eligible, g.k, r2(g.top_mean), r2(g.bottom_mean), r2(g.gap), g.ratio === null ? null : Math.round(g.ratio * 10000) / 10000, r2(g.change), g.change_pct === null ? null : r2(-g.change_pct), g.target_met, g.few_schools, g.top_ids.join(';'), g.bottom_ids.join(';')]),
  );

  add(
    'indicators.csv',
    dl.indicators.title,
    [
      ['scope_id', dl.indicators.scope_id(ctx.w.area.nominative)],
      ['indicator', dl.indicators.indicator],
      ['name', dl.indicators.name],
      ['year', dl.indicators.year],
      ['value', dl.indicators.value],
      ['value_state', dl.indicators.value_state],
      ['target', dl.indicators.target],
      ['status', dl.indicators.status],
      ['computed', dl.indicators.computed],
    ],
    each(inputs.programme, (p) => [p.scope_id, p.indicator, p.name, p.year, r2(p.value), p.value_state, r2(p.target), p.status, p.computed]),
  );

  // Every rule of the latest year; earlier years only the rules that fired (14 rules ×
  // 40,000 schools × 10 years would be a 300 MB file of mostly «не сработало»).
  const latestFlagYear = ctx.latestYear;
  // Without a programme (or data for its rules) the file exists, empty, and says why.
  const flagsTitle = ctx.identifies ? dl.flags.title(latestFlagYear) : dl.flags.emptyTitle(ctx.noIdentificationText());
  add(
    'flags.csv',
    flagsTitle,
    [
      ['school_id', dl.flags.school_id],
      ['year', dl.flags.year],
      ['flag', dl.flags.flag],
      ['rule', dl.flags.rule],
      ['value', dl.flags.value],
      ['threshold', dl.flags.threshold],
      ['fired', dl.flags.fired],
    ],
    each(inputs.flags, (f) => (f.year === latestFlagYear || f.fired === true ? [f.school_id, f.year, f.flag, f.rule, r2(f.value), r2(f.threshold), f.fired] : null)),
  );

  add(
    'context.csv',
    dl.context.title,
    [
      ['school_id', dl.context.school_id],
      ['year', dl.context.year],
      ['exam', dl.context.exam],
      ['social_index', dl.context.social_index],
      ['expected', dl.context.expected],
      ['residual', dl.context.residual],
      ['resilient', dl.context.resilient],
      ['cluster', dl.context.cluster],
    ],
    each(inputs.context, (c) => (c.score !== null ? [c.school_id, c.year, c.exam, r2(c.social_index), r2(c.expected), r2(c.residual), c.resilient, c.cluster] : null)),
  );

  // Compare and peer islands: the latest published figures per school and each school's
  // published score by year (hidden years carry no number, only their state), nothing hidden.
  const p = ctx.primarySet();
  const compare: IslandData = {
    years: ctx.years,
    basis: p ? `${ctx.gapScoreName}` : null,
    set: p ? { exam: p.exam, subject_set: p.subject_set } : null,
    areaTitle: ctx.w.area.title,
    areaSame: dl.compare.areaSame(ctx.w.area.prepositional),
    minParticipants: ctx.settings.min_participants,
    bands: ctx.sizeBandLabels(),
    similarCount: ctx.settings.similar_count,
    fields: [
      { key: 'municipality', label: ctx.w.area.title },
      { key: 'score', label: `${ctx.gapScoreLabel}, ${ctx.latestYear}` },
      { key: 'status', label: dl.compare.status },
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
          score: last && last.value !== null ? last.value.toLocaleString(intlLocale(), { maximumFractionDigits: 1, minimumFractionDigits: 1 }) : last?.state === 'suppressed' ? (last.reason ?? stateLabel('suppressed', ctx.settings.min_participants)) : stateLabel('missing'),
          status: fired.length ? fired.join(', ') : '—',
        },
      };
    }),
  };
  // `<` escaped so the file stays inert even if some server sends it as HTML.
  sink.write('data/compare.json', [JSON.stringify(compare).replace(/</g, '\\u003c')]);
  return { dictionary };
}
