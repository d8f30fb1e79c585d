export { CROSSING_STATUSES } from "./crossing.js";
export { FIRST_DATE, LAST_DATE, LAST_START, MAX_DAYS } from "./fields.js";
export { COST_PER_KM_USD_DEFAULT, VALUE_OF_TIME_USD_PER_HOUR_DEFAULT } from "./generalized-cost.js";
export { scenarioJsonSchema } from "./json-schema.js";
export { BPR_B_DEFAULT, BPR_POWER_DEFAULT, LINK_MODES } from "./link.js";
export { MODEL_DEFAULTS } from "./model.js";
export { NODE_KINDS } from "./node.js";
export {
  formatPath,
  type ParameterKind,
  ParamValue,
  param,
  type Resolved,
  resolveParameters,
  type ScenarioParameter,
} from "./param.js";
export {
  collectParameters,
  type LoadedScenario,
  loadScenario,
  parseScenario,
  validateScenario,
} from "./parse.js";
export { SCENARIO_SCHEMA_ID, type ScenarioFile, type ScenarioParsed, scenarioFileSchema } from "./schema.js";
export {
  openShare,
  type ScenarioElement,
  type ScenarioNetwork,
  scenarioElements,
  scenarioNetwork,
} from "./to-network.js";
export {
  ACTANT_KINDS,
  ACTOR_KINDS,
  type ActantKind,
  type ActorKind,
  type CrossingStatus,
  type GeneralizedCost,
  type LinkMode,
  type ModelParams,
  type NodeKind,
  PROJECT_KINDS,
  PROJECT_STATUSES,
  type ProjectKind,
  type ProjectStatus,
  type Scenario,
  type ScenarioActant,
  type ScenarioActor,
  type ScenarioCrossing,
  type ScenarioDemand,
  type ScenarioForcedEvent,
  type ScenarioLink,
  type ScenarioNode,
  type ScenarioPolicy,
  type ScenarioProject,
  type ScenarioRelation,
  type ScenarioReturns,
  type ScenarioStage,
  type ScenarioZone,
} from "./types.js";
