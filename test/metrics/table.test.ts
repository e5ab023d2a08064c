import { describe, expect, it } from 'vitest';
import { leastSquares, numCol } from '../../src/lib/metrics/table.ts';
import { plainColumns } from '../../src/lib/model/types.ts';

describe('leastSquares (the one least-squares fit of the metrics)', () => {
  it('fits y = a + b·x over the finite pairs', () => {
    // (0,1) (1,3) (2,2) (3,6): x̄ 1.5, ȳ 3; Sxy = 3 + 0 − 0.5 + 4.5 = 7, Sxx = 5 → b 1.4, a = 3 − 2.1 = 0.9.
    // The pair (4, null) and (null, 9) are left out.
    const fit = leastSquares([0, 1, 2, 3, 4, null], [1, 3, 2, 6, null, 9])!;
    expect(fit.n).toBe(4);
    expect(fit.slope).toBeCloseTo(1.4, 12);
    expect(fit.intercept).toBeCloseTo(0.9, 12);
  });

  it('needs the minimum number of points and some spread in x', () => {
    expect(leastSquares([1], [2])).toBeNull();
    expect(leastSquares([1, 2], [2, 4], 3)).toBeNull();
    expect(leastSquares([1, 2], [2, 4])!.slope).toBeCloseTo(2, 12);
    expect(leastSquares([5, 5, 5], [1, 2, 3])).toBeNull();
  });
});

describe('numCol (a measure with its state, typed)', () => {
  // Codes in VALUE_STATES order: value 0, missing 1, suppressed 2, na 3.
  it('reads plain columns: a value only where the state is value, a true zero kept', () => {
    const t = { n: [12, null, 0, 7, null], n_state: ['value', 'suppressed', 'value', 'missing', 'na'] };
    const { v, s } = numCol(t, 'n');
    expect(Array.from(v)).toEqual([12, NaN, 0, NaN, NaN]);
    expect(Array.from(s)).toEqual([0, 2, 0, 1, 3]);
  });

  it('infers the state of a plain column without one: a number is a value, null is missing', () => {
    const { v, s } = numCol({ x: [3.5, null] }, 'x');
    expect(Array.from(v)).toEqual([3.5, NaN]);
    expect(Array.from(s)).toEqual([0, 1]);
  });

  it('returns the typed columns ingest writes without a copy, and cleans those that are not canonical', () => {
    const v = Float64Array.from([12, NaN, 0]);
    const s = Uint8Array.from([0, 2, 0]);
    const got = numCol({ n: v, n_state: s }, 'n');
    expect(got.v).toBe(v);
    expect(got.s).toBe(s);
    // A number under a suppressed state is never read; a value state without a number is missing.
    const odd = numCol({ n: Float64Array.from([5, NaN]), n_state: Uint8Array.from([2, 0]) }, 'n');
    expect(Array.from(odd.v)).toEqual([NaN, NaN]);
    expect(Array.from(odd.s)).toEqual([2, 1]);
  });

  it('plainColumns gives the plain form back', () => {
    const t = { id: ['a', 'b'], n: Float64Array.from([0, NaN]), n_state: Uint8Array.from([0, 2]) };
    expect(plainColumns(t)).toEqual({ id: ['a', 'b'], n: [0, null], n_state: ['value', 'suppressed'] });
  });
});
