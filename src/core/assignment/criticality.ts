/**
 * Link criticality (vulnerability analysis, e.g. Jenelius, Petersen & Mattsson 2006; Sullivan et al.
 * 2010): close one element at a time, re-equilibrate from the base equilibrium (warm start), and
 * measure the rise in total generalized cost and the demand left without any open route.
 */
import type { Demand } from "../network/demand.js";
import type { Network } from "../network/graph.js";
import { type AlgorithmName, createAssigner } from "./assign.js";
import type { AssignmentResult } from "./types.js";

/** One thing to close: a link, or both directions of a road or crossing. */
export interface ClosureCandidate {
  label: string;
  links: number[];
}

export interface ClosureImpact {
  label: string;
  /** Demand with no open route once the element is closed (trips per period). */
  unservedDemand: number;
  /** Total generalized cost of served demand after closure minus before. */
  costIncrease: number;
  /** costIncrease / base total cost. */
  costIncreaseShare: number;
  /** Total travel time (cost without tolls and distance) after minus before. */
  travelTimeIncrease: number;
  /** The demand newly left without a route, priced by `unservedPrice` (0 without it). */
  unservedCost: number;
  /** Base flow on the closed links. */
  baseFlow: number;
  gap: number;
  converged: boolean;
}

export interface CriticalityOptions {
  algorithm?: AlgorithmName;
  gap?: number;
  maxIterations?: number;
  tollFactor?: number;
  distanceFactor?: number;
  /** Cost of one unit of demand of an origin–destination pair left without a route. */
  unservedPrice?: (origin: number, destination: number) => number;
  /** Called after each candidate, for progress. */
  onCandidate?: (done: number, total: number) => void;
}

export interface CriticalityResult {
  base: AssignmentResult;
  /** Sorted: most unserved demand first, then largest cost increase. */
  ranking: ClosureImpact[];
}

/** Ranks closures by unserved demand, then by rise in total cost. Restores the network afterwards. */
export function rankClosures(
  network: Network,
  demand: Demand,
  candidates: ClosureCandidate[],
  options: CriticalityOptions = {},
): CriticalityResult {
  const assigner = createAssigner(network, demand, options.algorithm ?? "path");
  const solve = {
    gap: options.gap ?? 1e-4,
    maxIterations: options.maxIterations ?? 10_000,
    tollFactor: options.tollFactor ?? 0,
    distanceFactor: options.distanceFactor ?? 0,
  };
  const base = assigner.solve(solve);
  const price = options.unservedPrice;
  const priced = (r: AssignmentResult) =>
    price ? r.unserved.reduce((sum, u) => sum + u.demand * price(u.origin, u.destination), 0) : 0;
  const baseUnservedCost = priced(base);
  const impacts: ClosureImpact[] = [];
  candidates.forEach((candidate, i) => {
    const wasClosed = candidate.links.map((l) => network.closed[l]!);
    for (const l of candidate.links) network.closed[l] = 1;
    const after = assigner.solve(solve);
    candidate.links.forEach((l, j) => {
      network.closed[l] = wasClosed[j]!;
    });
    const baseFlow = candidate.links.reduce((sum, l) => sum + base.flows[l]!, 0);
    const costIncrease = after.tstt - base.tstt;
    impacts.push({
      label: candidate.label,
      unservedDemand: Math.max(0, after.unservedDemand - base.unservedDemand),
      costIncrease,
      costIncreaseShare: base.tstt > 0 ? costIncrease / base.tstt : 0,
      travelTimeIncrease: after.totalTravelTime - base.totalTravelTime,
      unservedCost: priced(after) - baseUnservedCost,
      baseFlow,
      gap: after.gap,
      converged: after.converged,
    });
    options.onCandidate?.(i + 1, candidates.length);
  });
  impacts.sort((a, b) => b.unservedDemand - a.unservedDemand || b.costIncrease - a.costIncrease);
  return { base, ranking: impacts };
}
