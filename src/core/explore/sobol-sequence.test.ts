import { describe, expect, it } from "vitest";
import fixture from "../../../test/fixtures/sobol/scipy-unscrambled.json" with { type: "json" };
import { createStream } from "../random/index.js";
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from "./sobol-sequence.js";

describe("Sobol sequence", () => {
  it("reproduces SciPy's unscrambled Joe–Kuo points in dimensions 1 to 2048", () => {
    const dims = SOBOL_MAX_DIMENSIONS;
    const points = sobolPoints(4096, dims);
    fixture.rows.forEach((row, r) => {
      fixture.dimensions.forEach((d, c) => {
        expect(points[row * dims + d - 1], `point ${row}, dimension ${d}`).toBe(fixture.points[r]![c]);
      });
    });
  });

  it("keeps the net property after scrambling: 256 points fill every elementary box of volume 1/256 of dimensions 1–2 once", () => {
    const n = 256;
    const p = sobolPoints(n, 2, createStream(7, 0, "test"));
    for (let a = 0; a <= 8; a++) {
      const cols = 2 ** a;
      const rows = 2 ** (8 - a);
      const count = new Int32Array(n);
      for (let i = 0; i < n; i++)
        count[Math.floor(p[2 * i]! * cols) * rows + Math.floor(p[2 * i + 1]! * rows)]!++;
      expect(Math.min(...count), `boxes ${cols}×${rows}`).toBe(1);
      expect(Math.max(...count)).toBe(1);
    }
  });

  it("stratifies every one of 1000 scrambled dimensions: one point per interval of width 1/64", () => {
    const n = 64;
    const dims = 1000;
    const p = sobolPoints(n, dims, createStream(3, 0, "test"));
    for (let j = 0; j < dims; j++) {
      const seen = new Set<number>();
      for (let i = 0; i < n; i++) seen.add(Math.floor(p[i * dims + j]! * n));
      expect(seen.size, `dimension ${j + 1}`).toBe(n);
    }
  });

  it("gives values strictly inside (0, 1), different for different seeds, equal for the same seed", () => {
    const a = sobolPoints(1024, 5, createStream(1, 0, "s"));
    const b = sobolPoints(1024, 5, createStream(1, 0, "s"));
    const c = sobolPoints(1024, 5, createStream(2, 0, "s"));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(Math.min(...a)).toBeGreaterThan(0);
    expect(Math.max(...a)).toBeLessThan(1);
  });

  it("integrates x₁·x₂·x₃ over the unit cube far better than its Monte Carlo error", () => {
    const n = 4096;
    const p = sobolPoints(n, 3, createStream(11, 0, "s"));
    let s = 0;
    for (let i = 0; i < n; i++) s += p[3 * i]! * p[3 * i + 1]! * p[3 * i + 2]!;
    // Monte Carlo standard error at n = 4096 is about 0.0025; a scrambled net does an order better.
    expect(Math.abs(s / n - 0.125)).toBeLessThan(2.5e-4);
  });
});
