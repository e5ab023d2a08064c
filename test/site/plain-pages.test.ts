/**
 * The pages reach Astro through the pack as structured-clone data (site/page-pack.ts), not
 * JSON. They are plain data, so Astro reads what JSON would have given it: a NaN (JSON:
 * null), an Infinity, a Date or a class instance would differ. An optional field left
 * undefined is kept where JSON dropped it; a template reads both the same.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/ingest/index.ts';
import { metricsForSite } from '../../src/lib/metrics/index.ts';
import { buildSiteModel } from '../../src/lib/site/model.ts';
import { useChartStore } from '../../src/lib/charts/cache.ts';
import { pageWriter, readPage } from '../../src/lib/site/page-pack.ts';

afterEach(() => useChartStore(null));

/** Where in a page a value is not plain data (null, booleans, finite numbers, strings, arrays, plain objects). */
function notPlain(value: unknown, at: string, found: string[], field = false): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (value === undefined && field) return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) found.push(`${at}: ${value}`);
    return;
  }
  if (Array.isArray(value)) return value.forEach((v, i) => notPlain(v, `${at}[${i}]`, found));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) notPlain(v, `${at}.${k}`, found, true);
    return;
  }
  found.push(`${at}: ${typeof value === 'object' ? value.constructor?.name : typeof value}`);
}

describe('pages handed to Astro', () => {
  for (const dir of ['test/fixtures/site-small', 'data/demo']) {
    it(`are plain data, and the pack gives back what JSON would: ${dir}`, async () => {
      const ds = await loadDataset(resolve(dir));
      const model = buildSiteModel(ds, await metricsForSite(ds));
      const pack = mkdtempSync(join(tmpdir(), 'plain-pages-'));
      const w = pageWriter(pack);
      const asJson = new Map<string, unknown>();
      const found: string[] = [];
      for (const page of model.pages()) {
        const name = page.path === '' ? 'index' : page.path;
        notPlain(page, name, found);
        w.add(name, page);
        asJson.set(name, JSON.parse(JSON.stringify(page)));
      }
      w.close();
      expect(found).toEqual([]);
      expect(asJson.size).toBeGreaterThan(10);
      // toEqual: an undefined field equals an absent one, NaN does not equal null.
      for (const [name, page] of asJson) expect(readPage(pack, name)).toEqual(page);
    }, 120_000);
  }
});
