import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../errors/index.js";
import { betweenness } from "./betweenness.js";
import { buildSimpleGraph, largestComponentSize } from "./simple-graph.js";

type Edge = readonly [number, number];

/**
 * Betweenness by brute force: enumerate every simple path between every pair, keep the shortest ones
 * and count the share passing through each interior node. Exponential, for graphs of up to 8 nodes.
 */
function bruteForceBetweenness(n: number, edges: readonly Edge[], weights?: readonly number[]): number[] {
  const adj: { to: number; w: number }[][] = Array.from({ length: n }, () => []);
  edges.forEach(([u, v], e) => {
    const w = weights?.[e] ?? 1;
    adj[u]!.push({ to: v, w });
    adj[v]!.push({ to: u, w });
  });
  const load = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s++) {
    for (let t = s + 1; t < n; t++) {
      let best = Number.POSITIVE_INFINITY;
      let paths: number[][] = [];
      const onPath = new Array<boolean>(n).fill(false);
      const walk = (u: number, length: number, path: number[]) => {
        if (u === t) {
          if (length < best) {
            best = length;
            paths = [path.slice()];
          } else if (length === best) paths.push(path.slice());
          return;
        }
        for (const { to, w } of adj[u]!) {
          if (onPath[to]) continue;
          onPath[to] = true;
          path.push(to);
          walk(to, length + w, path);
          path.pop();
          onPath[to] = false;
        }
      };
      onPath[s] = true;
      walk(s, 0, [s]);
      for (const path of paths) {
        for (let i = 1; i < path.length - 1; i++) load[path[i]!]! += 1 / paths.length;
      }
    }
  }
  return load;
}

/** Random simple graph on 1..8 nodes with integer weights 1..3 (integers keep ties exact). */
const smallGraph = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => {
    const pairs: Edge[] = [];
    for (let u = 0; u < n; u++) for (let v = u + 1; v < n; v++) pairs.push([u, v]);
    return fc.record({
      n: fc.constant(n),
      edges: fc.subarray(pairs),
      weights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: pairs.length, maxLength: pairs.length }),
    });
  })
  .map(({ n, edges, weights }) => ({ n, edges, weights: weights.slice(0, edges.length) }));

describe("Brandes betweenness", () => {
  it("gives the path P5 loads (i − 1)(n − i) = 0, 3, 4, 3, 0", () => {
    const g = buildSimpleGraph(5, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect([...betweenness(g)]).toEqual([0, 3, 4, 3, 0]);
  });

  it("gives the hub of a 10-node star every one of its C(9, 2) = 36 leaf pairs", () => {
    const g = buildSimpleGraph(
      10,
      Array.from({ length: 9 }, (_, i) => [0, i + 1] as const),
    );
    const load = betweenness(g);
    expect(load[0]).toBe(36);
    expect([...load.subarray(1)].every((x) => x === 0)).toBe(true);
  });

  it("splits antipodal pairs of the cycle C6 between its two arcs: load (k − 1)²/2 = 2 per node", () => {
    const g = buildSimpleGraph(
      6,
      Array.from({ length: 6 }, (_, i) => [i, (i + 1) % 6] as const),
    );
    expect([...betweenness(g)]).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it("routes around a heavy edge when weights are given", () => {
    // Triangle 0–1–2 with the 0–2 edge longer than the detour through 1.
    const g = buildSimpleGraph(
      3,
      [
        [0, 1],
        [1, 2],
        [0, 2],
      ],
      { weights: [1, 1, 5] },
    );
    expect([...betweenness(g)]).toEqual([0, 1, 0]);
  });

  it("treats float path lengths that are equal in exact arithmetic as ties", () => {
    // 0→3 via 1 costs 0.1 + 0.2 = 0.30000000000000004, via 2 costs 0.15 + 0.15 = 0.3: a tie.
    const tie = buildSimpleGraph(
      4,
      [
        [0, 1],
        [1, 3],
        [0, 2],
        [2, 3],
      ],
      { weights: [0.1, 0.2, 0.15, 0.15] },
    );
    expect(betweenness(tie)[1]).toBeCloseTo(0.5, 12);
    expect(betweenness(tie)[2]).toBeCloseTo(0.5, 12);
  });

  it("ignores dead nodes and the paths through them", () => {
    const g = buildSimpleGraph(5, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    const alive = Uint8Array.from([1, 1, 1, 0, 1]);
    expect([...betweenness(g, alive)]).toEqual([0, 1, 0, 0, 0]);
  });

  it("matches a brute-force count of shortest paths on random hop-count graphs", () => {
    fc.assert(
      fc.property(smallGraph, ({ n, edges }) => {
        const fast = betweenness(buildSimpleGraph(n, edges));
        const slow = bruteForceBetweenness(n, edges);
        slow.forEach((x, v) => {
          expect(fast[v]).toBeCloseTo(x, 9);
        });
      }),
      { numRuns: 150, seed: 20020101 },
    );
  });

  it("matches a brute-force count of shortest paths on random weighted graphs", () => {
    fc.assert(
      fc.property(smallGraph, ({ n, edges, weights }) => {
        const fast = betweenness(buildSimpleGraph(n, edges, { weights }));
        const slow = bruteForceBetweenness(n, edges, weights);
        slow.forEach((x, v) => {
          expect(fast[v]).toBeCloseTo(x, 9);
        });
      }),
      { numRuns: 150, seed: 20010102 },
    );
  });
});

describe("simple graphs", () => {
  const issues = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof InputError) return error.issues.map((i) => `${i.code} ${i.path}`);
      throw error;
    }
    throw new Error("expected an InputError");
  };

  it("rejects self-loops, repeated edges, unknown nodes and bad weights, all at once", () => {
    expect(
      issues(() =>
        buildSimpleGraph(
          3,
          [
            [0, 1],
            [1, 0],
            [2, 2],
            [0, 3],
            [1, 2],
          ],
          { weights: [1, 1, 1, 1, -2] },
        ),
      ),
    ).toEqual([
      "duplicate-edge edges[1]",
      "self-loop edges[2]",
      "out-of-range edges[3]",
      "out-of-range weights[4]",
    ]);
    expect(issues(() => buildSimpleGraph(-1, []))).toEqual(["out-of-range nodeCount"]);
    expect(issues(() => buildSimpleGraph(2, [[0, 1]], { weights: [] }))).toEqual(["length-mismatch weights"]);
  });

  it("measures the largest connected component", () => {
    const g = buildSimpleGraph(6, [
      [0, 1],
      [1, 2],
      [3, 4],
    ]);
    expect(largestComponentSize(g)).toBe(3);
    expect(largestComponentSize(g, Uint8Array.from([1, 0, 1, 1, 1, 1]))).toBe(2);
    expect(largestComponentSize(buildSimpleGraph(0, []))).toBe(0);
  });
});
