/**
 * Hostile datasets (test/fixtures/hostile/cases.ts): each case is written to a temporary
 * folder and loaded as `npm run check` loads a dataset; the test states for each the exact
 * errors (code, file, line, column) or the values read. No case may throw.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDataset } from '../../src/lib/ingest/index.ts';
import { formatProblem } from '../../src/lib/model/types.ts';
import { CASES, type HostileCase } from '../fixtures/hostile/cases.ts';
import { rows } from './helpers.ts';

const TMP = mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function put(root: string, files: Record<string, string | Uint8Array> | undefined): void {
  for (const [name, content] of Object.entries(files ?? {})) {
    const full = path.join(root, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** Lay a case out: ROOT/ds (the dataset), ROOT/outside, ROOT/shared (SHARED_DIR), ROOT (parent). */
function layOut(c: HostileCase, i: number): { dir: string; shared: string } {
  const root = path.join(TMP, String(i));
  const dir = path.join(root, 'ds');
  mkdirSync(dir, { recursive: true });
  put(dir, c.files);
  put(path.join(root, 'outside'), c.outside);
  put(path.join(root, 'shared'), c.shared);
  put(root, c.parent);
  for (const [link, target] of Object.entries(c.symlinks ?? {})) symlinkSync(target, path.join(dir, link));
  return { dir, shared: path.join(root, 'shared') };
}

describe('hostile datasets', () => {
  it('has at least 40 cases with unique names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const { dir, shared } = layOut(c, i);
    const ds = await loadDataset(dir, { env: { SHARED_DIR: shared } });
    const errs = ds.problems.filter((p) => p.severity === 'error');
    expect(errs.map((p) => [p.code, p.file, p.line, p.column])).toEqual(c.errors);
    for (const p of ds.problems) {
      const text = formatProblem(p);
      // Location first, then the severity: file[:line[:column]]: ошибка|предупреждение: …
      expect(text).toMatch(/^[^:\n]+(:\d+){0,2}: (ошибка|предупреждение): /);
      expect(text).not.toMatch(/\n\s+at /);
      expect(text).not.toMatch(/[\r\n]/);
      // No message grows with the input: cells are echoed clipped.
      expect(text.length).toBeLessThan(1500);
      expect(p.message).toMatch(/[а-яё]/i);
      if (c.neverPrinted) expect(text).not.toContain(c.neverPrinted);
      if (p.value !== undefined) expect(p.value.length).toBeLessThanOrEqual(c.maxValueLength ?? 201);
    }
    for (const e of errs) expect(e.hint, `${e.code} needs a hint`).toBeTruthy();
    if (c.message) expect(errs[0].message).toContain(c.message);
    if (c.hint) expect(errs[0].hint).toContain(c.hint);
    const warnCodes = ds.problems.filter((p) => p.severity === 'warning').map((p) => p.code);
    for (const w of c.warnings ?? []) expect(warnCodes).toContain(w);
    if (c.rows) {
      const got = rows(ds, c.rows.kind as never);
      expect(got).toHaveLength(c.rows.rows.length);
      c.rows.rows.forEach((r, k) => expect(got[k]).toMatchObject(r));
    }
  });
});

// Large datasets are read in worker threads (reader-pool.ts); the rows, the problems (in
// order, with their counts) and the sources must be what one thread reads, which the
// cases above check value by value.
describe('hostile datasets read in two worker threads', () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const { dir, shared } = layOut(c, CASES.length + i);
    const one = await loadDataset(dir, { env: { SHARED_DIR: shared }, threads: 1 });
    const two = await loadDataset(dir, { env: { SHARED_DIR: shared }, threads: 2 });
    expect(two.problems).toEqual(one.problems);
    expect(two.tables).toEqual(one.tables);
    expect(two.sources).toEqual(one.sources);
    expect(two.inputHash).toBe(one.inputHash);
  });
});
