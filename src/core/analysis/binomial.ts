/** Binomial tail probabilities and proportion intervals. */

import { normalQuantile } from "../explore/normal-quantile.js";
import { logFactorial, portableExp, portableLog } from "../random/index.js";

/** P(X ≥ k) for X ~ Binomial(n, p), summed term by term in log space (exact up to rounding). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lp = portableLog(p);
  const lq = portableLog(1 - p);
  const lnf = logFactorial(n);
  // Sum from the mode side down so the largest terms come first and small ones add without loss.
  let total = 0;
  for (let x = n; x >= k; x--) {
    total += portableExp(lnf - logFactorial(x) - logFactorial(n - x) + x * lp + (n - x) * lq);
  }
  return Math.min(1, total);
}

/**
 * Wilson score interval for a proportion of `successes` in `n` trials (Wilson 1927; recommended by
 * Brown, Cai & DasGupta 2001 for its coverage at small n and near 0 or 1). Two-sided level `confidence`.
 */
export function wilsonInterval(
  successes: number,
  n: number,
  confidence = 0.95,
): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 or n successes the bound is exactly 0 or 1; the formula leaves a rounding residue there.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}
