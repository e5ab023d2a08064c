/**
 * The open-data contract: data/datapackage.json describes every CSV download, its columns
 * in the file's own order, and a type every written value of the column satisfies.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/ingest/index.ts';
import { metricsForSite } from '../../src/lib/metrics/index.ts';
import { buildSiteModel } from '../../src/lib/site/model.ts';
import { parseCsv } from '../../src/lib/release/changes.ts';
import { fileText } from '../../src/lib/build/csv.ts';

const fits: Record<string, (v: string) => boolean> = {
  string: () => true,
  integer: (v) => /^-?\d+$/.test(v),
  number: (v) => /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(v),
  boolean: (v) => v === 'true' || v === 'false',
};

describe('datapackage.json', () => {
  it('describes every CSV of data/ with the columns and types of the file', async () => {
    const ds = await loadDataset(resolve('test/fixtures/site-small'));
    const model = buildSiteModel(ds, (await metricsForSite(ds)));
    const pkg = JSON.parse(fileText(model.files.find((f) => f.path === 'data/datapackage.json')!.content)) as { resources: { path: string; schema: { fields: { name: string; type: string }[] } }[] };
    const csvs = model.files.filter((f) => /^data\/[^/]+\.csv$/.test(f.path));
    expect(pkg.resources.map((r) => `data/${r.path}`).sort()).toEqual(csvs.map((f) => f.path).sort());
    let typed = 0;
    for (const r of pkg.resources) {
      const text = fileText(csvs.find((f) => f.path === `data/${r.path}`)!.content);
      const header = text.replace(/^\ufeff/, '').split('\r\n', 1)[0].split(',');
      expect(r.schema.fields.map((f) => f.name), r.path).toEqual(header);
      for (const row of parseCsv(text)) {
        for (const f of r.schema.fields) {
          const v = row[f.name];
          if (v === '') continue;
          expect(fits[f.type](v), `${r.path} ${f.name} = «${v}» is not ${f.type}`).toBe(true);
          if (f.type !== 'string') typed++;
        }
      }
    }
    expect(typed).toBeGreaterThan(100);
    const gap = pkg.resources.find((r) => r.path === 'gap.csv')!.schema.fields;
    expect(gap.find((f) => f.name === 'eligible')!.type).toBe('integer');
    expect(gap.find((f) => f.name === 'gap')!.type).toBe('number');
  });
});
