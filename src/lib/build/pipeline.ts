/**
 * The whole build, in order: load and validate the dataset, compute the metrics,
 * write the site model, render the site with Astro into a staging folder, add the
 * downloads and the search index, verify, and only then swap the staging folder into
 * place. Any failure throws before the swap, so the previous site stays untouched.
 */
import { locale } from '../words/locale.ts';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { loadDataset, warningKind, type Dataset } from '../ingest/index.ts';
import { metricsForSite } from '../metrics/index.ts';
import { buildSiteModel, pageCsv, schoolCsvPart, type SiteModel } from '../site/model.ts';
import { formatProblem, type Problem } from '../model/types.ts';
import { removeOwnStaging, stage, sweepStale, type Staging } from './publish.ts';
import { checkDemoBanner, needsDemoBanner, verifyStagedSite } from './verify.ts';
import { readPreviousRelease } from '../release/read.ts';
import { chartCodeVersion, diskChartStore } from './chart-store.ts';
import { chartCacheStats, PENDING, pendingKey, useChartStore, type SvgStore } from '../charts/cache.ts';
import { startChartPool, type ChartPool } from './chart-pool.ts';
import { buildStamp, recordBuild, unchangedBuild } from './build-stamp.ts';
import { REPO_ROOT } from './root.ts';
import { folderSize, moveInto } from './folder.ts';
import { searchedPages, startSearchIndex, type SearchIndexer } from './search-index.ts';
import type { Chart, FileSink, Page } from '../site/types.ts';
import type { SafeSvg } from '../charts/svg.ts';
import { PageSignal, pageWriter } from '../site/page-pack.ts';
import { startAstro, type AstroRun } from './astro-thread.ts';

/**
 * Up to this many schools, Astro renders the pages while the model writes them: both in
 * memory at once, 0.2–0.4 GB more at the peak (10,000 schools: 2,711 MB against 2,549;
 * 2,000: 1,630–1,790 against 1,384). A larger site renders after its model, so that a
 * national build (3.8 GB at its peak) does not pass 4 GB.
 */
const RENDER_WHILE_WRITTEN_MAX_SCHOOLS = 15_000;

/** Pages held while their charts are drawn: enough to keep the pool busy, few enough for memory. */
const MAX_WAITING_PAGES = 64;

export { REPO_ROOT };

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  /** Progress lines; tests pass a no-op. */
  log?: (line: string) => void;
  /** Hook for tests: runs after each page of the model is written; throwing aborts the build. */
  afterPage?: () => void;
  /** Hook for tests: runs on the staged site before the swap; throwing aborts the build. */
  beforeCommit?: (stagedDir: string) => Promise<void> | void;
  /** A previous build's data/ folder: the site then says what changed since it. */
  previousDataDir?: string;
  /** The build date printed on reports (YYYY-MM-DD), passed in so that builds stay reproducible. */
  buildDate?: string | null;
  /** Skip the Pagefind index (benchmarks of the floor; never for a published site). */
  skipSearch?: boolean;
  /** Build even when the data, code and options are those of the site already in outDir. */
  force?: boolean;
}

/** Ends a stage of the build summary; the note says what its time covers, when not the obvious. */
type Mark = (name: string, note?: string) => void;

export interface BuildSummary {
  pages: number;
  files: number;
  bytes: number;
  warnings: Record<string, number>;
  seconds: number;
  stages: { name: string; seconds: number; rssMb: number; note?: string }[];
  /** Charts drawn by this build and taken from an earlier build's cache. */
  charts: { hits: number; renders: number };
  /** Nothing changed since the build already in outDir (build-stamp.ts): nothing was written. */
  skipped?: boolean;
}

export class DatasetError extends Error {
  problems: Problem[];
  constructor(problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`В данных ${errors.length} ошибок; сайт не собран, опубликованная версия не изменена.`);
    this.problems = problems;
  }
}

export async function buildSite(opts: BuildOptions): Promise<BuildSummary> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const stages: BuildSummary['stages'] = [];
  const total = opts.skipSearch ? 5 : 6;
  let step = 0;
  let last = performance.now();
  const mark: Mark = (name, note) => {
    const now = performance.now();
    stages.push({ name, seconds: (now - last) / 1000, rssMb: process.memoryUsage().rss / 2 ** 20, ...(note ? { note } : {}) });
    last = now;
  };
  const progress = (text: string) => log(`[${++step}/${total}] ${text}`);

  // What killed builds left beside the target goes first (a running build's folders stay).
  await sweepStale(opts.outDir);
  // Stopped with Ctrl+C or a SIGTERM, the build removes its own folders; the site stays as it was.
  const onSignal = (signal: NodeJS.Signals) => {
    removeOwnStaging(opts.outDir);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await stagedBuild(opts, progress, mark, () => ({ seconds: (performance.now() - t0) / 1000, stages }));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Everything after the sweep: model, Astro, search, checks, and the swap into place. */
async function stagedBuild(
  opts: BuildOptions,
  progress: (text: string) => void,
  mark: Mark,
  timing: () => Pick<BuildSummary, 'seconds' | 'stages'>,
): Promise<BuildSummary> {
  const input = { dataset: await loadStage(opts, progress, mark) as Dataset | null };
  // The same data, code and options as the site already in outDir: nothing to do.
  const stamp = opts.previousDataDir ? null : buildStamp(input.dataset!.inputHash, opts);
  const done = stamp && !opts.force ? await unchangedBuild(opts.outDir, stamp) : null;
  if (done) {
    progress('Данные, код и настройки не изменились с прошлой сборки: сайт уже собран из них, сборка пропущена');
    return { ...done, warnings: {}, ...timing(), charts: { hits: 0, renders: 0 }, skipped: true };
  }
  const { staging, modelDir, written, warnings, charts, astro, search } = await prepareModel(opts, progress, mark, input);
  try {
    progress(`Страницы сайта (${written.pageCount} шт.)`);
    await astro.done;
    moveInto(join(modelDir, 'files'), staging.dir);
    mark('astro', astro.together ? 'rendering beside the model; here only what was left after it' : undefined);

    if (search) {
      progress('Поисковый индекс');
      const { readBack, pages } = await search.finish(staging.dir);
      mark('search', `${pages - readBack} of ${pages} pages indexed while Astro rendered, ${readBack} read back from disk`);
    }

    progress('Проверка и публикация');
    // The search index has seen every school page and checked its demo banner.
    await verifyStagedSite(staging.dir, written, new Set(search?.pages));
    await opts.beforeCommit?.(staging.dir);
    const { files, bytes } = folderSize(staging.dir);
    await staging.commit();
    if (stamp) recordBuild(opts.outDir, { stamp, pages: written.pageCount, files, bytes });
    mark('verify+publish');
    return { pages: written.pageCount, files, bytes, warnings, ...timing(), charts };
  } catch (err) {
    await search?.abort();
    await staging.discard();
    throw err;
  } finally {
    await rm(modelDir, { recursive: true, force: true });
  }
}

/** What the later stages need of the model: a few ids and counts. */
export type WrittenModel = Pick<SiteModel, 'info' | 'schoolIds' | 'municipalityIds' | 'pageCount'>;

/** Reads and checks the dataset; a dataset with errors stops the build here. */
async function loadStage(opts: BuildOptions, progress: (text: string) => void, mark: Mark): Promise<Dataset> {
  progress(`Чтение и проверка данных: ${opts.dataDir}`);
  const dataset: Dataset = await loadDataset(resolve(opts.dataDir));
  const errors = dataset.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new DatasetError(dataset.problems);
  mark('ingest');
  return dataset;
}

/**
 * The metrics and the site model, written to disk beside a new staging folder, with Astro
 * started on it (rendering beside the model, or after it for a large site). A function of
 * its own so that the dataset, the metrics and the site context (gigabytes at national
 * scale) become unreachable when it returns, before the rest of Astro and Pagefind run.
 */
async function prepareModel(
  opts: BuildOptions,
  progress: (text: string) => void,
  mark: Mark,
  input: { dataset: Dataset | null },
): Promise<{
  staging: Staging;
  modelDir: string;
  written: WrittenModel;
  warnings: Record<string, number>;
  charts: { hits: number; renders: number };
  astro: AstroRun;
  search: SearchIndexer | null;
}> {
  // Taken out of the box, so that nothing but this function keeps the dataset alive.
  const dataset = input.dataset!;
  input.dataset = null;

  // Every word and number from here on is in the site's language (words/locale.ts).
  progress('Расчёт показателей');
  const metrics = await metricsForSite(dataset);
  mark('metrics');

  progress('Модель сайта, графики и защита данных');
  // Charts already drawn for the same inputs by an earlier build are reused (charts/cache.ts).
  // Charts missing from it are drawn by a pool of worker threads while pages are built.
  const chartVersion = chartCodeVersion(REPO_ROOT);
  const store = diskChartStore(join(REPO_ROOT, 'node_modules', '.cache', 'school-charts'), chartVersion);
  const pool = startChartPool(store);
  useChartStore(store, chartVersion, pool);
  const previous = opts.previousDataDir ? readPreviousRelease(resolve(opts.previousDataDir)) : undefined;
  const staging = await stage(opts.outDir);
  const modelDir = `${staging.dir}.model`;
  let model: SiteModel;
  let chartStats = { hits: 0, renders: 0 };
  const signal = new PageSignal();
  let astro: AstroRun | null = null;
  let search: SearchIndexer | null = null;
  try {
    await rm(modelDir, { recursive: true, force: true });
    const put = fileWriter();
    // The downloads go to disk as they are made (a national results.csv is never held).
    const files: FileSink = { write: (path, parts) => put(join(modelDir, 'files', path), parts) };
    model = buildSiteModel(dataset, metrics, { previous, buildDate: opts.buildDate, files });
    writeModelInfo(model, modelDir, put);
    // The search index sees every school page as Astro renders it: the demo banner is checked there.
    if (!opts.skipSearch) {
      search = await startSearchIndex(searchedPages(model), (path, banner) => {
        if (needsDemoBanner(model, path)) checkDemoBanner(path, banner);
      });
    }
    // Astro renders each page as it is written, on the other core; a site too large for
    // both in memory at once is rendered after its model instead.
    const together = model.schoolIds.length <= RENDER_WHILE_WRITTEN_MAX_SCHOOLS;
    const astroOn = { root: REPO_ROOT, outDir: staging.dir, modelDir, signal, searchChannel: search?.channel ?? null };
    if (together) astro = startAstro({ ...astroOn, together: true });
    await writeModel(model, modelDir, put, { signal, charts: { store, pool }, afterPage: opts.afterPage });
    astro ??= startAstro({ ...astroOn, together: false });
  } catch (err) {
    signal.fail();
    await astro?.stop();
    await search?.abort();
    await staging.discard();
    await rm(modelDir, { recursive: true, force: true });
    throw err;
  } finally {
    chartStats = chartCacheStats();
    useChartStore(null);
    await pool.close();
    store.close?.();
  }
  mark('site model', astro?.together ? 'Astro rendering the pages beside it, on the other core' : undefined);
  const warnings: Record<string, number> = {};
  for (const p of dataset.problems) {
    if (p.severity !== 'warning') continue;
    const kind = warningKind(p.code);
    warnings[kind] = (warnings[kind] ?? 0) + 1;
  }
  for (const [k, v] of Object.entries(model.warnings)) warnings[k] = (warnings[k] ?? 0) + v;
  const written = { info: model.info, schoolIds: model.schoolIds, municipalityIds: model.municipalityIds, pageCount: model.pageCount };
  return { staging, modelDir, written, warnings, charts: chartStats, astro: astro!, search };
}

/** Writes files synchronously, making their folders on the way. */
function fileWriter(): (file: string, content: string | Iterable<string>) => void {
  const made = new Set<string>();
  // Synchronous on purpose: tens of thousands of small files, written one after another
  // by a generator, gain nothing from the thread pool and lose a round trip per file.
  return (file, content) => {
    const parent = dirname(file);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    if (typeof content === 'string') writeFileSync(file, content);
    else {
      // A file too large for one string (build/csv.ts): written part by part.
      const fd = openSync(file, 'w');
      try {
        for (const part of content) writeSync(fd, part);
      } finally {
        closeSync(fd);
      }
    }
  };
}

/** How long the page loop runs before it lets signals (Ctrl+C, SIGTERM) be handled. */
const YIELD_MS = 100;

/**
 * Streams the pages to disk: every page into one pack for Astro (site/page-pack.ts),
 * plus each page's CSV (written beside, moved into the site after Astro has built it). The
 * downloads are already there.
 */
async function writeModel(
  model: SiteModel,
  dir: string,
  put: (file: string, content: string) => void,
  { signal, charts, afterPage }: { signal: PageSignal; charts: { store: SvgStore; pool: ChartPool }; afterPage?: () => void },
): Promise<void> {
  const filesDir = join(dir, 'files');
  // A set: the site's own sections come first, and the model yields their pages again.
  const urls = new Set<string>(['', 'indicators', 'municipalities', 'changes', 'methodology', 'glossary', 'data', 'sources', 'compare']);
  // Pages whose charts are still being drawn wait here (a bounded number, so memory stays
  // flat); the oldest is written once its charts are in the store.
  const waiting: { page: Page; name: string; charts: Chart[] }[] = [];
  const areaFiles = areaCsvWriter(put);
  mkdirSync(dir, { recursive: true });
  const pages = pageWriter(dir, signal);
  const writePage = (page: Page, name: string, pending: Chart[]) => {
    for (const c of pending) {
      const svg = charts.store.get(pendingKey(c.svg));
      if (svg === undefined) throw new Error(`chart ${c.id} was not drawn`);
      c.svg = svg as SafeSvg;
    }
    pages.add(name, page);
    afterPage?.();
  };
  const flush = async (keep: number) => {
    while (waiting.length > keep) {
      const w = waiting.shift()!;
      await charts.pool.settle(w.charts.map((c) => pendingKey(c.svg)));
      writePage(w.page, w.name, w.charts);
    }
  };
  // With every chart in the cache nothing here waits, and a national model is minutes of
  // synchronous work: a Ctrl+C or SIGTERM would be heard only at its end. The loop gives
  // the event loop a turn every YIELD_MS, so a stop removes the staging folders at once.
  let turn = performance.now();
  try {
    for (const page of model.pages()) {
      if (performance.now() - turn > YIELD_MS) {
        await new Promise((r) => setImmediate(r));
        turn = performance.now();
      }
      const name = page.path === '' ? 'index' : page.path;
      const pending: Chart[] = [];
      for (const s of page.sections) {
        for (const c of s.charts ?? []) if (c.svg.startsWith(PENDING)) pending.push(c);
      }
      if (page.csv) {
        const file = join(filesDir, page.csv.file);
        areaFiles.add(file, (first) => schoolCsvPart(page, page.csv!.key, first));
      } else put(join(filesDir, 'page-data', `${name}.csv`), pageCsv(page));
      if (page.path) urls.add(page.path);
      if (pending.length) {
        waiting.push({ page, name, charts: pending });
        await flush(MAX_WAITING_PAGES);
      } else writePage(page, name, pending);
    }
    await flush(0);
  } finally {
    areaFiles.close();
    pages.close();
  }
  // A sitemap needs absolute addresses: without the site's address there is none.
  const site = model.info.siteUrl;
  if (site) {
    put(
      join(filesDir, 'sitemap.xml'),
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${[...urls].map((u) => `<url><loc>${site}/${u ? `${u}/` : ''}</loc></url>`).join('\n')}\n</urlset>\n`,
    );
  }
  put(join(filesDir, 'robots.txt'), `User-agent: *\n${site ? `Sitemap: ${site}/sitemap.xml\n` : ''}`);
}

/** What Astro needs before the first page: the site's settings and words, the ids to render. */
function writeModelInfo(model: SiteModel, dir: string, put: (file: string, content: string) => void): void {
  put(join(dir, 'site.json'), JSON.stringify(model.info));
  put(join(dir, 'school-ids.json'), JSON.stringify(model.schoolIds));
  put(join(dir, 'municipality-ids.json'), JSON.stringify(model.municipalityIds));
}

/**
 * The schools' CSV rows, one file per area: begun with its head by the area's first school,
 * appended to by the others. The last file stays open while its schools follow one another
 * (as they do when ids begin with the area's code), instead of an open and a close per school.
 */
function areaCsvWriter(put: (file: string, content: string) => void): { add: (file: string, part: (first: boolean) => string) => void; close: () => void } {
  const begun = new Set<string>();
  let open: { file: string; fd: number } | null = null;
  const close = () => {
    if (open) closeSync(open.fd);
    open = null;
  };
  return {
    add(file, part) {
      if (open?.file !== file) {
        close();
        if (!begun.has(file)) {
          put(file, part(true));
          begun.add(file);
          return;
        }
        open = { file, fd: openSync(file, 'a') };
      }
      writeSync(open.fd, part(false));
    },
    close,
  };
}

export function describeProblems(problems: Problem[]): string[] {
  return problems.map(formatProblem);
}
