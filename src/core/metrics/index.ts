export { effectiveNumber, herfindahl, toShares } from "./concentration.js";
export { dependenceShare } from "./dependence.js";
export { type EscalationCycles, type EscalationEpisode, escalationCycles } from "./escalation-cycles.js";
export { type ResilienceOptions, type ResilienceSummary, resilience, type Shock } from "./resilience.js";
