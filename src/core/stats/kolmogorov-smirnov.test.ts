import { describe, expect, it } from "vitest";
import { InputError } from "../errors/index.js";
import { createStream } from "../random/index.js";
import { kolmogorovSurvival, ksTest, ksTestExp1 } from "./kolmogorov-smirnov.js";
import { mean, variance } from "./summary.js";

describe("Kolmogorov distribution", () => {
  it("gives the tabulated critical values: P(K > 1.3581) = 0.05, P(K > 1.6276) = 0.01, P(K > 1.2239) = 0.10", () => {
    expect(kolmogorovSurvival(1.3581)).toBeCloseTo(0.05, 4);
    expect(kolmogorovSurvival(1.6276)).toBeCloseTo(0.01, 4);
    expect(kolmogorovSurvival(1.2239)).toBeCloseTo(0.1, 4);
  });

  it("joins its two series smoothly and runs from 1 to 0", () => {
    expect(kolmogorovSurvival(1.18 - 1e-9)).toBeCloseTo(kolmogorovSurvival(1.18 + 1e-9), 8);
    expect(kolmogorovSurvival(0)).toBe(1);
    expect(kolmogorovSurvival(0.2)).toBeCloseTo(1, 10);
    expect(kolmogorovSurvival(0.8)).toBeCloseTo(0.5441, 4); // P(K ≤ 0.8) = 0.4559
    expect(kolmogorovSurvival(4)).toBeLessThan(1e-12);
  });
});

describe("Kolmogorov–Smirnov test", () => {
  it("computes D for a hand-checked sample against the uniform", () => {
    // Sorted 0.1, 0.4, 0.8: D = max(1/3 − 0.1, 2/3 − 0.4, 1 − 0.8, 0.1, 0.4 − 1/3, 0.8 − 2/3) = 4/15.
    const result = ksTest([0.8, 0.1, 0.4], (x) => Math.min(1, Math.max(0, x)));
    expect(result.statistic).toBeCloseTo(4 / 15, 12);
    expect(result.n).toBe(3);
  });

  it("accepts exponential samples and rejects samples with the wrong rate", () => {
    const r = createStream(11, 0, "ks");
    const good = Array.from({ length: 2000 }, () => r.exponential(1));
    const bad = Array.from({ length: 2000 }, () => r.exponential(1.3));
    expect(ksTestExp1(good).pValue).toBeGreaterThan(0.05);
    expect(ksTestExp1(bad).pValue).toBeLessThan(0.001);
  });

  it("gives p-values that are uniform under the null (about 5 % below 0.05)", () => {
    const r = createStream(12, 0, "ks-null");
    let rejections = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const xs = Array.from({ length: 50 }, () => r.exponential(1));
      if (ksTestExp1(xs).pValue < 0.05) rejections++;
    }
    // Binomial(400, 0.05): mean 20, sd 4.4.
    expect(rejections).toBeGreaterThan(7);
    expect(rejections).toBeLessThan(34);
  });

  it("rejects an empty or non-finite sample with an InputError", () => {
    expect(() => ksTestExp1([])).toThrow(InputError);
    expect(() => ksTestExp1([1, Number.NaN])).toThrow(InputError);
  });
});

describe("sample moments", () => {
  it("gives the mean and unbiased variance of a small sample", () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 12);
    expect(variance([1e9 + 1, 1e9 + 2, 1e9 + 3])).toBeCloseTo(1, 9);
  });
});
