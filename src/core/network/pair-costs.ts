/** Shortest generalized cost of every OD pair under given link costs (Infinity when no open path). */
import type { Demand } from "./demand.js";
import { ShortestPathWorkspace, shortestPathTree } from "./dijkstra.js";
import type { Network } from "./graph.js";

export function shortestPairCosts(
  network: Network,
  demand: Demand,
  costs: Float64Array,
  ws: ShortestPathWorkspace = new ShortestPathWorkspace(network.nodeCount, network.linkCount),
): Float64Array {
  const out = new Float64Array(demand.pairCount);
  for (let i = 0; i < demand.origins.length; i++) {
    const start = demand.pairStart[i]!;
    const end = demand.pairStart[i + 1]!;
    shortestPathTree(network, costs, demand.origins[i]!, ws, { nodes: demand.destination, start, end });
    for (let k = start; k < end; k++) out[k] = ws.dist[demand.destination[k]!]!;
  }
  return out;
}
