import { describe, expect, it } from "vitest";
import { nelderMead } from "./nelder-mead.js";

describe("Nelder–Mead", () => {
  it("finds the minimum (1, 1) of Rosenbrock's banana function from (−1.2, 1)", () => {
    const rosenbrock = (x: readonly number[]) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 2000 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
    expect(result.value).toBeLessThan(1e-8);
  });

  it("minimises a shifted quadratic in four dimensions", () => {
    const centre = [3, -1, 0.5, 10];
    const f = (x: readonly number[]) => x.reduce((s, xi, i) => s + (i + 1) * (xi - centre[i]!) ** 2, 0);
    const result = nelderMead(f, [0, 0, 0, 0], { step: 1, maxIterations: 5000 });
    expect(result.converged).toBe(true);
    result.x.forEach((xi, i) => {
      expect(xi).toBeCloseTo(centre[i]!, 4);
    });
  });

  it("walks away from points where the objective is not finite", () => {
    // log barrier: undefined for x ≤ 0, minimum at x = 1.
    const f = (x: readonly number[]) => x[0]! - Math.log(x[0]!);
    const result = nelderMead(f, [0.2], { step: -1 });
    expect(result.x[0]).toBeCloseTo(1, 4);
  });

  it("reports no convergence when the iteration cap is hit, returning the best point seen", () => {
    const f = (x: readonly number[]) => (x[0]! - 5) ** 2 + (x[1]! + 2) ** 2;
    const result = nelderMead(f, [0, 0], { maxIterations: 3 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(3);
    expect(result.value).toBeLessThanOrEqual(f([0, 0]));
  });
});
