/**
 * Directed trust T ∈ [0, 1] of one state in another, moved only by verified acts (DESIGN, "Trust and
 * escalation"). A verified cooperative act closes a share η⁺ of the gap to full trust; a verified hostile
 * act removes a share η⁻ of the trust held: T ← T + η⁺(1 − T) and T ← T − η⁻T. These are the linear-
 * operator learning updates of Bush & Mosteller (1955); with η⁻ > η⁺ trust is slow to build and quick to
 * lose (Slovic 1993, "Perceived risk, trust, and democracy"). Between acts trust relaxes toward a
 * baseline b: dT/dt = −ρ(T − b).
 */
import { checkDraw, checkNonNegative, checkUnit, fail, isNonNegative, isUnit } from "./check.js";

/** What an act does to trust once it is verified. */
export type ActKind = "cooperative" | "hostile";

export interface TrustParams {
  /** η⁺ ∈ [0, 1]: share of the gap to 1 closed by one verified cooperative act. */
  etaUp: number;
  /**
   * η⁻ ∈ [0, 1]: share of trust lost to one verified hostile act. The model expects η⁻ > η⁺ but does
   * not enforce it, so that symmetric or reversed learning can be explored.
   */
  etaDown: number;
  /** ρ ≥ 0, per day: relaxation rate toward the baseline (half-life ln 2 / ρ days). */
  relaxRate: number;
  /** b ∈ [0, 1]: the level trust drifts to when nothing happens. */
  baseline: number;
}

/** Checks every field; throws an `InputError` naming the first bad one (path prefixed by `path`). */
export function validateTrustParams(params: TrustParams, path = "trust"): TrustParams {
  // Each field's path is written out only when it fails: this runs for every act.
  const { etaUp, etaDown, relaxRate, baseline } = params;
  if (!isUnit(etaUp)) fail(`${path}.etaUp`, "a learning rate η⁺ in [0, 1]", etaUp);
  if (!isUnit(etaDown)) fail(`${path}.etaDown`, "a learning rate η⁻ in [0, 1]", etaDown);
  if (!isNonNegative(relaxRate)) fail(`${path}.relaxRate`, "a relaxation rate ρ ≥ 0 per day", relaxRate);
  if (!isUnit(baseline)) fail(`${path}.baseline`, "a baseline trust in [0, 1]", baseline);
  return params;
}

/** Trust after one verified act. */
export function applyVerifiedAct(trust: number, kind: ActKind, params: TrustParams): number {
  checkUnit(trust, "trust");
  validateTrustParams(params);
  return kind === "cooperative" ? trust + params.etaUp * (1 - trust) : trust - params.etaDown * trust;
}

/**
 * Expected trust after one act that is verified with probability v (unverified acts move nothing):
 * E[T'] = T + v·ΔT. Used by deterministic (mean-field) runs.
 */
export function expectedActUpdate(trust: number, kind: ActKind, v: number, params: TrustParams): number {
  checkUnit(v, "v", "a verification probability in [0, 1]");
  return trust + v * (applyVerifiedAct(trust, kind, params) - trust);
}

/** One act with verification drawn from u ∈ [0, 1): verified when u < v. */
export function stochasticActUpdate(
  trust: number,
  kind: ActKind,
  v: number,
  u: number,
  params: TrustParams,
): { trust: number; verified: boolean } {
  checkUnit(v, "v", "a verification probability in [0, 1]");
  checkDraw(u);
  const verified = u < v;
  return { trust: verified ? applyVerifiedAct(trust, kind, params) : trust, verified };
}

/** Exact solution of dT/dt = −ρ(T − b) over Δ days: b + (T − b)·e^(−ρΔ). */
export function relaxTrust(trust: number, days: number, params: TrustParams): number {
  checkUnit(trust, "trust");
  checkNonNegative(days, "days", "a number of days ≥ 0");
  validateTrustParams(params);
  return params.baseline + (trust - params.baseline) * Math.exp(-params.relaxRate * days);
}

/**
 * Trust level T* = η⁺ / (η⁺ + η⁻ − η⁺η⁻) above which one verified cooperative and one verified hostile act,
 * in either order, leave trust lower than before (and so do alternating runs of them). Each order composes
 * two affine maps into one of slope (1 − η⁺)(1 − η⁻); T* is the fixed point of bad-then-good, and
 * good-then-bad has the lower fixed point η⁺(1 − η⁻) / (η⁺ + η⁻ − η⁺η⁻). Below T* a pair can raise trust.
 * With η⁻ > η⁺, T* < 1/2 whenever η⁺ < η⁻(1 − η⁺). Returns 0 when neither rate moves trust.
 */
export function pairBalanceTrust(params: TrustParams): number {
  const { etaUp: up, etaDown: down } = validateTrustParams(params);
  const denominator = up + down - up * down;
  return denominator === 0 ? 0 : up / denominator;
}

/**
 * Expected number of cooperative acts to lift trust from T₀ to a target, each verified with probability v
 * and no relaxation: 1 − Tₙ = (1 − T₀)(1 − vη⁺)ⁿ, so n = ⌈ln((1 − target)/(1 − T₀)) / ln(1 − vη⁺)⌉.
 * 0 when already there; Infinity when no act can move trust (vη⁺ = 0) or the target is 1.
 */
export function expectedActsToReach(trust0: number, target: number, v: number, params: TrustParams): number {
  checkUnit(trust0, "trust0");
  checkUnit(target, "target");
  checkUnit(v, "v", "a verification probability in [0, 1]");
  validateTrustParams(params);
  if (trust0 >= target) return 0;
  const step = v * params.etaUp;
  if (step === 0 || target === 1) return Number.POSITIVE_INFINITY;
  if (step === 1) return 1;
  // The small epsilon keeps an exact integer ratio from rounding up to the next act.
  return Math.ceil(Math.log((1 - target) / (1 - trust0)) / Math.log(1 - step) - 1e-12);
}
