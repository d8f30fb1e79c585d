export { type AllOrNothingResult, allOrNothing } from "./all-or-nothing.js";
export {
  buildDemand,
  type Demand,
  type DemandEntry,
  type DemandSpec,
  demandFromTntp,
  findPair,
  type ODMatrix,
  totalDemand,
} from "./demand.js";
export {
  allOriginTrees,
  pathLinks,
  type ShortestPathForest,
  ShortestPathWorkspace,
  shortestPathTree,
  shortestPathTreeLazy,
  type TreeTargets,
} from "./dijkstra.js";
export {
  createRandom,
  type GeneratedNetwork,
  type GridNetworkOptions,
  generateGridNetwork,
} from "./generate.js";
export {
  buildNetwork,
  findLink,
  type LinkSpec,
  type Network,
  type NetworkSpec,
  networkFromTntp,
  setLinkClosed,
} from "./graph.js";
export { MAX_BPR_POWER, MAX_TNTP_NODES } from "./limits.js";
export { shortestPairCosts } from "./pair-costs.js";
export * from "./tntp.js";
