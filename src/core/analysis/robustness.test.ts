import { describe, expect, it } from "vitest";
import { robustness } from "./robustness.js";

// McPhail et al. (2018), Earth's Future: hand-worked matrix, higher is better.
const policies = ["A", "B", "C"];
const values = [
  [10, 8, 6, 2],
  [7, 7, 6, 5],
  [12, 9, 3, 0],
];

describe("robustness metrics", () => {
  const r = robustness(policies, values, { direction: "maximize", hurwiczAlpha: 0.7, threshold: 5 });
  const by = (p: string) => r.policies.find((x) => x.policy === p)!;

  it("reproduce McPhail et al.'s maximin, maximax, Laplace and Hurwicz choices", () => {
    expect(r.preferred.maximin).toEqual(["B"]);
    expect(by("B").worst).toBe(5);
    expect(r.preferred.maximax).toEqual(["C"]);
    expect(by("C").best).toBe(12);
    expect([by("A").laplace, by("B").laplace, by("C").laplace]).toEqual([6.5, 6.25, 6]);
    expect(r.preferred.laplace).toEqual(["A"]);
    expect(by("A").hurwicz).toBeCloseTo(7.6, 12);
    expect(by("B").hurwicz).toBeCloseTo(6.4, 12);
    expect(by("C").hurwicz).toBeCloseTo(8.4, 12);
    expect(r.preferred.hurwicz).toEqual(["C"]);
  });

  it("reproduce their regrets, minimax regret and satisficing shares", () => {
    expect(Array.from(by("A").regrets)).toEqual([2, 1, 0, 3]);
    expect(Array.from(by("B").regrets)).toEqual([5, 2, 0, 0]);
    expect(Array.from(by("C").regrets)).toEqual([0, 0, 3, 5]);
    expect(r.preferred["minimax-regret"]).toEqual(["A"]);
    expect(by("A").maxRegret).toBe(3);
    expect([by("A").satisficing, by("B").satisficing, by("C").satisficing]).toEqual([0.75, 1, 0.5]);
    expect(r.preferred.satisficing).toEqual(["B"]);
    // 90th percentile of A's regrets (0, 1, 2, 3) by linear interpolation: 2 + 0.7·1.
    expect(by("A").regretQuantile).toBeCloseTo(2.7, 12);
  });

  it("give the mirror-image answers for an outcome to minimise", () => {
    const m = robustness(
      policies,
      values.map((row) => row.map((v) => -v)),
      { direction: "minimize", hurwiczAlpha: 0.7, threshold: -5 },
    );
    expect(m.preferred).toEqual(r.preferred);
    expect(m.policies.find((x) => x.policy === "B")!.worst).toBe(-5);
    expect(Array.from(m.policies[0]!.regrets)).toEqual([2, 1, 0, 3]);
  });

  it("lists every policy tied for the top and drops futures with a missing value", () => {
    const t = robustness(
      ["x", "y"],
      [
        [1, 2, Number.NaN],
        [1, 2, 3],
      ],
      { direction: "maximize" },
    );
    expect(t.preferred.laplace).toEqual(["x", "y"]);
    expect(t.dropped).toBe(1);
    expect(t.futures).toBe(2);
  });
});
