/**
 * The chart cache on disk (node_modules/.cache/school-charts): one file per SVG, named by
 * its key, written through a temporary name so a killed build leaves no half file. Its
 * code version is a hash of the chart code and Plot's version: any change to either
 * starts a fresh cache.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { SvgStore } from '../charts/cache.ts';

export function diskChartStore(dir: string, version: string): SvgStore {
  // Another code version's SVGs will never be asked for again: they go.
  const stamp = join(dir, 'VERSION');
  if (existsSync(dir) && (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== version)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (!existsSync(stamp)) writeFileSync(stamp, version);
  const made = new Set<string>();
  const path = (key: string) => join(dir, key.slice(0, 2), `${key}.svg`);
  return {
    get(key) {
      const p = path(key);
      return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
    },
    set(key, svg) {
      const sub = join(dir, key.slice(0, 2));
      if (!made.has(sub)) {
        mkdirSync(sub, { recursive: true });
        made.add(sub);
      }
      const tmp = `${path(key)}.${process.pid}.tmp`;
      writeFileSync(tmp, svg);
      renameSync(tmp, path(key));
    },
  };
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
