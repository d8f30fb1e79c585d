import { describe, expect, it } from "vitest";
import { InputError } from "../errors/index.js";
import type { Random } from "./random.js";
import { createStream } from "./streams.js";

const N = 100_000;

/**
 * Draws N values and checks the sample mean and variance against the exact ones, each within 4.5
 * standard errors (SE of the variance from the fourth central moment m4).
 */
function checkMoments(draw: (r: Random) => number, name: string, mean: number, variance: number, m4: number) {
  const r = createStream(99, 0, name);
  const xs = new Float64Array(N);
  let sum = 0;
  for (let i = 0; i < N; i++) {
    xs[i] = draw(r);
    sum += xs[i]!;
  }
  const m = sum / N;
  let ss = 0;
  for (let i = 0; i < N; i++) ss += (xs[i]! - m) ** 2;
  const v = ss / (N - 1);
  expect(Math.abs(m - mean)).toBeLessThan(4.5 * Math.sqrt(variance / N));
  expect(Math.abs(v - variance)).toBeLessThan(4.5 * Math.sqrt((m4 - variance * variance) / N));
  return xs;
}

/** Fourth central moment from variance and excess kurtosis. */
const m4Of = (variance: number, excessKurtosis: number) => (excessKurtosis + 3) * variance * variance;

describe("random draws", () => {
  it("next() is uniform on [0, 1) in multiples of 2^-53", () => {
    const xs = checkMoments((r) => r.next(), "next", 0.5, 1 / 12, 1 / 80);
    expect(xs.every((x) => x >= 0 && x < 1 && Number.isInteger(x * 2 ** 53))).toBe(true);
  });

  it("uniform(a, b) has mean (a+b)/2 and variance (b−a)²/12", () => {
    checkMoments((r) => r.uniform(-3, 5), "uniform", 1, 64 / 12, 8 ** 4 / 80);
  });

  it("int(n) hits each of 0 … n−1 equally often", () => {
    const n = 7;
    const xs = checkMoments(
      (r) => r.int(n),
      "int",
      (n - 1) / 2,
      (n * n - 1) / 12,
      ((n * n - 1) * (3 * n * n - 7)) / 240,
    );
    const counts = new Array<number>(n).fill(0);
    for (const x of xs) counts[x]!++;
    for (const c of counts)
      expect(Math.abs(c / N - 1 / n)).toBeLessThan(4.5 * Math.sqrt(((1 / n) * (1 - 1 / n)) / N));
    const big = createStream(3, 0, "int-big");
    const bigDraws = Array.from({ length: 1000 }, () => big.int(2 ** 40 + 3));
    expect(bigDraws.every((k) => Number.isInteger(k) && k >= 0 && k < 2 ** 40 + 3)).toBe(true);
    expect(Math.max(...bigDraws)).toBeGreaterThan(2 ** 39); // the high bits are used
  });

  it("normal(mean, sd) has the given mean and variance and kurtosis 3", () => {
    checkMoments((r) => r.normal(2, 3), "normal", 2, 9, 3 * 81);
  });

  it("exponential(rate) has mean 1/rate and variance 1/rate²", () => {
    checkMoments((r) => r.exponential(2.5), "exponential", 0.4, 0.16, 9 / 2.5 ** 4);
  });

  it.each([0.3, 5, 9.99, 10, 80, 1e6])("poisson(%d) has mean and variance equal to the mean", (lambda) => {
    checkMoments((r) => r.poisson(lambda), `poisson-${lambda}`, lambda, lambda, lambda * (1 + 3 * lambda));
  });

  it.each([5, 80])("poisson(%d) matches the Poisson probabilities near the mode", (lambda) => {
    const r = createStream(5, 0, `poisson-pmf-${lambda}`);
    const counts = new Map<number, number>();
    let allNaturals = true;
    for (let i = 0; i < N; i++) {
      const k = r.poisson(lambda);
      allNaturals &&= Number.isInteger(k) && k >= 0;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(allNaturals).toBe(true);
    const sd = Math.sqrt(lambda);
    for (let k = Math.max(0, Math.floor(lambda - 2 * sd)); k <= lambda + 2 * sd; k++) {
      let logP = -lambda + k * Math.log(lambda);
      for (let j = 2; j <= k; j++) logP -= Math.log(j);
      const p = Math.exp(logP);
      expect(Math.abs((counts.get(k) ?? 0) / N - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / N));
    }
  });

  it("poisson(0) is always 0", () => {
    const r = createStream(1, 0, "p0");
    for (let i = 0; i < 100; i++) expect(r.poisson(0)).toBe(0);
  });

  it("bernoulli(p) is true with probability p", () => {
    const p = 0.3;
    checkMoments(
      (r) => (r.bernoulli(p) ? 1 : 0),
      "bernoulli",
      p,
      p * (1 - p),
      p * (1 - p) * (1 - 3 * p + 3 * p * p),
    );
  });

  it("lognormal(mu, sigma) has mean e^(mu+σ²/2) and variance (e^σ² − 1)e^(2mu+σ²)", () => {
    const [mu, s2] = [0.2, 0.25];
    const variance = Math.expm1(s2) * Math.exp(2 * mu + s2);
    const kurt = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 6;
    checkMoments(
      (r) => r.lognormal(mu, Math.sqrt(s2)),
      "lognormal",
      Math.exp(mu + s2 / 2),
      variance,
      m4Of(variance, kurt),
    );
  });

  // Tail index 6 keeps the fourth moment finite, so the variance check has a finite standard error.
  const a = 6;
  const paretoVariance = (scale: number) => (scale * scale * a) / ((a - 1) ** 2 * (a - 2));
  const paretoKurtosis = (6 * (a ** 3 + a * a - 6 * a - 2)) / (a * (a - 3) * (a - 4));

  it("pareto(scale, shape) has mean shape·scale/(shape−1) and never falls below scale", () => {
    const xs = checkMoments(
      (r) => r.pareto(2, a),
      "pareto",
      (a * 2) / (a - 1),
      paretoVariance(2),
      m4Of(paretoVariance(2), paretoKurtosis),
    );
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(2);
  });

  it("lomax(scale, shape) has mean scale/(shape−1) and support from 0", () => {
    const xs = checkMoments(
      (r) => r.lomax(3, a),
      "lomax",
      3 / (a - 1),
      paretoVariance(3),
      m4Of(paretoVariance(3), paretoKurtosis),
    );
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  });

  it("choice(weights) picks each index in proportion to its weight and never a zero weight", () => {
    const weights = [1, 0, 3, 6];
    const r = createStream(4, 0, "choice");
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < N; i++) counts[r.choice(weights)]!++;
    expect(counts[1]).toBe(0);
    for (const i of [0, 2, 3]) {
      const p = weights[i]! / 10;
      expect(Math.abs(counts[i]! / N - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / N));
    }
  });

  it("rejects bad parameters with an out-of-range InputError naming the parameter", () => {
    const r = createStream(1, 0, "bad");
    const cases: [() => unknown, string][] = [
      [() => r.poisson(-1), "poisson(mean)"],
      [() => r.poisson(Number.NaN), "poisson(mean)"],
      [() => r.exponential(0), "exponential(rate)"],
      [() => r.bernoulli(1.5), "bernoulli(p)"],
      [() => r.int(0), "int(n)"],
      [() => r.int(2.5), "int(n)"],
      [() => r.uniform(2, 1), "uniform(a, b)"],
      [() => r.normal(0, -1), "normal(sd)"],
      [() => r.lognormal(0, Number.POSITIVE_INFINITY), "lognormal(sigma)"],
      [() => r.pareto(0, 2), "pareto(scale)"],
      [() => r.lomax(1, -2), "lomax(shape)"],
      [() => r.choice([0, 0]), "choice(weights)"],
      [() => r.choice([1, -1]), "choice(weights)[1]"],
    ];
    for (const [fn, path] of cases) {
      let caught: unknown;
      try {
        fn();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InputError);
      expect((caught as InputError).issues[0]).toMatchObject({ code: "out-of-range", path });
    }
  });
});
