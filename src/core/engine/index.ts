export { Calendar, epochDay, isoFromEpochDay } from "./calendar.js";
export {
  type Band,
  band,
  type ComparisonFocus,
  comparePolicies,
  MEASURES,
  type Measure,
  measuresFor,
  type PolicyComparison,
} from "./comparison.js";
export {
  EventLog,
  type EventValue,
  explainEvent,
  formatValues,
  type NewEvent,
  type SimEvent,
} from "./events.js";
export {
  compileModel,
  DEFAULT_DAYS,
  DEFAULT_RESERVATION_SHARE,
  DEFAULT_START,
  type Model,
  pickPolicies,
} from "./model.js";
export { simulate } from "./simulate.js";
export type * from "./types.js";
