export { ACTANT_KINDS } from "./actant.js";
export { ACTOR_KINDS } from "./actor.js";
export { CROSSING_STATUSES } from "./crossing.js";
export { FIRST_DATE, LAST_DATE, LAST_START, MAX_DAYS } from "./fields.js";
export { COST_PER_KM_USD_DEFAULT, VALUE_OF_TIME_USD_PER_HOUR_DEFAULT } from "./generalized-cost.js";
export {
  HYPOTHESES,
  type HypothesisKey,
  type HypothesisSpec,
  hypothesesSchema,
  hypothesisEntrySchema,
} from "./hypotheses/index.js";
export { type DraftIssue, fromZodIssues } from "./issues.js";
export { scenarioJsonSchema } from "./json-schema.js";
export { extendsOf, layerData, loadLayers, type ScenarioLayer } from "./layers.js";
export { BPR_B_DEFAULT, BPR_POWER_DEFAULT, LINK_MODES } from "./link.js";
export { MODEL_DEFAULTS } from "./model.js";
export { NODE_KINDS } from "./node.js";
export {
  formatPath,
  type ParameterKind,
  ParamValue,
  type PathKey,
  param,
  type Resolved,
  resolveParameters,
  type ScenarioParameter,
} from "./param.js";
export {
  collectParameters,
  finish as positionIssues,
  type LoadedScenario,
  loadScenario,
  parseScenario,
  validateScenario,
  withoutEchoes,
} from "./parse.js";
export { PROJECT_KINDS, PROJECT_STATUSES } from "./project.js";
export { SCENARIO_SCHEMA_ID, type ScenarioFile, type ScenarioParsed, scenarioFileSchema } from "./schema.js";
export { type ReadResult, readSource, type ScenarioSource } from "./source.js";
export {
  openShare,
  type ScenarioElement,
  type ScenarioNetwork,
  scenarioElements,
  scenarioNetwork,
} from "./to-network.js";
export type {
  ActantKind,
  ActorKind,
  CrossingStatus,
  GeneralizedCost,
  LinkMode,
  ModelParams,
  NodeKind,
  ProjectKind,
  ProjectStatus,
  Scenario,
  ScenarioActant,
  ScenarioActor,
  ScenarioCrossing,
  ScenarioDemand,
  ScenarioForcedEvent,
  ScenarioHypotheses,
  ScenarioLink,
  ScenarioNode,
  ScenarioPolicy,
  ScenarioProject,
  ScenarioRelation,
  ScenarioReturns,
  ScenarioStage,
  ScenarioZone,
} from "./types.js";
