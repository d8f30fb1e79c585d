import { describe, expect, it } from "vitest";
import { allOrNothing } from "./all-or-nothing.js";
import { ShortestPathWorkspace } from "./dijkstra.js";
import { createRandom, generateGridNetwork } from "./generate.js";

describe("the generated grid network", () => {
  const small = { rows: 6, columns: 7, zones: 20, expressLinks: 10 };

  it("has at least 1,000 nodes, 3,000 links and 400 zones by default", () => {
    const g = generateGridNetwork({ destinationsPerOrigin: 5 });
    expect(g.network.nodeCount).toBeGreaterThanOrEqual(1000);
    expect(g.network.linkCount).toBeGreaterThanOrEqual(3000);
    expect(g.zones).toBeGreaterThanOrEqual(400);
    expect(g.demand.pairCount).toBe(400 * 5);
  });

  it("is the same for the same seed and differs for another", () => {
    const a = generateGridNetwork({ ...small, seed: 7 });
    const b = generateGridNetwork({ ...small, seed: 7 });
    const c = generateGridNetwork({ ...small, seed: 8 });
    expect(Array.from(a.network.capacity)).toEqual(Array.from(b.network.capacity));
    expect(Array.from(a.demand.demand)).toEqual(Array.from(b.demand.demand));
    expect(Array.from(a.network.capacity)).not.toEqual(Array.from(c.network.capacity));
  });

  it("connects every zone pair, keeps zones no-through and hits the congestion asked for", () => {
    const g = generateGridNetwork({ ...small, congestion: 0.8 });
    const { network, demand, zones } = g;
    for (let v = 0; v < network.nodeCount; v++) expect(network.noThrough[v]).toBe(v < zones ? 1 : 0);
    const cost = Float64Array.from(network.freeFlowTime);
    const flows = new Float64Array(network.linkCount);
    const ws = new ShortestPathWorkspace(network.nodeCount, network.linkCount);
    const r = allOrNothing(network, demand, cost, ws, flows, new Float64Array(network.nodeCount));
    expect(r.unservedPairs).toBe(0);
    let sum = 0;
    let count = 0;
    for (let a = 0; a < network.linkCount; a++) {
      if (network.from[a]! < zones || network.to[a]! < zones || flows[a] === 0) continue;
      sum += flows[a]! / network.capacity[a]!;
      count++;
    }
    expect(sum / count).toBeCloseTo(0.8, 9);
  });

  it("draws uniform numbers in [0, 1) from the seeded generator", () => {
    const random = createRandom(42);
    const draws = Array.from({ length: 20000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    expect(mean).toBeCloseTo(0.5, 1);
    expect(createRandom(42)()).toBe(draws[0]);
  });
});
