/** Screening charts: Morris μ* against σ, and extra-trees importance shares. */
import * as Plot from "@observablehq/plot";
import type { MorrisResult, ScreeningResult } from "../analysis/index.js";
import { type ChartElement, type ChartOptions, COLORS, FONT } from "./common.js";

export interface MorrisChartOptions extends ChartOptions {
  readonly names: readonly string[];
}

/**
 * Morris's (μ*, σ) plane: inputs far right matter, inputs high up act through interactions or
 * non-linearity; the dashed line σ = μ* separates mostly linear from mostly non-linear effects.
 */
export function morrisChart(result: MorrisResult, options: MorrisChartOptions): ChartElement {
  const rows = options.names.map((name, i) => ({ name, muStar: result.muStar[i]!, sigma: result.sigma[i]! }));
  const top = Math.max(...rows.map((r) => Math.max(r.muStar, Number.isFinite(r.sigma) ? r.sigma : 0)), 1e-12);
  return Plot.plot({
    document: options.document as never,
    width: options.width ?? 560,
    height: 420,
    style: { fontFamily: FONT, fontSize: "11px" },
    x: { label: "μ* (mean absolute elementary effect) →", domain: [0, top * 1.1], grid: true },
    y: { label: "↑ σ (spread of the elementary effects)", domain: [0, top * 1.1], grid: true },
    marks: [
      Plot.line(
        [
          { x: 0, y: 0 },
          { x: top * 1.1, y: top * 1.1 },
        ],
        { x: "x", y: "y", stroke: COLORS.neutral, strokeDasharray: "4,4" },
      ),
      Plot.dot(rows, { x: "muStar", y: "sigma", fill: COLORS.first, r: 4 }),
      Plot.text(rows, {
        x: "muStar",
        y: "sigma",
        text: "name",
        dx: 6,
        textAnchor: "start",
        fill: "currentColor",
      }),
    ],
  }) as unknown as ChartElement;
}

export interface ScreeningChartOptions extends ChartOptions {
  /** Show the most important inputs only (default 20). */
  readonly top?: number;
}

/** Extra-trees importance shares of the most important inputs, largest first. */
export function screeningChart(result: ScreeningResult, options: ScreeningChartOptions): ChartElement {
  const rows = result.ranking
    .slice(0, options.top ?? 20)
    .map((j) => ({ input: result.names[j]!, share: result.importance[j]! }));
  return Plot.plot({
    document: options.document as never,
    width: options.width ?? 640,
    height: 60 + 22 * rows.length,
    marginLeft: Math.min(260, 12 + 7 * Math.max(4, ...rows.map((r) => r.input.length))),
    style: { fontFamily: FONT, fontSize: "11px" },
    x: { label: "share of the ensemble's total impurity decrease →", grid: true, tickFormat: "%" },
    y: { label: null, domain: rows.map((r) => r.input) },
    marks: [Plot.barX(rows, { x: "share", y: "input", fill: COLORS.first }), Plot.ruleX([0])],
  }) as unknown as ChartElement;
}
