/**
 * One stray row dated later does not take the site to that year (issue: «Школ ШНРО/НСУ,
 * 2031: 1», every school page «Статус в 2031 году»). The small fixture has 2022–2024 for
 * all 8 schools; one school gets a 2026 row: the site stays on 2024 and says why.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/ingest/index.ts';
import { metricsForSite } from '../../src/lib/metrics/index.ts';
import { buildSiteModel } from '../../src/lib/site/model.ts';
import { currentYear } from '../../src/lib/publish/current-year.ts';
import { plainColumns } from '../../src/lib/model/types.ts';

describe('the site’s current year', () => {
  it('is the newest year with results for at least half as many schools as the best year', () => {
    const rows = (year: number, n: number) => Array.from({ length: n }, (_, i) => ({ school_id: `s${i}`, year }));
    // As the metrics hand them over: a column per field.
    const columns = (list: { school_id: string; year: number }[]) => ({ school_id: list.map((r) => r.school_id), year: list.map((r) => r.year) });
    expect(currentYear(columns([...rows(2023, 10), ...rows(2024, 10), ...rows(2025, 1)]))).toBe(2024);
    expect(currentYear(columns([...rows(2023, 10), ...rows(2024, 5)]))).toBe(2024);
    expect(currentYear(columns([...rows(2023, 10), ...rows(2024, 4)]))).toBe(2023);
  });

  it('a stray later row changes neither the headline year nor the statuses', async () => {
    const ds = await loadDataset(resolve('test/fixtures/site-small'));
    const r = plainColumns(ds.tables.results);
    ds.tables.results = r;
    const n = r.school_id.length;
    // Copy the first row as a 2026 row of the same school (a typo in a department's file).
    for (const [k, col] of Object.entries(r)) col.push(k === 'year' ? 2026 : col[0]);
    expect(r.school_id.length).toBe(n + 1);
    const model = buildSiteModel(ds, (await metricsForSite(ds)));
    const region = model.pages().next().value!;
    const text = JSON.stringify(region);
    expect(text).not.toContain('2026');
    expect(text).toContain('2024');
    expect(Object.keys(model.warnings).some((w) => w.includes('не показаны годы после текущего года сайта 2024') && w.endsWith('2026'))).toBe(true);
    const school = [...model.pages()].find((p) => p.kind === 'school')!;
    expect(JSON.stringify(school.sections[0])).not.toContain('2026');
  });
});
