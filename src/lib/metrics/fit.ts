/**
 * The project's one least-squares fit (trajectory trends per year, the context regression
 * of a school's result on its social index), computed with Arquero's aggregates: slope =
 * population covariance / population variance of x, over the pairs where both are finite.
 */
import * as aq from 'arquero';

const { op } = aq;

/** A missing value (null) becomes NaN, which the filter below drops (Float64Array would make it 0). */
const column = (v: ArrayLike<number | null>) => Float64Array.from(v as ArrayLike<number | null>, (x) => (x === null ? NaN : x));

export function leastSquares(xs: ArrayLike<number | null>, ys: ArrayLike<number | null>, minPoints = 2): { slope: number; intercept: number; n: number } | null {
  const pairs = aq
    .table({ x: column(xs), y: column(ys) })
    .filter((d: { x: number; y: number }) => op.is_finite(d.x) && op.is_finite(d.y));
  if (pairs.numRows() < minPoints) return null;
  const r = pairs
    .rollup({
      cov: (d: { x: number; y: number }) => op.covariancep(d.x, d.y),
      vx: (d: { x: number }) => op.variancep(d.x),
      mx: (d: { x: number }) => op.mean(d.x),
      my: (d: { y: number }) => op.mean(d.y),
    })
    .object() as { cov: number; vx: number; mx: number; my: number };
  // No spread in x (every point in one year, or one index value): no line.
  if (!(r.vx > 0)) return null;
  const slope = r.cov / r.vx;
  return { slope, intercept: r.my - slope * r.mx, n: pairs.numRows() };
}
