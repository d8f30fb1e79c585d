/**
 * Claims with their probabilities: for a per-future claim the share of futures where it holds, for an
 * aggregate claim its P(…) estimate, each with its Wilson interval; the dashed line marks one half.
 */
import * as Plot from "@observablehq/plot";
import type { ClaimResult } from "../analysis/index.js";
import { type ChartElement, type ChartOptions, COLORS, FONT } from "./common.js";

export function claimChart(results: readonly ClaimResult[], options: ChartOptions): ChartElement {
  const rows = results.map((r) => {
    const p = r.kind === "per-future" ? r.share : (r.probabilities[0]?.estimate ?? r.share);
    return {
      claim: r.name,
      p,
      low: r.interval.low,
      high: r.interval.high,
      label: `${(100 * p).toFixed(0)} %${r.kind === "aggregate" ? ` (${r.verdict})` : ""}`,
    };
  });
  return Plot.plot({
    document: options.document as never,
    width: options.width ?? 640,
    height: 60 + 36 * Math.max(1, rows.length),
    marginLeft: Math.min(260, 12 + 7 * Math.max(4, ...rows.map((r) => r.claim.length))),
    style: { fontFamily: FONT, fontSize: "11px" },
    x: {
      label: "share of futures where the claim (or its P(…) condition) holds →",
      domain: [0, 1],
      grid: true,
      tickFormat: "%",
    },
    y: { label: null, domain: rows.map((r) => r.claim) },
    marks: [
      Plot.barX(rows, { x: "p", y: "claim", fill: COLORS.first }),
      Plot.ruleY(
        rows.filter((r) => Number.isFinite(r.low)),
        { x1: "low", x2: "high", y: "claim", stroke: "black", strokeWidth: 1.5 },
      ),
      Plot.ruleX([0.5], { stroke: COLORS.neutral, strokeDasharray: "4,4" }),
      Plot.text(rows, {
        x: "high",
        y: "claim",
        text: "label",
        dx: 6,
        textAnchor: "start",
        fill: "currentColor",
      }),
    ],
  }) as unknown as ChartElement;
}
