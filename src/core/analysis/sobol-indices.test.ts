import { describe, expect, it } from "vitest";
import { buildDesign } from "../explore/index.js";
import { sobolIndices } from "./sobol-indices.js";
import { gFunction, gFunctionIndices, ishigami, ishigamiIndices } from "./test-functions.js";

/** Outputs of `f` over a Saltelli design of k unit inputs with base sample n. */
function run(k: number, n: number, f: (u: Float64Array) => number, seed = 2026): Float64Array {
  const design = buildDesign({
    parameters: Array.from({ length: k }, (_, i) => ({
      name: `x${i + 1}`,
      distribution: { kind: "uniform", lo: 0, hi: 1 } as const,
    })),
    sampler: { kind: "saltelli", size: n },
    seed,
  });
  const y = new Float64Array(design.rows);
  for (let r = 0; r < design.rows; r++) y[r] = f(design.codes.subarray(r * k, (r + 1) * k));
  return y;
}

describe("Sobol indices (Saltelli 2010 first order, Jansen total order)", () => {
  it("match the Ishigami analytic values within 0.05 at N = 8192 base rows, with 95 % intervals covering them", () => {
    const truth = ishigamiIndices();
    expect(truth.variance).toBeCloseTo(13.844588, 5);
    const r = sobolIndices(
      run(3, 8192, (u) => ishigami(u)),
      3,
      { resamples: 200, seed: 1 },
    );
    expect(r.base).toBe(8192);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r.first[i]! - truth.first[i]!), `S${i + 1}`).toBeLessThan(0.05);
      expect(Math.abs(r.total[i]! - truth.total[i]!), `ST${i + 1}`).toBeLessThan(0.05);
      expect(r.firstInterval[i]!.low).toBeLessThanOrEqual(truth.first[i]!);
      expect(r.firstInterval[i]!.high).toBeGreaterThanOrEqual(truth.first[i]!);
      expect(r.totalInterval[i]!.low).toBeLessThanOrEqual(truth.total[i]!);
      expect(r.totalInterval[i]!.high).toBeGreaterThanOrEqual(truth.total[i]!);
    }
    expect(r.variance).toBeGreaterThan(13.844588 * 0.95);
    expect(r.variance).toBeLessThan(13.844588 * 1.05);
  });

  it("match the G-function (a = 0, 1, 4.5, 9, 99, 99, 99, 99) within 0.05 at N = 8192, intervals covering the truth", () => {
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const truth = gFunctionIndices(a);
    expect(truth.first[0]).toBeCloseTo(0.7162, 4);
    expect(truth.total[1]).toBeCloseTo(0.2422, 4);
    const r = sobolIndices(
      run(8, 8192, (u) => gFunction(u, a)),
      8,
      { resamples: 200, seed: 2 },
    );
    for (let i = 0; i < 8; i++) {
      expect(Math.abs(r.first[i]! - truth.first[i]!), `S${i + 1}`).toBeLessThan(0.05);
      expect(Math.abs(r.total[i]! - truth.total[i]!), `ST${i + 1}`).toBeLessThan(0.05);
      expect(r.firstInterval[i]!.low, `S${i + 1} low`).toBeLessThanOrEqual(truth.first[i]!);
      expect(r.firstInterval[i]!.high, `S${i + 1} high`).toBeGreaterThanOrEqual(truth.first[i]!);
      expect(r.totalInterval[i]!.low, `ST${i + 1} low`).toBeLessThanOrEqual(truth.total[i]!);
      expect(r.totalInterval[i]!.high, `ST${i + 1} high`).toBeGreaterThanOrEqual(truth.total[i]!);
    }
    // The ranking of the inputs follows a.
    expect(r.total[0]).toBeGreaterThan(r.total[1]!);
    expect(r.total[1]).toBeGreaterThan(r.total[2]!);
    expect(r.total[2]).toBeGreaterThan(r.total[4]!);
  });

  it("drops a group holding a failed case and counts it", () => {
    const y = run(3, 256, (u) => ishigami(u));
    y[5 * 5 + 2] = Number.NaN;
    const r = sobolIndices(y, 3, { resamples: 0 });
    expect(r.dropped).toBe(1);
    expect(r.base).toBe(255);
    expect(r.firstInterval).toEqual([]);
  });

  it("rejects outputs that do not fill whole Saltelli groups", () => {
    expect(() => sobolIndices(new Float64Array(11), 3)).toThrow(/multiple of k \+ 2 = 5/);
  });
});
