/**
 * Parameters of a Hawkes process with exponential kernel (Hawkes 1971):
 *
 *   λ(t) = μ + Σ_{tᵢ < t} α·e^{−β(t − tᵢ)}
 *
 * μ is the baseline rate (events/day), α the jump in intensity each event causes (events/day), β the
 * decay rate of that jump (1/day). Each event triggers on average n = α/β further events (the branching
 * ratio); the process is stationary when n < 1, with mean rate μ/(1 − n).
 */
import { InputError } from "../errors/index.js";

export interface HawkesParams {
  /** Baseline rate μ ≥ 0, events per day. */
  mu: number;
  /** Excitation jump α ≥ 0, events per day added to the intensity by each event. */
  alpha: number;
  /** Decay rate β > 0 per day; 1/β is the mean lifetime of an excitation. */
  beta: number;
}

const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/** The error naming a bad parameter `path.field`. */
function outOfRange(path: string, field: string, expected: string, found: unknown): InputError {
  return new InputError({ code: "out-of-range", path: `${path}.${field}`, expected, found: String(found) });
}

/** Rejects parameters that are not finite, negative, or explosive (α/β ≥ 1), naming the bad one. */
export function checkHawkesParams(mu: number, alpha: number, beta: number, path = "hawkes"): void {
  // Checked on every simulated day of every zone: no closure is built unless something is wrong.
  if (!(finite(mu) && mu >= 0)) throw outOfRange(path, "mu", "a finite baseline rate ≥ 0 (events/day)", mu);
  if (!(finite(alpha) && alpha >= 0))
    throw outOfRange(path, "alpha", "a finite jump ≥ 0 (events/day)", alpha);
  if (!(finite(beta) && beta > 0)) throw outOfRange(path, "beta", "a finite decay rate > 0 (1/day)", beta);
  if (!(alpha < beta)) {
    const expected = "a branching ratio alpha/beta < 1 (otherwise incidents grow without bound)";
    throw outOfRange(path, "alpha", expected, `alpha/beta = ${alpha / beta}`);
  }
}

/** n = α/β, the mean number of events each event triggers directly. */
export function branchingRatio(params: HawkesParams): number {
  return params.alpha / params.beta;
}

/** Long-run mean rate μ/(1 − n), events per day. */
export function stationaryRate(params: HawkesParams): number {
  checkHawkesParams(params.mu, params.alpha, params.beta);
  return params.mu / (1 - params.alpha / params.beta);
}

/**
 * Expected number of events on [0, T] from an empty history (no events before 0):
 * E N(T) = μT/(1 − n) − μn(1 − e^{−β(1−n)T}) / (β(1 − n)²), from integrating the mean intensity
 * m(t) = μ/(1 − n) − μn/(1 − n)·e^{−β(1−n)t}, which solves m′ = β(1 − n)(μ/(1 − n) − m), m(0) = μ.
 */
export function expectedCount(params: HawkesParams, T: number): number {
  checkHawkesParams(params.mu, params.alpha, params.beta);
  if (!(finite(T) && T >= 0)) {
    throw new InputError({
      code: "out-of-range",
      path: "T",
      expected: "a finite horizon ≥ 0 (days)",
      found: String(T),
    });
  }
  const { mu, beta } = params;
  const n = params.alpha / beta;
  const k = beta * (1 - n);
  return (mu * T) / (1 - n) + (mu * n * Math.expm1(-k * T)) / (k * (1 - n));
}

/** What an analyst usually knows: how often incidents happen, how contagious they are, how long it lasts. */
export interface HawkesRates {
  /** Long-run mean incident rate, events per day. */
  eventRate: number;
  /** Share of incidents triggered by earlier ones, n in [0, 1). */
  branchingRatio: number;
  /** Mean lifetime 1/β of the excitation, days. */
  decayDays: number;
}

/** Parameters with the given mean rate, branching ratio and excitation lifetime: β = 1/τ, α = nβ, μ = r(1 − n). */
export function hawkesFromRates(rates: HawkesRates): HawkesParams {
  const { eventRate, branchingRatio: n, decayDays } = rates;
  const bad = (field: string, expected: string, found: unknown) =>
    new InputError({ code: "out-of-range", path: field, expected, found: String(found) });
  if (!(finite(eventRate) && eventRate >= 0))
    throw bad("eventRate", "a finite rate ≥ 0 (events/day)", eventRate);
  if (!(finite(n) && n >= 0 && n < 1)) throw bad("branchingRatio", "a share in [0, 1)", n);
  if (!(finite(decayDays) && decayDays > 0))
    throw bad("decayDays", "a finite lifetime > 0 (days)", decayDays);
  const beta = 1 / decayDays;
  return { mu: eventRate * (1 - n), alpha: n * beta, beta };
}
