export { Calendar, epochDay, isoFromEpochDay } from "./calendar.js";
export {
  type Band,
  band,
  CONFIDENCE,
  type ComparisonFocus,
  type ComparisonRun,
  chooseFocus,
  comparePolicies,
  differenceOf,
  ENSEMBLE_QUANTILES,
  ensembleQuantiles,
  type Leader,
  leader,
  MEASURES,
  type Measure,
  type MeasureDifferences,
  mainSeries,
  measuresFor,
  type PairedDifference,
  type PolicyComparison,
  pairedDifference,
  pairedDifferences,
  sortedQuantile,
} from "./comparison.js";
export {
  EventLog,
  type EventValue,
  explainEvent,
  formatValues,
  type NewEvent,
  parentChain,
  type SimEvent,
} from "./events.js";
export {
  compileModel,
  DEFAULT_DAYS,
  DEFAULT_RESERVATION_SHARE,
  DEFAULT_START,
  daysPastEnd,
  type Model,
  pickPolicies,
  reservationCost,
  runDays,
} from "./model.js";
export { FINAL_WINDOW_DAYS } from "./outcomes.js";
export { simulate } from "./simulate.js";
export type * from "./types.js";
