/**
 * Coercion by current leverage: the equations that turn an episode's record into the leverage a
 * coercer holds over its target.
 *
 * Outside-option principle (Binmore, Shaked & Sutton 1989): a target that can switch to its cheapest
 * alternative at extra cost S never concedes more than S. What the alternative can avoid is the trade
 * the coercer cuts off; people returned across the border (deportations) cannot be rerouted, so their
 * cost is not capped by S. With C_t the trade value the target lost in the episode and C_u its
 * unavoidable costs (humanitarian cost of returns),
 *
 *   L = min(C_t + (1 − u)·C_u, S) + u·C_u,      u ∈ [0, 1] the share of C_u that escapes the cap,
 *
 * so u = 0 is the single cap L = min(C, S) and u = 1 the separated form min(C_t, S) + C_u.
 *
 * Keohane & Nye (1977): power comes from vulnerability, the cost after adjustment. The switching cost
 * S = d·V·r counts the value V·d that would cross the coercer's territory, with d the target's
 * dependence on the coercer. The dependence used blends the one computed before day 0 (d₀, with every
 * crossing open) with the one at the start of the episode (d(t), every crossing open on today's
 * network, after the target's investments):
 *
 *   d = d₀ + w·(d(t) − d₀),      w ∈ [0, 1],
 *
 * so w = 0 freezes leverage at day 0 and w = 1 lets falling reliance weaken coercion within a run.
 */

/** Dependence an episode's leverage uses: d₀ + w·(d(t) − d₀), clipped to [0, 1]. */
export function episodeDependence(atDayZero: number, current: number, weight: number): number {
  if (weight === 0) return atDayZero;
  return Math.min(1, Math.max(0, atDayZero + weight * (current - atDayZero)));
}

export interface LeverageInput {
  /** C_t ≥ 0: trade value the target lost during the episode (USD). */
  tradeCost: number;
  /** C_u ≥ 0: costs no rerouting avoids, e.g. the humanitarian cost of returns (USD). */
  unavoidableCost: number;
  /** S ≥ 0: the target's switching cost (USD). */
  switchingCost: number;
  /** u ∈ [0, 1]: share of C_u outside the outside-option cap. */
  separation: number;
}

/** L = min(C_t + (1 − u)·C_u, S) + u·C_u. */
export function effectiveLeverage(input: LeverageInput): number {
  const { tradeCost, unavoidableCost, switchingCost, separation } = input;
  const capped = Math.min(tradeCost + (1 - separation) * unavoidableCost, switchingCost);
  return separation === 0 ? capped : capped + separation * unavoidableCost;
}
