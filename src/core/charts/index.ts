/** Charts of the analyses as Observable Plot specifications, rendered into a given document. */
export { claimChart } from "./claim-chart.js";
export { type ChartDocument, type ChartElement, type ChartOptions, COLORS, FONT } from "./common.js";
export { type OutcomeChartOptions, outcomeDistributionChart } from "./outcome-chart.js";
export { type BoxChartOptions, primBoxChart, primTradeoffChart } from "./prim-charts.js";
export { type SobolChartOptions, sobolChart } from "./sobol-chart.js";
