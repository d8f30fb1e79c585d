import { describe, expect, it } from "vitest";
import { checkDistribution, decode, quantile } from "./distributions.js";
import { normalQuantile } from "./normal-quantile.js";

describe("normal quantile (AS 241)", () => {
  it("matches published percentage points to 1e-15 relative", () => {
    // Reference values: scipy.stats.norm.ppf (SciPy 1.17, Cephes ndtri), and Φ(1) for the third.
    const cases: [number, number][] = [
      [0.5, 0],
      [0.975, 1.959963984540054],
      [0.84134474606854293, 1.0],
      [0.001, -3.090232306167813],
      [1e-10, -6.361340902404056],
      [1e-300, -37.0470962993612],
    ];
    for (const [p, z] of cases)
      expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(z)));
  });

  it("is antisymmetric and infinite at the ends", () => {
    expect(normalQuantile(0.1)).toBe(-normalQuantile(0.9));
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("distribution quantiles", () => {
  it("map the unit interval onto each support", () => {
    expect(quantile({ kind: "uniform", lo: 2, hi: 6 }, 0.25)).toBe(3);
    // Triangular (0, 1, 4): F(1) = 1/4, and the median solves (4 − x)² = 4·3·½.
    expect(quantile({ kind: "triangular", lo: 0, mode: 1, hi: 4 }, 0.25)).toBeCloseTo(1, 14);
    expect(quantile({ kind: "triangular", lo: 0, mode: 1, hi: 4 }, 0.5)).toBeCloseTo(4 - Math.sqrt(6), 14);
    expect(quantile({ kind: "normal", mean: 10, sd: 2 }, 0.975)).toBeCloseTo(10 + 2 * 1.959963984540054, 12);
    expect(quantile({ kind: "lognormal", mu: 0, sigma: 1 }, 0.5)).toBe(1);
    expect(Number.isFinite(quantile({ kind: "normal", mean: 0, sd: 1 }, 0))).toBe(true);
  });

  it("give every integer of lo … hi the same share of the unit interval", () => {
    const counts = new Map<number, number>();
    for (let i = 0; i < 600; i++) {
      const v = quantile({ kind: "integer", lo: -2, hi: 3 }, (i + 0.5) / 600);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.entries()].sort((a, b) => a[0] - b[0])).toEqual(
      [-2, -1, 0, 1, 2, 3].map((v) => [v, 100]),
    );
  });

  it("give categories shares proportional to their weights and booleans their probability", () => {
    const dist = { kind: "categorical", values: ["a", "b", "c"], weights: [1, 0, 3] } as const;
    const seen = [0, 0, 0];
    for (let i = 0; i < 400; i++) seen[quantile(dist, (i + 0.5) / 400)]!++;
    expect(seen).toEqual([100, 0, 300]);
    expect(decode(dist, 2)).toBe("c");
    const b = { kind: "boolean", p: 0.3 } as const;
    let yes = 0;
    for (let i = 0; i < 1000; i++) yes += quantile(b, (i + 0.5) / 1000);
    expect(yes).toBe(300);
    expect(decode(b, 1)).toBe(true);
  });
});

describe("distribution checks", () => {
  it("report each bad parameter with its path, what was expected and what was found", () => {
    expect(checkDistribution({ kind: "uniform", lo: 5, hi: 1 }, "u")).toEqual([
      { code: "range-reversed", path: "u", expected: "lo ≤ hi", found: "lo = 5, hi = 1" },
    ]);
    expect(checkDistribution({ kind: "normal", mean: 0, sd: -1 }, "n")[0]).toMatchObject({
      code: "out-of-range",
      path: "n.sd",
    });
    expect(checkDistribution({ kind: "triangular", lo: 0, mode: 5, hi: 4 }, "t")[0]).toMatchObject({
      path: "t.mode",
    });
    expect(checkDistribution({ kind: "lognormal", mu: 0, sigma: 0 }, "l")[0]).toMatchObject({
      path: "l.sigma",
    });
    expect(checkDistribution({ kind: "integer", lo: 0.5, hi: 3 }, "i")[0]).toMatchObject({ path: "i.lo" });
    expect(checkDistribution({ kind: "categorical", values: [] }, "c")[0]).toMatchObject({
      path: "c.values",
    });
    expect(checkDistribution({ kind: "categorical", values: ["a"], weights: [-1] }, "c")[0]).toMatchObject({
      path: "c.weights",
    });
    expect(checkDistribution({ kind: "boolean", p: 1.5 }, "b")[0]).toMatchObject({ path: "b.p" });
    expect(checkDistribution({ kind: "beta" } as never, "x")[0]).toMatchObject({
      code: "unknown-distribution",
    });
    expect(checkDistribution({ kind: "uniform", lo: 1, hi: 1 }, "u")).toEqual([]);
  });
});
