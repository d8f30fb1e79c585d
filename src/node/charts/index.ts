export { chartDocument, pngBytes, svgText, writeChart } from "./write-chart.js";
