/**
 * The site model's pages on their way to Astro: every page serialized (node:v8, the format
 * of structured clone) and appended to one file, with an index of where each begins,
 * instead of one file per page. Creating a file costs
 * ~0.5 ms of kernel time on the build machine whatever its size (build/chart-store.ts),
 * and a national site has 42,000 pages. The build writes the pack (build/pipeline.ts);
 * Astro's side reads one page at a time from it (site/store.ts).
 *
 * Not JSON: at 2,000 schools (2,241 pages, 131 MB of JSON) JSON.stringify and the UTF-8
 * encoding of its text took 1.1 s, v8.serialize 0.6 s; JSON.parse of the text 0.9 s,
 * v8.deserialize 0.7 s. Strings are copied as they are, not escaped and unescaped (the
 * pack is a third larger: Latin text in a string that also holds Cyrillic takes two bytes
 * a letter). Writer and reader are the same build, so the same Node.
 * A page is plain data: missing values are null, never NaN or undefined (JSON would have
 * turned a NaN into null; this keeps it, and test/site/plain-pages.test.ts looks for one).
 *
 * Astro may render while the pack is still being written (build/astro-thread.ts): the
 * index grows a line per page, and a counter shared between the threads (PageSignal) tells
 * a reader that a page it lacks may still come, and wakes it when another has.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

const PACK = 'pages.bin';
const INDEX = 'pages-index.tsv';

const WRITING = 0;
const COMPLETE = 1;
const FAILED = 2;

/**
 * Two numbers shared by the thread that writes the pack and the one that reads it: how many
 * pages are in it, and whether more will come. Built on a SharedArrayBuffer, so the reader
 * can sleep (Atomics.wait) until the writer adds a page.
 */
export class PageSignal {
  readonly buffer: SharedArrayBuffer;
  private readonly cells: Int32Array;
  constructor(buffer = new SharedArrayBuffer(8)) {
    this.buffer = buffer;
    this.cells = new Int32Array(buffer);
  }
  pages(): number {
    return Atomics.load(this.cells, 0);
  }
  writing(): boolean {
    return Atomics.load(this.cells, 1) === WRITING;
  }
  failed(): boolean {
    return Atomics.load(this.cells, 1) === FAILED;
  }
  added(): void {
    Atomics.add(this.cells, 0, 1);
    Atomics.notify(this.cells, 0);
  }
  finish(state: typeof COMPLETE | typeof FAILED = COMPLETE): void {
    // A failure stays a failure: a writer closed after its model broke is not complete.
    Atomics.compareExchange(this.cells, 1, WRITING, state);
    Atomics.add(this.cells, 0, 1);
    Atomics.notify(this.cells, 0);
  }
  fail(): void {
    this.finish(FAILED);
  }
  /** Sleeps until the count differs from `seen` (or a second passes: the caller looks again). */
  waitPast(seen: number): void {
    Atomics.wait(this.cells, 0, seen, 1000);
  }
}

/** The signal of the pack this thread reads, if a writer in another thread is still at it. */
const SIGNAL_KEY = Symbol.for('school-transparency.page-signal');
export function readingWhileWritten(buffer: SharedArrayBuffer): void {
  (globalThis as Record<symbol, unknown>)[SIGNAL_KEY] = new PageSignal(buffer);
}
function currentSignal(): PageSignal | undefined {
  return (globalThis as Record<symbol, unknown>)[SIGNAL_KEY] as PageSignal | undefined;
}

export interface PageWriter {
  add(name: string, page: unknown): void;
  /** The last page is in: a reader stops waiting for pages the pack lacks. */
  close(): void;
}

export function pageWriter(dir: string, signal?: PageSignal): PageWriter {
  const fd = openSync(join(dir, PACK), 'w');
  const index = openSync(join(dir, INDEX), 'w');
  // The index's first line names this pack: a reader that knew an earlier pack in the same
  // folder (a later build in the same process) starts over instead of reading on.
  writeSync(index, `#${randomBytes(8).toString('hex')}\n`);
  let at = 0;
  let open = true;
  return {
    add(name, page) {
      const bytes = serialize(page);
      // A short write, which a regular file does not do short of a full disk, is finished.
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
      // The page is in the pack before its line is in the index, so a reader never
      // finds a page it cannot read yet.
      writeSync(index, `${name}\t${at}\t${bytes.length}\n`);
      at += bytes.length;
      signal?.added();
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
      closeSync(index);
      signal?.finish();
    },
  };
}

/** Each model JSON file read, with the file it was read from (inode, time, size). */
const parsed = new Map<string, { stamp: string; value: unknown }>();

/**
 * A JSON file of the site model, parsed once per file. A later build in the same process
 * writes a new model to the same folder (the staging folder is named by the process), and
 * Node keeps a module it has imported: the file is read again whenever it is another one.
 */
export function modelJson<T>(file: string): T {
  const st = statSync(file);
  const stamp = `${st.ino}:${st.mtimeMs}:${st.size}`;
  let known = parsed.get(file);
  if (known?.stamp !== stamp) parsed.set(file, (known = { stamp, value: JSON.parse(readFileSync(file, 'utf8')) }));
  return known.value as T;
}

/** What a reader knows of a folder's index: the pack it names, how far it has read, the pages. */
interface KnownIndex {
  pack: string;
  read: number;
  pages: Map<string, [number, number]>;
}
const indexes = new Map<string, KnownIndex>();

/**
 * The folder's index, with whatever lines were added since it was last read; undefined
 * while there is none yet (Astro may ask before the model has begun its pack).
 */
function currentIndex(dir: string): KnownIndex | undefined {
  let fd: number;
  try {
    fd = openSync(join(dir, INDEX), 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, 64));
    readSync(fd, head, 0, head.length, 0);
    const firstLine = head.indexOf(10);
    if (firstLine < 0) return undefined;
    const pack = head.toString('latin1', 0, firstLine);
    let known = indexes.get(dir);
    if (known?.pack !== pack) indexes.set(dir, (known = { pack, read: pack.length + 1, pages: new Map() }));
    if (size > known.read) {
      const bytes = Buffer.allocUnsafe(size - known.read);
      const got = readSync(fd, bytes, 0, bytes.length, known.read);
      const text = bytes.subarray(0, got).toString('utf8');
      // Only whole lines: the writer may be in the middle of one.
      const end = text.lastIndexOf('\n') + 1;
      for (const line of text.slice(0, end).split('\n')) {
        if (!line) continue;
        const [name, offset, length] = line.split('\t');
        known.pages.set(name, [Number(offset), Number(length)]);
      }
      known.read += Buffer.byteLength(text.slice(0, end), 'utf8');
    }
    return known;
  } finally {
    closeSync(fd);
  }
}

/**
 * One page as it was added, or undefined if the model has no such page. While the pack is
 * being written in another thread, a page not in it yet is waited for.
 */
export function readPage(dir: string, name: string, signal = currentSignal()): unknown {
  for (;;) {
    // Read before the index: a pack finished by then is wholly in what is read next.
    const seen = signal?.pages() ?? 0;
    const writing = signal?.writing() ?? false;
    if (signal?.failed()) throw new Error(`${join(dir, PACK)}: the site model was not finished`);
    const where = currentIndex(dir)?.pages.get(name);
    if (where) return readAt(join(dir, PACK), name, where);
    if (!writing) return undefined;
    signal!.waitPast(seen);
  }
}

function readAt(file: string, name: string, [offset, length]: [number, number]): unknown {
  const bytes = Buffer.allocUnsafe(length);
  const fd = openSync(file, 'r');
  try {
    if (readSync(fd, bytes, 0, length, offset) !== length) throw new Error(`${file}: page ${name} cut short`);
  } finally {
    closeSync(fd);
  }
  return deserialize(bytes);
}
