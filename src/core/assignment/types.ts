/** The one interface every equilibrium solver implements, its options and its result. */
import type { Demand } from "../network/demand.js";
import type { Network } from "../network/graph.js";

/** Progress reported after each iteration's gap is known. */
export interface IterationProgress {
  iteration: number;
  /** Relative gap of the flows at this iteration. */
  gap: number;
  /** Wall time since the solve started. */
  seconds: number;
}

export interface SolveOptions {
  /** Target relative gap (TSTT − SPTT)/TSTT. Default 1e-6. */
  gap?: number;
  /** Stop after this many iterations. Default 10,000. */
  maxIterations?: number;
  /** Stop after this much wall time (checked once per iteration). Default: no limit. */
  maxSeconds?: number;
  /** Weight of link tolls in the generalized cost. Default 0. */
  tollFactor?: number;
  /** Weight of link lengths in the generalized cost. Default 0. */
  distanceFactor?: number;
  /** Called after each iteration; keep it cheap. */
  onIteration?: (progress: IterationProgress) => void;
}

/** An OD pair with demand and no open path (0-based nodes). */
export interface UnservedPair {
  origin: number;
  destination: number;
  demand: number;
}

export interface AssignmentResult {
  /** Flow per link (a copy: later solves do not change it). */
  flows: Float64Array;
  /** Generalized cost per link at those flows. */
  costs: Float64Array;
  /** Total system (generalized) travel cost Σ x·c(x). */
  tstt: number;
  /** Σ over served pairs of demand × shortest-path cost at these flows. */
  sptt: number;
  /** Σ x·t(x) with travel time only, leaving out toll and distance terms. */
  totalTravelTime: number;
  /** Beckmann objective Σ ∫₀ˣ c(s) ds of the generalized cost. */
  beckmann: number;
  /** Relative gap (TSTT − SPTT)/TSTT; 0 when TSTT is 0. */
  gap: number;
  iterations: number;
  seconds: number;
  /** gap ≤ target. */
  converged: boolean;
  /** Demand of pairs with no open path; left out of TSTT, SPTT and the flows. */
  unservedDemand: number;
  unserved: UnservedPair[];
}

/** One used path of an OD pair. */
export interface PairPath {
  /** Link indices from origin to destination. */
  links: Int32Array;
  flow: number;
}

/**
 * A solver with its state. `solve` continues from the previous equilibrium (warm start): between
 * solves, write into the network's arrays (`closed`, `capacity`, `toll`, …) or the demand's `demand`
 * values, and the next solve re-equilibrates from where it stopped.
 */
export interface Assigner {
  readonly network: Network;
  readonly demand: Demand;
  solve(options?: SolveOptions): AssignmentResult;
  /** Replaces the OD structure; state of pairs present in both is kept. */
  setDemand(demand: Demand): void;
  /** Forgets the state: the next solve starts cold. */
  reset(): void;
  /**
   * The paths carrying pair k's flow after the last solve (path-based solvers only; link-based ones
   * do not know which pair uses which link). For route shares, e.g. the trade crossing a territory.
   */
  pairPaths?(pair: number): PairPath[];
  /**
   * Closes links to the traffic leaving one origin only (path-based solvers only), or lifts that block
   * with null: e.g. transit barred from a state's territory while other traffic still crosses it.
   */
  setOriginBlock?(origin: number, blocked: Uint8Array | null): void;
  /**
   * Adds a fixed cost per vehicle on some links for the traffic leaving one origin only (path-based
   * solvers only), or lifts it with null: e.g. a fee charged on one trader's transit through a state.
   * The surcharge enters that origin's path costs and shortest paths (so its route choice) and the gap.
   */
  setOriginSurcharge?(origin: number, surcharge: Float64Array | null): void;
}
