/** Empirical quantiles used across the analyses. */

/**
 * Quantile q ∈ [0, 1] of the sorted sample by linear interpolation between order statistics
 * (Hyndman & Fan 1996, definition 7, the default of R and NumPy). NaN for an empty sample.
 */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Quantile of an unsorted sample (copied, then sorted). */
export function quantileOf(values: ArrayLike<number>, q: number): number {
  const s = Float64Array.from(values as ArrayLike<number>).sort();
  return sortedQuantile(s, q);
}
