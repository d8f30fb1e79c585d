/**
 * Exact simulation of a Hawkes process with exponential kernel by Ogata's (1981) thinning. Between
 * events the intensity only decays, so its value now, μ + E, bounds it until the next event: draw a
 * candidate gap w ~ Exp(μ + E), decay E to the candidate time, accept with probability
 * (μ + E·e^{−βw})/(μ + E), and on acceptance add α to E.
 *
 * The excitation E(t) = Σ α·e^{−β(t − tᵢ)} and the clock are the whole state (the exponential kernel
 * makes the process Markov in (t, E)), so a simulation can be advanced one day at a time with a
 * baseline that changes from day to day. A candidate falling past the end of the day is discarded; by
 * the Markov property and the memorylessness of the exponential gap this leaves the law of the path
 * unchanged, though the random draws used differ from a one-shot run.
 */

import { InputError } from "../errors/index.js";
import type { UniformSource } from "../random/index.js";
import { portableExp, portableLog } from "../random/index.js";
import { checkHawkesParams, type HawkesParams } from "./hawkes-params.js";

/** Mutable state carried from one step to the next. */
export interface HawkesState {
  /** Current time (days). */
  time: number;
  /** Excitation E = λ(time) − μ = Σ α·e^{−β(time − tᵢ)} over all past events. */
  excitation: number;
  /** Events so far. */
  count: number;
}

/** An empty history at `time` (default 0). */
export function createHawkesState(time = 0): HawkesState {
  return { time, excitation: 0, count: 0 };
}

/**
 * Advances `state` by `dayLength` (default 1 day) with baseline `mu` and kernel (alpha, beta) held
 * constant over the step, and returns the event times in [state.time, state.time + dayLength),
 * appended to `out` when given (so a daily loop can reuse one array) or to a new array.
 * Draws come from `rng`; the log and exp used are bit-identical across engines, so a seeded stream
 * gives the same event times everywhere. If α or β change between steps the carried excitation decays
 * at the new β from then on.
 */
export function hawkesStep(
  state: HawkesState,
  mu: number,
  alpha: number,
  beta: number,
  rng: UniformSource,
  dayLength = 1,
  out: number[] = [],
): number[] {
  checkHawkesParams(mu, alpha, beta);
  if (!(Number.isFinite(dayLength) && dayLength > 0)) {
    throw new InputError({
      code: "out-of-range",
      path: "dayLength",
      expected: "a finite step > 0 (days)",
      found: String(dayLength),
    });
  }
  const events = out;
  const before = events.length;
  const start = state.time;
  let elapsed = 0; // time since the start of the step
  let excitation = state.excitation;
  for (;;) {
    const bound = mu + excitation;
    if (!(bound > 0)) break; // no baseline and no excitation: nothing can happen
    const gap = -portableLog(1 - rng.next()) / bound;
    if (elapsed + gap >= dayLength) {
      excitation *= portableExp(-beta * (dayLength - elapsed));
      break;
    }
    elapsed += gap;
    excitation *= portableExp(-beta * gap);
    if (rng.next() * bound < mu + excitation) {
      events.push(start + elapsed);
      excitation += alpha;
    }
  }
  state.time = start + dayLength;
  state.excitation = excitation;
  state.count += events.length - before;
  return events;
}

/** All event times on [0, T) from an empty history, simulated in one pass. */
export function simulateHawkes(params: HawkesParams, T: number, rng: UniformSource): number[] {
  if (!(Number.isFinite(T) && T > 0)) {
    throw new InputError({
      code: "out-of-range",
      path: "T",
      expected: "a finite horizon > 0 (days)",
      found: String(T),
    });
  }
  checkHawkesParams(params.mu, params.alpha, params.beta);
  return hawkesStep(createHawkesState(0), params.mu, params.alpha, params.beta, rng, T);
}
