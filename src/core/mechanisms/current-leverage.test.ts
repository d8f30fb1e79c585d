import { describe, expect, it } from "vitest";
import { effectiveLeverage, episodeDependence } from "./current-leverage.js";

describe("coercion by current leverage", () => {
  it("uses the day-0 dependence at weight 0 and today's at weight 1", () => {
    expect(episodeDependence(0.6, 0.1, 0)).toBe(0.6);
    expect(episodeDependence(0.6, 0.1, 1)).toBeCloseTo(0.1, 12);
    // 0.6 + 0.5·(0.1 − 0.6) = 0.35
    expect(episodeDependence(0.6, 0.1, 0.5)).toBeCloseTo(0.35, 12);
  });

  it("caps trade losses and returns together at separation 0, as min(C, S)", () => {
    // C_t = 3, C_u = 4, S = 5: min(7, 5) = 5
    expect(effectiveLeverage({ tradeCost: 3, unavoidableCost: 4, switchingCost: 5, separation: 0 })).toBe(5);
  });

  it("lets the cost of returns escape the outside-option cap at separation 1", () => {
    // min(3, 5) + 4 = 7; with S = 1: min(3, 1) + 4 = 5
    expect(effectiveLeverage({ tradeCost: 3, unavoidableCost: 4, switchingCost: 5, separation: 1 })).toBe(7);
    expect(effectiveLeverage({ tradeCost: 3, unavoidableCost: 4, switchingCost: 1, separation: 1 })).toBe(5);
    // u = 0.5: min(3 + 2, 1) + 2 = 3
    expect(effectiveLeverage({ tradeCost: 3, unavoidableCost: 4, switchingCost: 1, separation: 0.5 })).toBe(
      3,
    );
  });
});
