/**
 * Metrics → site model. Pages are produced lazily (a generator) so a national build
 * never holds 40,000 page records in memory at once; the writer streams them to disk.
 */
import { t } from '../words/index.ts';
import { typeset } from '../format/typography.ts';
import type { Dataset } from '../ingest/index.ts';
import { asFileText, csvLines, toCsv, type FileText } from '../build/csv.ts';
import { SiteContext } from './context.ts';
import { siteInputsFromMetrics, type MetricsOutput } from '../publish/index.ts';
import { schoolPage } from './school-page.ts';
import { municipalityPage, regionPage } from './area-pages.ts';
import { indicatorsPage, municipalityIndicators } from './indicators-page.ts';
import { municipalitiesPage } from './municipalities-page.ts';
import { changesPage } from './changes-page.ts';
import { glossary } from '../words/glossary.ts';
import { compareReleases, releaseFromCsv, type Revision } from '../release/changes.ts';
import { atomFeed, changesSummary, releaseList } from '../release/feed.ts';
import { changesCsv } from '../release/csv.ts';
import { regionExtras, partnershipItems } from './region-extras.ts';
import { dataPackage, downloads } from './downloads.ts';
import { editionOf, municipalityReport, regionReport, reportPath, reportLink } from './report/index.ts';
import type { Page, SiteInfo, Chart, SiteFile, FileSink } from './types.ts';

export type { SiteFile };

export interface SiteModel {
  info: SiteInfo;
  schoolIds: string[];
  municipalityIds: string[];
  pageCount: number;
  warnings: Record<string, number>;
  /** Downloads under dist/data/ and other whole-site files, when no sink was given (ModelOptions.files). */
  files: SiteFile[];
  pages(): Generator<Page>;
}

export type { PreviousRelease } from '../release/changes.ts';
import type { PreviousRelease } from '../release/changes.ts';

export interface ModelOptions {
  /** The previous release: «Что изменилось» compares with it. */
  previous?: PreviousRelease;
  /** The build date to print on reports (YYYY-MM-DD); never read from the clock. */
  buildDate?: string | null;
  /** Where the downloads are written as they are made; without it they are kept in SiteModel.files. */
  files?: FileSink;
}

/** The files the release comparison reads back, with the previous release's. */
const COMPARED = ['schools', 'results', 'gap', 'flags'] as const;

/** A sink that keeps the files in a list (tests, scripts). */
function memorySink(files: SiteFile[]): FileSink {
  return { write: (path, parts) => void files.push({ path, content: asFileText([...parts]) }) };
}

/** `sink`, keeping the text of the files named in `keep` for reading back. */
function keeping(sink: FileSink, keep: ReadonlySet<string>): { sink: FileSink; text: (path: string) => FileText | undefined } {
  const kept = new Map<string, FileText>();
  return {
    sink: {
      write(path, parts) {
        if (!keep.has(path)) return sink.write(path, parts);
        const list = [...parts];
        kept.set(path, asFileText(list));
        sink.write(path, list);
      },
    },
    text: (path) => kept.get(path),
  };
}

export function buildSiteModel(dataset: Dataset, metrics: MetricsOutput, opts: ModelOptions = {}): SiteModel {
  const inputs = siteInputsFromMetrics(dataset, metrics);
  const ctx = new SiteContext(inputs);
  const files: SiteFile[] = [];
  // The current release's files are read back only to compare them with the previous one.
  const out = keeping(opts.files ?? memorySink(files), new Set(opts.previous ? COMPARED.map((n) => `data/${n}.csv`) : []));
  const sink = out.sink;
  const dl = downloads(ctx, inputs, dataset, sink);
  const text = (name: (typeof COMPARED)[number]) => out.text(`data/${name}.csv`);
  const changes = opts.previous ? compareReleases(releaseFromCsv(opts.previous.files), releaseFromCsv({ schools: text('schools'), results: text('results'), gap: text('gap'), flags: text('flags') })) : null;
  const revisionsBySchool = new Map<string, Revision[]>();
  for (const r of changes?.revisions ?? []) revisionsBySchool.set(r.school_id, [...(revisionsBySchool.get(r.school_id) ?? []), r]);
  const releases = releaseList(dataset.edition ?? null, changes ? changesSummary(changes) : t().changes.firstRelease, opts.previous?.releases ?? []);
  sink.write('data/releases.json', [JSON.stringify(releases, null, 1)]);
  sink.write('feed.xml', [atomFeed(dataset.region.name, releases, (dataset.siteUrl ?? process.env.SITE_URL ?? '').replace(/\/+$/, '') || null)]);
  if (changes) {
    sink.write('data/changes.csv', [changesCsv(changes)]);
    const w = t().downloads.changes;
    dl.dictionary.push({
      file: 'changes.csv',
      title: w.title,
      rows: changes.revisions.length,
      columns: [
        { key: 'school_id', label: w.school_id },
        { key: 'year', label: w.year, type: 'integer' },
        { key: 'exam', label: w.exam },
        { key: 'subject', label: w.subject },
        { key: 'grade', label: w.grade },
        { key: 'measure', label: w.measure },
        { key: 'before', label: w.before, type: 'number' },
        { key: 'after', label: w.after, type: 'number' },
      ],
    });
  }
  const info: SiteInfo = {
    regionName: dataset.region.name,
    demo: dataset.region.demo,
    minParticipants: dataset.settings.min_participants,
    reliabilityMin: dataset.settings.reliability_min,
    years: ctx.years,
    schoolCount: ctx.schools.size,
    municipalityCount: ctx.municipalities.size,
    sources: dataset.sources.map((s) => ({ path: s.path, kind: s.kind, publisher: s.publisher, title: s.title, url: s.url, date: s.date, licence: s.licence, rows: s.rows, ...(s.rescaled ? { rescaled: s.rescaled } : {}) })),
    settings: dataset.settings as unknown as Record<string, unknown>,
    municipalities: [...ctx.municipalities.values()].map((m) => ({ id: m.id, slug: m.slug, name: m.name, schools: m.schoolIds.length })),
    downloads: dl.dictionary,
    edition: dataset.edition ?? null,
    siteUrl: (dataset.siteUrl ?? process.env.SITE_URL ?? '').replace(/\/+$/, '') || null,
    exams: [...new Set(ctx.results.series.map((x) => x.exam))],
    rules: ctx.rules,
    glossary: [],
  };
  info.glossary = glossary(ctx.settings, info.exams, ctx.identifies);
  if (!info.siteUrl) inputs.warnings['адрес сайта не задан (site_url в манифесте или SITE_URL): ссылки относительные, без sitemap и кода для встраивания'] = 1;
  sink.write('data/datapackage.json', [dataPackage(dataset.region.name, dl.dictionary, dataset.edition ?? null)]);
  const edition = editionOf(ctx.years, dataset.sources, opts.buildDate, dataset.edition ?? null);
  const report = (m?: { slug: string }) => [{ text: reportLink(), href: ctx.href(reportPath(m)) }];
  const schools = [...ctx.schools.values()];
  const muns = [...ctx.municipalities.values()];
  return {
    info,
    schoolIds: schools.map((s) => s.slug),
    municipalityIds: muns.map((m) => m.slug),
    pageCount: 1 + 1 + 1 + 1 + 1 + 2 * muns.length + schools.length,
    warnings: inputs.warnings,
    files,
    *pages() {
      yield { ...regionPage(ctx, { ...regionExtras(ctx, inputs), demo: dataset.region.demo }), actions: report() };
      yield indicatorsPage(ctx, inputs);
      yield municipalitiesPage(ctx);
      yield changesPage(ctx, changes);
      yield regionReport(ctx, inputs, edition);
      for (const m of muns) {
        yield { ...municipalityPage(ctx, m, { indicators: municipalityIndicators(ctx, inputs, m), partnerships: partnershipItems(ctx, inputs, m) }), actions: report(m) };
        yield municipalityReport(ctx, inputs, edition, m);
      }
      for (const s of schools) yield schoolPage(ctx, s, revisionsBySchool.get(s.school_id));
    },
  };
}

/** Every number on a page, in long form: the per-page CSV download. */
export function pageCsv(page: Page): string {
  return toCsv(t().downloads.pageCsvHead, pageCsvRows(page));
}

/**
 * A school page's part of its area's shared CSV: its rows, each led by the school's code
 * and name, with the file's head when this school begins the file.
 */
export function schoolCsvPart(page: Page, [code, name]: [string, string], beginsFile: boolean): string {
  const lead = [code, typeset(name)];
  const rows = pageCsvRows(page);
  const w = t().downloads;
  return beginsFile ? toCsv([...w.schoolCsvLead, ...w.pageCsvHead], rows, lead) : csvLines(rows, lead);
}

function pageCsvRows(page: Page): Array<Array<string | number | null>> {
  const rows: Array<Array<string | number | null>> = [];
  // The page's numbers with the page's words, as it shows them (typography included);
  // the open-data files under data/ keep every name exactly as published.
  // A page's headings, captions and labels repeat down its rows: each is typeset once.
  const shown = new Map<string, string>();
  const text = (v: string | number | null) => {
    if (typeof v !== 'string') return v;
    let out = shown.get(v);
    if (out === undefined) shown.set(v, (out = typeset(v)));
    return out;
  };
  for (const s of page.sections) {
    for (const st of s.stats ?? []) rows.push([s.heading, '', st.label, '', st.value].map(text));
    const tables = [...(s.charts ?? []).map((c) => c.table), ...(s.tables ?? [])];
    for (const t of tables) {
      const first = t.columns[0];
      for (const row of t.rows) {
        for (const c of t.columns.slice(1)) {
          const cell = row[c.key];
          if (!cell || (cell.v === '' && cell.t === '')) continue;
          rows.push([s.heading, t.caption, (row[first.key]?.t ?? '').trim(), c.label, cell.v === null ? cell.t : cell.v].map(text));
        }
      }
    }
  }
  return rows;
}

/** The data behind one chart, exactly as drawn. */
export function chartCsv(chart: Chart): string {
  const cols = chart.table.columns;
  return toCsv(
    cols.map((c) => c.label),
    chart.table.rows.map((r) => cols.map((c) => (r[c.key]?.v === null ? r[c.key]?.t ?? '' : r[c.key]?.v ?? ''))),
  );
}
