/** Open vocabularies (issue 9): a dataset declares its own subjects and settlement types. */
import { describe, expect, it } from 'vitest';
import { errors, load, rows, warnings } from './helpers.ts';

const SCHOOLS = { path: 'schools-settlement-en.csv', kind: 'schools', columns: { school_id: 'school_id', name: 'name', municipality_id: 'municipality_id', settlement: 'settlement' } };
const RESULTS = { path: 'results-open-subjects.csv', kind: 'results', constants: { exam: 'SAT' }, columns: { school_id: 'school_id', year: 'year', subject: 'subject', n: 'n', mean: 'mean' } };

describe('vocabulary', () => {
  it('without one, «urban» is not a settlement type and unknown subjects warn', async () => {
    const ds = await load([SCHOOLS, RESULTS], { current_year: 2025 });
    const bad = errors(ds).filter((p) => p.code === 'bad-value');
    expect(bad.map((p) => [p.line, p.value])).toEqual([[2, 'urban'], [3, 'rural']]);
    expect(bad[0].message).toContain('settlement');
  });

  it('with one, the declared types and subjects load without a word', async () => {
    const ds = await load([SCHOOLS, RESULTS], { current_year: 2025, vocabulary: { subjects: ['Critical Reading', 'Критическое чтение'], settlement: ['urban', 'suburban', 'rural'] } });
    expect(errors(ds)).toEqual([]);
    expect(warnings(ds).filter((p) => p.code === 'unknown-subject')).toEqual([]);
    expect(rows(ds, 'schools').map((r) => r.settlement)).toEqual(['urban', 'rural']);
    expect(rows(ds, 'results').map((r) => r.subject)).toEqual(['Critical Reading', 'Критическое чтение']);
  });

  it('a subject outside both lists still warns, naming the way to declare it', async () => {
    const ds = await load([SCHOOLS, RESULTS], { current_year: 2025, vocabulary: { subjects: ['Critical Reading'], settlement: ['urban', 'rural'] } });
    const w = warnings(ds).filter((p) => p.code === 'unknown-subject');
    expect(w.map((p) => p.value)).toEqual(['Критическое чтение']);
    expect(w[0].hint).toContain('vocabulary');
  });
});
