/** Distribution of one outcome across futures for each policy (box plots: quartiles, whiskers, outliers). */
import * as Plot from "@observablehq/plot";
import { type ChartElement, type ChartOptions, FONT } from "./common.js";

export interface OutcomeChartOptions extends ChartOptions {
  readonly outcome: string;
}

export function outcomeDistributionChart(
  values: Readonly<Record<string, ArrayLike<number>>>,
  options: OutcomeChartOptions,
): ChartElement {
  const policies = Object.keys(values);
  const rows = policies.flatMap((policy) =>
    Array.from(values[policy]!)
      .filter(Number.isFinite)
      .map((value) => ({ policy, value })),
  );
  return Plot.plot({
    document: options.document as never,
    width: options.width ?? 640,
    height: 60 + 40 * policies.length,
    marginLeft: Math.min(220, 12 + 7 * Math.max(...policies.map((p) => p.length))),
    style: { fontFamily: FONT, fontSize: "11px" },
    x: { label: `${options.outcome} across futures →`, grid: true },
    y: { label: null, domain: policies },
    marks: [Plot.boxX(rows, { x: "value", y: "policy" })],
  }) as unknown as ChartElement;
}
