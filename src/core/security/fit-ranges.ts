/**
 * Assumption ranges for fitted Hawkes parameters, for a scenario that exploration samples.
 *
 * Each range starts as the Wald interval estimate ± z·SE (asymptotic normality of the maximum-likelihood
 * estimate, Ogata 1978), cut at 0 below for μ and α. β must stay positive: where the Wald interval
 * reaches 0 its lower end is the log-scale (delta-method) end β·exp(−z·SE/β) instead.
 *
 * Exploration draws each parameter independently within its range, so every corner of the box
 * [μ] × [α] × [β] must be a stationary process: the worst corner, highest α over lowest β, must keep
 * the branching ratio n = α/β below 1 (Hawkes 1971; the scenario loader refuses ranges that do not,
 * src/core/scenario/references.ts). When it does not, the upper α end and the lower β end are drawn
 * in together towards the estimate on a log scale until that corner's ratio is `maxBranching`
 * (default 0.99, or halfway from the estimate's n to 1 when n is already above it); `clipped` says so.
 */
import type { HawkesFit } from "./hawkes-fit.js";

export type Interval = [number, number];

export interface HawkesRanges {
  mu: Interval;
  alpha: Interval;
  beta: Interval;
  /** True when the α and β ranges were narrowed to keep their worst corner stationary. */
  clipped: boolean;
  /** Branching ratio at the worst corner, α_high / β_low (< 1). */
  worstBranching: number;
}

export interface HawkesRangeOptions {
  /** Normal quantile of the interval: 1.96 for 95 %. */
  z?: number;
  /** Highest branching ratio allowed at the worst corner. Default 0.99. */
  maxBranching?: number;
}

/** The ranges, or undefined when the fit has no standard errors (the information matrix is singular). */
export function hawkesRanges(fit: HawkesFit, options: HawkesRangeOptions = {}): HawkesRanges | undefined {
  const se = fit.standardErrors;
  if (!se) return undefined;
  const z = options.z ?? 1.96;
  const { mu, alpha, beta } = fit;
  const n = alpha / beta;
  const cap = Math.max(options.maxBranching ?? 0.99, (n + 1) / 2);
  const muRange: Interval = [Math.max(0, mu - z * se.mu), mu + z * se.mu];
  let alphaHigh = alpha + z * se.alpha;
  const alphaLow = Math.max(0, alpha - z * se.alpha);
  let betaLow = beta - z * se.beta > 0 ? beta - z * se.beta : beta * Math.exp((-z * se.beta) / beta);
  const betaHigh = beta + z * se.beta;
  let clipped = false;
  if (alphaHigh / betaLow > cap && alpha > 0) {
    // Shrink log(α_high/α) and log(β/β_low) by the same factor t so that log(α_high'/β_low') = log cap:
    // log n + t·(log(α_high/α) + log(β/β_low)) = log cap.
    const spread = Math.log(alphaHigh / alpha) + Math.log(beta / betaLow);
    const t = (Math.log(cap) - Math.log(n)) / spread;
    alphaHigh = alpha * (alphaHigh / alpha) ** t;
    betaLow = beta * (betaLow / beta) ** t;
    clipped = true;
  }
  return {
    mu: muRange,
    alpha: [alphaLow, alphaHigh],
    beta: [betaLow, betaHigh],
    clipped,
    worstBranching: alphaHigh / betaLow,
  };
}
