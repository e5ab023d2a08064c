/**
 * The site model's pages on their way to Astro: every page's JSON appended to one file,
 * with an index of where each begins, instead of one file per page. Creating a file costs
 * ~0.5 ms of kernel time on the build machine whatever its size (build/chart-store.ts),
 * and a national site has 42,000 pages. The build writes the pack (build/pipeline.ts);
 * Astro's side reads one page at a time from it (site/store.ts).
 */
import { closeSync, openSync, readFileSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const PACK = 'pages.jsonl';
const INDEX = 'pages-index.json';

/** Page name → [offset, length in bytes] in the pack. */
type PageIndex = Record<string, [number, number]>;

export interface PageWriter {
  add(name: string, json: string): void;
  /** Writes the index: until then no page can be read. */
  close(): void;
}

export function pageWriter(dir: string): PageWriter {
  const fd = openSync(join(dir, PACK), 'w');
  const index: PageIndex = Object.create(null);
  let at = 0;
  let open = true;
  return {
    add(name, json) {
      // The text written as it is (no copy joined with the newline, no Buffer made here:
      // a third faster for a 25 KB page); a short write, which a regular file does not do
      // short of a full disk, is finished from a Buffer.
      const length = Buffer.byteLength(json, 'utf8');
      const first = writeSync(fd, json);
      if (first < length) {
        const rest = Buffer.from(json, 'utf8');
        for (let written = first; written < length; ) written += writeSync(fd, rest, written);
      }
      writeSync(fd, '\n');
      index[name] = [at, length];
      at += length + 1;
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
      writeFileSync(join(dir, INDEX), JSON.stringify(index));
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

/** One page's JSON text, or undefined if the model has no such page. */
export function readPageJson(dir: string, name: string): string | undefined {
  const index = modelJson<PageIndex>(join(dir, INDEX));
  const where = index[name];
  if (!where) return undefined;
  const bytes = Buffer.allocUnsafe(where[1]);
  const fd = openSync(join(dir, PACK), 'r');
  try {
    if (readSync(fd, bytes, 0, where[1], where[0]) !== where[1]) throw new Error(`${join(dir, PACK)}: page ${name} cut short`);
  } finally {
    closeSync(fd);
  }
  return bytes.toString('utf8');
}
