/**
 * Reading a dataset's files in worker threads gives what one thread reads. The demo set
 * has three results files (ЕГЭ, ОГЭ, ВПР) in two encodings, with two-row headers, melted
 * columns, hidden and missing values: the second and third files' rows are appended after
 * the first's across chunk boundaries (65,536 rows), with their text codes translated.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/ingest/index.ts';
import { demoDir } from '../helpers/demo-dir.ts';

const demo = demoDir('parallel-read-', { seed: 11, schools: 700, municipalities: 9, yearFrom: 2016, yearTo: 2025 });

describe('reading in worker threads', () => {
  it('gives the same tables, problems and sources as one thread on the demo set', async () => {
    const one = await loadDataset(demo(), { threads: 1 });
    const two = await loadDataset(demo(), { threads: 2 });
    const resultFiles = one.sources.filter((s) => s.kind === 'results');
    // The case this test is for: several files of one kind, the later ones not starting on a chunk.
    expect(resultFiles.length).toBe(3);
    expect(resultFiles[0].rows % 65536).not.toBe(0);
    expect(one.tables.results.school_id.length).toBeGreaterThan(2 * 65536);
    expect(two.problems).toEqual(one.problems);
    expect(two.sources).toEqual(one.sources);
    expect(two.inputHash).toBe(one.inputHash);
    for (const kind of Object.keys(one.tables) as Array<keyof typeof one.tables>) expect(two.tables[kind], kind).toEqual(one.tables[kind]);
  }, 120_000);
});
