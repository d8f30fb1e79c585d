import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstIssue } from "../../../test/support/input-issue.js";
import { complianceProbability, leverage, switchingCostFromDependence } from "./coercion.js";

describe("coercion and the outside option", () => {
  it("never gets compliance when the alternative costs nothing extra", () => {
    expect(complianceProbability({ costImposed: 1e9, switchingCost: 0, complianceCost: 1 })).toBe(0);
    expect(
      complianceProbability({ costImposed: 0, switchingCost: 100, complianceCost: 1, steepness: 4 }),
    ).toBe(0);
    expect(
      complianceProbability({
        costImposed: 500,
        switchingCost: switchingCostFromDependence(0, 1e6, 0.2),
        complianceCost: 10,
      }),
    ).toBe(0);
  });

  it("caps leverage at the switching cost (Binmore, Shaked & Sutton 1989)", () => {
    expect(leverage(100, 40)).toBe(40);
    expect(leverage(30, 40)).toBe(30);
    expect(leverage(30, Number.POSITIVE_INFINITY)).toBe(30);
    // Raising the imposed cost past the switching cost buys nothing more.
    const capped = (c: number) =>
      complianceProbability({ costImposed: c, switchingCost: 40, complianceCost: 40 });
    expect(capped(40)).toBe(0.5);
    expect(capped(1000)).toBe(0.5);
  });

  it("gives p = L^γ / (L^γ + K^γ): ½ when leverage equals the cost of complying", () => {
    expect(complianceProbability({ costImposed: 30, switchingCost: 1e9, complianceCost: 10 })).toBeCloseTo(
      0.75,
      15,
    );
    expect(
      complianceProbability({ costImposed: 30, switchingCost: 1e9, complianceCost: 10, steepness: 2 }),
    ).toBeCloseTo(0.9, 15);
    expect(
      complianceProbability({ costImposed: 10, switchingCost: 10, complianceCost: 10, steepness: 7 }),
    ).toBe(0.5);
  });

  it("rises with dependence and stays in [0, 1]", () => {
    const positive = fc.double({ min: 1e-6, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        positive,
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        positive,
        fc.double({ min: 0.1, max: 8, noNaN: true }),
        (d1, d2, value, premium, costImposed, complianceCost, steepness) => {
          const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
          const p = (d: number) =>
            complianceProbability({
              costImposed,
              switchingCost: switchingCostFromDependence(d, value, premium),
              complianceCost,
              steepness,
            });
          expect(p(lo)).toBeLessThanOrEqual(p(hi));
          for (const q of [p(lo), p(hi)]) {
            expect(q).toBeGreaterThanOrEqual(0);
            expect(q).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 500, seed: 1989 },
    );
  });

  it("rises strictly with dependence while the switching cost is below the cost imposed", () => {
    const ps = [0.1, 0.3, 0.5, 0.7, 0.9].map((d) =>
      complianceProbability({
        costImposed: 1e6,
        switchingCost: switchingCostFromDependence(d, 1e6, 0.1),
        complianceCost: 5e4,
      }),
    );
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThan(ps[i - 1]!);
  });

  it("rejects negative costs, a zero cost of complying and dependence outside [0, 1]", () => {
    const pathOf = (fn: () => unknown) => firstIssue(fn)?.path;
    expect(
      pathOf(() => complianceProbability({ costImposed: -1, switchingCost: 1, complianceCost: 1 })),
    ).toBe("costImposed");
    expect(
      pathOf(() => complianceProbability({ costImposed: 1, switchingCost: Number.NaN, complianceCost: 1 })),
    ).toBe("switchingCost");
    expect(pathOf(() => complianceProbability({ costImposed: 1, switchingCost: 1, complianceCost: 0 }))).toBe(
      "complianceCost",
    );
    expect(
      pathOf(() =>
        complianceProbability({ costImposed: 1, switchingCost: 1, complianceCost: 1, steepness: 0 }),
      ),
    ).toBe("steepness");
    expect(pathOf(() => switchingCostFromDependence(1.2, 1, 1))).toBe("dependence");
  });
});
