import { describe, expect, it } from "vitest";
import type { ClaimResult } from "../../src/core/analysis/index.js";
import {
  brushed,
  claimResults,
  claimResultsIn,
  distributionPoints,
  type Exploration,
  selection,
} from "../../web/src/exploration-model.js";

describe("brushing the exploration scatter", () => {
  const data = {
    future: [0, 0, 1, 1, 2, 2],
    lever: ["a", "b", "a", "b", "a", "b"],
  };
  const x = [1, 2, 3, 4, 5, 6];
  const y = [10, 20, 30, 40, 50, 60];

  it("selects the cases inside the rectangle, whichever corner the drag started from", () => {
    expect(brushed(x, y, { x0: 2, x1: 4, y0: 20, y1: 40 })).toEqual([1, 2, 3]);
    expect(brushed(x, y, { x0: 4, x1: 2, y0: 40, y1: 20 })).toEqual([1, 2, 3]);
  });

  it("lists the selected cases by future and lever, with the distinct futures", () => {
    const s = selection(data, [3, 1, 2], x, y);
    expect(s.rows).toEqual([
      { future: 0, lever: "b", x: 2, y: 20 },
      { future: 1, lever: "a", x: 3, y: 30 },
      { future: 1, lever: "b", x: 4, y: 40 },
    ]);
    expect(s.futures).toEqual([0, 1]);
  });

  it("gives an empty selection for an empty brush", () => {
    expect(selection(data, [], x, y)).toEqual({ rows: [], futures: [] });
  });
});

describe("a selection linked to the other charts", () => {
  // Four futures, two levers; outcome d is lower under "a" in futures 0, 1 and 2, higher in 3.
  const data: Exploration = {
    path: "s.duckdb",
    name: "s",
    source: "s.yaml",
    model: "m",
    sampler: { method: "lhs" },
    futures: 4,
    replications: 1,
    claims: [{ name: "a-lower", text: "d[a] < d[b]" }],
    inputs: ["u"],
    levers: ["a", "b"],
    outcomes: [{ name: "d", kind: "minimize" }],
    rows: 8,
    truncated: false,
    future: [0, 0, 1, 1, 2, 2, 3, 3],
    lever: ["a", "b", "a", "b", "a", "b", "a", "b"],
    replication: [0, 0, 0, 0, 0, 0, 0, 0],
    columns: { u: [0.1, 0.1, 0.4, 0.4, 0.6, 0.6, 0.9, 0.9], d: [1, 2, 1, 2, 1, 2, 3, null] },
  };

  it("evaluates the claims over the selected futures only", () => {
    const all = claimResults(data) as ClaimResult[];
    // Future 3 has no value of d under b: left out, so the claim holds in 3 of 3.
    expect(all[0]!.share).toBe(1);
    const some = claimResultsIn(data, [0, 3]) as ClaimResult[];
    expect(some[0]!.futures).toBe(1);
    expect(some[0]!.excluded).toBe(1);
    const two = claimResultsIn(data, [1, 2]) as ClaimResult[];
    expect(two[0]!.futures).toBe(2);
    expect(two[0]!.share).toBe(1);
    expect(claimResultsIn(data, [])).toEqual([]);
  });

  it("marks the cases of the selected futures in the outcome distribution, skipping missing values", () => {
    const points = distributionPoints(data, "d", new Set([1, 3]));
    expect(points).toHaveLength(7);
    expect(points.filter((p) => p.selected).map((p) => [p.future, p.lever])).toEqual([
      [1, "a"],
      [1, "b"],
      [3, "a"],
    ]);
  });
});
