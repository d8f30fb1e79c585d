import { describe, expect, it } from "vitest";
import {
  investmentBudget,
  lossShare,
  memoryRate,
  partnerAttractiveness,
  partnerShares,
  remember,
} from "./diversification.js";

describe("the dependent neighbour's investment in alternatives", () => {
  it("remembers losses with the stated half-life", () => {
    const m = memoryRate(30);
    let x = 1;
    for (let d = 0; d < 30; d++) x = remember(x, 0, m);
    expect(x).toBeCloseTo(0.5, 12);
    expect(lossShare(25, 75)).toBe(0.25);
    expect(lossShare(0, 0)).toBe(0);
  });

  it("reinvests β times the expected loss, discounted over the lead time", () => {
    // 0.5 · 0.2 · 1e9 · e^(−0.1·365/365) = 1e8 · 0.904837…
    expect(
      investmentBudget({
        strength: 0.5,
        pressure: 0.2,
        valueAtRisk: 1e9,
        discountPerYear: 0.1,
        leadDays: 365,
      }),
    ).toBeCloseTo(1e8 * Math.exp(-0.1), 3);
    expect(
      investmentBudget({ strength: 0, pressure: 1, valueAtRisk: 1e9, discountPerYear: 0, leadDays: 0 }),
    ).toBe(0);
  });

  it("shares the budget by attractiveness, away from closed and sanctioned partners", () => {
    // partner 1: sanctions 0.5, open → 0.5; partner 2: no sanctions, closed 80 % → 0.2;
    // partner 3: incidents 2/day at weight 0.1 → 0.8.
    const a = [
      partnerAttractiveness(0.5, 0, 0, 0.1),
      partnerAttractiveness(0, 0.8, 0, 0.1),
      partnerAttractiveness(0, 0, 2, 0.1),
    ];
    expect(a[0]).toBeCloseTo(0.5, 12);
    expect(a[1]).toBeCloseTo(0.2, 12);
    expect(a[2]).toBeCloseTo(0.8, 12);
    const w = partnerShares(a, 1);
    expect(w[0]).toBeCloseTo(0.5 / 1.5, 12);
    expect(w[2]).toBeCloseTo(0.8 / 1.5, 12);
    // η = 2: 0.25, 0.04, 0.64 over 0.93
    expect(partnerShares(a, 2)[1]).toBeCloseTo(0.04 / 0.93, 12);
    expect(partnerShares([0, 0], 1)).toEqual([0, 0]);
  });
});
