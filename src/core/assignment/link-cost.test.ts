import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildNetwork } from "../network/graph.js";
import { bprDerivative, bprIntegral, bprTime, LinkCostModel, MIN_RATIO } from "./link-cost.js";

/** Simpson's rule, for checking integrals against an independent computation. */
function simpson(f: (x: number) => number, a: number, b: number, n = 2000): number {
  const h = (b - a) / n;
  let sum = f(a) + f(b);
  for (let i = 1; i < n; i++) sum += f(a + i * h) * (i % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
}

describe("the BPR link cost", () => {
  it("gives t₀·(1 + b·(x/c)^p) on hand-checked values", () => {
    // 6·(1 + 0.15·(2)^4) = 6·3.4 = 20.4
    expect(bprTime(50, 6, 0.15, 25, 4)).toBeCloseTo(20.4, 12);
    // derivative 6·0.15·4·50³/25⁴ = 3.6·125000/390625 = 1.152
    expect(bprDerivative(50, 6, 0.15, 25, 4)).toBeCloseTo(1.152, 12);
    // integral 6·(50 + 0.15·25·2⁵/5) = 6·(50 + 24) = 444
    expect(bprIntegral(50, 6, 0.15, 25, 4)).toBeCloseTo(444, 10);
  });

  it("keeps b = 0 and power = 0 constant (0⁰ = 1) whatever the capacity", () => {
    expect(bprTime(10, 5, 0, 0, 4)).toBe(5);
    expect(bprTime(0, 5, 0.5, 0, 0)).toBe(7.5);
    expect(bprTime(10, 5, 0.5, 0, 0)).toBe(7.5);
    expect(bprDerivative(10, 5, 0.5, 0, 0)).toBe(0);
    expect(bprIntegral(4, 5, 0.5, 0, 0)).toBe(30);
    expect(bprTime(1e9, 5, 0.15, Number.POSITIVE_INFINITY, 4)).toBe(5);
    expect(bprIntegral(10, 5, 0.15, Number.POSITIVE_INFINITY, 4)).toBe(50);
  });

  it("has a finite derivative at zero flow for powers below 1", () => {
    const d0 = bprDerivative(0, 2, 0.5, 100, 0.5);
    expect(Number.isFinite(d0)).toBe(true);
    expect(d0).toBeCloseTo((2 * 0.5 * 0.5 * MIN_RATIO ** -0.5) / 100, 9);
    expect(bprDerivative(-1e-12, 2, 0.5, 100, 0.5)).toBe(d0);
    expect(bprTime(-1e-12, 2, 0.5, 100, 0.5)).toBe(2);
  });

  it("matches its derivative and integral on random parameters, never NaN", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 6, noNaN: true }),
        (ratio, t0, b, c, p) => {
          const x = ratio * c;
          for (const v of [
            bprTime(x, t0, b, c, p),
            bprDerivative(x, t0, b, c, p),
            bprIntegral(x, t0, b, c, p),
          ]) {
            expect(Number.isFinite(v)).toBe(true);
          }
          const integral = bprIntegral(x, t0, b, c, p);
          const numeric = simpson((s) => bprTime(s, t0, b, c, p), 0, x);
          // Simpson converges slowly where x^p has an unbounded derivative at 0 (p < 1).
          const quadratureTolerance = p < 1 ? 1e-3 : 1e-6;
          expect(Math.abs(integral - numeric)).toBeLessThanOrEqual(
            quadratureTolerance * Math.max(1, integral),
          );
          if (x > 1e-3 * c && p >= 1) {
            const h = 1e-5 * x;
            const fd = (bprTime(x + h, t0, b, c, p) - bprTime(x - h, t0, b, c, p)) / (2 * h);
            // Central differences: truncation ~h², rounding ~ε·t/h.
            const rounding = (1e-15 * bprTime(x, t0, b, c, p)) / h;
            expect(Math.abs(bprDerivative(x, t0, b, c, p) - fd)).toBeLessThanOrEqual(
              1e-6 * Math.abs(fd) + rounding + 1e-12,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("the per-link cost model", () => {
  const network = buildNetwork({
    nodeCount: 2,
    links: [
      { from: 0, to: 1, capacity: 25, freeFlowTime: 6, b: 0.15, power: 4, toll: 2, length: 10 },
      { from: 0, to: 1, capacity: 40, freeFlowTime: 3, b: 0.5, power: 2.5 },
      { from: 0, to: 1, capacity: 0, freeFlowTime: 30, b: 0, power: 0 },
      { from: 0, to: 1, capacity: 7, freeFlowTime: 1, b: 1, power: 0.5 },
    ],
  });

  it("adds the weighted toll and length to the BPR time, and integrates them into the Beckmann objective", () => {
    const model = new LinkCostModel(network.linkCount);
    model.refresh(network, { tollFactor: 3, distanceFactor: 0.5 });
    // link 0 at x = 50: 20.4 + 3·2 + 0.5·10 = 31.4
    expect(model.cost(0, 50)).toBeCloseTo(31.4, 12);
    expect(model.integral(0, 50)).toBeCloseTo(444 + 11 * 50, 9);
    expect(model.derivative(0, 50)).toBeCloseTo(1.152, 12);
    const flows = Float64Array.from([50, 0, 3, 0]);
    expect(model.beckmann(flows)).toBeCloseTo(444 + 550 + 90, 9);
    expect(model.totalTravelTime(flows)).toBeCloseTo(50 * 20.4 + 3 * 30, 9);
  });

  it("agrees with the scalar functions on every link kind", () => {
    const model = new LinkCostModel(network.linkCount);
    model.refresh(network);
    for (let a = 0; a < network.linkCount; a++) {
      const args = [
        network.freeFlowTime[a]!,
        network.b[a]!,
        network.capacity[a]!,
        network.power[a]!,
      ] as const;
      for (const x of [0, 1e-9, 3, 17.5, 80]) {
        expect(model.cost(a, x)).toBeCloseTo(bprTime(x, ...args), 10);
        expect(model.derivative(a, x)).toBeCloseTo(bprDerivative(x, ...args), 10);
        expect(model.integral(a, x)).toBeCloseTo(bprIntegral(x, ...args), 9);
      }
    }
  });

  it("reads capacity changes written into the network on refresh", () => {
    const model = new LinkCostModel(network.linkCount);
    model.refresh(network);
    const before = model.cost(0, 50);
    network.capacity[0] = 50;
    model.refresh(network);
    expect(model.cost(0, 50)).toBeCloseTo(6 * 1.15, 12);
    network.capacity[0] = 25;
    model.refresh(network);
    expect(model.cost(0, 50)).toBe(before);
  });

  it("lists the links a refresh recomputes, and still rejects a bad value written after a good refresh", () => {
    const model = new LinkCostModel(network.linkCount);
    model.refresh(network);
    expect(model.changedCount).toBe(network.linkCount);
    model.refresh(network);
    expect(model.changedCount).toBe(0);
    network.toll[1] = 4;
    model.refresh(network);
    expect(Array.from(model.changed.subarray(0, model.changedCount))).toEqual([1]);
    model.refresh(network, { tollFactor: 1 });
    expect(model.changedCount).toBe(network.linkCount);
    const before = model.cost(0, 50);
    network.capacity[0] = 0;
    expect(() => model.refresh(network, { tollFactor: 1 })).toThrow(/capacity/);
    expect(model.cost(0, 50)).toBe(before);
    expect(() => model.refresh(network, { tollFactor: 1 })).toThrow(/capacity/);
    network.capacity[0] = 25;
    network.toll[1] = 0;
    model.refresh(network, { tollFactor: 1 });
    expect(Array.from(model.changed.subarray(0, model.changedCount))).toEqual([1]);
  });

  it("sums travel time and the Beckmann objective in one pass exactly as apart", () => {
    const model = new LinkCostModel(network.linkCount);
    model.refresh(network, { tollFactor: 3, distanceFactor: 0.5 });
    const flows = Float64Array.from([50, 7.25, 3, 0.4]);
    const costs = new Float64Array(network.linkCount);
    model.evaluate(flows, costs);
    expect(model.travelTimeAndBeckmann(flows, costs)).toEqual([
      model.totalTravelTime(flows),
      model.beckmann(flows),
    ]);
  });
});
