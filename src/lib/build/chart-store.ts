/**
 * The chart cache on disk (node_modules/.cache/school-charts): one folder per code version
 * (a hash of the chart code and Plot's version), one file per SVG named by its key,
 * written through a temporary name so a killed build leaves no half file.
 *
 * Two builds may run at once on one machine (a checkout and its worktrees share
 * node_modules): a build never deletes the folder another version is using. Folders of
 * other versions untouched for a day go; the SVGs a build has just drawn are also kept in
 * memory until the page that waits for them has taken them, so a cache that disappears
 * under a build costs only the reuse, never the build.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { SvgStore } from '../charts/cache.ts';

const STALE_MS = 24 * 3600 * 1000;
/** SVGs kept in memory until taken: far more than the pages that wait for charts ever hold. */
const FRESH_MAX = 4096;

export function diskChartStore(root: string, version: string): SvgStore {
  const dir = join(root, version.slice(0, 16));
  mkdirSync(dir, { recursive: true });
  const now = new Date();
  utimesSync(dir, now, now);
  // Another code version's SVGs will never be asked for again, once no build uses them.
  for (const e of readdirSync(root, { withFileTypes: true })) {
    const other = join(root, e.name);
    if (other === dir) continue;
    if (!e.isDirectory() || now.getTime() - statSync(other).mtimeMs > STALE_MS) rmSync(other, { recursive: true, force: true });
  }
  const fresh = new Map<string, string>();
  const keep = (key: string, svg: string) => {
    fresh.set(key, svg);
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
      const p = svgPath(dir, key);
      try {
        return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
    set(key, svg) {
      keep(key, svg);
      writeCachedSvg(dir, key, svg);
    },
  };
}

const svgPath = (dir: string, key: string) => join(dir, key.slice(0, 2), `${key}.svg`);

/**
 * Writes one SVG into a cache folder, through a temporary name so a killed build leaves no
 * half file. Called by the chart threads too (build/chart-worker.ts), each with its own
 * temporary name. Never throws: the cache is only for reuse, and a build whose cache
 * folder vanished still has the SVG in memory.
 */
export function writeCachedSvg(dir: string, key: string, svg: string): void {
  try {
    mkdirSync(join(dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${svgPath(dir, key)}.${process.pid}.${threadId}.tmp`;
    writeFileSync(tmp, svg);
    renameSync(tmp, svgPath(dir, key));
  } catch {
    // See above: a lost cache entry costs a redraw in a later build, nothing more.
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
