/**
 * The publication boundary consumes the metrics: it discloses the school rows in place and
 * releases the undisclosed ones. A second site model from the same metrics used to be an
 * empty site without a word; now it is an error that says what to do.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/ingest/index.ts';
import { metricsForSite } from '../../src/lib/metrics/index.ts';
import { buildSiteModel } from '../../src/lib/site/model.ts';

describe('publication boundary', () => {
  it('publishes a set of metrics once, and says so when asked twice', async () => {
    const ds = await loadDataset(resolve('test/fixtures/site-small'));
    const metrics = await metricsForSite(ds);
    const first = buildSiteModel(ds, metrics);
    // The fixture's schools each get a page (twelve rows in its schools.csv).
    expect(first.schoolIds.length).toBe(12);
    expect(() => buildSiteModel(ds, metrics)).toThrow(/already published/);
  });
});
