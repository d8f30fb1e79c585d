export { CROSSING_STATUSES } from "./crossing.js";
export { COST_PER_KM_USD_DEFAULT, VALUE_OF_TIME_USD_PER_HOUR_DEFAULT } from "./generalized-cost.js";
export { scenarioJsonSchema } from "./json-schema.js";
export { BPR_B_DEFAULT, BPR_POWER_DEFAULT, LINK_MODES } from "./link.js";
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
export { type LinkOrigin, openShare, type ScenarioNetwork, scenarioNetwork } from "./to-network.js";
export type {
  CrossingStatus,
  GeneralizedCost,
  LinkMode,
  NodeKind,
  Scenario,
  ScenarioCrossing,
  ScenarioDemand,
  ScenarioLink,
  ScenarioNode,
} from "./types.js";
