/**
 * The chart cache on disk (node_modules/.cache/school-charts): one folder per code version
 * (a hash of the chart code and Plot's version), the SVGs appended to pack files: one pack
 * per drawing thread and build, never one file per SVG. Creating a file costs ~0.5 ms of
 * kernel time on the 2-core build machine whatever its size (3,670 files of 12 KB: 2.0 s,
 * of 100 bytes: 1.6 s; one file of the same 44 MB: 0.04 s), and a 2,000-school region
 * draws 7,341 charts.
 *
 * A record is the key (64 hex digits), a space, the SVG's length in bytes (ten digits), a
 * newline, and the SVG. A pack cut short by a killed build ends in a record shorter than
 * its header says, which is ignored; the records before it are whole.
 *
 * Two builds may run at once on one machine (a checkout and its worktrees share
 * node_modules): each writes packs of its own, and a build never deletes the folder another
 * version is using. Folders of other versions untouched for a day go; the SVGs a build has
 * just drawn are also kept in memory until the page that waits for them has taken them, so
 * a cache that disappears under a build costs only the reuse, never the build.
 *
 * Within a version, packs only grow: every data change appends the charts it redraws. Past
 * `maxBytes` (2 GB: a national set's charts are ~1 GB), the oldest packs untouched for a day
 * go when a build opens the cache; a chart that was in one is drawn again, once.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { PackLocation, SvgStore } from '../charts/cache.ts';

const STALE_MS = 24 * 3600 * 1000;
/** The packs of one version kept at most, in bytes, counting only packs a day old or more. */
const MAX_BYTES = 2 * 1024 ** 3;
/** SVGs kept in memory until taken: far more than the pages that wait for charts ever hold. */
const FRESH_MAX = 4096;
/** Packs are in a folder of their own: a folder of one file per SVG (the layout before) is another version's. */
const LAYOUT = 'packs';
const KEY_LENGTH = 64;
const HEADER = KEY_LENGTH + 1 + 10 + 1;

export function diskChartStore(root: string, version: string, opts: { maxBytes?: number } = {}): SvgStore {
  const dir = join(root, `${version.slice(0, 16)}-${LAYOUT}`);
  mkdirSync(dir, { recursive: true });
  const now = new Date();
  utimesSync(dir, now, now);
  // Another code version's SVGs will never be asked for again, once no build uses them.
  for (const e of readdirSync(root, { withFileTypes: true })) {
    const other = join(root, e.name);
    if (other === dir) continue;
    if (!e.isDirectory() || now.getTime() - statSync(other).mtimeMs > STALE_MS) rmSync(other, { recursive: true, force: true });
  }
  prunePacks(dir, opts.maxBytes ?? MAX_BYTES, now.getTime());
  const where = new Map<string, PackLocation>();
  for (const name of readdirSync(dir)) if (name.endsWith('.pack')) scanPack(join(dir, name), where);
  const fresh = new Map<string, string>();
  const open = new Map<string, number>();
  const writer = new PackWriter(dir);
  const keep = (key: string, svg: string, at?: PackLocation | null) => {
    fresh.set(key, svg);
    if (at) where.set(key, at);
    // Bounded: charts drawn without a waiting page (no pool) are never taken back.
    if (fresh.size > FRESH_MAX) fresh.delete(fresh.keys().next().value!);
  };
  return {
    disk: { dir, keep },
    get(key) {
      const svg = fresh.get(key);
      if (svg !== undefined) {
        fresh.delete(key);
        return svg;
      }
      const at = where.get(key);
      if (!at) return undefined;
      try {
        let fd = open.get(at.file);
        if (fd === undefined) open.set(at.file, (fd = openSync(at.file, 'r')));
        const bytes = Buffer.allocUnsafe(at.length);
        if (readSync(fd, bytes, 0, at.length, at.offset) !== at.length) return undefined;
        return bytes.toString('utf8');
      } catch {
        return undefined;
      }
    },
    set(key, svg) {
      keep(key, svg, writer.append([{ key, svg }])[0]);
    },
    close() {
      for (const fd of open.values()) closeSync(fd);
      open.clear();
    },
  };
}

/**
 * Removes the oldest packs until the folder holds at most `maxBytes`. Only packs untouched for
 * a day may go: a build running at once (a worktree) may still be writing or reading a newer one.
 */
function prunePacks(dir: string, maxBytes: number, now: number): void {
  const packs = readdirSync(dir)
    .filter((name) => name.endsWith('.pack'))
    .flatMap((name) => {
      try {
        const st = statSync(join(dir, name));
        return [{ file: join(dir, name), size: st.size, mtime: st.mtimeMs }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => a.mtime - b.mtime || (a.file < b.file ? -1 : 1));
  let total = packs.reduce((t, p) => t + p.size, 0);
  for (const p of packs) {
    if (total <= maxBytes || now - p.mtime <= STALE_MS) break;
    rmSync(p.file, { force: true });
    total -= p.size;
  }
}

/** Reads a pack's record headers (not the SVGs) into the index; stops at a record cut short. */
function scanPack(file: string, where: Map<string, PackLocation>): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return;
  }
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(HEADER);
    for (let at = 0; at + HEADER <= size; ) {
      if (readSync(fd, head, 0, HEADER, at) !== HEADER || head[KEY_LENGTH] !== 0x20 || head[HEADER - 1] !== 0x0a) return;
      const digits = head.toString('latin1', KEY_LENGTH + 1, HEADER - 1);
      if (!/^\d{10}$/.test(digits)) return;
      const length = Number(digits);
      if (at + HEADER + length > size) return;
      where.set(head.toString('latin1', 0, KEY_LENGTH), { file, offset: at + HEADER, length });
      at += HEADER + length;
    }
  } finally {
    closeSync(fd);
  }
}

let packsMade = 0;

/**
 * Appends SVGs to one pack of a cache folder. Used by the chart threads (build/chart-worker.ts),
 * each with a pack of its own, and by a store drawing on the main thread. Never throws: the
 * cache is only for reuse, and a build whose cache folder vanished still has the SVG in memory.
 */
export class PackWriter {
  private readonly file: string;
  private readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
    this.file = join(dir, `${process.pid}-${threadId}-${++packsMade}-${Date.now().toString(36)}.pack`);
  }

  /** Where each record went (null where it could not be written, or its key is not a store key). */
  append(records: readonly { key: string; svg: string }[]): (PackLocation | null)[] {
    const at: (PackLocation | null)[] = records.map(() => null);
    const bodies = records.map(({ key, svg }) => (key.length === KEY_LENGTH && /^[0-9a-f]+$/.test(key) ? Buffer.from(svg, 'utf8') : null));
    if (!bodies.some((b) => b)) return at;
    let fd: number;
    try {
      fd = this.openForAppend();
    } catch {
      return at;
    }
    try {
      // The pack's size, not a count kept here: if the folder vanished, the pack begins again.
      let offset = fstatSync(fd).size;
      const parts: Buffer[] = [];
      bodies.forEach((body, i) => {
        if (!body) return;
        parts.push(Buffer.from(`${records[i].key} ${String(body.length).padStart(10, '0')}\n`, 'latin1'), body);
        at[i] = { file: this.file, offset: offset + HEADER, length: body.length };
        offset += HEADER + body.length;
      });
      const all = Buffer.concat(parts);
      for (let written = 0; written < all.length; ) written += writeSync(fd, all, written);
      return at;
    } catch {
      return records.map(() => null);
    } finally {
      closeSync(fd);
    }
  }

  private openForAppend(): number {
    try {
      return openSync(this.file, 'a');
    } catch {
      mkdirSync(this.dir, { recursive: true });
      return openSync(this.file, 'a');
    }
  }
}

/** A hash of the files that decide how a chart looks, and of Plot's version. */
export function chartCodeVersion(root: string): string {
  const h = createHash('sha256');
  for (const f of ['src/lib/charts/render.ts', 'src/lib/charts/specs.ts', 'src/lib/charts/kinds.ts', 'src/lib/site/charts.ts', 'src/lib/format/index.ts', 'src/lib/words/ru/charts.ts', 'src/lib/words/en/charts.ts', 'src/lib/words/ru/common.ts', 'src/lib/words/en/common.ts', 'node_modules/@observablehq/plot/package.json']) {
    const p = join(root, f);
    h.update(f).update('\0').update(existsSync(p) ? readFileSync(p) : '');
  }
  return h.digest('hex');
}
