export {
  type AlgorithmName,
  type AssignOptions,
  algorithmNames,
  algorithms,
  assign,
  createAssigner,
} from "./assign.js";
export { DEFAULT_GAP, DEFAULT_MAX_ITERATIONS, relativeGap } from "./common.js";
export {
  type ClosureCandidate,
  type ClosureImpact,
  type CriticalityOptions,
  type CriticalityResult,
  rankClosures,
} from "./criticality.js";
export {
  BiconjugateDirection,
  ConjugateDirection,
  type DirectionRule,
  FrankWolfeDirection,
} from "./directions.js";
export { FrankWolfeAssigner } from "./frank-wolfe.js";
export { GradientProjectionAssigner } from "./gradient-projection.js";
export { exactLineSearch } from "./line-search.js";
export {
  bprDerivative,
  bprIntegral,
  bprTime,
  type CostWeights,
  LinkCostModel,
  MIN_RATIO,
} from "./link-cost.js";
export type {
  Assigner,
  AssignmentResult,
  IterationProgress,
  PairPath,
  SolveOptions,
  UnservedPair,
} from "./types.js";
