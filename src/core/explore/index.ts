/** Public surface of exploration's numerical core: distributions, unit-cube samplers and designs. */

export {
  buildDesign,
  caseInputs,
  caseTargets,
  checkDesign,
  type Design,
  type DesignLayout,
  type DesignSpec,
  designColumn,
  designRows,
  MAX_DESIGN_ROWS,
  type OrderConstraint,
  type ParameterSpec,
  SAMPLER_KINDS,
  type SamplerKind,
  type SamplerSpec,
} from "./design.js";
export {
  type CategoryValue,
  checkDistribution,
  DISTRIBUTION_KINDS,
  type Distribution,
  type DistributionKind,
  decode,
  isBounded,
  levelCount,
  quantile,
} from "./distributions.js";
export { normalQuantile } from "./normal-quantile.js";
export {
  fullFactorialUnit,
  latinHypercubeUnit,
  type MorrisUnit,
  monteCarloUnit,
  morrisUnit,
  saltelliUnit,
  sobolUnit,
} from "./samplers.js";
export { directionNumbers, SOBOL_MAX_DIMENSIONS, SOBOL_MAX_POINTS, sobolPoints } from "./sobol-sequence.js";
