import { describe, expect, it } from "vitest";
import { InputError } from "../errors/index.js";
import { createStream } from "../random/index.js";
import { fitHawkes, MIN_FIT_EVENTS } from "./hawkes-fit.js";
import { hawkesLogLikelihood } from "./hawkes-likelihood.js";
import { simulateHawkes } from "./hawkes-simulate.js";

const truth = { mu: 0.5, alpha: 0.8, beta: 1.2 };

describe("Hawkes maximum-likelihood fit", () => {
  // About 29,500 events; standard errors come out near 2 % of each parameter, so 10 % is > 4 SE.
  const T = 20_000;
  const times = simulateHawkes(truth, T, createStream(2024, 0, "mle"));
  const fit = fitHawkes(times, T);

  it("recovers μ, α and β of a long simulated series within 10 %", () => {
    expect(fit.converged).toBe(true);
    expect(fit.events).toBe(times.length);
    expect(Math.abs(fit.mu / truth.mu - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.alpha / truth.alpha - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.beta / truth.beta - 1)).toBeLessThan(0.1);
    expect(fit.branchingRatio).toBeCloseTo(fit.alpha / fit.beta, 12);
  });

  it("reports standard errors that cover the truth and shrink like 1/√n", () => {
    const se = fit.standardErrors!;
    expect(Math.abs(fit.mu - truth.mu)).toBeLessThan(3.5 * se.mu);
    expect(Math.abs(fit.alpha - truth.alpha)).toBeLessThan(3.5 * se.alpha);
    expect(Math.abs(fit.beta - truth.beta)).toBeLessThan(3.5 * se.beta);
    expect(se.beta / fit.beta).toBeLessThan(0.03);
    expect(se.beta / fit.beta).toBeGreaterThan(0.005);
  });

  it("finds a likelihood at least as high as that of the true parameters", () => {
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(hawkesLogLikelihood(times, T, truth) - 1e-9);
    expect(fit.logLikelihood).toBeCloseTo(hawkesLogLikelihood(times, T, fit), 9);
  });

  it("finds little self-excitation in a Poisson process and barely beats the Poisson fit", () => {
    const poisson = simulateHawkes({ mu: 1, alpha: 0, beta: 1 }, 2000, createStream(5, 0, "poisson"));
    const n = poisson.length;
    const p = fitHawkes(poisson, 2000);
    expect(p.branchingRatio).toBeLessThan(0.1);
    // Likelihood ratio against the Poisson MLE (μ = n/T): below the 99 % point of χ²₂, 9.21.
    const poissonLogLik = n * Math.log(n / 2000) - n;
    expect(p.logLikelihood).toBeGreaterThanOrEqual(poissonLogLik);
    expect(2 * (p.logLikelihood - poissonLogLik)).toBeLessThan(9.21);
  });

  it("recovers slow, insurgency-like decay (weeks) from a decade of daily-scale events", () => {
    // n = 0.5, 1/β = 14 days, about 2 events/day (Lewis et al. 2012 range).
    const slow = { mu: 1, alpha: 0.5 / 14, beta: 1 / 14 };
    const data = simulateHawkes(slow, 3650, createStream(6, 0, "slow"));
    const f = fitHawkes(data, 3650);
    const se = f.standardErrors!;
    expect(Math.abs(f.beta - slow.beta)).toBeLessThan(3.5 * se.beta);
    expect(Math.abs(f.branchingRatio - 0.5)).toBeLessThan(0.15);
  });

  it("refuses fewer than the minimum number of events with an InputError", () => {
    let caught: unknown;
    try {
      fitHawkes([1, 2, 3], 10);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).issues[0]).toMatchObject({ code: "too-few-events", path: "times" });
    expect(MIN_FIT_EVENTS).toBe(10);
    expect(() => fitHawkes([5, 4, 6, 7, 8, 9, 10, 11, 12, 13], 20)).toThrow(InputError);
  });
});
