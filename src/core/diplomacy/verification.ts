/**
 * Verification of acts. Each active monitor k (a mediator, a joint mechanism, a third-party observer)
 * independently detects an act with probability mₖ, on top of a state's own verification capacity v₀, so
 * the act is verified unless every channel misses it: v = 1 − (1 − v₀)·Π(1 − mₖ). Independent detection
 * channels combine like parallel components in reliability theory (Barlow & Proschan 1965).
 */
import { checkDraw, checkUnit } from "./check.js";

const NO_MONITORS: readonly number[] = Object.freeze([]);

/** Probability that an act is verified, given own capacity v₀ and the detection probabilities of active monitors. */
export function verificationProbability(v0: number, monitors: readonly number[] = NO_MONITORS): number {
  checkUnit(v0, "v0", "a verification probability in [0, 1]");
  let miss = 1 - v0;
  // A plain loop and a shared empty default: the engine asks this for every incident, allocating nothing.
  for (let k = 0; k < monitors.length; k++) {
    const m = monitors[k]!;
    checkUnit(m, `monitors[${k}]`, "a detection probability in [0, 1]");
    miss *= 1 - m;
  }
  return 1 - miss;
}

/** Whether an act is verified, from one uniform draw u ∈ [0, 1): verified when u < v. */
export function isVerified(v: number, u: number): boolean {
  checkUnit(v, "v", "a verification probability in [0, 1]");
  checkDraw(u);
  return u < v;
}
