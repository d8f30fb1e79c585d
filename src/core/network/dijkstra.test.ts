import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allOrNothing } from "./all-or-nothing.js";
import { buildDemand } from "./demand.js";
import {
  allOriginTrees,
  pathLinks,
  ShortestPathWorkspace,
  shortestPathTree,
  shortestPathTreeLazy,
} from "./dijkstra.js";
import { buildNetwork, type Network } from "./graph.js";
import { shortestPairCosts } from "./pair-costs.js";

/** Reference answer: Bellman–Ford, relaxing only out of the origin and of nodes that allow through traffic. */
function bellmanFord(network: Network, cost: Float64Array, origin: number): Float64Array {
  const dist = new Float64Array(network.nodeCount).fill(Number.POSITIVE_INFINITY);
  dist[origin] = 0;
  for (let round = 0; round < network.nodeCount; round++) {
    let changed = false;
    for (let a = 0; a < network.linkCount; a++) {
      if (network.closed[a] === 1) continue;
      const u = network.from[a]!;
      if (u !== origin && network.noThrough[u] === 1) continue;
      const nd = dist[u]! + cost[a]!;
      if (nd < dist[network.to[a]!]!) {
        dist[network.to[a]!] = nd;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return dist;
}

interface RandomGraph {
  network: Network;
  cost: Float64Array;
}

/** Random small graphs with parallel links, closed links, zero costs and no-through nodes. */
const randomGraph = fc
  .integer({ min: 2, max: 9 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      links: fc.array(
        fc.record({
          from: fc.integer({ min: 0, max: n - 1 }),
          to: fc.integer({ min: 0, max: n - 1 }),
          cost: fc.oneof(
            fc.constant(0),
            fc.integer({ min: 1, max: 20 }),
            fc.double({ min: 0, max: 10, noNaN: true }),
          ),
          closed: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
        }),
        { maxLength: 30 },
      ),
      noThrough: fc.array(
        fc.integer({ min: 0, max: 3 }).map((x) => x === 0),
        { minLength: n, maxLength: n },
      ),
    }),
  )
  .map(({ n, links, noThrough }): RandomGraph => {
    const kept = links.filter((l) => l.from !== l.to);
    const network = buildNetwork({
      nodeCount: n,
      noThrough,
      links: kept.map((l) => ({ from: l.from, to: l.to, capacity: 1, freeFlowTime: l.cost, b: 0, power: 0 })),
    });
    kept.forEach((l, a) => {
      network.closed[a] = l.closed ? 1 : 0;
    });
    return { network, cost: Float64Array.from(kept, (l) => l.cost) };
  });

describe.each([
  ["indexed heap", shortestPathTree],
  ["lazy heap", shortestPathTreeLazy],
])("Dijkstra with an %s", (_name, tree) => {
  it("finds the Bellman–Ford distances on random graphs with closed links and no-through nodes", () => {
    fc.assert(
      fc.property(randomGraph, ({ network, cost }) => {
        const ws = new ShortestPathWorkspace(network.nodeCount, network.linkCount);
        for (let origin = 0; origin < network.nodeCount; origin++) {
          tree(network, cost, origin, ws);
          const expected = bellmanFord(network, cost, origin);
          for (let v = 0; v < network.nodeCount; v++) {
            const got = ws.dist[v]!;
            const want = expected[v]!;
            if (want === Number.POSITIVE_INFINITY) expect(got).toBe(want);
            else expect(got).toBeCloseTo(want, 9);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("returns paths whose links are open, chain from origin to target and add up to the distance", () => {
    fc.assert(
      fc.property(randomGraph, ({ network, cost }) => {
        const ws = new ShortestPathWorkspace(network.nodeCount, network.linkCount);
        const out = new Int32Array(network.nodeCount);
        for (let origin = 0; origin < network.nodeCount; origin++) {
          tree(network, cost, origin, ws);
          for (let t = 0; t < network.nodeCount; t++) {
            const n = pathLinks(network, ws, t, out);
            if (ws.dist[t] === Number.POSITIVE_INFINITY) {
              expect(n).toBe(-1);
              continue;
            }
            let at = origin;
            let sum = 0;
            for (let i = 0; i < n; i++) {
              const a = out[i]!;
              expect(network.closed[a]).toBe(0);
              expect(network.from[a]).toBe(at);
              if (i > 0) expect(network.noThrough[at]).toBe(0);
              sum += cost[a]!;
              at = network.to[a]!;
            }
            expect(at).toBe(t);
            expect(sum).toBeCloseTo(ws.dist[t]!, 9);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("stops early with the targets' distances final", () => {
    fc.assert(
      fc.property(
        randomGraph,
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        ({ network, cost }, picks) => {
          const ws = new ShortestPathWorkspace(network.nodeCount, network.linkCount);
          const targets = Int32Array.from(picks, (p) => p % network.nodeCount);
          for (let origin = 0; origin < network.nodeCount; origin++) {
            const expected = bellmanFord(network, cost, origin);
            tree(network, cost, origin, ws, { nodes: targets });
            for (const t of targets) {
              if (expected[t] === Number.POSITIVE_INFINITY) expect(ws.dist[t]).toBe(expected[t]);
              else expect(ws.dist[t]).toBeCloseTo(expected[t]!, 9);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("shortest paths on a hand-made network", () => {
  // 0 → 1 → 2 is cheapest (2) but 1 is a zone that may not be passed through; 0 → 3 → 2 costs 5.
  const network = buildNetwork({
    nodeCount: 4,
    noThrough: [true, true, false, false],
    links: [
      { from: 0, to: 1, capacity: 1, freeFlowTime: 1, b: 0, power: 0 },
      { from: 1, to: 2, capacity: 1, freeFlowTime: 1, b: 0, power: 0 },
      { from: 0, to: 3, capacity: 1, freeFlowTime: 2, b: 0, power: 0 },
      { from: 3, to: 2, capacity: 1, freeFlowTime: 3, b: 0, power: 0 },
      { from: 3, to: 1, capacity: 1, freeFlowTime: 1, b: 0, power: 0 },
    ],
  });
  const cost = Float64Array.from(network.freeFlowTime);

  it("lets a no-through origin start a path but no path pass through a no-through zone", () => {
    const ws = new ShortestPathWorkspace(4, 5);
    shortestPathTree(network, cost, 0, ws);
    expect(Array.from(ws.dist)).toEqual([0, 1, 5, 2]);
    shortestPathTree(network, cost, 1, ws);
    expect(Array.from(ws.dist)).toEqual([Number.POSITIVE_INFINITY, 0, 1, Number.POSITIVE_INFINITY]);
  });

  it("routes around a closed link and reports an unreachable node as Infinity", () => {
    const ws = new ShortestPathWorkspace(4, 5);
    network.closed[3] = 1;
    shortestPathTree(network, cost, 0, ws);
    expect(ws.dist[2]).toBe(Number.POSITIVE_INFINITY);
    expect(pathLinks(network, ws, 2, new Int32Array(4))).toBe(-1);
    network.closed[3] = 0;
    shortestPathTree(network, cost, 0, ws);
    expect(ws.dist[2]).toBe(5);
  });

  it("does not stop at a no-through target's first, dearer offer", () => {
    // Zone 1 is offered 10 straight from 0, then 2 via junction 2: an exit at the first offer is wrong.
    const star = buildNetwork({
      nodeCount: 3,
      noThrough: [true, true, false],
      links: [
        { from: 0, to: 1, capacity: 1, freeFlowTime: 10, b: 0, power: 0 },
        { from: 0, to: 2, capacity: 1, freeFlowTime: 1, b: 0, power: 0 },
        { from: 2, to: 1, capacity: 1, freeFlowTime: 1, b: 0, power: 0 },
      ],
    });
    const ws = new ShortestPathWorkspace(3, 3);
    for (const tree of [shortestPathTree, shortestPathTreeLazy]) {
      tree(star, Float64Array.from(star.freeFlowTime), 0, ws, { nodes: [1] });
      expect(ws.dist[1]).toBe(2);
    }
  });

  it("gives each OD pair its shortest cost, Infinity when cut off", () => {
    const demand = buildDemand({
      nodeCount: 4,
      entries: [
        { origin: 0, destination: 2, demand: 1 },
        { origin: 1, destination: 0, demand: 1 },
        { origin: 3, destination: 2, demand: 1 },
      ],
    });
    expect(Array.from(shortestPairCosts(network, demand, cost))).toEqual([5, Number.POSITIVE_INFINITY, 3]);
  });

  it("stores one tree per origin", () => {
    const forest = allOriginTrees(network, cost, [0, 3]);
    expect(Array.from(forest.dist.subarray(4, 8))).toEqual([Number.POSITIVE_INFINITY, 1, 3, 0]);
    expect(forest.predLink[4 + 2]).toBe(3);
  });
});

describe("all-or-nothing loading", () => {
  it("conserves flow at every node and adds up to Σ demand × shortest cost", () => {
    fc.assert(
      fc.property(
        randomGraph,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 50 })), {
          minLength: 1,
          maxLength: 8,
        }),
        ({ network, cost }, raw) => {
          const n = network.nodeCount;
          const entries = raw
            .map(([o, d, q]) => ({ origin: o % n, destination: d % n, demand: q }))
            .filter((e) => e.origin !== e.destination);
          if (entries.length === 0) return;
          const demand = buildDemand({ nodeCount: n, entries });
          const flows = new Float64Array(network.linkCount);
          const ws = new ShortestPathWorkspace(n, network.linkCount);
          const unreachable = new Uint8Array(demand.pairCount);
          const r = allOrNothing(network, demand, cost, ws, flows, new Float64Array(n), unreachable);
          // Net outflow of each node = its served origin demand − its served destination demand.
          const net = new Float64Array(n);
          let served = 0;
          let expectedSptt = 0;
          let unserved = 0;
          for (let k = 0; k < demand.pairCount; k++) {
            const dist = bellmanFord(network, cost, demand.origin[k]!)[demand.destination[k]!]!;
            if (dist === Number.POSITIVE_INFINITY) {
              expect(unreachable[k]).toBe(1);
              unserved += demand.demand[k]!;
              continue;
            }
            net[demand.origin[k]!]! += demand.demand[k]!;
            net[demand.destination[k]!]! -= demand.demand[k]!;
            served += demand.demand[k]!;
            expectedSptt += demand.demand[k]! * dist;
          }
          for (let a = 0; a < network.linkCount; a++) {
            net[network.from[a]!]! -= flows[a]!;
            net[network.to[a]!]! += flows[a]!;
            if (network.closed[a] === 1) expect(flows[a]).toBe(0);
          }
          for (let v = 0; v < n; v++) expect(net[v]).toBeCloseTo(0, 9);
          expect(r.unservedDemand).toBeCloseTo(unserved, 9);
          expect(r.sptt).toBeCloseTo(expectedSptt, 6);
          expect(served + unserved).toBeCloseTo(
            entries.reduce((s, e) => s + e.demand, 0),
            9,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
