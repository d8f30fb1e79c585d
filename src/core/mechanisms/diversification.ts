/**
 * The dependent neighbour's own strategy: a state whose trade suffers closures invests in routes
 * through its other partners, weighing the closures it suffers, the cost and lead time of building,
 * and the counter-pressure on each alternative (sanctions, instability). Own construction after the
 * argument that Kabul pursues regional ambitions of its own (transit via Iran's ports, Central Asian
 * rail, China) rather than waiting on Islamabad; its parts:
 *
 * 1. Pressure: an exponentially weighted memory of the share of its trade value lost each day,
 *      π ← (1 − m)·π + m·ℓ,   ℓ = lost / (routed + lost),   m = 1 − 2^(−1/H)
 *    and, per partner s, of the share of the capacity of its crossings with s closed to it,
 *      χₛ ← (1 − m)·χₛ + m·cₛ   (cₛ = 1 while s suspends its transit).
 * 2. Budget at each review (every R days): the expected loss over the window, reinvested with
 *    strength β and discounted over the lead time L at rate δ per year,
 *      I = β · π · ΣV · e^(−δ·L/365),   ΣV the trade value routed plus lost over the window.
 * 3. Allocation over partners with crossings to it, by attractiveness
 *      Aₛ = (1 − κₛ)·(1 − χₛ),   κₛ = min(1, κ⁰ₛ + ι·ιₛ)
 *    (κ⁰ₛ exogenous counter-pressure such as sanctions, ιₛ the remembered daily incidents in the
 *    zones of the crossings with s, ι its weight), shares wₛ = Aₛ^η / Σ A^η.
 * Each partner's share buys capacity and lowers the per-vehicle cost of its crossings after the lag.
 * β = 0 switches the strategy off.
 */

/** Daily weight m = 1 − 2^(−1/H) of an exponential memory with half-life H days. */
export function memoryRate(halfLifeDays: number): number {
  return 1 - 2 ** (-1 / halfLifeDays);
}

/** x ← (1 − m)·x + m·signal. */
export function remember(previous: number, signal: number, rate: number): number {
  return (1 - rate) * previous + rate * signal;
}

/** Share of the day's trade value lost, ℓ = lost / (routed + lost); 0 with nothing to lose. */
export function lossShare(lost: number, routed: number): number {
  const total = lost + routed;
  return total > 0 ? Math.max(0, lost) / total : 0;
}

export interface BudgetInput {
  /** β ≥ 0: share of the expected loss reinvested in alternatives. */
  strength: number;
  /** π ∈ [0, 1]: remembered loss share. */
  pressure: number;
  /** ΣV: trade value routed plus lost over the review window (USD). */
  valueAtRisk: number;
  /** δ ≥ 0: discount rate per year applied over the lead time. */
  discountPerYear: number;
  /** L ≥ 0: days from decision to capacity. */
  leadDays: number;
}

/** I = β · π · ΣV · e^(−δ·L/365). */
export function investmentBudget(input: BudgetInput): number {
  const { strength, pressure, valueAtRisk, discountPerYear, leadDays } = input;
  if (strength === 0) return 0;
  return strength * pressure * valueAtRisk * Math.exp((-discountPerYear * leadDays) / 365);
}

/** Aₛ = (1 − κₛ)·(1 − χₛ), κₛ = min(1, κ⁰ₛ + ι·incidents). */
export function partnerAttractiveness(
  counterPressure: number,
  closureMemory: number,
  incidentsPerDay: number,
  instabilityWeight: number,
): number {
  const kappa = Math.min(1, counterPressure + instabilityWeight * incidentsPerDay);
  return Math.max(0, (1 - kappa) * (1 - closureMemory));
}

/** wₛ = Aₛ^η / Σ A^η (all zero when no partner is attractive). */
export function partnerShares(attractiveness: readonly number[], exponent: number): number[] {
  const powered = attractiveness.map((a) => (a > 0 ? a ** exponent : 0));
  const total = powered.reduce((s, x) => s + x, 0);
  return powered.map((x) => (total > 0 ? x / total : 0));
}
