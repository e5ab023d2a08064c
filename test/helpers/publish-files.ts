/**
 * A dataset given as file texts in memory (dataset.yml and its CSVs), read by the real
 * loader and taken through the metrics and the publication boundary: what the site would get.
 */
import path from 'node:path';
import { expect } from 'vitest';
import { loadDataset } from '../../src/lib/ingest/index.ts';
import { computeAll } from '../../src/lib/metrics/index.ts';
import { siteInputsFromMetrics } from '../../src/lib/publish/index.ts';

export async function publishFiles(files: Record<string, string>, dir = '/in-memory') {
  const ds = await loadDataset(dir, {
    readFile: async (p) => {
      const f = files[path.basename(p)];
      if (f === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return new TextEncoder().encode(f);
    },
    realpath: async (p) => p,
    env: {},
  });
  expect(ds.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return siteInputsFromMetrics(ds, computeAll(ds.tables, ds.settings));
}
