/**
 * All-or-nothing loading: every OD pair's demand goes on its current shortest path. Loads are pushed
 * down each origin's tree in reverse settle order, O(nodes) per origin instead of O(path length) per pair.
 */
import type { Demand } from "./demand.js";
import { type ShortestPathWorkspace, shortestPathTree } from "./dijkstra.js";
import type { Network } from "./graph.js";

export interface AllOrNothingResult {
  /** Σ demand × shortest cost over served pairs (the "shortest-path travel time" of the gap). */
  sptt: number;
  /** Demand that has no open path. */
  unservedDemand: number;
  /** Pairs with positive demand and no open path. */
  unservedPairs: number;
}

/**
 * Adds the all-or-nothing flows for `cost` to `flows` (which the caller zeroes when wanted).
 * `nodeLoad` is scratch of length nodeCount. Pair k is unserved when `unreachable[k]` is set to 1
 * (the array is optional).
 */
export function allOrNothing(
  network: Network,
  demand: Demand,
  cost: Float64Array,
  ws: ShortestPathWorkspace,
  flows: Float64Array,
  nodeLoad: Float64Array,
  unreachable?: Uint8Array,
): AllOrNothingResult {
  const { from } = network;
  const { origins, pairStart, destination } = demand;
  const { dist, predLink, order } = ws;
  let sptt = 0;
  let unservedDemand = 0;
  let unservedPairs = 0;
  for (let i = 0; i < origins.length; i++) {
    const start = pairStart[i]!;
    const end = pairStart[i + 1]!;
    shortestPathTree(network, cost, origins[i]!, ws, { nodes: destination, start, end });
    let any = false;
    for (let k = start; k < end; k++) {
      const q = demand.demand[k]!;
      const d = destination[k]!;
      const c = dist[d]!;
      if (c === Number.POSITIVE_INFINITY) {
        if (unreachable) unreachable[k] = 1;
        if (q > 0) {
          unservedDemand += q;
          unservedPairs++;
        }
        continue;
      }
      if (unreachable) unreachable[k] = 0;
      if (q > 0) {
        nodeLoad[d]! += q;
        sptt += q * c;
        any = true;
      }
    }
    if (!any) continue;
    for (let j = ws.settledCount - 1; j > 0; j--) {
      const v = order[j]!;
      const load = nodeLoad[v]!;
      if (load === 0) continue;
      nodeLoad[v] = 0;
      const a = predLink[v]!;
      flows[a]! += load;
      nodeLoad[from[a]!]! += load;
    }
    nodeLoad[order[0]!] = 0;
  }
  return { sptt, unservedDemand, unservedPairs };
}
