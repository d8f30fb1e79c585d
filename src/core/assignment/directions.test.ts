import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BiconjugateDirection, ConjugateDirection, FrankWolfeDirection } from "./directions.js";

const n = 5;
const vector = fc
  .array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: n, maxLength: n })
  .map((a) => Float64Array.from(a));
const hessian = fc
  .array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: n, maxLength: n })
  .map((a) => Float64Array.from(a));

const dotH = (a: Float64Array, b: Float64Array, h: Float64Array) =>
  a.reduce((s, v, i) => s + v * h[i]! * b[i]!, 0);
const minus = (a: Float64Array, b: Float64Array) => a.map((v, i) => v - b[i]!);
const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
const scale = (a: Float64Array) => Math.sqrt(a.reduce((s, v) => s + v * v, 0));

describe("Frank–Wolfe search directions (Mitradjieva & Lindberg 2013)", () => {
  it("plain FW targets the all-or-nothing point", () => {
    const target = new Float64Array(2);
    new FrankWolfeDirection().target(
      Float64Array.of(1, 2),
      Float64Array.of(3, 0),
      Float64Array.of(1, 1),
      0.5,
      target,
    );
    expect(Array.from(target)).toEqual([3, 0]);
  });

  it("conjugate FW makes s_k − x_k conjugate to s_{k−1} − x_k whenever α is not clipped", () => {
    fc.assert(
      fc.property(vector, vector, vector, hessian, (x, y, prev, h) => {
        const rule = new ConjugateDirection(n);
        const target = new Float64Array(n);
        rule.target(x, prev, h, Number.NaN, target); // first call: remembers `prev`
        expect(Array.from(target)).toEqual(Array.from(prev));
        rule.target(x, y, h, 0.5, target);
        const dbar = minus(prev, x);
        const num = dotH(dbar, minus(y, x), h);
        const den = dotH(dbar, minus(y, prev), h);
        const alpha = num / den;
        if (!(alpha > 1e-6 && alpha < 0.999)) return;
        const conj = dotH(minus(target, x), dbar, h);
        expect(Math.abs(conj)).toBeLessThanOrEqual(1e-9 * (1 + scale(dbar) * scale(minus(target, x)) * 5));
        // A convex combination of y and s_{k−1}: totals are kept.
        expect(sum(target)).toBeCloseTo(alpha * sum(prev) + (1 - alpha) * sum(y), 9);
      }),
      { numRuns: 300 },
    );
  });

  it("bi-conjugate FW makes s_k − x_k conjugate to both earlier directions when μ, ν > 0", () => {
    fc.assert(
      fc.property(
        vector,
        vector,
        vector,
        vector,
        hessian,
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (x, y, s1, s2raw, h, tau) => {
          // In a real run the two earlier directions are already conjugate: d̄ᵀHd̿ = 0 with
          // d̄ = s_{k−1} − x_k and d̿ = τ·s_{k−1} − x_k + (1 − τ)·s_{k−2}. Project s_{k−2} onto that.
          const dbar = minus(s1, x);
          const dbbarOf = (s2: Float64Array) => s1.map((v, i) => tau * v - x[i]! + (1 - tau) * s2[i]!);
          const hh = dotH(dbar, dbar, h);
          if (hh < 1e-6) return;
          const lambda = -dotH(dbar, dbbarOf(s2raw), h) / ((1 - tau) * hh);
          const s2 = s2raw.map((v, i) => v + lambda * dbar[i]!);
          const dbbar = dbbarOf(s2);
          const dfw = minus(y, x);
          const mu = -dotH(dbbar, dfw, h) / dotH(dbbar, minus(s2, s1), h);
          const nu = -dotH(dbar, dfw, h) / hh + (mu * tau) / (1 - tau);
          if (!(mu > 1e-6 && nu > 1e-6 && mu < 1e6 && nu < 1e6)) return;
          const rule = new BiconjugateDirection(n);
          const target = new Float64Array(n);
          rule.target(x, s2, h, Number.NaN, target); // remembers s_{k−2}
          rule.target(x, s1, h, 0.5, target); // conjugate step; then overwrite its memory with s_{k−1}
          (rule as unknown as { s1: Float64Array }).s1.set(s1);
          rule.target(x, y, h, tau, target);
          const d = minus(target, x);
          const size = 1 + scale(d) * (scale(dbar) + scale(dbbar)) * 5;
          expect(Math.abs(dotH(d, dbar, h))).toBeLessThanOrEqual(1e-7 * size);
          expect(Math.abs(dotH(d, dbbar, h))).toBeLessThanOrEqual(1e-7 * size);
          const b0 = 1 / (1 + mu + nu);
          expect(sum(target)).toBeCloseTo(b0 * (sum(y) + nu * sum(s1) + mu * sum(s2)), 6);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("restarts from the all-or-nothing point after a full step", () => {
    const rule = new BiconjugateDirection(2);
    const target = new Float64Array(2);
    const h = Float64Array.of(1, 1);
    rule.target(Float64Array.of(1, 1), Float64Array.of(2, 0), h, Number.NaN, target);
    rule.target(Float64Array.of(2, 0), Float64Array.of(0, 2), h, 0.4, target);
    rule.target(Float64Array.of(1, 1), Float64Array.of(0, 2), h, 1, target);
    expect(Array.from(target)).toEqual([0, 2]);
  });
});
