/** PRIM's coverage–density trade-off curve and the limits of a chosen box. */
import * as Plot from "@observablehq/plot";
import type { PrimResult } from "../analysis/index.js";
import { type ChartElement, type ChartOptions, COLORS, FONT } from "./common.js";

/** The peeling trajectory: density against coverage, each box labelled by its number of restrictions. */
export function primTradeoffChart(result: PrimResult, options: ChartOptions): ChartElement {
  const rows = result.trajectory.map((s, step) => ({
    step,
    coverage: s.coverage,
    density: s.density,
    restricted: s.restricted.length,
    selected: step === result.selected,
  }));
  const pasted = [{ coverage: result.box.coverage, density: result.box.density }];
  return Plot.plot({
    document: options.document as never,
    width: options.width ?? 640,
    height: 420,
    style: { fontFamily: FONT, fontSize: "11px" },
    x: { label: "coverage (share of cases of interest inside the box) →", domain: [0, 1], grid: true },
    y: { label: "↑ density (share of the box's cases that are of interest)", domain: [0, 1], grid: true },
    marks: [
      Plot.ruleY([result.options.threshold], { stroke: COLORS.neutral, strokeDasharray: "4,4" }),
      Plot.text(
        [`dashed: density threshold ${result.options.threshold}; labels: number of restricted inputs`],
        {
          frameAnchor: "bottom-left",
          dx: 8,
          dy: -8,
          fill: COLORS.neutral,
        },
      ),
      Plot.line(rows, { x: "coverage", y: "density", stroke: COLORS.first }),
      Plot.dot(rows, { x: "coverage", y: "density", fill: COLORS.first, r: 3 }),
      Plot.text(rows, {
        x: "coverage",
        y: "density",
        text: "restricted",
        dy: -8,
        fill: COLORS.neutral,
        fontSize: 9,
      }),
      Plot.dot(
        rows.filter((r) => r.selected),
        { x: "coverage", y: "density", r: 7, stroke: COLORS.selected, strokeWidth: 2 },
      ),
      Plot.dot(pasted, { x: "coverage", y: "density", symbol: "diamond", r: 6, fill: COLORS.selected }),
      Plot.text(pasted, {
        x: "coverage",
        y: "density",
        text: () => "selected, after pasting",
        dx: 10,
        textAnchor: "start",
        fill: COLORS.selected,
      }),
    ],
  }) as unknown as ChartElement;
}

export interface BoxChartOptions extends ChartOptions {
  readonly names: readonly string[];
}

/**
 * The restricted inputs of the (pasted) box: each bar spans the box's limits as a share of the data's
 * range of that input, labelled with the limits and the restriction's quasi-p-value.
 */
export function primBoxChart(result: PrimResult, options: BoxChartOptions): ChartElement {
  const full = result.trajectory[0]!.box;
  const rows = result.restrictions.map((r) => {
    const lo = full.lo[r.input]!;
    const span = full.hi[r.input]! - lo || 1;
    return {
      input: r.name,
      from: (r.lo - lo) / span,
      to: (r.hi - lo) / span,
      label: `${fmt(r.lo)} … ${fmt(r.hi)}  (qp ${r.qp < 0.001 ? r.qp.toExponential(1) : r.qp.toFixed(3)})`,
    };
  });
  return Plot.plot({
    document: options.document as never,
    width: options.width ?? 640,
    height: 60 + 36 * Math.max(1, rows.length),
    marginLeft: Math.min(220, 12 + 7 * Math.max(4, ...rows.map((r) => r.input.length))),
    style: { fontFamily: FONT, fontSize: "11px" },
    x: { label: "share of the input's sampled range kept by the box →", domain: [0, 1], grid: true },
    y: { label: null },
    marks: [
      Plot.barX([...rows.map((r) => ({ input: r.input }))], { x1: 0, x2: 1, y: "input", fill: "#eeeeee" }),
      Plot.barX(rows, { x1: "from", x2: "to", y: "input", fill: COLORS.first }),
      Plot.text(rows, {
        x: 0.5,
        y: "input",
        text: "label",
        fill: "black",
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
    ],
  }) as unknown as ChartElement;
}

function fmt(v: number): string {
  return Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0)
    ? v.toPrecision(3)
    : Number(v.toPrecision(4)).toString();
}
