import { describe, expect, it } from 'vitest';
import { contextRows, describeCluster, fitLine, kmeans, nearest, partnershipRows } from '../../src/lib/metrics/context.ts';
import type { SchoolScoreRow } from '../../src/lib/metrics/gap.ts';
import { cols, settings } from './helpers.ts';

const SET = 'Русский язык + Математика (профиль)';
const sc = (school_id: string, year: number, score: number): SchoolScoreRow => ({ school_id, year, exam: 'ЕГЭ', subject_set: SET, score, n: 20, n_sum: 40, eligible: true });
const ix = (school_id: string, year: number, value: number) => ({ school_id, year, value });

describe('context', () => {
  it('fits score on the social index and finds resilient НСУ schools', () => {
    // x = −1, 0, 1, 0 ; y = 1, 3, 5, 7 → x̄ 0, ȳ 4, Sxy = (−1)(−3) + 1·1 = 4, Sxx = 2 → slope 2, intercept 4
    const scores = [sc('a', 2024, 1), sc('b', 2024, 3), sc('c', 2024, 5), sc('d', 2024, 7)];
    const social = [ix('a', 2024, -1), ix('b', 2024, 0), ix('c', 2024, 1), ix('d', 2024, 0)];
    const nsu = new Map([['d\u00012024\u0001nsu', true], ['c\u00012024\u0001nsu', true]]);
    const socialOf = (school: string, year: number) => social.find((r) => r.school_id === school && r.year === year)?.value ?? null;
    const { context, fits } = contextRows(scores, socialOf, nsu, settings());
    expect(fits[0]).toMatchObject({ slope: 2, intercept: 4, n: 4 });
    // residuals: a 1 − 2 = −1, b 3 − 4 = −1, c 5 − 6 = −1, d 7 − 4 = 3; q75 of (−1, −1, −1, 3) = −1 + 0.25·4 = 0
    const d = context.find((r) => r.school_id === 'd')!;
    expect(d).toMatchObject({ expected: 4, residual: 3, resilient: true });
    expect(context.find((r) => r.school_id === 'c')!.resilient).toBe(false);
    expect(fitLine([1, 1, 1], [1, 2, 3])).toBeNull();
  });

  it('nearest schools with deterministic ties', () => {
    const pts = [{ id: 'o', x: 0, y: 0 }, { id: 'b', x: 1, y: 0 }, { id: 'a', x: -1, y: 0 }, { id: 'c', x: 0, y: 3 }];
    // from o (itself excluded): a and b both at distance 1 → a first (id order), then b, then c (3)
    expect(nearest(pts, 2).get('o')!.ids).toEqual(['a', 'b']);
    expect(nearest(pts, 3).get('o')!.d).toEqual([1, 1, 3]);
    // from b: o at 1, then a at 2 and c at √10
    expect(nearest(pts, 3).get('b')!.ids).toEqual(['o', 'a', 'c']);
  });

  it('k-means is deterministic and separates obvious groups', () => {
    const data = [[0, 0], [0.1, 0], [0, 0.1], [10, 10], [10.1, 10], [10, 10.1]];
    const r1 = kmeans(data, 2);
    const r2 = kmeans(data, 2);
    expect(r1).toEqual(r2);
    expect(new Set(r1.assign.slice(0, 3)).size).toBe(1);
    expect(r1.assign[0]).not.toBe(r1.assign[3]);
  });

  it('describes a cluster in words', () => {
    expect(describeCluster({ size: 1, results: 1, social: 0.2, staffing: 0, resources: 0 }, 90)).toBe('Крупные городские школы с высокими результатами');
    expect(describeCluster({ size: -1, results: -0.8, social: -1, staffing: -0.9, resources: 0 }, 10)).toBe('Малочисленные сельские школы с низкими результатами в неблагоприятных социальных условиях со слабым обеспечением кадрами');
  });

  it('partnership: before vs after start, beside the partner', () => {
    const scores = [sc('w', 2019, 40), sc('w', 2020, 44), sc('w', 2021, 50), sc('w', 2022, 52), sc('s', 2019, 70), sc('s', 2021, 72)];
    const p = cols([{ strong_school_id: 's', supported_school_id: 'w', start_year: 2021, end_year: null }], ['strong_school_id', 'supported_school_id', 'start_year', 'end_year']);
    const [r] = partnershipRows(p, scores, settings());
    // before (40 + 44)/2 = 42, after (50 + 52)/2 = 51, change 9; partner 70 → 72
    expect(r).toMatchObject({ exam: 'ЕГЭ', before: 42, after: 51, change: 9, before_years: 2, after_years: 2, partner_before: 70, partner_after: 72, partner_change: 2 });
  });
});
