/**
 * Public entry of the ingestion layer: a dataset folder → canonical tables + every problem.
 * The only module that reads files, through an injectable `readFile`.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { FILE_KINDS, type CanonicalTables, type FileKind, type Problem, type Source } from '../model/types.ts';
import { resolveSettings, type Settings } from '../model/config.ts';
import { decode } from './decode.ts';
import { parseManifest } from './manifest.ts';
import { assemble, type SourceRef, type Stores } from './assemble.ts';
import { Interner, KindStore } from './store.ts';
import { collector, DROP_REASONS } from './problems.ts';
import { readOne } from './read-one.ts';
import { mergeRead, readerPool } from './reader-pool.ts';
import { checkReal, resolveFile, resolveFilesDir, type PathContext } from './paths.ts';
import { visibleControls } from './parse.ts';
import { clip } from './text.ts';

export { formatProblem } from '../model/types.ts';
export { DROP_REASONS };

export interface LoadedSource extends Source {
  path: string;
  kind: FileKind;
  rows: number;
  dropped: Record<string, number>;
  /** The file's means were put on another scale by their share of it (manifest rescale_to). */
  rescaled?: { from: [number, number]; to: [number, number] };
}

export interface Dataset {
  dir: string;
  region: { name: string; demo: boolean };
  /** The release of the data (manifest `edition`), if declared. */
  edition?: { name: string; date: string };
  /** The site's public address (manifest `site_url`), if declared. */
  siteUrl?: string;
  settings: Settings;
  tables: CanonicalTables;
  sources: LoadedSource[];
  problems: Problem[];
  /** A hash of every byte the loader read (manifest and files, with their paths). */
  inputHash: string;
}

export interface LoadOptions {
  readFile?: (path: string) => Promise<Uint8Array>;
  /** Follows symlinks (fs.realpath by default) to refuse files that lead out of the dataset. */
  realpath?: (path: string) => Promise<string>;
  env?: Record<string, string | undefined>;
  /** Default for the manifest's current_year: the build date's year. */
  now?: Date;
  /**
   * Threads that read files (1: all in this thread). By default one per core when the
   * dataset has at least two large files, and 1 with an injected readFile.
   */
  threads?: number;
}

/** Below this a file is read faster here than a worker starts. */
const LARGE_FILE = 8 * 2 ** 20;

/** Each entry's file size in bytes (0 when it cannot be read: the read reports why). */
async function fileSizes(fulls: string[]): Promise<number[]> {
  const { stat } = await import('node:fs/promises');
  return Promise.all(fulls.map((full) => (full ? stat(full).then((s) => s.size, () => 0) : 0)));
}

function readerThreads(fulls: string[], sizes: number[]): number {
  const large = new Set(fulls.filter((full, i) => sizes[i] >= LARGE_FILE)).size;
  return large >= 2 ? Math.min(large, availableParallelism()) : 1;
}

export const MANIFEST = 'dataset.yml';

/** Russian names of warning codes, for the build summary's «warnings by kind». */
const WARNING_KINDS: Record<string, string> = {
  'unknown-subject': 'предмет не из списка',
  'unknown-indicator': 'показатель не из списка',
  'unknown-school': 'строки о школах не из списка',
  'duplicate-row': 'полные повторы строк',
  'stray-quotes': 'кавычки внутри полей',
  'control-char': 'управляющие символы в ячейках',
  manifest: 'замечание к манифесту',
};

/** The kind under which a warning is counted in the build summary (in Russian). */
export function warningKind(code: string): string {
  if (code.startsWith('dropped-')) {
    const reason = code.slice('dropped-'.length);
    return `пропущено: ${DROP_REASONS[reason] ?? reason}`;
  }
  return WARNING_KINDS[code] ?? code;
}

/** The repository root (src/lib/ingest → ../../..); shared data defaults to `../shared` beside it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function defaultReadFile(p: string): Promise<Uint8Array> {
  const { readFile } = await import('node:fs/promises');
  return readFile(p);
}

async function defaultRealpath(p: string): Promise<string> {
  const { realpath } = await import('node:fs/promises');
  return realpath(p);
}

function emptyTables(): CanonicalTables {
  return Object.fromEntries(FILE_KINDS.map((k) => [k, {}])) as unknown as CanonicalTables;
}

export async function loadDataset(dir: string, opts: LoadOptions = {}): Promise<Dataset> {
  const readFile = opts.readFile ?? defaultReadFile;
  const env = opts.env ?? process.env;
  const problems: Problem[] = [];
  const base: Dataset = { dir, region: { name: '', demo: false }, settings: resolveSettings(undefined), tables: emptyTables(), sources: [], problems, inputHash: '' };
  // What was read decides what is built: the build skips itself when this and the code match.
  // Each file's digest, combined in manifest order: files read in threads are read largest
  // first, and the hash must not depend on that.
  const digests = new Map<string, Buffer>();
  const readHashed = async (p: string) => {
    const bytes = await readFile(p);
    digests.set(p, createHash('sha256').update(bytes).digest());
    return bytes;
  };
  const inputHash = (paths: string[]) => {
    const inputs = createHash('sha256');
    for (const p of new Set(paths)) {
      const d = digests.get(p);
      if (d) inputs.update(p).update('\0').update(d);
    }
    return inputs.digest('hex');
  };

  let manifestText: string;
  try {
    const dec = decode(await readHashed(path.join(dir, MANIFEST)), MANIFEST, 'utf-8');
    const notText = dec.problems.find((p) => p.code === 'not-csv');
    if (notText) {
      problems.push({ ...notText, message: notText.message.replace('Это не CSV-файл', 'Манифест — не текстовый файл YAML'), hint: 'dataset.yml — текстовый файл в кодировке UTF-8; создайте его в текстовом редакторе по docs/dataset-format.md' });
      return base;
    }
    manifestText = dec.text;
  } catch (e) {
    problems.push({ severity: 'error', code: 'no-manifest', file: path.join(dir, MANIFEST), message: `Не удалось прочитать манифест набора (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, hint: 'укажите папку набора, в которой лежит dataset.yml' });
    return base;
  }
  const mr = parseManifest(manifestText, MANIFEST);
  problems.push(...mr.problems);
  const m = mr.manifest;
  if (!m) return base;
  base.region = m.region;
  if (m.edition) base.edition = m.edition;
  if (m.site_url) base.siteUrl = m.site_url;
  base.settings = resolveSettings(m.settings as Record<string, unknown> | undefined);
  if (m.locale) base.settings.locale = m.locale;
  if (m.programme) {
    // The programme's own thresholds win over `settings.rules`: they are the rules it applies.
    base.settings.programme = { name: m.programme.name, flags: m.programme.identifies };
    base.settings.rules = { ...base.settings.rules, ...(m.programme.rules as Partial<typeof base.settings.rules> | undefined) };
  }

  const pctx: PathContext = { manifest: MANIFEST, env, defaults: { SHARED_DIR: path.resolve(REPO_ROOT, '../shared') } };
  const fd = resolveFilesDir(dir, m.files_dir, pctx, mr.where?.filesDir);
  if (fd.problem) {
    problems.push(fd.problem);
    return base;
  }
  const filesDir = fd.root;
  const realpath = opts.realpath ?? defaultRealpath;
  const currentYear = m.current_year ?? (opts.now ?? new Date()).getUTCFullYear();
  // Paths first: a refused path stops the load before any file is read.
  const fulls: string[] = [];
  for (const [i, f] of m.files.entries()) {
    const loc = mr.where?.paths[i];
    const r = resolveFile(filesDir, f.path, pctx, loc);
    const bad = r.problem ?? (await checkReal(filesDir, r.full!, f.path, pctx, realpath, loc));
    if (bad) problems.push(bad);
    fulls.push(r.full ?? '');
  }
  if (problems.some((p) => p.code === 'unsafe-path')) return base;

  const sources: SourceRef[] = [];
  const loaded: LoadedSource[] = [];
  const stores: Stores = {
    byKind: Object.fromEntries(FILE_KINDS.map((k) => [k, new KindStore(k)])) as Record<FileKind, KindStore>,
    strings: new Interner(),
    colsTable: [],
  };
  // Bytes of a file are kept only until the last manifest entry that reads it.
  const cache = new Map<string, { bytes?: Uint8Array; error?: string }>();
  const uses = new Map<string, number>();
  for (const full of fulls) {
    uses.set(full, (uses.get(full) ?? 0) + 1);
  }
  const perFile = collector();
  const sizes = await fileSizes(fulls);
  // Large files are read in worker threads (one file per task); the main thread appends
  // their rows in manifest order, so the result is the same as reading them here.
  const threads = opts.threads ?? (opts.readFile ? 1 : readerThreads(fulls, sizes));
  const pool = threads > 1 ? readerPool(threads) : undefined;
  for (const f of m.files) {
    // A results file's declared scale is its rows' scale: a series whose scale changes
    // between years (65 → 100 points) breaks there (METRICS.md «Scale breaks»).
    // A declared conversion (rescale_to) puts the means on the target scale: that is their scale.
    if (f.kind === 'results' && f.scale && !('scale_max' in f.columns) && !('scale_max' in f.constants) && !('scale_max' in f.derive)) f.constants.scale_max = (f.rescale_to ?? f.scale)[1];
    const src: Source = { ...(f.source ?? m.source)! };
    sources.push({ path: f.path, kind: f.kind, dropped: {}, otherSchools: f.other_schools });
    loaded.push({ ...src, path: f.path, kind: f.kind, rows: 0, dropped: sources[sources.length - 1].dropped, ...(f.scale && f.rescale_to ? { rescaled: { from: f.scale, to: f.rescale_to } } : {}) });
  }
  // In threads the largest files go first: started last, a large file keeps one thread busy
  // long after the other has run out of files (national set: 13.6 s of 35 s idle).
  const order = m.files.map((_, i) => i);
  if (pool) order.sort((a, b) => sizes[b] - sizes[a] || a - b);
  // Parallel reading only: what each entry adds once its file is read, applied in manifest order.
  const ready: Array<(() => void) | undefined> = new Array(m.files.length);
  const running = new Set<Promise<unknown>>();
  let applied = 0;
  const applyReady = () => {
    while (applied < ready.length && ready[applied]) {
      const apply = ready[applied]!;
      ready[applied++] = undefined;
      apply();
    }
  };
  const notRead = (f: { path: string }, e: unknown): Problem => ({ severity: 'error', code: 'internal', file: f.path, line: 1, message: `Файл не удалось прочитать: ${clip((e as Error).message ?? String(e))}`, hint: 'сообщите разработчикам, приложив файл; пока исправьте файл по другим сообщениям' });

  try {
    for (const i of order) {
      const f = m.files[i];
      const ref = sources[i];
      const entry = loaded[i];
      // At most one file waits for a free worker: the bytes of the rest are not read yet.
      while (pool && running.size > threads) {
        await Promise.race(running);
        applyReady();
      }
      const full = fulls[i];
      if (!cache.has(full)) {
        try {
          cache.set(full, { bytes: await readHashed(full) });
        } catch (e) {
          cache.set(full, { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
        }
      }
      const got = cache.get(full)!;
      const left = uses.get(full)! - 1;
      uses.set(full, left);
      if (left === 0) cache.delete(full);
      if (!got.bytes) {
        const p: Problem = { severity: 'error', code: 'file-not-found', file: f.path, value: full, message: `Файл не найден или не читается (${got.error})`, hint: m.files_dir ? 'проверьте path и files_dir (переменная SHARED_DIR)' : 'путь в path указывается относительно папки с dataset.yml' };
        if (pool) ready[i] = () => perFile.add(p);
        else perFile.add(p);
        continue;
      }
      if (pool) {
        const bytes = got.bytes;
        const whole = left === 0 && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
        const job = pool.read({ bytes, f, source: i, currentYear, normalize: m.normalize, vocabulary: m.vocabulary }, whole).then(
          (r) => () => {
            mergeRead(stores, r, perFile.add);
            Object.entries(r.dropped).forEach(([reason, n]) => (ref.dropped[reason] = (ref.dropped[reason] ?? 0) + n));
            ref.total = r.total;
            entry.rows = r.rows;
            if (r.internal !== undefined) perFile.add(notRead(f, new Error(r.internal)));
          },
          // A failed worker fails every file it held; the first one in manifest order reports it.
          (e: unknown) => () => {
            throw e;
          },
        );
        const settled: Promise<unknown> = job.then((apply) => {
          ready[i] = apply;
          running.delete(settled);
        });
        running.add(settled);
        continue;
      }
      try {
        entry.rows = readOne(got.bytes, f, i, perFile.add, ref, stores, currentYear, m.normalize, m.vocabulary);
      } catch (e) {
        // Never a stack trace for a user's file: one located error instead.
        perFile.add(notRead(f, e));
      }
    }
    while (running.size) {
      await Promise.race(running);
      applyReady();
    }
    applyReady();
  } finally {
    await pool?.close();
  }
  const tables = assemble(stores, sources, perFile.add);
  for (const [i, s] of loaded.entries()) mostlyDropped(sources[i], s.rows, perFile.add);
  // rows = rows that reached the tables: minus copies and rows about unknown schools.
  for (const s of loaded) s.rows -= (s.dropped.duplicate ?? 0) + (s.dropped['unknown-school'] ?? 0);
  for (const s of loaded) {
    for (const [reason, n] of Object.entries(s.dropped)) {
      if (reason === 'duplicate' || reason === 'unknown-school') continue; // reported by assemble with details
      perFile.add({ severity: 'warning', code: `dropped-${reason}`, file: s.path, message: `Пропущено: ${DROP_REASONS[reason] ?? reason} — ${n}`, hint: reason === 'subtotal' ? 'итоговые строки пересчитываются сайтом из строк школ' : 'см. ошибки выше' });
    }
  }
  problems.push(...perFile.finish());
  // Values are echoed on one line: clipped, control characters and line breaks made visible.
  for (const p of problems) if (p.value !== undefined) p.value = clip(visibleControls(p.value.replace(/\r\n|\r|\n/g, '↵')));
  return { ...base, tables, sources: loaded, problems, inputHash: inputHash([path.join(dir, MANIFEST), ...fulls]) };
}

/**
 * A file that lost more than half its data rows (rows without a required field, rows about
 * schools not in the list) is an error: publishing the rest would silently leave schools
 * out. Copies and «Итого» rows are not losses. A file that lost every row has its own error.
 */
function mostlyDropped(ref: SourceRef, kept: number, add: (p: Problem) => void): void {
  if (!ref.total || kept === 0 || ref.kind === 'schools' || ref.kind === 'municipalities') return;
  const expected = ref.otherSchools === 'skip' ? (ref.dropped['unknown-school'] ?? 0) : 0;
  const lost = Object.entries(ref.dropped).reduce((t, [reason, n]) => t + (reason === 'duplicate' || reason === 'subtotal' ? 0 : n), 0) - expected;
  const counted = ref.total - (ref.dropped.subtotal ?? 0) - (ref.dropped.duplicate ?? 0) - expected;
  if (lost * 2 <= counted) return;
  const why = Object.entries(ref.dropped).filter(([reason]) => reason !== 'duplicate' && reason !== 'subtotal' && !(reason === 'unknown-school' && expected)).map(([reason, n]) => `${DROP_REASONS[reason] ?? reason} — ${n}`).join('; ');
  add({
    severity: 'error', code: 'mostly-dropped', file: ref.path,
    message: `Пропущено больше половины строк файла: ${lost} из ${counted} (${why})`,
    hint: 'проверьте, что список школ полон (или соберите его из самих файлов результатов: kind: schools с constants: { year }) и что колонки сопоставлены верно',
  });
}

/** `${NAME}` from the environment; SHARED_DIR defaults to the `shared` folder beside the repository. */
export function expandVars(s: string, env: Record<string, string | undefined>, problems?: Problem[]): string | undefined {
  let failed = false;
  const out = s.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const v = env[name];
    if (v) return v;
    if (name === 'SHARED_DIR') return path.resolve(REPO_ROOT, '../shared');
    failed = true;
    problems?.push({ severity: 'error', code: 'manifest-env', file: MANIFEST, value: s, message: `Переменная окружения ${name} не задана`, hint: `задайте ${name} перед запуском или укажите путь без переменной` });
    return '';
  });
  return failed ? undefined : out;
}
