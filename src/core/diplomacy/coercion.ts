/**
 * Compliance with coercion under the outside-option principle (Binmore, Shaked & Sutton 1989,
 * "An outside option experiment", Q. J. Economics 104(4)): a target that can switch to its cheapest
 * alternative at extra cost S never concedes more than S, so a coercer imposing cost C has effective
 * leverage L = min(C, S). Leverage is set against the cost K to the target of doing what is demanded,
 * through a contest-success (ratio) form (Tullock 1980; Hirshleifer 1989):
 *
 *   p = L^γ / (L^γ + K^γ) = 1 / (1 + (K / L)^γ),
 *
 * a logistic curve in ln(L/K) with steepness γ and midpoint L = K. So p = 0 exactly when the alternative
 * costs nothing extra (S = 0) or nothing is imposed (C = 0), p = ½ when leverage equals the cost of
 * complying, and p rises toward 1 as leverage exceeds it. The switching cost grows with the target's
 * dependence on the coercer's routes, so compliance falls as dependence falls (Keohane & Nye 1977: it is
 * vulnerability, the cost after adjustment, that confers power).
 */

import { InputError } from "../errors/index.js";
import { checkNonNegative, checkPositive, checkUnit } from "./check.js";

export interface CoercionInput {
  /** C ≥ 0: cost the coercer imposes on the target (e.g. USD over the episode). */
  costImposed: number;
  /** S ≥ 0: extra cost of the target's cheapest alternative, same unit as C; Infinity when it has none. */
  switchingCost: number;
  /** K > 0: cost to the target of complying with the demand, same unit. */
  complianceCost: number;
  /** γ > 0: steepness of the response. Default 1, the lottery form p = L / (L + K) (Tullock 1980). */
  steepness?: number;
}

/** Effective leverage L = min(C, S): a coercer can extract at most the target's switching cost. */
export function leverage(costImposed: number, switchingCost: number): number {
  checkNonNegative(costImposed, "costImposed", "a cost ≥ 0");
  if (!(typeof switchingCost === "number" && switchingCost >= 0)) {
    throw new InputError({
      code: "out-of-range",
      path: "switchingCost",
      expected: "a cost ≥ 0 (Infinity when there is no alternative)",
      found: String(switchingCost),
    });
  }
  return Math.min(costImposed, switchingCost);
}

/** Probability that the target complies, p = 1 / (1 + (K / min(C, S))^γ); 0 when min(C, S) = 0. */
export function complianceProbability(input: CoercionInput): number {
  const lev = leverage(input.costImposed, input.switchingCost);
  checkPositive(input.complianceCost, "complianceCost", "a cost of complying > 0");
  const gamma = input.steepness ?? 1;
  checkPositive(gamma, "steepness", "a steepness γ > 0");
  if (lev === 0) return 0;
  return 1 / (1 + (input.complianceCost / lev) ** gamma);
}

/**
 * Switching cost from dependence: a target routing value V (per period) whose share d ∈ [0, 1] crosses
 * the coercer's territory, and whose cheapest alternative costs a premium r ≥ 0 per unit of value moved
 * (extra transport cost, delay and spoilage as a share of value), pays S = d·V·r to switch. Non-decreasing
 * in d, so compliance is too.
 */
export function switchingCostFromDependence(
  dependence: number,
  routedValue: number,
  premium: number,
): number {
  checkUnit(dependence, "dependence", "a dependence share in [0, 1]");
  checkNonNegative(routedValue, "routedValue", "a routed value ≥ 0");
  checkNonNegative(premium, "premium", "an alternative-route premium ≥ 0 per unit of value");
  return dependence * routedValue * premium;
}
