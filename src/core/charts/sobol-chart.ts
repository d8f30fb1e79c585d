/** Sobol first- and total-order indices per input as bars with their bootstrap intervals. */
import * as Plot from "@observablehq/plot";
import type { SobolResult } from "../analysis/index.js";
import { type ChartElement, type ChartOptions, COLORS, FONT } from "./common.js";

export interface SobolChartOptions extends ChartOptions {
  readonly names: readonly string[];
  /** Show only the inputs with the largest total index (default: all). */
  readonly top?: number;
  readonly outcome?: string;
}

export function sobolChart(result: SobolResult, options: SobolChartOptions): ChartElement {
  const k = options.names.length;
  const order = Array.from({ length: k }, (_, i) => i)
    .sort((a, b) => result.total[b]! - result.total[a]!)
    .slice(0, options.top ?? k);
  const rows = order.flatMap((i) =>
    (["first", "total"] as const).map((index) => ({
      input: options.names[i]!,
      index: index === "first" ? "first order" : "total order",
      value: index === "first" ? result.first[i]! : result.total[i]!,
      low: (index === "first" ? result.firstInterval : result.totalInterval)[i]?.low ?? Number.NaN,
      high: (index === "first" ? result.firstInterval : result.totalInterval)[i]?.high ?? Number.NaN,
    })),
  );
  const inputs = order.map((i) => options.names[i]!);
  return Plot.plot({
    document: options.document as never,
    width: options.width ?? 640,
    height: 40 + 44 * inputs.length,
    marginLeft: Math.min(220, 12 + 7 * Math.max(...inputs.map((s) => s.length))),
    style: { fontFamily: FONT, fontSize: "11px" },
    x: {
      label: `Sobol index${options.outcome ? ` of ${options.outcome}` : ""} (bars: estimate; lines: ${Math.round(result.confidence * 100)} % bootstrap interval)`,
      domain: [
        Math.min(0, ...rows.map((r) => r.low).filter(Number.isFinite)),
        Math.max(1, ...rows.map((r) => r.high).filter(Number.isFinite)),
      ],
      grid: true,
    },
    fy: { domain: inputs, label: null },
    y: { domain: ["first order", "total order"], label: null, axis: null },
    color: { domain: ["first order", "total order"], range: [COLORS.first, COLORS.total] },
    marks: [
      Plot.barX(rows, { x: "value", y: "index", fy: "input", fill: "index" }),
      Plot.ruleY(
        rows.filter((r) => Number.isFinite(r.low)),
        { x1: "low", x2: "high", y: "index", fy: "input", stroke: "black", strokeWidth: 1.5 },
      ),
      Plot.text(rows, {
        x: (r: (typeof rows)[number]) => (Number.isFinite(r.high) ? Math.max(r.value, r.high) : r.value),
        y: "index",
        fy: "input",
        text: (r: (typeof rows)[number]) => `${r.index === "first order" ? "S" : "Sᵀ"} ${r.value.toFixed(2)}`,
        textAnchor: "start",
        dx: 4,
        fill: "currentColor",
      }),
      Plot.ruleX([0]),
    ],
  }) as unknown as ChartElement;
}
