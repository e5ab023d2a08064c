import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { loadDataset, REPO_ROOT, type Dataset } from '../../src/lib/ingest/index.ts';
import { plainColumns, type FileKind, type Problem } from '../../src/lib/model/types.ts';

export const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ingest');

/** Load fixture files through an in-memory manifest (the only file not on disk). */
export async function load(files: object[], extra: object = {}): Promise<Dataset> {
  const manifest = stringify({ region: { name: 'Тестовая область' }, source: { publisher: 'Тест', title: 'Тестовый набор' }, ...extra, files });
  return loadDataset(FIX, {
    env: { SHARED_DIR: SHARED },
    readFile: async (p) => (p === path.join(FIX, 'dataset.yml') ? new TextEncoder().encode(manifest) : new Uint8Array(await readFile(p))),
  });
}

export const SCHOOL_COLUMNS = { school_id: 'school_id', name: 'name', municipality_id: 'municipality_id' };
export const BASE_SCHOOLS = { path: 'schools-base.csv', kind: 'schools', columns: SCHOOL_COLUMNS };
export const RESULT_COLUMNS = { school_id: 'school_id', year: 'year', subject: 'subject', n: 'n', mean: 'mean' };

export function results(file: string, more: Record<string, unknown> = {}): object[] {
  return [BASE_SCHOOLS, { path: file, kind: 'results', columns: RESULT_COLUMNS, constants: { exam: 'ЕГЭ' }, ...more }];
}

export const errors = (ds: Dataset): Problem[] => ds.problems.filter((p) => p.severity === 'error');
export const warnings = (ds: Dataset): Problem[] => ds.problems.filter((p) => p.severity === 'warning');

/** Rows of a canonical table as objects (tests only). */
export function rows(ds: Dataset, kind: FileKind): Array<Record<string, string | number | null>> {
  // The long tables' measures are typed (NaN, state codes): read here as the plain form.
  const t = plainColumns(ds.tables[kind]);
  const cols = Object.keys(t);
  const n = cols.length ? t[cols[0]].length : 0;
  return Array.from({ length: n }, (_, i) => Object.fromEntries(cols.map((c) => [c, t[c][i]])));
}

/** Shared real datasets: SHARED_DIR, else ../shared beside the repository. */
export const SHARED = process.env.SHARED_DIR || path.resolve(REPO_ROOT, '../shared');
export const HAS_SHARED = existsSync(path.join(SHARED, 'datasets'));
export function sharedGuard(what: string): boolean {
  if (!HAS_SHARED) {
    if (process.env.REQUIRE_SHARED_DATA === '1') throw new Error(`REQUIRE_SHARED_DATA=1, но общая папка не найдена: ${SHARED}`);
    console.warn(`[ingest] пропущено «${what}»: нет общей папки с реальными данными (${SHARED}); задайте SHARED_DIR`);
  }
  return !HAS_SHARED;
}
