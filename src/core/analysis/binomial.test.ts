import { describe, expect, it } from "vitest";
import { binomialUpperTail, wilsonInterval } from "./binomial.js";

describe("binomial tails and Wilson intervals", () => {
  it("match SciPy's binom.sf and the Wilson interval of binomtest", () => {
    // scipy.stats.binom.sf(k − 1, n, p) = P(X ≥ k).
    expect(binomialUpperTail(67, 87, 68 / 95)).toBeCloseTo(0.15741333528927326, 12);
    expect(binomialUpperTail(5, 10, 0.3)).toBeCloseTo(0.15026833259999992, 12);
    expect(binomialUpperTail(901, 1000, 0.88)).toBeCloseTo(0.02091660830809398, 12);
    expect(binomialUpperTail(0, 10, 0.5)).toBe(1);
    const w = wilsonInterval(7, 20);
    expect(w.low).toBeCloseTo(0.1811918241010821, 12);
    expect(w.high).toBeCloseTo(0.5671457233147637, 12);
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.27753279986288926, 12);
  });
});
