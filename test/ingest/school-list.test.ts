/**
 * A region with no registry: the school list is assembled from yearly result files whose
 * names change and whose codes are written three ways (issue 9, «Schools from several files»).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/ingest/index.ts';
import { errors, load, results, rows, warnings } from './helpers.ts';
import { fileText } from '../../src/lib/build/csv.ts';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/yearly-names');

describe('school list from yearly result files', () => {
  it('loads every school and every result row, the newest name winning and former names kept', async () => {
    const ds = await loadDataset(DIR);
    expect(errors(ds)).toEqual([]);
    // No warning either: one row per subject repeats a school, which is what such a file is.
    expect(warnings(ds).map((p) => p.message)).toEqual([]);
    const schools = Object.fromEntries(rows(ds, 'schools').map((r) => [r.school_id, r]));
    expect(Object.keys(schools).sort()).toEqual(['105201', '105202', '105203', '105204', '105205']);
    expect(schools['105201']).toMatchObject({ name: 'МАОУ «Лицей № 1 имени А. С. Пушкина»', municipality_id: 'Северный', former_names: 'МАОУ «Лицей № 1» (2024); МБОУ «СОШ № 1» (2023)' });
    expect(schools['105202']).toMatchObject({ name: 'МБОУ «СОШ № 2»', former_names: null });
    expect(schools['105203']).toMatchObject({ name: 'МКОУ «Озёрная СОШ»', municipality_id: 'Южный', former_names: null });
    expect(schools['105205']).toMatchObject({ name: 'МБОУ «Школа № 5»', former_names: 'МБОУ «СОШ № 5» (2023–2024)' });
    // 5 + 5 + 3 rows in the three files, none dropped
    expect(rows(ds, 'results')).toHaveLength(13);
    expect(ds.sources.filter((s) => s.kind === 'results').map((s) => s.rows)).toEqual([5, 5, 3]);
    expect(rows(ds, 'results').filter((r) => r.school_id === '105205').map((r) => r.year)).toEqual([2023, 2024, 2025]);
  });

  it('two registry rows of one school in the same year with different names are still an error', async () => {
    const ds = await load([
      { path: 'schools-base.csv', kind: 'schools', columns: { school_id: 'school_id', name: 'name', municipality_id: 'municipality_id' } },
      { path: 'schools-base.csv', kind: 'schools', columns: { school_id: 'school_id', name: 'municipality_id', municipality_id: 'municipality_id' } },
    ]);
    expect(errors(ds).map((p) => p.code)).toContain('duplicate-key');
  });

  it('a results file whose rows are mostly about unknown schools is an error, not a warning', async () => {
    const ds = await load(results('unknown-schools.csv'));
    const e = errors(ds).find((p) => p.code === 'mostly-dropped');
    expect(e?.file).toBe('unknown-schools.csv');
    expect(e?.message).toContain('3 из 4');
  });
});

describe('school list from yearly result files, on the site', () => {
  it('the school page and schools.csv give the former names; every school has its page', async () => {
    const { metricsForSite } = await import('../../src/lib/metrics/index.ts');
    const { buildSiteModel } = await import('../../src/lib/site/model.ts');
    const ds = await loadDataset(DIR);
    const m = await buildSiteModel(ds, (await metricsForSite(ds)));
    const pages = [...m.pages()];
    const schoolPages = pages.filter((p) => p.path.startsWith('school/'));
    expect(schoolPages.map((p) => p.path).sort()).toEqual(['105201', '105202', '105203', '105204', '105205'].map((id) => `school/${id}`));
    const lyceum = schoolPages.find((p) => p.path === 'school/105201')!;
    const stats = (p: typeof lyceum) => p.sections.find((s) => s.id === 'summary')!.stats ?? [];
    expect(stats(lyceum).find((s) => s.label === 'Прежние названия')?.value).toBe('МАОУ «Лицей № 1» (2024); МБОУ «СОШ № 1» (2023)');
    // The lead is what the search indexes: the old name finds the school.
    expect(lyceum.description).toContain('Прежние названия: МАОУ «Лицей № 1» (2024); МБОУ «СОШ № 1» (2023).');
    expect(stats(schoolPages.find((p) => p.path === 'school/105202')!).some((s) => s.label === 'Прежние названия')).toBe(false);
    const csv = fileText(m.files.find((f) => f.path === 'data/schools.csv')!.content);
    expect(csv).toContain('105205,МБОУ «Школа № 5»,Южный,Южный,,МБОУ «СОШ № 5» (2023–2024),/school/105205/');
  });
});
