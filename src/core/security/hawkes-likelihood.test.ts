import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../errors/index.js";
import { hawkesLogLikelihood, timeRescale } from "./hawkes-likelihood.js";
import { branchingRatio, expectedCount, hawkesFromRates, stationaryRate } from "./hawkes-params.js";

const example = { mu: 0.5, alpha: 0.8, beta: 1.2 };

const issueOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return { code: error.issues[0]?.code, path: error.issues[0]?.path };
    throw error;
  }
  return "no error";
};

/** ℓ straight from the definition: O(n²) intensities and the closed-form compensator. */
function bruteForceLogLikelihood(times: number[], T: number, p: typeof example): number {
  let sum = 0;
  for (const t of times) {
    let intensity = p.mu;
    for (const s of times) if (s < t) intensity += p.alpha * Math.exp(-p.beta * (t - s));
    sum += Math.log(intensity);
  }
  let compensator = p.mu * T;
  for (const s of times) compensator += (p.alpha / p.beta) * (1 - Math.exp(-p.beta * (T - s)));
  return sum - compensator;
}

describe("Hawkes log-likelihood", () => {
  it("is −5.788610 for events {1, 2, 4} on [0, 5] with μ = 0.5, α = 0.8, β = 1.2", () => {
    expect(Math.abs(hawkesLogLikelihood([1, 2, 4], 5, example) - -5.78861)).toBeLessThan(1e-6);
  });

  it("is −μT with no events", () => {
    expect(hawkesLogLikelihood([], 10, example)).toBeCloseTo(-5, 12);
  });

  it("matches the O(n²) definition on random event sets", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { maxLength: 40 }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        (raw, mu, n, beta) => {
          const times = [...new Set(raw)].sort((a, b) => a - b);
          const p = { mu, alpha: n * beta, beta };
          const fast = hawkesLogLikelihood(times, 50, p);
          const slow = bruteForceLogLikelihood(times, 50, p);
          expect(Math.abs(fast - slow)).toBeLessThan(1e-9 * (1 + Math.abs(slow)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("does not let events at the same instant excite each other", () => {
    // Both events at t = 1 see λ = μ; the compensator counts both.
    const expected = 2 * Math.log(0.5) - 0.5 * 3 - 2 * (0.8 / 1.2) * (1 - Math.exp(-1.2 * 2));
    expect(hawkesLogLikelihood([1, 1], 3, example)).toBeCloseTo(expected, 12);
    // A later event is excited by both.
    const third = Math.log(0.5 + 2 * 0.8 * Math.exp(-1.2));
    expect(hawkesLogLikelihood([1, 1, 2], 3, example)).toBeCloseTo(
      2 * Math.log(0.5) + third - 1.5 - (0.8 / 1.2) * (2 * (1 - Math.exp(-2.4)) + (1 - Math.exp(-1.2))),
      12,
    );
  });

  it("rejects unsorted, negative or late times and explosive parameters", () => {
    expect(issueOf(() => hawkesLogLikelihood([2, 1], 5, example))).toEqual({
      code: "not-sorted",
      path: "times[1]",
    });
    expect(issueOf(() => hawkesLogLikelihood([-1], 5, example))).toEqual({
      code: "out-of-range",
      path: "times[0]",
    });
    expect(issueOf(() => hawkesLogLikelihood([6], 5, example))).toEqual({
      code: "out-of-range",
      path: "times[0]",
    });
    expect(issueOf(() => hawkesLogLikelihood([1], 0, example))).toEqual({ code: "out-of-range", path: "T" });
    expect(issueOf(() => hawkesLogLikelihood([1], 5, { mu: 0.5, alpha: 1.2, beta: 1.2 }))).toEqual({
      code: "out-of-range",
      path: "hawkes.alpha",
    });
    expect(issueOf(() => hawkesLogLikelihood([1], 5, { mu: -1, alpha: 0, beta: 1 }))).toEqual({
      code: "out-of-range",
      path: "hawkes.mu",
    });
    expect(issueOf(() => hawkesLogLikelihood([Number.NaN], 5, example))).toEqual({
      code: "not-a-number",
      path: "times[0]",
    });
  });
});

describe("time rescaling", () => {
  it("gives τ = (0.5, 0.965871, 1.788768) for the example", () => {
    const tau = timeRescale([1, 2, 4], example);
    expect(tau[0]).toBeCloseTo(0.5, 6);
    expect(tau[1]).toBeCloseTo(0.965871, 6);
    expect(tau[2]).toBeCloseTo(1.788768, 6);
  });

  it("sums to the compensator Λ(t_n) = μ t_n + (α/β) Σ (1 − e^{−β(t_n − tᵢ)})", () => {
    const times = [0.3, 0.31, 2, 2.5, 7];
    const tau = timeRescale(times, example);
    const tn = 7;
    let lambda = example.mu * tn;
    for (const s of times)
      lambda += (example.alpha / example.beta) * (1 - Math.exp(-example.beta * (tn - s)));
    expect(tau.reduce((a, b) => a + b, 0)).toBeCloseTo(lambda, 12);
  });
});

describe("Hawkes moments", () => {
  it("has branching ratio 2/3 and stationary rate 1.5 for the example", () => {
    expect(branchingRatio(example)).toBeCloseTo(2 / 3, 15);
    expect(stationaryRate(example)).toBeCloseTo(1.5, 12);
  });

  it("expects 5.3383 events on [0, 5] and 1497.5 on [0, 1000] from an empty start", () => {
    expect(expectedCount(example, 5)).toBeCloseTo(5.3383, 4);
    expect(expectedCount(example, 1000)).toBeCloseTo(1497.5, 6);
    expect(expectedCount(example, 0)).toBe(0);
  });

  it("expects μT events without excitation", () => {
    expect(expectedCount({ mu: 0.7, alpha: 0, beta: 2 }, 10)).toBeCloseTo(7, 12);
  });

  it("builds parameters from a mean rate, branching ratio and excitation lifetime", () => {
    const p = hawkesFromRates({ eventRate: 2, branchingRatio: 0.4, decayDays: 20 });
    expect(p.beta).toBeCloseTo(0.05, 15);
    expect(p.alpha).toBeCloseTo(0.02, 15);
    expect(p.mu).toBeCloseTo(1.2, 15);
    expect(stationaryRate(p)).toBeCloseTo(2, 12);
    expect(issueOf(() => hawkesFromRates({ eventRate: 2, branchingRatio: 1, decayDays: 20 }))).toEqual({
      code: "out-of-range",
      path: "branchingRatio",
    });
  });
});
