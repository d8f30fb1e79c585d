export {
  type CoercionInput,
  complianceProbability,
  leverage,
  switchingCostFromDependence,
} from "./coercion.js";
export {
  ceasefireHazard,
  ceasefireHoldProbability,
  type EscalationInput,
  type EscalationParams,
  type EscalationReason,
  type EscalationStep,
  expectedCeasefireDays,
  initialLadderState,
  type LadderState,
  RUNG_INDEX,
  RUNGS,
  type Rung,
  stepEscalation,
  validateEscalationParams,
} from "./escalation.js";
export {
  type ActKind,
  applyVerifiedAct,
  expectedActsToReach,
  expectedActUpdate,
  pairBalanceTrust,
  relaxTrust,
  stochasticActUpdate,
  type TrustParams,
  validateTrustParams,
} from "./trust.js";
export { isVerified, verificationProbability } from "./verification.js";
