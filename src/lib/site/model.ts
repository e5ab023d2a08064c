/**
 * Metrics → site model. Pages are produced lazily (a generator) so a national build
 * never holds 40,000 page records in memory at once; the writer streams them to disk.
 */
import type { Dataset } from '../ingest/index.ts';
import { toCsv } from '../build/csv.ts';
import { SiteContext } from './context.ts';
import { siteInputsFromMetrics, type MetricsOutput } from '../publish/index.ts';
import { schoolPage } from './school-page.ts';
import { municipalityPage, regionPage } from './area-pages.ts';
import { indicatorsPage, municipalityIndicators } from './indicators-page.ts';
import { municipalitiesPage } from './municipalities-page.ts';
import { regionExtras, partnershipItems } from './region-extras.ts';
import { downloads } from './downloads.ts';
import { editionOf, municipalityReport, regionReport, reportPath, REPORT_LINK } from './report/index.ts';
import type { Page, SiteInfo, Chart, SiteFile } from './types.ts';

export type { SiteFile };

export interface SiteModel {
  info: SiteInfo;
  schoolIds: string[];
  municipalityIds: string[];
  pageCount: number;
  warnings: Record<string, number>;
  /** Downloads under dist/data/ and other whole-site files. */
  files: SiteFile[];
  pages(): Generator<Page>;
}

export interface ModelOptions {
  /** The build date to print on reports (YYYY-MM-DD); never read from the clock. */
  buildDate?: string | null;
}

export function buildSiteModel(dataset: Dataset, metrics: MetricsOutput, opts: ModelOptions = {}): SiteModel {
  const inputs = siteInputsFromMetrics(dataset, metrics);
  const ctx = new SiteContext(inputs);
  const dl = downloads(ctx, inputs, dataset);
  const info: SiteInfo = {
    regionName: dataset.region.name,
    demo: dataset.region.demo,
    minParticipants: dataset.settings.min_participants,
    reliabilityMin: dataset.settings.reliability_min,
    years: ctx.years,
    schoolCount: ctx.schools.size,
    municipalityCount: ctx.municipalities.size,
    sources: dataset.sources.map((s) => ({ path: s.path, kind: s.kind, publisher: s.publisher, title: s.title, url: s.url, date: s.date, licence: s.licence, rows: s.rows })),
    settings: dataset.settings as unknown as Record<string, unknown>,
    municipalities: [...ctx.municipalities.values()].map((m) => ({ id: m.id, slug: m.slug, name: m.name, schools: m.schoolIds.length })),
    downloads: dl.dictionary,
    exams: [...new Set(ctx.results.series.map((x) => x.exam))],
    rules: ctx.rules,
  };
  const edition = editionOf(ctx.years, dataset.sources, opts.buildDate);
  const report = (m?: { slug: string }) => [{ text: REPORT_LINK, href: ctx.href(reportPath(m)) }];
  const schools = [...ctx.schools.values()];
  const muns = [...ctx.municipalities.values()];
  return {
    info,
    schoolIds: schools.map((s) => s.slug),
    municipalityIds: muns.map((m) => m.slug),
    pageCount: 1 + 1 + 1 + 1 + 2 * muns.length + schools.length,
    warnings: inputs.warnings,
    files: dl.files,
    *pages() {
      yield { ...regionPage(ctx, { ...regionExtras(ctx, inputs), demo: dataset.region.demo }), actions: report() };
      yield indicatorsPage(ctx, inputs);
      yield municipalitiesPage(ctx);
      yield regionReport(ctx, inputs, edition);
      for (const m of muns) {
        yield { ...municipalityPage(ctx, m, { indicators: municipalityIndicators(ctx, inputs, m), partnerships: partnershipItems(ctx, inputs, m) }), actions: report(m) };
        yield municipalityReport(ctx, inputs, edition, m);
      }
      for (const s of schools) yield schoolPage(ctx, s);
    },
  };
}

/** Every number on a page, in long form: the per-page CSV download. */
export function pageCsv(page: Page): string {
  const rows: Array<Array<string | number | null>> = [];
  for (const s of page.sections) {
    for (const st of s.stats ?? []) rows.push([s.heading, '', st.label, '', st.value]);
    const tables = [...(s.charts ?? []).map((c) => c.table), ...(s.tables ?? [])];
    for (const t of tables) {
      const first = t.columns[0];
      for (const row of t.rows) {
        for (const c of t.columns.slice(1)) {
          const cell = row[c.key];
          if (!cell || (cell.v === '' && cell.t === '')) continue;
          rows.push([s.heading, t.caption, (row[first.key]?.t ?? '').trim(), c.label, cell.v === null ? cell.t : cell.v]);
        }
      }
    }
  }
  return toCsv(['раздел', 'таблица', 'строка', 'столбец', 'значение'], rows);
}

/** The data behind one chart, exactly as drawn. */
export function chartCsv(chart: Chart): string {
  const cols = chart.table.columns;
  return toCsv(
    cols.map((c) => c.label),
    chart.table.rows.map((r) => cols.map((c) => (r[c.key]?.v === null ? r[c.key]?.t ?? '' : r[c.key]?.v ?? ''))),
  );
}
