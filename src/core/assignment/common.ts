/** Pieces every solver shares: option checks, the clock, the gap, the unserved list. */
import { InputError, type InputIssue } from "../errors/index.js";
import type { Demand } from "../network/demand.js";
import type { Network } from "../network/graph.js";
import type { IterationProgress, SolveOptions, UnservedPair } from "./types.js";

const perf = (globalThis as { performance?: { now(): number } }).performance;

/** Milliseconds from a monotonic clock where the runtime has one (Node, browsers, workers). */
export const nowMs: () => number = perf ? () => perf.now() : () => Date.now();

export interface ResolvedOptions {
  gap: number;
  maxIterations: number;
  maxSeconds: number;
  tollFactor: number;
  distanceFactor: number;
  onIteration: ((progress: IterationProgress) => void) | undefined;
}

export const DEFAULT_GAP = 1e-6;
export const DEFAULT_MAX_ITERATIONS = 10_000;

/** Fills defaults and rejects values that would make the solve meaningless. */
export function resolveOptions(options: SolveOptions = {}): ResolvedOptions {
  const issues: InputIssue[] = [];
  const check = (
    name: keyof SolveOptions,
    value: number | undefined,
    ok: (v: number) => boolean,
    expected: string,
  ) => {
    if (value !== undefined && !(typeof value === "number" && ok(value))) {
      issues.push({ code: "out-of-range", path: name, expected, found: String(value) });
    }
  };
  check("gap", options.gap, (v) => v >= 0 && Number.isFinite(v), "a relative gap ≥ 0");
  check("maxIterations", options.maxIterations, (v) => Number.isInteger(v) && v >= 1, "a whole number ≥ 1");
  check("maxSeconds", options.maxSeconds, (v) => v > 0, "a positive number of seconds");
  check("tollFactor", options.tollFactor, (v) => v >= 0 && Number.isFinite(v), "a toll factor ≥ 0");
  check(
    "distanceFactor",
    options.distanceFactor,
    (v) => v >= 0 && Number.isFinite(v),
    "a distance factor ≥ 0",
  );
  if (issues.length > 0) throw new InputError(issues);
  return {
    gap: options.gap ?? DEFAULT_GAP,
    maxIterations: options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
    maxSeconds: options.maxSeconds ?? Number.POSITIVE_INFINITY,
    tollFactor: options.tollFactor ?? 0,
    distanceFactor: options.distanceFactor ?? 0,
    onIteration: options.onIteration,
  };
}

/** A demand must name nodes of the network it is routed on. */
export function checkDemandFits(network: Network, demand: Demand): void {
  if (demand.nodeCount > network.nodeCount) {
    let worst = 0;
    for (let k = 0; k < demand.pairCount; k++) {
      worst = Math.max(worst, demand.origin[k]!, demand.destination[k]!);
    }
    if (worst >= network.nodeCount) {
      throw new InputError({
        code: "dangling-reference",
        path: "demand",
        expected: `origins and destinations among the network's ${network.nodeCount} nodes`,
        found: `node index ${worst}`,
      });
    }
  }
}

/** Demand written in place between solves must stay a finite number ≥ 0. */
export function checkDemandValues(demand: Demand): void {
  const issues: InputIssue[] = [];
  for (let k = 0; k < demand.pairCount && issues.length < 20; k++) {
    const q = demand.demand[k]!;
    if (!(q >= 0 && q < Number.POSITIVE_INFINITY)) {
      issues.push({
        code: "out-of-range",
        path: `demand[${k}]`,
        expected: `a number of trips ≥ 0 (${demand.origin[k]} → ${demand.destination[k]})`,
        found: String(q),
      });
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

/**
 * Stops a solve whose costs are no longer numbers. Huge BPR powers, tiny capacities or enormous demand
 * can push t₀·b·(x/c)^p past double precision; the gap of such a state is NaN, which compares false
 * with everything and would otherwise read as converged (or run to the iteration limit), and an
 * infinite cost reads as a closed link, so the served set flips at every iteration. Names the first
 * link whose cost is not finite, 1-based as in a TNTP file. O(links): cheap beside a shortest-path pass.
 */
export function checkFinite(costs: Float64Array, network: Network, tstt = 0, sptt = 0): void {
  let link = -1;
  for (let a = 0; a < costs.length && link < 0; a++) if (!Number.isFinite(costs[a]!)) link = a;
  if (link < 0 && Number.isFinite(tstt) && Number.isFinite(sptt)) return;
  const found =
    link >= 0
      ? `cost ${costs[link]} on link ${link + 1} (node ${network.from[link]! + 1} → ${network.to[link]! + 1})`
      : `total travel time ${tstt}, shortest-path time ${sptt}`;
  throw new InputError({
    code: "not-finite",
    path: "assignment",
    expected:
      "link costs that stay finite at equilibrium flows: lower the BPR power, raise very small capacities or scale the demand down",
    found,
  });
}

/** (TSTT − SPTT)/TSTT, 0 when nothing travels at a cost. */
export function relativeGap(tstt: number, sptt: number): number {
  if (!(tstt > 0)) return 0;
  const gap = (tstt - sptt) / tstt;
  return Math.max(gap, 0);
}

/** The pairs flagged unreachable that carry demand. */
export function unservedPairs(demand: Demand, unreachable: Uint8Array): UnservedPair[] {
  const list: UnservedPair[] = [];
  for (let k = 0; k < demand.pairCount; k++) {
    if (unreachable[k] === 1 && demand.demand[k]! > 0) {
      list.push({
        origin: demand.origin[k]!,
        destination: demand.destination[k]!,
        demand: demand.demand[k]!,
      });
    }
  }
  return list;
}
