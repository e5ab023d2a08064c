import { describe, expect, it } from 'vitest';
import { resultRows, schoolResults } from '../../src/lib/metrics/results.ts';
import { aggregates } from '../../src/lib/metrics/aggregates.ts';
import { results, schools } from './helpers.ts';

describe('school results', () => {
  it('derives share_good and share_below from grade counts', () => {
    // g2..g5 = 1, 4, 3, 2 (total 10): share_good = 100·(3+2)/10 = 50, share_below = 100·1/10 = 10
    const [r] = resultRows(schoolResults(results([{ school_id: 'a', year: 2024, exam: 'ОГЭ', subject: 'Математика', n: 10, mean: 3.6, g2: 1, g3: 4, g4: 3, g5: 2 }])));
    expect(r.share_good).toBe(50);
    expect(r.share_below).toBe(10);
    expect(r.derived).toEqual(['share_good', 'share_below']);
  });

  it('keeps a published share and never un-hides a suppressed one', () => {
    const rows = resultRows(
      schoolResults(
        results([
          { school_id: 'a', year: 2024, exam: 'ОГЭ', subject: 'Математика', n: 10, share_good: 55, g2: 1, g3: 4, g4: 3, g5: 2 },
          { school_id: 'b', year: 2024, exam: 'ОГЭ', subject: 'Математика', n: 10, share_good: null, share_good_state: 'suppressed', g2: 1, g3: 4, g4: 3, g5: 2 } as never,
        ]),
      ),
    );
    expect(rows[0].share_good).toBe(55);
    expect(rows[1].share_good).toBeNull();
    expect(rows[1].share_good_state).toBe('suppressed');
  });
});

describe('aggregates', () => {
  const sch = schools([['a', 'M1'], ['b', 'M1'], ['c', 'M1'], ['d', 'M2']]);
  const rows = schoolResults(
    results([
      { school_id: 'a', year: 2024, n: 10, mean: 80, share_below: 0 },
      { school_id: 'b', year: 2024, n: 30, mean: 40, share_below: 10 },
      // suppressed by the publisher: counted as a school, not in any weighted figure
      { school_id: 'c', year: 2024, n: null, n_state: 'suppressed', mean: null, mean_state: 'suppressed' },
      { school_id: 'd', year: 2024, n: 20, mean: 60, share_below: null },
    ]),
  );
  const agg = aggregates(rows, sch).rows();
  const m1 = agg.find((a) => a.scope_id === 'M1')!;
  const region = agg.find((a) => a.scope === 'region')!;

  it('is participant-weighted, not a mean of means', () => {
    // weighted: (10·80 + 30·40) / (10 + 30) = 2000 / 40 = 50; mean of means (80 + 40) / 2 = 60
    expect(m1.mean).toBe(50);
    expect(m1.mean_unweighted).toBe(60);
    // share_below: (10·0 + 30·10) / 40 = 7.5
    expect(m1.share_below).toBe(7.5);
  });

  it('reports the participants used and the rows it could not use', () => {
    expect(m1.n_total).toBe(40);
    expect(m1.schools).toBe(3);
    expect(m1.schools_used).toBe(2);
    // region: mean (800 + 1200 + 1200) / 60 = 53.33…; share_below rests on 40 of 60 participants
    expect(region.mean).toBeCloseTo(3200 / 60, 10);
    expect(region.n_total).toBe(60);
    expect(region.share_below_n_used).toBe(40);
    expect(region.share_below).toBe(7.5);
  });
});

describe('the region aggregate', () => {
  // x is in no municipality (not in the schools list): it counts for the region only.
  const sch = schools([['a', 'M1'], ['b', 'M2']]);
  const agg = aggregates(
    schoolResults(
      results([
        { school_id: 'a', year: 2024, n: 10, mean: 70 },
        { school_id: 'b', year: 2024, n: 20, mean: 40 },
        { school_id: 'x', year: 2024, n: 10, mean: 100 },
        { school_id: 'a', year: 2025, n: 10, mean: 50 },
        { school_id: 'x', year: 2025, n: 30, mean: null },
      ]),
    ),
    sch,
  ).rows();
  const region = (year: number) => agg.find((a) => a.scope === 'region' && a.year === year)!;

  it('sums every row of its year, with or without a municipality', () => {
    // 2024: (10·70 + 20·40 + 10·100) / 40 = 2500 / 40 = 62.5; mean of means (70 + 40 + 100) / 3 = 70
    expect(region(2024)).toMatchObject({ n_total: 40, mean: 62.5, mean_n_used: 40, schools: 3, schools_used: 3, mean_unweighted: 70 });
    // 2025: x has participants but no mean: 40 participants, the mean rests on a's 10
    expect(region(2025)).toMatchObject({ n_total: 40, mean: 50, mean_n_used: 10, schools: 2, schools_used: 1, mean_unweighted: 50 });
    expect(agg.filter((a) => a.scope === 'municipality').map((a) => [a.scope_id, a.year, a.mean])).toEqual([
      ['M1', 2024, 70],
      ['M1', 2025, 50],
      ['M2', 2024, 40],
    ]);
  });
});
