import { describe, expect, it } from "vitest";
import { buildDesign } from "../explore/index.js";
import { morrisIndices } from "./morris.js";
import { gFunction, ishigami } from "./test-functions.js";

describe("Morris elementary effects", () => {
  it("reproduce the Primer's exercise: μ ≈ (0.66, 0.21), μ* ≈ (1.62, 0.35), σ ≈ (1.79, 0.41)", () => {
    // Saltelli et al. (2008), Global Sensitivity Analysis: The Primer, exercise 4 of chapter 3.
    const t = 1 / 3;
    const points = [
      [0, t],
      [0, 1],
      [2 * t, 1],
      [0, t],
      [2 * t, t],
      [2 * t, 1],
      [2 * t, 0],
      [2 * t, 2 * t],
      [0, 2 * t],
      [t, 1],
      [1, 1],
      [1, t],
      [t, 1],
      [t, t],
      [1, t],
      [t, 2 * t],
      [t, 0],
      [1, 0],
    ].flat();
    const y = [
      0.97, 0.71, 2.39, 0.97, 2.3, 2.39, 1.87, 2.4, 0.87, 2.15, 1.71, 1.54, 2.15, 2.17, 1.54, 2.2, 1.87, 1.0,
    ];
    const r = morrisIndices(points, y, 2);
    // The Primer rounds its figures; μ₁ is exactly 3.9/6 = 0.65 by hand (effects 2.52, 1.995, 2.295,
    // −0.66, −0.945, −1.305), which is within its stated 0.66 to rounding.
    const near = (got: Float64Array, want: number[]) =>
      want.forEach((w, i) => {
        expect(Math.abs(got[i]! - w), `${w}`).toBeLessThanOrEqual(0.0101);
      });
    near(r.mu, [0.66, 0.21]);
    near(r.muStar, [1.62, 0.35]);
    near(r.sigma, [1.79, 0.41]);
    expect(r.mu[0]).toBeCloseTo(0.65, 12);
    expect(r.muStar[0]).toBeCloseTo(1.62, 12);
    expect(Array.from(r.effects)).toEqual([6, 6]);
  });

  it("give μ*(x₂) = 7.875 exactly on Ishigami with 4 levels (every effect of x₂ is ±7.875)", () => {
    const design = buildDesign({
      parameters: ["x1", "x2", "x3"].map((name) => ({
        name,
        distribution: { kind: "uniform", lo: 0, hi: 1 } as const,
      })),
      sampler: { kind: "morris", trajectories: 50, levels: 4 },
      seed: 9,
    });
    const y = Array.from({ length: design.rows }, (_, r) => ishigami(design.unit.subarray(r * 3, r * 3 + 3)));
    const r = morrisIndices(design.unit, y, 3);
    expect(r.muStar[1]).toBeCloseTo(7.875, 9);
    expect(r.sigma[1]).toBeGreaterThan(0); // signs differ, so μ ≠ μ*
  });

  it("rank the G-function's inputs by μ* in the order of their importance (a = 0, 1, 4.5, 9, 99 …)", () => {
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const design = buildDesign({
      parameters: a.map((_, i) => ({
        name: `x${i + 1}`,
        distribution: { kind: "uniform", lo: 0, hi: 1 } as const,
      })),
      sampler: { kind: "morris", trajectories: 100, levels: 4 },
      seed: 3,
    });
    const y = Array.from({ length: design.rows }, (_, r) =>
      gFunction(design.unit.subarray(r * 8, r * 8 + 8), a),
    );
    const r = morrisIndices(design.unit, y, 8, { resamples: 200, seed: 1 });
    expect(r.muStar[0]).toBeGreaterThan(r.muStar[1]!);
    expect(r.muStar[1]).toBeGreaterThan(r.muStar[2]!);
    expect(r.muStar[2]).toBeGreaterThan(r.muStar[3]!);
    for (let i = 4; i < 8; i++) expect(r.muStar[3]).toBeGreaterThan(r.muStar[i]!);
    expect(r.muStarInterval[0]!.low).toBeLessThan(r.muStar[0]!);
    expect(r.muStarInterval[0]!.high).toBeGreaterThan(r.muStar[0]!);
  });

  it("refuses a step that moves two inputs", () => {
    expect(() => morrisIndices([0, 0, 1, 1, 1, 0], [1, 2, 3], 2)).toThrow(/more than one input/);
  });
});
