/**
 * Exact line search on the Beckmann objective along x + τ·d, τ ∈ [0, 1]. The objective is convex in
 * τ, so its derivative φ'(τ) = Σₐ cₐ(xₐ + τ·dₐ)·dₐ is non-decreasing; its root is found by Newton
 * steps with φ''(τ) = Σₐ c'ₐ·dₐ², falling back to bisection whenever Newton leaves the bracket.
 */
import type { LinkCostModel } from "./link-cost.js";

const MAX_STEPS = 100;

/**
 * Returns the minimizing τ. `active` lists the links with dₐ ≠ 0 (`count` of them); other links do
 * not change along the segment.
 */
export function exactLineSearch(
  model: LinkCostModel,
  x: Float64Array,
  d: Float64Array,
  active: Int32Array,
  count: number,
): number {
  const slope = (tau: number): number => {
    let g = 0;
    for (let i = 0; i < count; i++) {
      const a = active[i]!;
      const da = d[a]!;
      g += model.cost(a, x[a]! + tau * da) * da;
    }
    return g;
  };
  const curvature = (tau: number): number => {
    let h = 0;
    for (let i = 0; i < count; i++) {
      const a = active[i]!;
      const da = d[a]!;
      h += model.derivative(a, x[a]! + tau * da) * da * da;
    }
    return h;
  };
  const g0 = slope(0);
  if (!(g0 < 0)) return 0;
  const g1 = slope(1);
  if (g1 <= 0) return 1;
  let lo = 0;
  let hi = 1;
  let glo = g0;
  let ghi = g1;
  // Start from the secant root, usually close already.
  let tau = g0 / (g0 - g1);
  for (let step = 0; step < MAX_STEPS; step++) {
    const g = slope(tau);
    if (g === 0) return tau;
    if (g < 0) {
      lo = tau;
      glo = g;
    } else {
      hi = tau;
      ghi = g;
    }
    if (hi - lo <= 1e-15 * hi || Math.abs(g) <= 1e-13 * Math.abs(g0)) break;
    const h = curvature(tau);
    let next = h > 0 ? tau - g / h : Number.NaN;
    if (!(next > lo && next < hi)) {
      // Regula falsi inside the bracket, then bisection if that stalls at an end.
      next = lo + ((hi - lo) * -glo) / (ghi - glo);
      if (!(next > lo && next < hi) || next - lo < 1e-3 * (hi - lo) || hi - next < 1e-3 * (hi - lo)) {
        next = 0.5 * (lo + hi);
      }
    }
    tau = next;
  }
  return tau;
}
