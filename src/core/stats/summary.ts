/** Plain moments of a sample, and the Student-t quantile for intervals around a mean. */
import jStat from "jstat";

/** Arithmetic mean; NaN for an empty sample. */
export function mean(xs: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  return sum / xs.length;
}

/** Unbiased sample variance (divisor n − 1), two-pass for accuracy; NaN below two values. */
export function variance(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let ss = 0;
  let correction = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = xs[i]! - m;
    ss += d * d;
    correction += d;
  }
  // The compensated two-pass formula (Chan, Golub & LeVeque 1983) removes the rounding left in m.
  return (ss - (correction * correction) / xs.length) / (xs.length - 1);
}

/**
 * The p-quantile of Student's t distribution with `dof` degrees of freedom, from jStat (its inverse of
 * the regularised incomplete beta function); e.g. 2.262 for p = 0.975, dof = 9.
 */
export function studentTQuantile(p: number, dof: number): number {
  return jStat.studentt.inv(p, dof);
}
