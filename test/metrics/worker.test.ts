/**
 * A large dataset's gap and aggregates are computed in a worker thread while the rest of the metrics run
 * (metricsForSite). Its figures, school scores and aggregates must be the ones computed in one thread,
 * which gap.test.ts and results.test.ts check against hand-worked values.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/ingest/index.ts';
import { metricsForSite } from '../../src/lib/metrics/index.ts';
import { demoDir } from '../helpers/demo-dir.ts';

const demo = demoDir('metrics-worker-', { seed: 5, schools: 150, municipalities: 4, yearFrom: 2020, yearTo: 2025 });

describe('the gap and the aggregates in a worker thread', () => {
  it('gives every metric the one thread gives', async () => {
    const one = await metricsForSite(await loadDataset(demo()), { threads: 1 });
    const two = await metricsForSite(await loadDataset(demo()), { threads: 2 });
    // Enough to mean something: both scopes, several years, groups with member lists.
    expect(new Set(one.gap.map((g) => g.scope))).toEqual(new Set(['region', 'municipality']));
    expect(one.gap.filter((g) => g.scope === 'region').length).toBeGreaterThan(6);
    expect(one.scores.length).toBeGreaterThan(500);
    expect(two.gap).toEqual(one.gap);
    expect(two.scores).toEqual(one.scores);
    expect(one.aggregates.rows().filter((a) => a.scope === 'municipality').length).toBeGreaterThan(100);
    expect(two.aggregates).toEqual(one.aggregates);
    expect(two).toEqual(one);
  }, 60_000);
});
