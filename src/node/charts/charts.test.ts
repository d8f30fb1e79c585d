import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, describe, expect, it } from "vitest";
import { loadBryantLempert } from "../../../test/fixtures/prim/load.js";
import { evaluateClaim, prim, robustness, sobolIndices } from "../../core/analysis/index.js";
import {
  claimChart,
  outcomeDistributionChart,
  primBoxChart,
  primTradeoffChart,
  sobolChart,
} from "../../core/charts/index.js";
import { createStream } from "../../core/random/index.js";
import { chartDocument, pngBytes, svgText, writeChart } from "./index.js";

/** Parses a chart's SVG text back and returns the mark groups Plot labels with aria-label. */
function marks(svg: string) {
  const { document } = parseHTML(`<html><body>${svg.replace(/^<\?xml[^>]*>/, "")}</body></html>`);
  const group = (label: string) => document.querySelector(`g[aria-label="${label}"]`);
  return {
    document,
    group,
    count: (label: string, tag: string) => group(label)?.querySelectorAll(tag).length ?? 0,
  };
}

const dir = mkdtempSync(join(tmpdir(), "corridor-charts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("charts", () => {
  it("draw Sobol indices as one bar per input and order with an interval rule each", () => {
    const random = createStream(1, 0, "test");
    const k = 3;
    const y = Float64Array.from({ length: 64 * (k + 2) }, () => random.next());
    const result = sobolIndices(y, k, { resamples: 20 });
    const svg = svgText(sobolChart(result, { document: chartDocument(), names: ["alpha", "beta", "gamma"] }));
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    const m = marks(svg);
    expect(m.count("bar", "rect")).toBe(6);
    expect(m.count("rule", "line")).toBeGreaterThanOrEqual(6);
    expect(svg).toContain("alpha");
  });

  it("draw PRIM's trade-off curve with one dot per step and the box's restricted inputs", () => {
    const data = loadBryantLempert();
    const result = prim(data, { alpha: 0.1 });
    const curve = marks(svgText(primTradeoffChart(result, { document: chartDocument() })));
    expect(curve.count("line", "path")).toBe(1);
    const dots = curve.document.querySelectorAll('g[aria-label="dot"]');
    expect(dots[0]!.querySelectorAll("circle").length).toBe(result.trajectory.length);
    const box = marks(svgText(primBoxChart(result, { document: chartDocument(), names: data.names })));
    expect(box.document.querySelectorAll('g[aria-label="bar"]')[1]!.querySelectorAll("rect").length).toBe(
      result.restrictions.length,
    );
    expect(box.group("text")!.textContent).toContain("qp");
    expect(box.group("y-axis tick label")!.textContent).toContain("Demand elasticity");
  });

  it("draw one box plot per policy and one bar per claim, and write SVG and PNG files", () => {
    const values = { open: [1, 2, 3, 4, 10], phased: [2, 2, 3, 3, 4] };
    robustness(Object.keys(values), Object.values(values), { direction: "maximize" });
    const chart = outcomeDistributionChart(values, { document: chartDocument(), outcome: "trade" });
    const m = marks(svgText(chart));
    expect(m.count("bar", "rect")).toBe(2); // the interquartile boxes
    const claims = [
      evaluateClaim(
        { name: "phased is steadier", text: "trade[phased] >= 2" },
        {
          futures: 5,
          outcomes: ["trade"],
          policies: ["open", "phased"],
          values: (_o, p) => values[p as "open"],
        },
      ),
    ];
    const c = marks(svgText(claimChart(claims, { document: chartDocument() })));
    expect(c.count("bar", "rect")).toBe(1);
    expect(c.group("text")!.textContent).toContain("100 %");
    const files = writeChart(chart, join(dir, "trade"));
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(["trade.svg", "trade.png"]);
    expect(readFileSync(files[1]!).subarray(1, 4).toString()).toBe("PNG");
    expect(pngBytes(chart, 1).length).toBeGreaterThan(1000);
  });
});
