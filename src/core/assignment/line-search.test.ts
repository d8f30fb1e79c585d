import { describe, expect, it } from "vitest";
import { buildNetwork } from "../network/graph.js";
import { exactLineSearch } from "./line-search.js";
import { LinkCostModel } from "./link-cost.js";

function modelOf(links: { t0: number; slope: number; power?: number }[]) {
  const network = buildNetwork({
    nodeCount: 2,
    links: links.map((l) => ({
      from: 0,
      to: 1,
      capacity: 1,
      freeFlowTime: l.t0,
      b: l.slope / l.t0,
      power: l.power ?? 1,
    })),
  });
  const model = new LinkCostModel(network.linkCount);
  model.refresh(network);
  return model;
}

describe("the exact line search on the Beckmann objective", () => {
  const all = Int32Array.of(0, 1);

  it("finds the step that equalises two linear links (closed form)", () => {
    // t₁ = 10 + x₁, t₂ = 15 + x₂/2, from (20, 0) toward (0, 20): x₁ = 20 − 20τ = 10 at τ = 0.5.
    const model = modelOf([
      { t0: 10, slope: 1 },
      { t0: 15, slope: 0.5 },
    ]);
    const tau = exactLineSearch(model, Float64Array.of(20, 0), Float64Array.of(-20, 20), all, 2);
    expect(tau).toBeCloseTo(0.5, 12);
  });

  it("returns 0 for an ascent direction and 1 when the whole segment descends", () => {
    const model = modelOf([
      { t0: 10, slope: 1 },
      { t0: 15, slope: 0.5 },
    ]);
    expect(exactLineSearch(model, Float64Array.of(10, 10), Float64Array.of(10, -10), all, 2)).toBe(0);
    expect(exactLineSearch(model, Float64Array.of(3, 1), Float64Array.of(1, -1), all, 2)).toBe(1);
  });

  it("solves a quartic BPR case to machine precision", () => {
    // t₁ = 1 + x⁴ and t₂ = 2·(1 + x⁴) from (0, 2) toward (2, 0): the step equalises 1 + x₁⁴ = 2 + 2·x₂⁴.
    const model = modelOf([
      { t0: 1, slope: 1, power: 4 },
      { t0: 2, slope: 2, power: 4 },
    ]);
    const tau = exactLineSearch(model, Float64Array.of(0, 2), Float64Array.of(2, -2), all, 2);
    const x1 = 2 * tau;
    const x2 = 2 - 2 * tau;
    expect(tau).toBeGreaterThan(0);
    expect(tau).toBeLessThan(1);
    expect(1 + x1 ** 4).toBeCloseTo(2 + 2 * x2 ** 4, 9);
  });
});
