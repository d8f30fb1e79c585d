export { type KsResult, kolmogorovSurvival, ksTest, ksTestExp1 } from "./kolmogorov-smirnov.js";
export { type NelderMeadOptions, type NelderMeadResult, nelderMead } from "./nelder-mead.js";
export { mean, studentTQuantile, variance } from "./summary.js";
