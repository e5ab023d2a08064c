import { describe, expect, it } from 'vitest';
import { trajectory, status, direction } from '../../src/lib/metrics/trajectory.ts';

describe('trajectory', () => {
  // 2019: 50, 2020: 52, 2021: missing, 2022: 56
  const series = [{ year: 2019, value: 50 }, { year: 2020, value: 52 }, { year: 2021, value: null }, { year: 2022, value: 56 }];
  const t = trajectory(series, { polarity: 'higher', targets: { 2020: 52, 2022: 60, 2021: 54 } });

  it('changes on the previous year break at a missing year', () => {
    expect(t.rows.map((r) => r.change)).toEqual([null, 2, null, null]);
    // baseline = first value (50): 0, 2, null, 6
    expect(t.rows.map((r) => r.change_baseline)).toEqual([0, 2, null, 6]);
  });

  it('least-squares slope per year', () => {
    // points (2019,50) (2020,52) (2022,56): x̄ = 2020⅓, ȳ = 52⅔; Sxy = 9⅓, Sxx = 4⅔ → slope 2
    expect(t.slope).toBeCloseTo(2, 12);
    expect(t.direction).toBe('improving');
  });

  it('status against the year target', () => {
    // 2020: 52 ≥ 52 met; 2021: target, no value → no_data; 2022: 56 < 60 not met; 2019 no target
    expect(t.rows.map((r) => r.status)).toEqual(['no_target', 'met', 'no_data', 'not_met']);
  });

  it('judges direction by polarity', () => {
    expect(direction(-3, 'lower')).toBe('improving');
    expect(direction(-3, 'higher')).toBe('worsening');
    expect(direction(0, 'higher')).toBe('stable');
    expect(status(12, 15, 'lower')).toBe('met');
  });

  it('uses a given baseline value', () => {
    const b = trajectory([{ year: 2020, value: 40 }], { polarity: 'higher', baselineValue: 30 });
    expect(b.rows[0].change_baseline).toBe(10);
    expect(b.slope).toBeNull();
  });
});
