import { describe, expect, it } from "vitest";
import { InputError } from "../errors/index.js";
import { createStream, createStreams } from "../random/index.js";
import { ksTestExp1 } from "../stats/index.js";
import { timeRescale } from "./hawkes-likelihood.js";
import { expectedCount } from "./hawkes-params.js";
import { createHawkesState, hawkesStep, simulateHawkes } from "./hawkes-simulate.js";

const example = { mu: 0.5, alpha: 0.8, beta: 1.2 };

/** Mean and standard error of the event count over `runs` simulations. */
function meanCount(runs: number, count: (run: number) => number): { mean: number; se: number } {
  let sum = 0;
  let sum2 = 0;
  for (let run = 0; run < runs; run++) {
    const n = count(run);
    sum += n;
    sum2 += n * n;
  }
  const mean = sum / runs;
  return { mean, se: Math.sqrt((sum2 / runs - mean * mean) / (runs - 1)) };
}

/** Steps day by day with baselines `mus` and returns all event times. */
function stepDays(mus: readonly number[], run: number, name = "days"): number[] {
  const state = createHawkesState();
  const rng = createStreams(77, run).stream(name);
  const times: number[] = [];
  for (const mu of mus) times.push(...hawkesStep(state, mu, example.alpha, example.beta, rng));
  return times;
}

/**
 * Expected count for a piecewise-constant baseline: the excitation part y of the mean intensity obeys
 * y′ = αμ(t) − (β − α)y, solved exactly on each piece (linear ODE with constant coefficients).
 */
function expectedCountPiecewise(mus: readonly number[], alpha: number, beta: number): number {
  const k = beta - alpha;
  let y = 0;
  let total = 0;
  for (const mu of mus) {
    const yInf = (alpha * mu) / k;
    const decay = Math.exp(-k);
    total += mu + yInf + ((y - yInf) * (1 - decay)) / k;
    y = yInf + (y - yInf) * decay;
  }
  return total;
}

describe("Hawkes simulation", () => {
  it("gives a mean count over many seeds within 3 standard errors of E N(T) in one shot", () => {
    const T = 20;
    const { mean, se } = meanCount(
      3000,
      (run) => simulateHawkes(example, T, createStreams(5, run).stream("h")).length,
    );
    expect(Math.abs(mean - expectedCount(example, T))).toBeLessThan(3 * se);
  });

  it("gives the same mean count when stepped one day at a time", () => {
    const days = new Array<number>(20).fill(example.mu);
    const { mean, se } = meanCount(3000, (run) => stepDays(days, run).length);
    expect(Math.abs(mean - expectedCount(example, 20))).toBeLessThan(3 * se);
  });

  it("follows a baseline that changes from day to day, carrying excitation across days", () => {
    const mus = [0.2, 0.2, 2, 2, 0, 0, 0, 1, 0.1, 0.1, 3, 0, 0, 0, 0];
    const expected = expectedCountPiecewise(mus, example.alpha, example.beta);
    // Without carried excitation the days after the surges would see far fewer events.
    const withoutCarry = mus.reduce((sum, mu) => sum + expectedCount({ ...example, mu }, 1), 0);
    expect(expected - withoutCarry).toBeGreaterThan(3);
    const { mean, se } = meanCount(3000, (run) => stepDays(mus, run, "piecewise").length);
    expect(Math.abs(mean - expected)).toBeLessThan(3 * se);
  });

  it("puts each day's events inside that day, in order, and advances the clock", () => {
    const state = createHawkesState();
    const rng = createStream(3, 0, "clock");
    let all: number[] = [];
    for (let day = 0; day < 30; day++) {
      const events = hawkesStep(state, 1, example.alpha, example.beta, rng);
      expect(events.every((t) => t >= day && t < day + 1)).toBe(true);
      all = all.concat(events);
    }
    expect(state.time).toBe(30);
    expect(state.count).toBe(all.length);
    expect(all.every((t, i) => i === 0 || t > all[i - 1]!)).toBe(true);
    expect(state.excitation).toBeGreaterThanOrEqual(0);
  });

  it("appends to a caller's array when given one, counting only the new events", () => {
    const fresh = createHawkesState();
    const reused = createHawkesState();
    const buffer = [-1];
    const returned = hawkesStep(reused, 2, 0.5, 1, createStream(4, 0, "buf"), 3, buffer);
    expect(returned).toBe(buffer);
    expect(buffer.slice(1)).toEqual(hawkesStep(fresh, 2, 0.5, 1, createStream(4, 0, "buf"), 3));
    expect(reused.count).toBe(buffer.length - 1);
  });

  it("produces bit-identical event times for the same stream", () => {
    const a = simulateHawkes(example, 50, createStream(9, 0, "incidents"));
    const b = simulateHawkes(example, 50, createStream(9, 0, "incidents"));
    expect(a).toEqual(b);
    expect(a.slice(0, 3)).toEqual([0.4134939387343828, 1.3035924675545902, 1.8988809692010773]);
  });

  it("gives nothing without baseline or excitation, and a Poisson process without excitation", () => {
    const state = createHawkesState();
    expect(hawkesStep(state, 0, 0.5, 1, createStream(1, 0, "none"), 100)).toEqual([]);
    const { mean, se } = meanCount(
      2000,
      (run) => simulateHawkes({ mu: 2, alpha: 0, beta: 1 }, 5, createStreams(6, run).stream("p")).length,
    );
    expect(Math.abs(mean - 10)).toBeLessThan(3 * se);
    expect(se * Math.sqrt(2000)).toBeCloseTo(Math.sqrt(10), 0);
  });

  it("yields time-rescaled intervals that pass a KS test against Exp(1), which a wrong model fails", () => {
    const pooledTrue: number[] = [];
    const pooledDaily: number[] = [];
    const pooledWrong: number[] = [];
    const pooledFastDecay: number[] = [];
    // A wrong model with the right mean rate (1.5/day) but no clustering, and one with too fast a decay.
    const poisson = { mu: 1.5, alpha: 0, beta: 1 };
    const fastDecay = { ...example, beta: 2.4 };
    for (let run = 0; run < 15; run++) {
      const times = simulateHawkes(example, 150, createStreams(8, run).stream("ks"));
      pooledTrue.push(...timeRescale(times, example));
      pooledWrong.push(...timeRescale(times, poisson));
      pooledFastDecay.push(...timeRescale(times, fastDecay));
      pooledDaily.push(
        ...timeRescale(stepDays(new Array<number>(150).fill(example.mu), run, "ks-days"), example),
      );
    }
    expect(pooledTrue.length).toBeGreaterThan(2500);
    expect(ksTestExp1(pooledTrue).pValue).toBeGreaterThan(0.01);
    expect(ksTestExp1(pooledDaily).pValue).toBeGreaterThan(0.01);
    expect(ksTestExp1(pooledWrong).pValue).toBeLessThan(0.01);
    expect(ksTestExp1(pooledFastDecay).pValue).toBeLessThan(0.01);
  });

  it("rejects a non-positive step or horizon and explosive parameters", () => {
    const rng = createStream(1, 0, "bad");
    expect(() => hawkesStep(createHawkesState(), 1, 0.5, 1, rng, 0)).toThrow(InputError);
    expect(() => simulateHawkes(example, -1, rng)).toThrow(InputError);
    expect(() => simulateHawkes({ mu: 1, alpha: 2, beta: 1 }, 10, rng)).toThrow(InputError);
  });
});
