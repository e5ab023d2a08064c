import { describe, expect, it } from 'vitest';
import { resultRow, schoolResults } from '../../src/lib/metrics/results.ts';
import { aggregates } from '../../src/lib/metrics/aggregates.ts';
import { codeBand, codeShare, discloseAggregates, discloseResults } from '../../src/lib/metrics/disclosure.ts';
import { municipalityOf } from '../../src/lib/metrics/table.ts';
import { results, schools, settings } from './helpers.ts';

const s = settings();

describe('disclosure', () => {
  /** Schools and totals as published: disclosure of the rows, then of the totals over them. */
  const publish = (pairs: [string, string][], raw: Parameters<typeof results>[0]) => {
    const sch = schools(pairs);
    const rows = schoolResults(results(raw));
    const { rows: published, hidden } = discloseResults(rows, s);
    const agg = discloseAggregates(aggregates(rows, sch), s, { rows: published, municipalityOf: municipalityOf(sch) });
    return { rows, pub: [...published], hidden, by: (id: string) => agg.find((p) => p.scope_id === id)! };
  };

  it('hides a small school and withholds the total it would be recovered from', () => {
    // M: a n=5 (mean 30), b 12, c 15, d 40 → municipal n = 72; published, it would give
    // a = (72·M − 12·b − 15·c − 40·d)/5. The total goes, every other school stays.
    const { rows, pub, hidden, by } = publish([['a', 'M'], ['b', 'M'], ['c', 'M'], ['d', 'M']], [
      { school_id: 'a', year: 2024, n: 5, mean: 30, share_below: 40 },
      { school_id: 'b', year: 2024, n: 12, mean: 60, share_below: 0 },
      { school_id: 'c', year: 2024, n: 15, mean: 65, share_below: 10 },
      { school_id: 'd', year: 2024, n: 40, mean: 70, share_below: 0 },
    ]);
    expect(pub[0]).toMatchObject({ mean: null, mean_state: 'suppressed', share_below: null, share_below_state: 'suppressed', suppressed_reason: 'скрыто: менее 10 участников' });
    expect(pub.slice(1).map((r) => r.mean)).toEqual([60, 65, 70]);
    expect(hidden).toEqual({ primary: 1 });
    // the metrics' columns are untouched
    expect(resultRow(rows, 0).mean).toBe(30);
    for (const id of ['M', 'region']) expect(by(id), id).toMatchObject({ mean: null, mean_state: 'suppressed', share_below: null, suppressed_reason: 'скрыто: защита от вычитания' });
  });

  it('makes the published rows from the columns: a hidden row carries no number, the columns stay as read', () => {
    const raw = [
      { school_id: 'a', year: 2024, n: 5, mean: 30, share_below: 40 },
      { school_id: 'b', year: 2024, n: 12, mean: 60, share_below: 0 },
    ];
    const cols = schoolResults(results(raw));
    const disclosed = discloseResults(cols, s);
    const pub = { rows: [...disclosed.rows], hidden: disclosed.hidden };
    // a (5 < 10 participants) keeps no number; b (12 < 30: not reliable) keeps its mean, and
    // its 0 % is published as the band «не более 10 %» only (one child of 12 is 8,3 %).
    expect(pub.rows[0]).toMatchObject({ mean: null, mean_state: 'suppressed', share_below: null, suppressed_reason: 'скрыто: менее 10 участников', reliable: false });
    expect(pub.rows[1]).toMatchObject({ mean: 60, mean_state: 'value', share_below: null, share_below_state: 'value', coded: { share_below: 'не более 10\u00a0%' }, suppressed_reason: null, reliable: false });
    expect(pub.hidden).toEqual({ primary: 1 });
    expect([resultRow(cols, 0).mean, resultRow(cols, 0).share_below]).toEqual([30, 40]);
  });

  it('withholds a district total that rests on two hidden schools (NYC district 79)', () => {
    // M1: x n=8, y n=9, both small; their total (17 pupils) would let x compute y exactly.
    // M2: z 50, w 30, both published; the region less z and w gives x + y as well.
    const { pub, by } = publish([['x', 'M1'], ['y', 'M1'], ['z', 'M2'], ['w', 'M2']], [
      { school_id: 'x', year: 2024, n: 8, mean: 40 },
      { school_id: 'y', year: 2024, n: 9, mean: 50 },
      { school_id: 'z', year: 2024, n: 50, mean: 60 },
      { school_id: 'w', year: 2024, n: 30, mean: 70 },
    ]);
    expect(pub.map((r) => r.mean)).toEqual([null, null, 60, 70]);
    expect(by('M1').mean).toBeNull();
    expect(by('region').mean).toBeNull();
    // M2 has no hidden school: its total is (50·60 + 30·70)/80
    expect(by('M2').mean).toBeCloseTo((3000 + 2100) / 80, 10);
  });

  it('withholds a total whose hidden schools are three but under the minimum together', () => {
    // a n=3, b n=4, c n=2 (9 pupils): their combined mean would rest on fewer than 10
    const { by } = publish([['a', 'M'], ['b', 'M'], ['c', 'M'], ['d', 'M']], [
      { school_id: 'a', year: 2024, n: 3, mean: 30 },
      { school_id: 'b', year: 2024, n: 4, mean: 35 },
      { school_id: 'c', year: 2024, n: 2, mean: 35 },
      { school_id: 'd', year: 2024, n: 40, mean: 70 },
    ]);
    expect(by('M').mean).toBeNull();
  });

  it('publishes a total whose hidden schools are three and reach the minimum together', () => {
    // a n=4, b n=3, c n=5: 12 pupils in three schools; no one of them can take its own out
    // and see another's
    const { pub, by } = publish([['a', 'M'], ['b', 'M'], ['c', 'M'], ['d', 'M']], [
      { school_id: 'a', year: 2024, n: 4, mean: 30 },
      { school_id: 'b', year: 2024, n: 3, mean: 35 },
      { school_id: 'c', year: 2024, n: 5, mean: 35 },
      { school_id: 'd', year: 2024, n: 15, mean: 60 },
    ]);
    expect(pub.map((r) => r.mean_state)).toEqual(['suppressed', 'suppressed', 'suppressed', 'value']);
    expect(by('M').mean).toBeCloseTo((4 * 30 + 3 * 35 + 5 * 35 + 15 * 60) / 27, 10);
  });

  it('counts no row the publisher already suppressed (it never entered the total)', () => {
    const { pub, by } = publish([['a', 'M'], ['b', 'M']], [
      { school_id: 'a', year: 2024, n: null, n_state: 'suppressed', mean: null, mean_state: 'suppressed' },
      { school_id: 'b', year: 2024, n: 12, mean: 60 },
    ]);
    expect(pub[1].mean).toBe(60);
    expect(pub[0].mean_state).toBe('suppressed');
    expect(by('M').mean).toBe(60);
  });

  it('withholds a share total where a school shows only a band (Moscow: an okrug less its schools)', () => {
    // b: 25 pupils, 1 above the line (4 %: band «не более 5 %»); the others' shares are
    // numbers. The total share less them would give b's 4 %; the means are all published.
    const { pub, by } = publish([['a', 'M'], ['b', 'M'], ['c', 'M']], [
      { school_id: 'a', year: 2024, n: 40, mean: 60, share_high: 30 },
      { school_id: 'b', year: 2024, n: 25, mean: 50, share_high: 4 },
      { school_id: 'c', year: 2024, n: 50, mean: 70, share_high: 40 },
    ]);
    expect(pub[1].coded).toEqual({ share_high: 'не более 5\u00a0%' });
    expect(by('M')).toMatchObject({ share_high: null, share_high_state: 'suppressed' });
    expect(by('M').mean).toBeCloseTo((40 * 60 + 25 * 50 + 50 * 70) / 115, 10);
  });

  it('top/bottom-codes a 0 % share in a group of 12 and marks reliability', () => {
    const rows = schoolResults(results([{ school_id: 'b', year: 2024, n: 12, mean: 60, share_below: 0, share_high: 100 }, { school_id: 'c', year: 2024, n: 30, mean: 60, share_below: 0 }]));
    const pub = [...discloseResults(rows, s).rows];
    // 12 < reliability_min 30: one child of 12 is 8,3 %, so the band is 10 % (it must hold 0 and
    // 1 child): 0 % → «не более 10 %», 100 % → «не менее 90 %»; the published row keeps the
    // band and no number (test/real/moscow-coded.test.ts checks the pages).
    expect(pub[0].coded).toEqual({ share_below: 'не более 10\u00a0%', share_high: 'не менее 90\u00a0%' });
    expect([pub[0].share_below, pub[0].share_below_state, pub[0].share_high]).toEqual([null, 'value', null]);
    expect(pub[1].share_below).toBe(0);
    expect(pub[0].reliable).toBe(false);
    expect(pub[1].coded).toBeUndefined();
    expect(pub[1].reliable).toBe(true);
    expect(codeShare(50, 12, s)).toBeNull();
  });

  it('codes a band that always holds no child and one child', () => {
    // n = 26: one child 3,8 % → band 5 %; 25 of 26 = 96,2 % ≥ 95 → «не менее 95 %»
    expect(codeShare((25 / 26) * 100, 26, s)).toBe('не менее 95\u00a0%');
    // n = 24: 1 of 24 = 4,2 % → «не более 5 %»; 2 of 24 = 8,3 % is shown
    expect(codeShare((1 / 24) * 100, 24, s)).toBe('не более 5\u00a0%');
    expect(codeShare((2 / 24) * 100, 24, s)).toBeNull();
    // n = 20: one child is exactly 5 %, inside the band (else «менее 5 %» would mean nobody)
    expect(codeShare(5, 20, s)).toBe('не более 5\u00a0%');
    expect(codeShare(10, 20, s)).toBeNull();
    // n = 15: one child 6,7 % → band 10 %; 2 of 15 = 13,3 % is shown
    expect(codeShare((1 / 15) * 100, 15, s)).toBe('не более 10\u00a0%');
    expect(codeShare((2 / 15) * 100, 15, s)).toBeNull();
    expect(codeShare((14 / 15) * 100, 15, s)).toBe('не менее 90\u00a0%');
    expect([codeBand(10), codeBand(15), codeBand(19), codeBand(20), codeBand(29)]).toEqual([10, 10, 10, 5, 5]);
  });

  it('keeps the four states apart', () => {
    const rows = schoolResults(results([
      { school_id: 'a', year: 2024, n: 20, mean: 0, share_below: null, share_good: null, share_high: 0 },
      { school_id: 'b', year: 2024, n: 20, mean: null, mean_state: 'na' } as never,
    ]));
    const pub = [...discloseResults(rows, s).rows];
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

  it('treats a municipality whose share is a band as unknown: the region less the others would give it', () => {
    // M1: 12 pupils, all above the line (100 % → band «не менее 90 %»: one of 12 is 8,3 %);
    // M2: 50 pupils at 40 %, M3: 40 at 50 %. The region (102 pupils) less M2 and M3 gives M1's
    // exact 100 %, so the smaller of the others, M3, is hidden too.
    const sch = schools([['a', 'M1'], ['b', 'M2'], ['c', 'M3']]);
    const rows = schoolResults(results([
      { school_id: 'a', year: 2024, n: 12, mean: 80, share_high: 100 },
      { school_id: 'b', year: 2024, n: 50, mean: 60, share_high: 40 },
      { school_id: 'c', year: 2024, n: 40, mean: 65, share_high: 50 },
    ]));
    const pub = discloseAggregates(aggregates(rows, sch), s);
    const by = (id: string) => pub.find((p) => p.scope_id === id)!;
    expect(by('M1').coded).toEqual({ share_high: 'не менее 90\u00a0%' });
    expect(by('M3')).toMatchObject({ share_high: null, share_high_state: 'suppressed', suppressed_reason: 'скрыто: защита от вычитания' });
    expect(by('M2').share_high).toBe(40);
    expect(by('region').share_high).toBeCloseTo((1200 + 2000 + 2000) / 102, 10);
  });

  it('withholds the region\'s share when it is one banded municipality', () => {
    const sch = schools([['a', 'M1'], ['b', 'M1']]);
    const rows = schoolResults(results([
      { school_id: 'a', year: 2024, n: 12, mean: 80, share_high: 100 },
      { school_id: 'b', year: 2024, n: 10, mean: 70, share_high: 100 },
    ]));
    const pub = discloseAggregates(aggregates(rows, sch), s);
    const region = pub.find((p) => p.scope === 'region')!;
    // 22 pupils, all above: the municipality shows a band; the region, the same pupils, no number
    expect(pub.find((p) => p.scope_id === 'M1')!.coded).toEqual({ share_high: 'не менее 95\u00a0%' });
    expect(region).toMatchObject({ share_high: null, share_high_state: 'suppressed' });
    expect(region.mean).toBeCloseTo((12 * 80 + 10 * 70) / 22, 10);
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
