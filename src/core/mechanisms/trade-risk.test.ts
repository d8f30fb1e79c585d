import { describe, expect, it } from "vitest";
import { delayCost, nextBacklog, queueDelayDays } from "./congestion-queue.js";
import { disruptionSignal } from "./trade-risk.js";

describe("attacks in traders' disruption memory", () => {
  it("counts a closure as 1 and each attack as its weight, capped at 1", () => {
    expect(disruptionSignal(true, 0, 0.1)).toBe(1);
    expect(disruptionSignal(false, 3, 0.1)).toBeCloseTo(0.3, 12);
    expect(disruptionSignal(false, 30, 0.1)).toBe(1);
    expect(disruptionSignal(true, 3, 0.1)).toBe(1);
  });

  it("ignores attacks at weight 0", () => {
    expect(disruptionSignal(false, 5, 0)).toBe(0);
  });
});

describe("a point queue at a crossing above capacity", () => {
  it("grows by the excess and drains by the spare capacity", () => {
    // 300 arriving at a capacity of 150: 150, then 300 waiting; 100 arriving then drains 50.
    expect(nextBacklog(0, 300, 150)).toBe(150);
    expect(nextBacklog(150, 300, 150)).toBe(300);
    expect(nextBacklog(300, 100, 150)).toBe(250);
    expect(nextBacklog(20, 100, 150)).toBe(0);
  });

  it("prices the wait as days × (24·VOT + h·value)", () => {
    // 300 waiting at 150/day: 2 days; 2 × (24·10 + 0.01·20,000) = 2 × 440 = 880 USD.
    expect(queueDelayDays(300, 150)).toBe(2);
    expect(delayCost(2, 10, 20_000, 0.01, 1)).toBeCloseTo(880, 9);
    expect(delayCost(2, 10, 20_000, 0.01, 0.5)).toBeCloseTo(440, 9);
    expect(delayCost(2, 10, 20_000, 0.01, 0)).toBe(0);
    expect(queueDelayDays(0, 150)).toBe(0);
  });
});
