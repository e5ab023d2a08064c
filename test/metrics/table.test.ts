import { describe, expect, it } from 'vitest';
import { leastSquares } from '../../src/lib/metrics/table.ts';

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
