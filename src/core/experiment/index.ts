export { type CaseKey, caseCount, caseKey, leverCount, leverLabel, leverValues } from "./cases.js";
export {
  checkExperimentDesign,
  designFutures,
  designSpec,
  type Futures,
  type InputValue,
  samplerSpec,
} from "./design.js";
export {
  aggregate,
  type CaseResult,
  type CaseTask,
  cloneData,
  type Evaluator,
  failed,
  probeScenarioOutcomes,
  scenarioEvaluator,
} from "./evaluate.js";
export { completeHypotheses } from "./hypotheses.js";
export { getAt, idPath, resolvePath, setAt, splitPath } from "./paths.js";
export {
  CASE_COLUMNS,
  defaultInputs,
  isDefaultUncertainty,
  type Plan,
  type PlanInput,
  type PlanLever,
  type PlanOutcome,
  planModuleExperiment,
  planScenarioExperiment,
  rangeDistribution,
  type ScenarioModel,
} from "./plan.js";
export {
  AGGREGATES,
  type ClaimSpec,
  claimsFileSchema,
  type DistributionSpec,
  EXPERIMENT_SCHEMA_ID,
  type Experiment,
  type ExperimentFile,
  experimentFileSchema,
  experimentJsonSchema,
  type OutcomeSpec,
  SAMPLERS,
  type UncertaintySpec,
} from "./schema.js";
