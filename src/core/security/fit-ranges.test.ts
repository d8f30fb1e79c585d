import { describe, expect, it } from "vitest";
import { hawkesRanges } from "./fit-ranges.js";
import type { HawkesFit } from "./hawkes-fit.js";

const fitted = (mu: number, alpha: number, beta: number, se?: HawkesFit["standardErrors"]): HawkesFit => ({
  mu,
  alpha,
  beta,
  branchingRatio: alpha / beta,
  logLikelihood: 0,
  converged: true,
  iterations: 1,
  events: 100,
  ...(se && { standardErrors: se }),
});

describe("assumption ranges of a Hawkes fit", () => {
  it("are the estimate ± 1.96 standard errors when every corner is stationary", () => {
    const r = hawkesRanges(fitted(1, 0.2, 1, { mu: 0.1, alpha: 0.05, beta: 0.1 }))!;
    expect(r.mu[0]).toBeCloseTo(1 - 0.196, 12);
    expect(r.mu[1]).toBeCloseTo(1.196, 12);
    expect(r.alpha).toEqual([0.2 - 0.098, 0.2 + 0.098]);
    expect(r.beta[0]).toBeCloseTo(0.804, 12);
    expect(r.beta[1]).toBeCloseTo(1.196, 12);
    expect(r.clipped).toBe(false);
    expect(r.worstBranching).toBeCloseTo(0.298 / 0.804, 12);
  });

  it("cut μ and α at zero and keep β's low end positive on a log scale", () => {
    const r = hawkesRanges(fitted(0.1, 0.01, 0.5, { mu: 0.1, alpha: 0.02, beta: 0.5 }))!;
    expect(r.mu[0]).toBe(0);
    expect(r.alpha[0]).toBe(0);
    expect(r.beta[0]).toBeCloseTo(0.5 * Math.exp(-1.96), 12);
  });

  it("keep the worst corner below a branching ratio of 1 where independent intervals would cross it", () => {
    // n = 0.8; Wald ends α ≤ 1.192, β ≥ 0.608: their ratio 1.96 would be explosive.
    const f = fitted(1, 0.8, 1, { mu: 0.1, alpha: 0.2, beta: 0.2 });
    const r = hawkesRanges(f)!;
    expect(1.192 / 0.608).toBeGreaterThan(1);
    expect(r.clipped).toBe(true);
    expect(r.worstBranching).toBeCloseTo(0.99, 12);
    expect(r.alpha[1] / r.beta[0]).toBeLessThan(1);
    // Both ends move towards the estimate by the same log-scale factor, and still contain it.
    const t = Math.log(r.alpha[1] / 0.8) / Math.log(1.192 / 0.8);
    expect(Math.log(1 / r.beta[0]) / Math.log(1 / 0.608)).toBeCloseTo(t, 12);
    expect(r.alpha[1]).toBeGreaterThan(0.8);
    expect(r.beta[0]).toBeLessThan(1);
    // The other ends are untouched.
    expect(r.alpha[0]).toBeCloseTo(0.408, 12);
    expect(r.beta[1]).toBeCloseTo(1.392, 12);
  });

  it("stay stationary for a fit already above the 0.99 cap, halfway from its ratio to 1", () => {
    const r = hawkesRanges(fitted(1, 0.995, 1, { mu: 0.1, alpha: 0.1, beta: 0.1 }))!;
    expect(r.worstBranching).toBeCloseTo(0.9975, 12);
    expect(r.alpha[1]).toBeGreaterThanOrEqual(0.995);
  });

  it("are absent without standard errors", () => {
    expect(hawkesRanges(fitted(1, 0, 1))).toBeUndefined();
  });
});
