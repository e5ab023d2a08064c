import { describe, expect, it } from 'vitest';
import { schoolResults, aggregates } from '../../src/lib/metrics/results.ts';
import { codeShare, discloseAggregates, discloseResults } from '../../src/lib/metrics/disclosure.ts';
import { municipalityOf } from '../../src/lib/metrics/table.ts';
import { results, schools, settings } from './helpers.ts';

const s = settings();

describe('disclosure', () => {
  it('hides a small school and, since the municipal total is published, the next smallest', () => {
    // M: a n=5 (mean 30), b n=12, c n=40 → municipal n = 57 ≥ 10 is published; a = (57·M − 12·b − 40·c)/5 by subtraction
    const sch = schools([['a', 'M'], ['b', 'M'], ['c', 'M']]);
    const rows = schoolResults(results([
      { school_id: 'a', year: 2024, n: 5, mean: 30, share_below: 40 },
      { school_id: 'b', year: 2024, n: 12, mean: 60, share_below: 0 },
      { school_id: 'c', year: 2024, n: 40, mean: 70, share_below: 0 },
    ]));
    const { rows: pub, hidden } = discloseResults(rows, municipalityOf(sch), s);
    const [a, b, c] = pub;
    expect(a).toMatchObject({ mean: null, mean_state: 'suppressed', share_below: null, share_below_state: 'suppressed', suppressed_reason: 'скрыто: менее 10 участников' });
    expect(b).toMatchObject({ mean: null, mean_state: 'suppressed', suppressed_reason: 'скрыто: защита от вычитания' });
    expect(c).toMatchObject({ mean: 70, mean_state: 'value', reliable: true, suppressed_reason: null });
    expect(hidden).toEqual({ primary: 1, complementary: 1 });
    // the input rows are untouched
    expect(rows[0].mean).toBe(30);
  });

  it('hides a third school when the two hidden ones together stay under the minimum', () => {
    // M: a n=3, b n=4 (both small), c n=15, d n=40; the municipal total (62) is published.
    // With only a and b hidden, (62·M − 15·c − 40·d)/7 gives the mean of those 7 pupils.
    const sch = schools([['a', 'M'], ['b', 'M'], ['c', 'M'], ['d', 'M']]);
    const rows = schoolResults(results([
      { school_id: 'a', year: 2024, n: 3, mean: 30 },
      { school_id: 'b', year: 2024, n: 4, mean: 35 },
      { school_id: 'c', year: 2024, n: 15, mean: 60 },
      { school_id: 'd', year: 2024, n: 40, mean: 70 },
    ]));
    const { rows: pub, hidden } = discloseResults(rows, municipalityOf(sch), s);
    expect(pub.map((r) => r.mean_state)).toEqual(['suppressed', 'suppressed', 'suppressed', 'value']);
    expect(pub[2].suppressed_reason).toBe('скрыто: защита от вычитания');
    expect(hidden).toEqual({ primary: 2, complementary: 1 });
  });

  it('hides no more when the hidden schools together reach the minimum', () => {
    // a n=4 and b n=7 are small; together 11 ≥ 10, so their combined mean may be known
    const sch = schools([['a', 'M'], ['b', 'M'], ['c', 'M']]);
    const rows = schoolResults(results([
      { school_id: 'a', year: 2024, n: 4, mean: 30 },
      { school_id: 'b', year: 2024, n: 7, mean: 35 },
      { school_id: 'c', year: 2024, n: 15, mean: 60 },
    ]));
    const { rows: pub } = discloseResults(rows, municipalityOf(sch), s);
    expect(pub.map((r) => r.mean_state)).toEqual(['suppressed', 'suppressed', 'value']);
  });

  it('does not hide a second school for a row the publisher already suppressed', () => {
    const sch = schools([['a', 'M'], ['b', 'M']]);
    const rows = schoolResults(results([
      { school_id: 'a', year: 2024, n: null, n_state: 'suppressed', mean: null, mean_state: 'suppressed' },
      { school_id: 'b', year: 2024, n: 12, mean: 60 },
    ]));
    const { rows: pub } = discloseResults(rows, municipalityOf(sch), s);
    expect(pub[1].mean).toBe(60);
    expect(pub[0].mean_state).toBe('suppressed');
  });

  it('hides a second subject when a set score could give a hidden subject away', () => {
    // c: Russian 40, maths 40 (set score published); hidden as a complement in M, its maths would follow from the set score
    const sch = schools([['a', 'M'], ['c', 'M']]);
    const rows = schoolResults(results([
      { school_id: 'a', year: 2024, subject: 'Математика (профиль)', n: 5, mean: 30 },
      { school_id: 'c', year: 2024, subject: 'Математика (профиль)', n: 40, mean: 60 },
      { school_id: 'c', year: 2024, subject: 'Русский язык', n: 40, mean: 70 },
      { school_id: 'a', year: 2024, subject: 'Русский язык', n: 30, mean: 65 },
    ]));
    const { rows: pub } = discloseResults(rows, municipalityOf(sch), s);
    // a maths (5) primary → c maths complementary (M maths total 45) → c Russian (set score of c) → a Russian (M Russian total)
    expect(pub.map((r) => r.mean_state)).toEqual(['suppressed', 'suppressed', 'suppressed', 'suppressed']);
  });

  it('top/bottom-codes a 0 % share in a group of 12 and marks reliability', () => {
    const rows = schoolResults(results([{ school_id: 'b', year: 2024, n: 12, mean: 60, share_below: 0, share_high: 100 }, { school_id: 'c', year: 2024, n: 30, mean: 60, share_below: 0 }]));
    const { rows: pub } = discloseResults(rows, new Map(), s);
    // 12 < reliability_min 30: 0 % → «менее 5 %», 100 % → «более 95 %»; the number stays a true 0 underneath
    expect(pub[0].coded).toEqual({ share_below: 'менее 5 %', share_high: 'более 95 %' });
    expect(pub[0].share_below).toBe(0);
    expect(pub[0].reliable).toBe(false);
    expect(pub[1].coded).toBeUndefined();
    expect(pub[1].reliable).toBe(true);
    expect(codeShare(50, 12, s)).toBeNull();
  });

  it('keeps the four states apart', () => {
    const rows = schoolResults(results([
      { school_id: 'a', year: 2024, n: 20, mean: 0, share_below: null, share_good: null, share_high: 0 },
      { school_id: 'b', year: 2024, n: 20, mean: null, mean_state: 'na' } as never,
    ]));
    const { rows: pub } = discloseResults(rows, new Map(), s);
    expect(pub[0]).toMatchObject({ mean: 0, mean_state: 'value', share_below_state: 'missing' });
    expect(pub[1]).toMatchObject({ mean: null, mean_state: 'na' });
  });

  it('hides a third municipality when two small hidden ones together stay under the minimum', () => {
    const sch = schools([['a', 'M1'], ['b', 'M2'], ['c', 'M3'], ['d', 'M4']]);
    const rows = schoolResults(results([
      { school_id: 'a', year: 2024, n: 3, mean: 30 },
      { school_id: 'b', year: 2024, n: 4, mean: 35 },
      { school_id: 'c', year: 2024, n: 15, mean: 60 },
      { school_id: 'd', year: 2024, n: 50, mean: 70 },
    ]));
    const pub = discloseAggregates(aggregates(rows, sch), s);
    const by = (id: string) => pub.find((p) => p.scope_id === id)!;
    expect(['M1', 'M2', 'M3', 'M4'].map((m) => by(m).mean_state)).toEqual(['suppressed', 'suppressed', 'suppressed', 'value']);
    expect(by('M3').suppressed_reason).toBe('скрыто: защита от вычитания');
  });

  it('hides a small municipal aggregate and its complement when the region is published', () => {
    const sch = schools([['a', 'M1'], ['b', 'M2'], ['c', 'M3']]);
    const rows = schoolResults(results([{ school_id: 'a', year: 2024, n: 6, mean: 30 }, { school_id: 'b', year: 2024, n: 15, mean: 60 }, { school_id: 'c', year: 2024, n: 50, mean: 70 }]));
    const pub = discloseAggregates(aggregates(rows, sch), s);
    const by = (id: string) => pub.find((p) => p.scope_id === id)!;
    expect(by('M1').mean_state).toBe('suppressed');
    expect(by('M2')).toMatchObject({ mean_state: 'suppressed', suppressed_reason: 'скрыто: защита от вычитания' });
    expect(by('M3').mean).toBe(70);
    // region (6·30 + 15·60 + 50·70)/71 is published
    expect(by('region').mean).toBeCloseTo((180 + 900 + 3500) / 71, 10);
  });
});
