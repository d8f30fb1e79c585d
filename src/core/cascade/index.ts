export { BetweennessWorkspace, betweenness } from "./betweenness.js";
export {
  CascadeModel,
  type CascadeResult,
  type CriticalToleranceOptions,
  type CriticalToleranceResult,
  criticalTolerance,
  motterLaiCascade,
  type SweepPoint,
  sweepTolerance,
} from "./motter-lai.js";
export {
  type CascadeNetworkInput,
  type CascadeTarget,
  cascadeTarget,
  type LeftOutReason,
  type ScenarioGraph,
  scenarioSimpleGraph,
} from "./scenario-graph.js";
export {
  buildSimpleGraph,
  largestComponentSize,
  type SimpleGraph,
  type SimpleGraphOptions,
} from "./simple-graph.js";
