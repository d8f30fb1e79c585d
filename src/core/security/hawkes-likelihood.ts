/**
 * Log-likelihood and time rescaling of a Hawkes process with exponential kernel on [0, T], history empty
 * before 0. Both run in O(n) through the recursion of Ozaki (1979):
 * Aᵢ = Σ_{tⱼ < tᵢ} e^{−β(tᵢ − tⱼ)} = e^{−β(tᵢ − tᵢ₋₁)}·(1 + Aᵢ₋₁), so λ(tᵢ) = μ + α·Aᵢ.
 *
 *   ℓ = Σ log λ(tᵢ) − μT − (α/β)·Σ (1 − e^{−β(T − tᵢ)})          (Daley & Vere-Jones 2003, §7.2)
 *
 * Events at the same instant do not excite each other (the sum is over tⱼ < tᵢ strictly), so data
 * rounded to whole days is handled as written; spreading ties within the day is usually better.
 */
import { InputError } from "../errors/index.js";
import { checkHawkesParams, type HawkesParams } from "./hawkes-params.js";

/** Checks that event times are finite, non-decreasing and inside [0, T] (T optional). */
export function checkEventTimes(times: ArrayLike<number>, T?: number): void {
  if (T !== undefined && !(Number.isFinite(T) && T > 0)) {
    throw new InputError({
      code: "out-of-range",
      path: "T",
      expected: "a finite horizon > 0 (days)",
      found: String(T),
    });
  }
  let previous = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    const where = `times[${i}]`;
    if (!Number.isFinite(t)) {
      throw new InputError({
        code: "not-a-number",
        path: where,
        expected: "a finite time (days)",
        found: String(t),
      });
    }
    if (t < 0 || (T !== undefined && t > T)) {
      throw new InputError({
        code: "out-of-range",
        path: where,
        expected: T === undefined ? "a time ≥ 0" : `a time in [0, ${T}]`,
        found: String(t),
      });
    }
    if (t < previous) {
      throw new InputError({
        code: "not-sorted",
        path: where,
        expected: `times in increasing order (≥ ${previous})`,
        found: String(t),
      });
    }
    previous = t;
  }
}

/** ℓ for already-validated input; the fitting loop calls this directly. */
export function logLikelihoodUnchecked(
  times: ArrayLike<number>,
  T: number,
  mu: number,
  alpha: number,
  beta: number,
): number {
  let sumLog = 0;
  let a = 0; // Σ over all earlier events of e^{−β(t_prev − tⱼ)}, including those at t_prev
  let tied = 0; // how many of those sit exactly at t_prev (weight 1 each, not exciting a tie)
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (t > previous) {
      a *= Math.exp(-beta * (t - previous));
      tied = 0;
      previous = t;
    }
    const intensity = mu + alpha * (a - tied);
    if (!(intensity > 0)) return Number.NEGATIVE_INFINITY;
    sumLog += Math.log(intensity);
    a += 1;
    tied += 1;
  }
  // Σ (1 − e^{−β(T − tᵢ)}) = n − (the same running sum decayed to T): no extra exponential per event.
  const decayedAtT = times.length > 0 ? a * Math.exp(-beta * (T - previous)) : 0;
  return sumLog - mu * T - (alpha / beta) * (times.length - decayedAtT);
}

/** Log-likelihood of sorted event times on [0, T] under `params`. */
export function hawkesLogLikelihood(times: ArrayLike<number>, T: number, params: HawkesParams): number {
  checkHawkesParams(params.mu, params.alpha, params.beta);
  checkEventTimes(times, T);
  return logLikelihoodUnchecked(times, T, params.mu, params.alpha, params.beta);
}

/**
 * Compensator increments τᵢ = Λ(tᵢ) − Λ(tᵢ₋₁) (t₀ = 0), with Λ(t) = ∫₀ᵗ λ. Under the true model they are
 * independent Exp(1) (time-rescaling theorem; Brown, Barbieri, Ventura, Kass & Frank 2002), which
 * `ksTestExp1` checks. Between events Λ grows by μΔ + (α/β)·Sᵢ₋₁·(1 − e^{−βΔ}), Sᵢ₋₁ the excitation
 * count just after tᵢ₋₁.
 */
export function timeRescale(times: ArrayLike<number>, params: HawkesParams): number[] {
  checkHawkesParams(params.mu, params.alpha, params.beta);
  checkEventTimes(times);
  const { mu, alpha, beta } = params;
  const out = new Array<number>(times.length);
  let s = 0; // Σ_{tⱼ ≤ t_prev} e^{−β(t_prev − tⱼ)}
  let previous = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    const gap = t - previous;
    const decay = Math.exp(-beta * gap);
    out[i] = mu * gap - (alpha / beta) * s * Math.expm1(-beta * gap);
    s = s * decay + 1;
    previous = t;
  }
  return out;
}
