/** Public surface of the analyses: sensitivity, screening, scenario discovery, robustness and claims. */
export { binomialUpperTail, wilsonInterval } from "./binomial.js";
export { type CartLeaf, type CartOptions, type CartResult, cart } from "./cart.js";
export { type ClaimIssue, type ClaimNode, ClaimSyntaxError, parseClaim } from "./claim-parser.js";
export {
  type ClaimInputs,
  type ClaimOptions,
  type ClaimResult,
  type ClaimSpec,
  checkClaim,
  checkClaims,
  evaluateClaim,
  evaluateClaims,
  type OutcomeTable,
} from "./claims.js";
export { type MorrisOptions, type MorrisResult, morrisIndices } from "./morris.js";
export {
  type Box,
  type BoxStats,
  boxStats,
  type PrimData,
  type PrimOptions,
  type PrimResult,
  type PrimStep,
  pasteBox,
  prim,
  type Restriction,
  restrictionSignificance,
  significantRestrictions,
} from "./prim.js";
export { quantileOf, sortedQuantile } from "./quantiles.js";
export {
  type Criterion,
  type Direction,
  type PolicyRobustness,
  type RobustnessOptions,
  type RobustnessResult,
  robustness,
} from "./robustness.js";
export { type ScreeningOptions, type ScreeningResult, treeScreening } from "./screening.js";
export { type Interval, type SobolOptions, type SobolResult, sobolIndices } from "./sobol-indices.js";
export { gFunction, gFunctionIndices, ishigami, ishigamiIndices } from "./test-functions.js";
