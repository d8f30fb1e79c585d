import { describe, expect, it } from "vitest";
import { createStream } from "../random/index.js";
import { cart } from "./cart.js";
import { treeScreening } from "./screening.js";

function uniformColumns(n: number, d: number, seed: number): Float64Array[] {
  const random = createStream(seed, 0, "test/trees");
  const cols = Array.from({ length: d }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) cols[j]![i] = random.next();
  return cols;
}

describe("extra-trees screening", () => {
  it("ranks the three informative inputs of a planted function first among 200 inputs", () => {
    const n = 2000;
    const d = 200;
    const cols = uniformColumns(n, d, 1);
    // Informative: x17 (strong, linear), x3 (non-linear), x150 (interaction with x17).
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++)
      y[i] =
        4 * cols[17]![i]! + 3 * Math.sin(2 * Math.PI * cols[3]![i]!) + 2 * cols[17]![i]! * cols[150]![i]!;
    const names = cols.map((_, j) => `x${j}`);
    const r = treeScreening(names, cols, y, { trees: 50, seed: 4 });
    expect(r.ranking.slice(0, 3).sort((a, b) => a - b)).toEqual([3, 17, 150]);
    expect(r.importance.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // The informative inputs hold most of the importance; no noise input comes near the weakest of them.
    const weakest = Math.min(r.importance[3]!, r.importance[17]!, r.importance[150]!);
    const noise = r.ranking.slice(3).map((j) => r.importance[j]!);
    expect(Math.max(...noise)).toBeLessThan(weakest / 2);
  });

  it("is reproducible from its seed", () => {
    const cols = uniformColumns(300, 5, 2);
    const y = Array.from(cols[0]!, (v) => v * v);
    const a = treeScreening(["a", "b", "c", "d", "e"], cols, y, { trees: 10, seed: 1 });
    const b = treeScreening(["a", "b", "c", "d", "e"], cols, y, { trees: 10, seed: 1 });
    expect(a.importance).toEqual(b.importance);
  });
});

describe("CART scenario discovery", () => {
  it("finds a planted box as its densest leaf with coverage and density above 0.9", () => {
    const n = 4000;
    const cols = uniformColumns(n, 5, 3);
    const y = Array.from({ length: n }, (_, i) => (cols[1]![i]! > 0.5 && cols[4]![i]! < 0.4 ? 1 : 0));
    const r = cart(["a", "b", "c", "d", "e"], cols, y, { maxDepth: 3, minLeaf: 20 });
    const top = r.leaves[0]!;
    expect(top.density).toBeGreaterThan(0.9);
    expect(top.coverage).toBeGreaterThan(0.9);
    expect(top.restricted.sort()).toEqual([1, 4]);
    expect(Math.abs(top.lo[1]! - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(top.hi[4]! - 0.4)).toBeLessThan(0.01);
    expect(top.rules.some((r) => r.startsWith("b > 0.49"))).toBe(true);
    expect(r.leaves.reduce((s, l) => s + l.n, 0)).toBe(n);
  });
});
