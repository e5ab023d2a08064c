/**
 * Charts are never rendered twice: a second model of the same data takes every SVG from
 * the store and the pages are byte-identical to ones rendered without any store.
 */
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/ingest/index.ts';
import { metricsForSite } from '../../src/lib/metrics/index.ts';
import { buildSiteModel } from '../../src/lib/site/model.ts';
import { chartCacheStats, PENDING, pendingKey, useChartStore } from '../../src/lib/charts/cache.ts';
import { startChartPool } from '../../src/lib/build/chart-pool.ts';

async function pagesJson(): Promise<{ json: string; charts: number }> {
  const ds = await loadDataset(resolve('test/fixtures/site-small'));
  const model = buildSiteModel(ds, (await metricsForSite(ds)));
  let charts = 0;
  const parts: string[] = [];
  for (const p of model.pages()) {
    charts += p.sections.reduce((t, s) => t + (s.charts?.length ?? 0), 0);
    parts.push(JSON.stringify(p));
  }
  return { json: parts.join('\n'), charts };
}

afterEach(() => useChartStore(null));

describe('chart cache', () => {
  it('a second build of the same data renders nothing and writes the same pages', async () => {
    const plain = await pagesJson();
    expect(plain.charts).toBeGreaterThan(10);
    const map = new Map<string, string>();
    useChartStore({ get: (k) => map.get(k), set: (k, v) => void map.set(k, v) }, 'v1');
    const first = await pagesJson();
    const afterFirst = chartCacheStats();
    expect(afterFirst.renders).toBeGreaterThan(0);
    expect(afterFirst.renders + afterFirst.hits).toBe(plain.charts);
    useChartStore({ get: (k) => map.get(k), set: (k, v) => void map.set(k, v) }, 'v1');
    const second = await pagesJson();
    expect(chartCacheStats()).toEqual({ hits: plain.charts, renders: 0 });
    expect(first.json).toBe(plain.json);
    expect(second.json).toBe(plain.json);
    // Another code version asks for other keys: everything is drawn again.
    useChartStore({ get: (k) => map.get(k), set: (k, v) => void map.set(k, v) }, 'v2');
    await pagesJson();
    expect(chartCacheStats().hits).toBe(0);
  });

  it('charts drawn by the worker pool are the same SVG as charts drawn in the main thread', async () => {
    const plain = await pagesJson();
    const map = new Map<string, string>();
    const store = { get: (k: string) => map.get(k), set: (k: string, v: string) => void map.set(k, v) };
    const pool = startChartPool(store, 2);
    try {
      useChartStore(store, 'pool', pool);
      const ds = await loadDataset(resolve('test/fixtures/site-small'));
      const model = buildSiteModel(ds, (await metricsForSite(ds)));
      const pages = [...model.pages()];
      const pending = pages.flatMap((p) => p.sections.flatMap((s) => s.charts ?? [])).filter((c) => c.svg.startsWith(PENDING));
      expect(pending.length).toBe(plain.charts);
      await pool.settle();
      expect(pool.pending()).toBe(0);
      for (const c of pending) c.svg = map.get(pendingKey(c.svg))! as typeof c.svg;
      expect(pages.map((p) => JSON.stringify(p)).join('\n')).toBe(plain.json);
    } finally {
      await pool.close();
    }
  });
});
