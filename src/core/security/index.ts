export { ksTestExp1 } from "../stats/index.js";
export { type HawkesRangeOptions, type HawkesRanges, hawkesRanges, type Interval } from "./fit-ranges.js";
export { fitHawkes, type HawkesFit, type HawkesFitOptions, MIN_FIT_EVENTS } from "./hawkes-fit.js";
export { checkEventTimes, hawkesLogLikelihood, timeRescale } from "./hawkes-likelihood.js";
export {
  branchingRatio,
  checkHawkesParams,
  expectedCount,
  type HawkesParams,
  type HawkesRates,
  hawkesFromRates,
  stationaryRate,
} from "./hawkes-params.js";
export { createHawkesState, type HawkesState, hawkesStep, simulateHawkes } from "./hawkes-simulate.js";
export {
  type IncidentEvents,
  isoToEpochDays,
  parseIncidentEvents,
  spreadWithinDay,
  timesByZone,
} from "./incident-events.js";
