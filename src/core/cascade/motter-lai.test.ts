import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../errors/index.js";
import { CascadeModel, criticalTolerance, motterLaiCascade, sweepTolerance } from "./motter-lai.js";
import { buildSimpleGraph, largestComponentSize, type SimpleGraph } from "./simple-graph.js";

type Edge = [number, number];

const star = (n: number) =>
  buildSimpleGraph(
    n,
    Array.from({ length: n - 1 }, (_, i): Edge => [0, i + 1]),
  );

const cycle = (n: number) =>
  buildSimpleGraph(
    n,
    Array.from({ length: n }, (_, i): Edge => [i, (i + 1) % n]),
  );

function clique(first: number, size: number): Edge[] {
  const edges: Edge[] = [];
  for (let u = first; u < first + size; u++) for (let v = u + 1; v < first + size; v++) edges.push([u, v]);
  return edges;
}

const alphas = [0, 0.01, 0.1, 0.5, 1, 2, 10];

function gridEdges(side: number): Edge[] {
  const edges: Edge[] = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const u = r * side + c;
      if (c + 1 < side) edges.push([u, u + 1]);
      if (r + 1 < side) edges.push([u, u + side]);
    }
  }
  return edges;
}

const grid = (side: number): SimpleGraph => buildSimpleGraph(side * side, gridEdges(side));

/**
 * Betweenness from all-pairs hop distances and path counts (σ_st(v) = σ_sv·σ_vt when v lies on a
 * shortest s–t path), independent of Brandes's accumulation. O(n³) per call.
 */
function plainLoads(n: number, edges: readonly Edge[], alive: boolean[]): number[] {
  const d = Array.from({ length: n }, () => new Array<number>(n).fill(Number.POSITIVE_INFINITY));
  const sigma = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let s = 0; s < n; s++) {
    if (!alive[s]) continue;
    // Breadth-first layers with path counts.
    d[s]![s] = 0;
    sigma[s]![s] = 1;
    let frontier = [s];
    while (frontier.length > 0) {
      const next: number[] = [];
      for (const u of frontier) {
        for (const [a, b] of edges) {
          const w = a === u ? b : b === u ? a : -1;
          if (w < 0 || !alive[w]) continue;
          if (d[s]![w] === Number.POSITIVE_INFINITY) {
            d[s]![w] = d[s]![u]! + 1;
            next.push(w);
          }
          if (d[s]![w] === d[s]![u]! + 1) sigma[s]![w]! += sigma[s]![u]!;
        }
      }
      frontier = next;
    }
  }
  const load = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++) {
    for (let t = s + 1; t < n; t++) {
      if (!alive[s] || !alive[t] || d[s]![t] === Number.POSITIVE_INFINITY) continue;
      for (let v = 0; v < n; v++) {
        if (v === s || v === t || !alive[v]) continue;
        if (d[s]![v]! + d[v]![t]! === d[s]![t]) load[v]! += (sigma[s]![v]! * sigma[v]![t]!) / sigma[s]![t]!;
      }
    }
  }
  return load;
}

/** The cascade loop written out plainly on top of `plainLoads`. */
function plainCascade(n: number, edges: readonly Edge[], attacked: number[], alpha: number) {
  const alive = new Array<boolean>(n).fill(true);
  const capacity = plainLoads(n, edges, alive).map((l) => (1 + alpha) * l);
  for (const a of attacked) alive[a] = false;
  const failedPerRound: number[][] = [];
  for (;;) {
    const load = plainLoads(n, edges, alive);
    const failed = load.flatMap((l, v) => (alive[v] && l > capacity[v]! + 1e-9 ? [v] : []));
    if (failed.length === 0) break;
    for (const v of failed) alive[v] = false;
    failedPerRound.push(failed);
  }
  const mask = Uint8Array.from(alive, (a) => (a ? 1 : 0));
  return { failedPerRound, G: largestComponentSize(buildSimpleGraph(n, edges), mask) / n };
}

describe("Motter–Lai cascades", () => {
  it("leaves G = 0.1 for any α when a 10-node star loses its hub", () => {
    for (const alpha of alphas) {
      const r = motterLaiCascade(star(10), [0], { alpha });
      expect(r.G).toBe(0.1);
      expect(r.rounds).toBe(0);
      expect(r.attacked).toEqual([0]);
    }
  });

  it("never cascades on a tree: G is the largest piece left by the removal itself", () => {
    // Random labelled trees: node i > 0 hangs from a random earlier node.
    const tree = fc.integer({ min: 2, max: 30 }).chain((n) =>
      fc.record({
        parents: fc.tuple(...Array.from({ length: n - 1 }, (_, i) => fc.integer({ min: 0, max: i }))),
        attacked: fc.integer({ min: 0, max: n - 1 }),
        alpha: fc.double({ min: 0, max: 3, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(tree, ({ parents, attacked, alpha }) => {
        const n = parents.length + 1;
        const g = buildSimpleGraph(
          n,
          parents.map((p, i): Edge => [p, i + 1]),
        );
        const r = motterLaiCascade(g, [attacked], { alpha });
        const alive = new Uint8Array(n).fill(1);
        alive[attacked] = 0;
        expect(r.rounds).toBe(0);
        expect(r.largestComponent).toBe(largestComponentSize(g, alive));
        expect(r.G).toBe(largestComponentSize(g, alive) / n);
      }),
      { numRuns: 100, seed: 2002 },
    );
  });

  it("leaves G = 0.5 for any α when two 5-cliques joined by one edge are attacked at its end", () => {
    // Clique A = 0..4, clique B = 5..9, bridge 0–5. After the attack every clique node has load 0 and
    // capacity 0: the strict rule keeps them; a "≥" rule would kill both cliques.
    const g = buildSimpleGraph(10, [...clique(0, 5), ...clique(5, 5), [0, 5]]);
    for (const alpha of alphas) {
      const r = motterLaiCascade(g, [0], { alpha });
      expect(r.G).toBe(0.5);
      expect(r.rounds).toBe(0);
    }
  });

  it("leaves the 4-node remnants (G = 4/9) for any α when two 5-cliques share their cut node", () => {
    const g = buildSimpleGraph(9, [...clique(0, 5), ...clique(4, 5)]);
    for (const alpha of alphas) expect(motterLaiCascade(g, [4], { alpha }).G).toBe(4 / 9);
  });

  it("gives an even cycle the critical tolerance α = 1: the antipode fails just below, nothing just above", () => {
    for (const n of [6, 10, 20]) {
      const below = motterLaiCascade(cycle(n), [0], { alpha: 0.999 });
      expect(below.failedPerRound).toEqual([[n / 2]]);
      expect(below.G).toBe((n / 2 - 1) / n);
      const at = motterLaiCascade(cycle(n), [0], { alpha: 1 });
      expect(at.G).toBe((n - 1) / n);
      const above = motterLaiCascade(cycle(n), [0], { alpha: 1.001 });
      expect(above.rounds).toBe(0);
      expect(above.G).toBe((n - 1) / n);
      const critical = criticalTolerance(cycle(n), [0], { lo: 0, hi: 3, tol: 1e-6 });
      expect(critical.alpha).toBeGreaterThanOrEqual(1);
      expect(critical.alpha).toBeLessThanOrEqual(1 + 1e-6);
      expect(critical.threshold).toBe((n - 1) / n);
    }
  });

  it("brackets the critical tolerance by default with the first-round bound", () => {
    const model = new CascadeModel(cycle(8), [0]);
    // Path of 7 after the attack: middle load 3·3 = 9 against an initial (k − 1)²/2 = 4.5.
    expect(model.firstRoundBound()).toBe(1);
    expect(criticalTolerance(cycle(8), [0]).alpha).toBe(1);
    expect(criticalTolerance(cycle(8), [0], { lo: 2 }).alpha).toBe(2);
  });

  it("reports no critical tolerance when the threshold is out of reach", () => {
    const r = criticalTolerance(star(10), [0], { threshold: 0.5, hi: 5 });
    expect(r.alpha).toBeUndefined();
  });

  it("matches a plain re-implementation with path counts from all-pairs distances", () => {
    const graph = fc.integer({ min: 2, max: 12 }).chain((n) => {
      const pairs: Edge[] = [];
      for (let u = 0; u < n; u++) for (let v = u + 1; v < n; v++) pairs.push([u, v]);
      return fc.record({
        n: fc.constant(n),
        edges: fc.subarray(pairs, { minLength: 1 }),
        attacked: fc.integer({ min: 0, max: n - 1 }),
        alpha: fc.constantFrom(0, 0.1, 0.25, 0.5, 1, 2),
      });
    });
    fc.assert(
      fc.property(graph, ({ n, edges, attacked, alpha }) => {
        const fast = motterLaiCascade(buildSimpleGraph(n, edges), [attacked], { alpha });
        const slow = plainCascade(n, edges, [attacked], alpha);
        expect(fast.failedPerRound).toEqual(slow.failedPerRound);
        expect(fast.G).toBe(slow.G);
      }),
      { numRuns: 300, seed: 66065102 },
    );
  });

  it("cascades over several rounds on a grid, and G need not grow with α", () => {
    const g = grid(6);
    const alphas = [0, 0.1, 0.2, 0.3, 0.5, 1, 3];
    const sweep = sweepTolerance(g, [14, 21], alphas);
    sweep.forEach((point, i) => {
      const slow = plainCascade(36, gridEdges(6), [14, 21], alphas[i]!);
      expect(point.G).toBe(slow.G);
      expect(point.rounds).toBe(slow.failedPerRound.length);
    });
    expect(sweep.map((p) => p.G * 36)).toEqual([1, 1, 4, 13, 8, 34, 34]);
    expect(sweep.some((p) => p.rounds > 1)).toBe(true);
    const r = motterLaiCascade(g, [14, 21], { alpha: 0.5 });
    expect(r.rounds).toBe(r.failedPerRound.length);
    expect(r.failedPerRound.flat().every((v) => !r.alive[v])).toBe(true);
  });

  it("rejects a negative α, unknown attacked nodes and an inverted bracket", () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        if (error instanceof InputError) return error.issues[0]?.path;
        throw error;
      }
      return "no error";
    };
    expect(code(() => motterLaiCascade(star(4), [0], { alpha: -0.1 }))).toBe("alpha");
    expect(code(() => motterLaiCascade(star(4), [4], { alpha: 0 }))).toBe("attacked[0]");
    expect(code(() => sweepTolerance(star(4), [0], [0, Number.NaN]))).toBe("alphas[1]");
    expect(code(() => criticalTolerance(star(4), [0], { lo: 2, hi: 1 }))).toBe("hi");
  });
});
