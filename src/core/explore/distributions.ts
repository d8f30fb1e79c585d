/**
 * The distributions an uncertainty can follow, each defined by its quantile function (inverse CDF) so
 * that every sampler draws in the unit cube and maps a coordinate u ∈ (0, 1) to a value. Quantiles are
 * monotone in u, which keeps the stratification of Latin hypercube and Sobol designs and lets Morris
 * steps and Sobol indices be read on the probability scale.
 *
 * Parameter checks return structured `InputIssue`s (never throw) so a caller can report every problem
 * of an experiment file at once.
 */
import type { InputIssue } from "../errors/index.js";
import { portableExp } from "../random/index.js";
import { normalQuantile } from "./normal-quantile.js";

export type CategoryValue = string | number | boolean;

export type Distribution =
  | { readonly kind: "uniform"; readonly lo: number; readonly hi: number }
  | { readonly kind: "triangular"; readonly lo: number; readonly mode: number; readonly hi: number }
  | { readonly kind: "normal"; readonly mean: number; readonly sd: number }
  /** exp(N(mu, sigma²)): mu and sigma are those of the logarithm. */
  | { readonly kind: "lognormal"; readonly mu: number; readonly sigma: number }
  /** Every integer lo … hi equally likely. */
  | { readonly kind: "integer"; readonly lo: number; readonly hi: number }
  /** One of `values`, with probabilities proportional to `weights` (equal when absent). */
  | {
      readonly kind: "categorical";
      readonly values: readonly CategoryValue[];
      readonly weights?: readonly number[];
    }
  /** True with probability p (default ½). */
  | { readonly kind: "boolean"; readonly p?: number };

export type DistributionKind = Distribution["kind"];

export const DISTRIBUTION_KINDS: readonly DistributionKind[] = [
  "uniform",
  "triangular",
  "normal",
  "lognormal",
  "integer",
  "categorical",
  "boolean",
];

/** Smallest and largest coordinates handed to a quantile function, so unbounded tails stay finite. */
const U_MIN = 2 ** -53;
const U_MAX = 1 - 2 ** -53;

const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/**
 * Problems with a distribution's parameters, each naming `path` + the field, what was expected and what
 * was found. Empty when the distribution is usable.
 */
export function checkDistribution(dist: Distribution, path: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const bad = (field: string, expected: string, found: unknown) =>
    issues.push({ code: "out-of-range", path: `${path}.${field}`, expected, found: String(found) });
  const needFinite = (field: string, value: unknown) => {
    if (!finite(value)) bad(field, "a finite number", value);
    return finite(value);
  };
  switch (dist.kind) {
    case "uniform":
      if (needFinite("lo", dist.lo) && needFinite("hi", dist.hi) && dist.lo > dist.hi)
        issues.push({
          code: "range-reversed",
          path,
          expected: "lo ≤ hi",
          found: `lo = ${dist.lo}, hi = ${dist.hi}`,
        });
      break;
    case "triangular":
      if (needFinite("lo", dist.lo) && needFinite("mode", dist.mode) && needFinite("hi", dist.hi)) {
        if (dist.lo >= dist.hi)
          issues.push({
            code: "range-reversed",
            path,
            expected: "lo < hi",
            found: `lo = ${dist.lo}, hi = ${dist.hi}`,
          });
        else if (dist.mode < dist.lo || dist.mode > dist.hi)
          bad("mode", `a mode between lo = ${dist.lo} and hi = ${dist.hi}`, dist.mode);
      }
      break;
    case "normal":
      needFinite("mean", dist.mean);
      if (needFinite("sd", dist.sd) && dist.sd <= 0) bad("sd", "a standard deviation > 0", dist.sd);
      break;
    case "lognormal":
      needFinite("mu", dist.mu);
      if (needFinite("sigma", dist.sigma) && dist.sigma <= 0) bad("sigma", "sigma > 0", dist.sigma);
      break;
    case "integer":
      if (!Number.isSafeInteger(dist.lo)) bad("lo", "an integer", dist.lo);
      else if (!Number.isSafeInteger(dist.hi)) bad("hi", "an integer", dist.hi);
      else if (dist.lo > dist.hi)
        issues.push({
          code: "range-reversed",
          path,
          expected: "lo ≤ hi",
          found: `lo = ${dist.lo}, hi = ${dist.hi}`,
        });
      break;
    case "categorical": {
      if (!Array.isArray(dist.values) || dist.values.length === 0) {
        bad("values", "at least one value", JSON.stringify(dist.values));
        break;
      }
      const seen = new Set<string>();
      for (const v of dist.values) {
        const key = `${typeof v}:${String(v)}`;
        if (seen.has(key)) bad("values", "distinct values", JSON.stringify(v));
        seen.add(key);
      }
      if (dist.weights !== undefined) {
        if (dist.weights.length !== dist.values.length)
          bad("weights", `${dist.values.length} weights, one per value`, `${dist.weights.length}`);
        else if (dist.weights.some((w) => !finite(w) || w < 0))
          bad("weights", "finite weights ≥ 0", JSON.stringify(dist.weights));
        else if (!dist.weights.some((w) => w > 0))
          bad("weights", "at least one weight > 0", JSON.stringify(dist.weights));
      }
      break;
    }
    case "boolean":
      if (dist.p !== undefined && (!finite(dist.p) || dist.p < 0 || dist.p > 1))
        bad("p", "a probability in [0, 1]", dist.p);
      break;
    default:
      issues.push({
        code: "unknown-distribution",
        path: `${path}.kind`,
        expected: `one of ${DISTRIBUTION_KINDS.join(", ")}`,
        found: String((dist as { kind: unknown }).kind),
      });
  }
  return issues;
}

/** Number of distinct values, or Infinity for a continuous distribution. */
export function levelCount(dist: Distribution): number {
  switch (dist.kind) {
    case "integer":
      return dist.hi - dist.lo + 1;
    case "categorical":
      return dist.values.length;
    case "boolean":
      return 2;
    default:
      return Number.POSITIVE_INFINITY;
  }
}

/** True when the support is bounded, so u = 0 and u = 1 map to finite values. */
export function isBounded(dist: Distribution): boolean {
  return dist.kind !== "normal" && dist.kind !== "lognormal";
}

/** Index of the category that coordinate u falls in, by the cumulative weights. */
function categoryIndex(weights: readonly number[] | undefined, n: number, u: number): number {
  if (weights === undefined) return Math.min(n - 1, Math.floor(u * n));
  let total = 0;
  for (const w of weights) total += w;
  let cum = 0;
  for (let i = 0; i < n; i++) {
    cum += weights[i]!;
    if (u * total < cum) return i;
  }
  // u·total can reach the total only by rounding; the last category with weight > 0 takes it.
  for (let i = n - 1; i >= 0; i--) if (weights[i]! > 0) return i;
  return n - 1;
}

/**
 * The numeric value at coordinate u: the quantile for a numeric distribution, the category's index for a
 * categorical one, 0/1 for a boolean. Coordinates are clamped into [2⁻⁵³, 1 − 2⁻⁵³] first.
 * The distribution must have passed `checkDistribution`.
 */
export function quantile(dist: Distribution, u: number): number {
  u = Math.max(U_MIN, Math.min(U_MAX, u));
  switch (dist.kind) {
    case "uniform":
      return dist.lo + (dist.hi - dist.lo) * u;
    case "triangular": {
      // Inverse of the piecewise-quadratic CDF (e.g. Kotz & van Dorp 2004, ch. 1).
      const { lo: a, mode: c, hi: b } = dist;
      const fc = (c - a) / (b - a);
      return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case "normal":
      return dist.mean + dist.sd * normalQuantile(u);
    case "lognormal":
      return portableExp(dist.mu + dist.sigma * normalQuantile(u));
    case "integer":
      return Math.min(dist.hi, dist.lo + Math.floor(u * (dist.hi - dist.lo + 1)));
    case "categorical":
      return categoryIndex(dist.weights, dist.values.length, u);
    case "boolean":
      // Larger u gives true, so the quantile stays monotone.
      return u >= 1 - (dist.p ?? 0.5) ? 1 : 0;
  }
}

/** The value a model sees for the numeric code `quantile` returned: a category, a boolean or the number. */
export function decode(dist: Distribution, code: number): CategoryValue {
  if (dist.kind === "categorical") return dist.values[code]!;
  if (dist.kind === "boolean") return code === 1;
  return code;
}
