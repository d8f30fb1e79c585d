import { describe, expect, it } from "vitest";
import { InputError } from "../errors/index.js";
import { resilience } from "./resilience.js";

/** Bruneau's triangle: a drop from 100 to 60 recovering linearly over 10 days (60, 64, …, 96, 100). */
const triangle = [100, 100, ...Array.from({ length: 11 }, (_, i) => 60 + 4 * i), 100, 100];

describe("resilience after shocks (Bruneau et al. 2003)", () => {
  it("gives R_L = 200 %-days and resilience 0.80 over 10 days for a linear recovery from 60", () => {
    const r = resilience(triangle);
    expect(r.shocks).toHaveLength(1);
    const shock = r.shocks[0]!;
    expect(shock.start).toBe(2);
    expect(shock.recoveredAt).toBe(12);
    expect(shock.recoveryDays).toBe(10);
    expect(shock.minimum).toBe(60);
    expect(shock.lossArea).toBe(200);
    expect(shock.resilience).toBeCloseTo(0.8, 15);
    expect(resilience(triangle, { window: 10 }).shocks[0]!.resilience).toBeCloseTo(0.8, 15);
    expect(r.totalLossArea).toBe(200);
    expect(r.meanRecoveryDays).toBe(10);
    expect(r.unrecovered).toBe(0);
  });

  it("charges each day's whole shortfall under the daily-sum rule: 40 + 36 + … + 4 = 220", () => {
    expect(resilience(triangle, { rule: "daily-sum" }).shocks[0]!.lossArea).toBe(220);
  });

  it("normalises over a longer control window when given one", () => {
    expect(resilience(triangle, { window: 40 }).shocks[0]!.resilience).toBeCloseTo(0.95, 15);
  });

  it("ignores dips that never cross the threshold and separates shocks by a recovery", () => {
    const q = [100, 97, 98, 100, 50, 75, 100, 100, 80, 90, 99.5, 70, 85];
    const r = resilience(q);
    expect(r.shocks.map((s) => [s.start, s.recoveredAt])).toEqual([
      [4, 6],
      [8, 10],
      [11, undefined],
    ]);
    // (50 + 25)/2 + (25 + 0)/2 = 50; (20 + 10)/2 + (10 + 0.5)/2 = 20.25; unrecovered (30 + 15)/2 = 22.5.
    expect(r.shocks.map((s) => s.lossArea)).toEqual([50, 20.25, 22.5]);
    expect(r.unrecovered).toBe(1);
    expect(r.meanRecoveryDays).toBe(2);
    expect(r.totalLossArea).toBeCloseTo(92.75, 12);
  });

  it("counts performance above 100 as no loss", () => {
    const r = resilience([100, 60, 120, 100]);
    expect(r.shocks[0]!.lossArea).toBe(20);
  });

  it("finds no shock in a series that stays near full performance", () => {
    expect(resilience([100, 99.5, 100]).shocks).toEqual([]);
    expect(resilience([]).shocks).toEqual([]);
  });

  it("rejects negative performance, a threshold above the recovery level and an unknown rule", () => {
    const pathOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        if (error instanceof InputError) return error.issues[0]?.path;
        throw error;
      }
      return "no error";
    };
    expect(pathOf(() => resilience([100, -5]))).toBe("performance[1]");
    expect(pathOf(() => resilience([100], { threshold: 99.5 }))).toBe("threshold");
    expect(pathOf(() => resilience([100], { tolerance: -1 }))).toBe("tolerance");
    expect(pathOf(() => resilience([100], { window: 0 }))).toBe("window");
    expect(pathOf(() => resilience([100], { rule: "simpson" as "trapezoid" }))).toBe("rule");
  });
});
