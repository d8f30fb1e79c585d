import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createStream } from "../random/index.js";
import { buildDesign } from "./design.js";
import { checkDistribution, type Distribution, quantile } from "./distributions.js";
import { latinHypercubeUnit } from "./samplers.js";
import { sobolPoints } from "./sobol-sequence.js";

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const positive = fc.double({ min: 1e-3, max: 1e3, noNaN: true });

const distribution: fc.Arbitrary<Distribution> = fc.oneof(
  fc
    .tuple(finite, finite)
    .map(([a, b]) => ({ kind: "uniform" as const, lo: Math.min(a, b), hi: Math.max(a, b) })),
  fc
    .tuple(finite, finite, fc.double({ min: 0, max: 1, noNaN: true }))
    .filter(([a, b]) => a !== b)
    .map(([a, b, m]) => {
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      // Clamped: with subnormal ends lo + m·(hi − lo) can round past hi (found: lo = −6.3e−308, hi = −5e−324).
      return { kind: "triangular" as const, lo, hi, mode: Math.min(hi, Math.max(lo, lo + m * (hi - lo))) };
    }),
  fc.tuple(finite, positive).map(([mean, sd]) => ({ kind: "normal" as const, mean, sd })),
  fc
    .tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0.01, max: 3, noNaN: true }))
    .map(([mu, sigma]) => ({
      kind: "lognormal" as const,
      mu,
      sigma,
    })),
  fc
    .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 }))
    .map(([lo, w]) => ({ kind: "integer" as const, lo, hi: lo + w })),
  fc
    .array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 6 })
    .filter((w) => w.some((x) => x > 0))
    .map((weights) => ({
      kind: "categorical" as const,
      values: weights.map((_, i) => `c${i}`),
      weights,
    })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((p) => ({ kind: "boolean" as const, p })),
);

describe("sampler properties", () => {
  it("every valid distribution's quantile is monotone in u and stays in its support", () => {
    fc.assert(
      fc.property(
        distribution,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (dist, a, b) => {
          expect(checkDistribution(dist, "d")).toEqual([]);
          const [u, v] = a <= b ? [a, b] : [b, a];
          const qu = quantile(dist, u);
          const qv = quantile(dist, v);
          expect(Number.isFinite(qu) && Number.isFinite(qv)).toBe(true);
          expect(qu).toBeLessThanOrEqual(qv);
          if (dist.kind === "uniform" || dist.kind === "triangular" || dist.kind === "integer") {
            expect(qu).toBeGreaterThanOrEqual(dist.lo);
            expect(qv).toBeLessThanOrEqual(dist.hi);
          }
        },
      ),
    );
  });

  it("a Latin hypercube of any size fills every stratum of every column once", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(1000),
        (n, k, seed) => {
          const x = latinHypercubeUnit(n, k, createStream(seed, 0, "p"));
          for (let j = 0; j < k; j++) {
            const seen = new Set<number>();
            for (let i = 0; i < n; i++) seen.add(Math.floor(x[i * k + j]! * n));
            expect(seen.size).toBe(n);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it("scrambled Sobol points of 2^m rows put one point in each interval of width 2^−m in every dimension", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 40 }),
        fc.nat(1000),
        (m, dims, seed) => {
          const n = 2 ** m;
          const p = sobolPoints(n, dims, createStream(seed, 0, "p"));
          for (let j = 0; j < dims; j++) {
            const seen = new Set<number>();
            for (let i = 0; i < n; i++) seen.add(Math.floor(p[i * dims + j]! * n));
            expect(seen.size).toBe(n);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("a design is a pure function of its spec and seed", () => {
    fc.assert(
      fc.property(fc.array(distribution, { minLength: 1, maxLength: 4 }), fc.nat(2 ** 40), (dists, seed) => {
        const spec = {
          parameters: dists.map((distribution, i) => ({ name: `p${i}`, distribution })),
          sampler: { kind: "saltelli" as const, size: 8 },
          seed,
        };
        expect(buildDesign(spec).codes).toEqual(buildDesign(spec).codes);
      }),
      { numRuns: 30 },
    );
  });
});
