import { describe, expect, it } from "vitest";
import { announcementHazard, benchmarkMet, ladderCalm, pairWarmth } from "./announcements.js";

describe("announcements follow warmth, operation follows benchmarks", () => {
  it("measures warmth as mutual trust times the calm of the ladder", () => {
    expect(ladderCalm(0)).toBe(1);
    expect(ladderCalm(1)).toBeCloseTo(2 / 3, 12);
    expect(ladderCalm(3)).toBe(0);
    // ½(0.4 + 0.6) · 2/3 at tension
    expect(pairWarmth(0.4, 0.6, 1)).toBeCloseTo(1 / 3, 12);
  });

  it("announces α a year at full warmth, fewer as W^k falls", () => {
    expect(announcementHazard(3.65, 1, 2)).toBeCloseTo(0.01, 12);
    expect(announcementHazard(3.65, 0.5, 2)).toBeCloseTo(0.0025, 12);
    expect(announcementHazard(0, 1, 2)).toBe(0);
  });

  it("operates a finished project only after the benchmark held for N days", () => {
    expect(benchmarkMet(0, 0)).toBe(true);
    expect(benchmarkMet(89, 90)).toBe(false);
    expect(benchmarkMet(90, 90)).toBe(true);
  });
});
