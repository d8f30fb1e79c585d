/**
 * The equilibrium suite every assignment algorithm must pass (STYLE.md: one interface, one shared
 * suite). Closed forms for small networks; the published TNTP equilibria for Sioux Falls and Anaheim.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../errors/index.js";
import { buildDemand, type Demand, demandFromTntp } from "../network/demand.js";
import { buildNetwork, findLink, type LinkSpec, type Network, networkFromTntp } from "../network/graph.js";
import { parseTntpFlow, parseTntpNet, parseTntpTrips } from "../network/tntp.js";
import { type AlgorithmName, algorithmNames, algorithms, assign, createAssigner } from "./assign.js";
import { LinkCostModel } from "./link-cost.js";
import type { AssignmentResult } from "./types.js";

const fixture = (name: string, file: string) =>
  readFileSync(new URL(`../../../test/fixtures/tntp/${name}/${file}`, import.meta.url), "utf8");

function tntp(name: string) {
  const net = parseTntpNet(fixture(name, `${name}_net.tntp`), `${name}_net.tntp`);
  const trips = parseTntpTrips(fixture(name, `${name}_trips.tntp`), `${name}_trips.tntp`, net);
  const flows = parseTntpFlow(fixture(name, `${name}_flow.tntp`), `${name}_flow.tntp`);
  return {
    network: () => networkFromTntp(net),
    demand: () => demandFromTntp(trips, net.nodes),
    published: Float64Array.from(flows, (f) => f.volume),
  };
}

const siouxFalls = tntp("SiouxFalls");
const anaheim = tntp("Anaheim");
/** Beckmann objectives of the published flows (/work/shared/data/tntp/README.md; Anaheim from its README). */
const BECKMANN = { SiouxFalls: 4_231_335.287107, Anaheim: 1_286_032.171096 };

/**
 * How far each algorithm is driven. The path solver goes to 1e-10 and must match the published flows
 * to 0.5 vehicles (at 1e-9 one Anaheim link is still 5 vehicles off: lightly loaded links barely
 * change cost with flow, so the gap hardly sees them); the Frank–Wolfe family stops at 1e-4 and is checked through the bound that
 * convexity gives: 0 ≤ Beckmann(x) − Beckmann* ≤ TSTT − SPTT = gap·TSTT.
 */
interface Settings {
  gap: number;
  /** Largest flow error allowed against the published TNTP flows, in vehicles. */
  flowTolerance: number;
  /** Mean flow error allowed, as a share of the mean published flow. */
  meanFlowShare: number;
  /** Tolerance of the analytic cases (flows and costs). */
  analytic: number;
  maxIterations: number;
}

const settings: Record<AlgorithmName, Settings> = {
  path: { gap: 1e-10, flowTolerance: 0.5, meanFlowShare: 1e-6, analytic: 1e-6, maxIterations: 1000 },
  bfw: {
    gap: 1e-4,
    flowTolerance: Number.POSITIVE_INFINITY,
    meanFlowShare: 0.02,
    analytic: 1e-3,
    maxIterations: 20000,
  },
  cfw: {
    gap: 1e-4,
    flowTolerance: Number.POSITIVE_INFINITY,
    meanFlowShare: 0.02,
    analytic: 1e-3,
    maxIterations: 20000,
  },
  fw: {
    gap: 1e-4,
    flowTolerance: Number.POSITIVE_INFINITY,
    meanFlowShare: 0.02,
    analytic: 1e-3,
    maxIterations: 20000,
  },
};

/** BPR link with power 1: t = t₀ + slope·x (t₀·b/c = slope with c = 1). */
function linear(from: number, to: number, t0: number, slope: number): LinkSpec {
  return { from, to, capacity: 1, freeFlowTime: t0, b: slope / t0, power: 1 };
}

function constant(from: number, to: number, t0: number): LinkSpec {
  return { from, to, capacity: 0, freeFlowTime: t0, b: 0, power: 0 };
}

/** t₁ = 10 + x₁ and t₂ = 15 + x₂/2 between nodes 0 and 1. */
function twoParallelLinks(): Network {
  return buildNetwork({ nodeCount: 2, links: [linear(0, 1, 10, 1), linear(0, 1, 15, 0.5)] });
}

/** Warm and cold solves of the same inputs agree on the Beckmann objective within their two gaps. */
function expectSameEquilibrium(warm: AssignmentResult, cold: AssignmentResult): void {
  const bound = warm.gap * warm.tstt + cold.gap * cold.tstt + 1e-9 * cold.beckmann;
  expect(Math.abs(warm.beckmann - cold.beckmann)).toBeLessThanOrEqual(bound);
}

function od(nodeCount: number, entries: [number, number, number][]): Demand {
  return buildDemand({
    nodeCount,
    entries: entries.map(([origin, destination, demand]) => ({ origin, destination, demand })),
  });
}

function expectFinite(result: AssignmentResult): void {
  for (const v of [result.tstt, result.sptt, result.beckmann, result.gap, result.unservedDemand]) {
    expect(Number.isFinite(v)).toBe(true);
  }
  for (const x of result.flows) expect(Number.isFinite(x)).toBe(true);
  for (const c of result.costs) expect(Number.isFinite(c)).toBe(true);
}

function compareToPublished(result: AssignmentResult, published: Float64Array, s: Settings) {
  let max = 0;
  let sum = 0;
  let total = 0;
  published.forEach((v, a) => {
    const d = Math.abs(v - result.flows[a]!);
    max = Math.max(max, d);
    sum += d;
    total += v;
  });
  expect(max).toBeLessThanOrEqual(s.flowTolerance);
  expect(sum / total).toBeLessThanOrEqual(s.meanFlowShare);
}

it("lists every algorithm with a one-line description", () => {
  expect(algorithmNames).toEqual(["path", "bfw", "cfw", "fw"]);
  for (const name of algorithmNames) expect(algorithms[name]).toMatch(/\(\w.* \d{4}\)/);
});

it("rejects an unknown algorithm with a suggestion, and bad options by name", () => {
  const network = buildNetwork({ nodeCount: 2, links: [linear(0, 1, 1, 1)] });
  const demand = od(2, [[0, 1, 1]]);
  try {
    assign(network, demand, { algorithm: "bwf" as AlgorithmName });
    expect.unreachable();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues[0]).toMatchObject({ code: "unknown-algorithm", suggestion: "bfw" });
  }
  expect(() => assign(network, demand, { gap: -1 })).toThrow(InputError);
  expect(() => assign(network, demand, { tollFactor: Number.NaN })).toThrow(/tollFactor/);
});

describe.each(algorithmNames)("user equilibrium by %s", (algorithm) => {
  const s = settings[algorithm];
  const solve = (network: Network, demand: Demand, extra = {}) =>
    assign(network, demand, { algorithm, gap: s.gap, maxIterations: s.maxIterations, ...extra });

  describe("two parallel links with linear costs", () => {
    // t₁ = 10 + x₁, t₂ = 15 + x₂/2: both used when 10 + x = 15 + (D − x)/2, i.e. x₁ = (10 + D)/1.5.
    const network = twoParallelLinks();

    it("splits the demand to equalise the costs (closed form)", () => {
      const r = solve(network, od(2, [[0, 1, 20]]));
      expect(r.flows[0]).toBeCloseTo(10, -Math.log10(s.analytic) - 1);
      expect(r.flows[1]).toBeCloseTo(10, -Math.log10(s.analytic) - 1);
      expect(Math.abs(r.costs[0]! - 20)).toBeLessThanOrEqual(20 * s.analytic * 10);
      expect(r.converged).toBe(true);
      // Beckmann = ∫₀¹⁰ (10 + s) ds + ∫₀¹⁰ (15 + s/2) ds = 150 + 175
      expect(Math.abs(r.beckmann - 325)).toBeLessThanOrEqual(325 * s.gap * 2 + 1e-9);
    });

    it("leaves the dearer link empty when demand is low", () => {
      const r = solve(network, od(2, [[0, 1, 3]]));
      expect(r.flows[0]).toBeCloseTo(3, 9);
      expect(r.flows[1]).toBe(0);
      expect(r.tstt).toBeCloseTo(39, 9);
    });
  });

  it("stops with a clear error, never converged on NaN, when costs overflow (tiny capacity, huge demand)", () => {
    // (x/c)^p with c = 1e-300 overflows at any flow; so does demand × 1e300 at capacity 1.
    const tiny = buildNetwork({
      nodeCount: 2,
      links: [{ from: 0, to: 1, capacity: 1e-300, freeFlowTime: 1, b: 0.15, power: 4 }],
    });
    const huge = buildNetwork({
      nodeCount: 2,
      links: [{ from: 0, to: 1, capacity: 1, freeFlowTime: 1, b: 0.15, power: 4 }],
    });
    for (const [network, trips] of [
      [tiny, 10],
      [huge, 1e300],
    ] as const) {
      let error: unknown;
      try {
        solve(network, od(2, [[0, 1, trips]]));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).issues[0]).toMatchObject({ code: "not-finite", path: "assignment" });
      if (algorithm !== "path") expect((error as InputError).message).toContain("on link 1 (node 1 → 2)");
    }
  });

  describe("Braess's network", () => {
    // s = 0, a = 1, b = 2, t = 3. s→a and b→t cost ε + 10x, a→t and s→b cost 50 + x, the bridge a→b
    // costs 10 + x; 6 trips (Braess 1968, in the numbers of Murchland 1970). ε keeps t₀ > 0 for BPR.
    const eps = 1e-6;
    const links = [linear(0, 1, eps, 10), linear(1, 3, 50, 1), linear(0, 2, 50, 1), linear(2, 3, eps, 10)];
    const demand = () => od(4, [[0, 3, 6]]);

    it("splits 3 + 3 at cost 83 without the bridge", () => {
      const r = solve(buildNetwork({ nodeCount: 4, links }), demand());
      for (const x of r.flows) expect(x).toBeCloseTo(3, 2);
      expect(r.sptt / 6).toBeCloseTo(83 + eps, 2);
    });

    it("raises everyone's cost to 92 when the bridge opens (the paradox)", () => {
      const r = solve(buildNetwork({ nodeCount: 4, links: [...links, linear(1, 2, 10, 1)] }), demand());
      // Route flows f, f, 6 − 2f with f = 2 + ε/13 (equal costs on all three routes).
      const f = 2 + eps / 13;
      const expected = [6 - f, f, f, 6 - f, 6 - 2 * f];
      expected.forEach((x, a) => {
        expect(Math.abs(r.flows[a]! - x)).toBeLessThanOrEqual(6 * s.analytic * 10);
      });
      expect(r.sptt / 6).toBeCloseTo(110 + eps - 9 * f, 2);
      expect(r.sptt / 6).toBeGreaterThan(83 + 8.9);
    });
  });

  it("serves elastic demand through a constant-cost no-trip link (b = 0, capacity 0)", () => {
    // Road t = 10 + x against a reservation cost of 25: 15 trips drive, 5 stay home.
    const network = buildNetwork({ nodeCount: 2, links: [linear(0, 1, 10, 1), constant(0, 1, 25)] });
    const r = solve(network, od(2, [[0, 1, 20]]));
    expect(r.flows[0]).toBeCloseTo(15, -Math.log10(s.analytic) - 1);
    expect(r.flows[1]).toBeCloseTo(5, -Math.log10(s.analytic) - 1);
    expectFinite(r);
  });

  it("reports an OD pair with no open path as unserved, and serves it again once reopened", () => {
    // 0 → 1 → 2 and 0 → 2; 1 → 3 is the only way to 3.
    const network = buildNetwork({
      nodeCount: 4,
      links: [linear(0, 1, 1, 1), linear(1, 2, 1, 1), linear(0, 2, 3, 1), linear(1, 3, 2, 1)],
    });
    const demand = od(4, [
      [0, 2, 4],
      [0, 3, 5],
    ]);
    const assigner = createAssigner(network, demand, algorithm);
    const opts = { gap: s.gap, maxIterations: s.maxIterations };
    const open = assigner.solve(opts);
    expect(open.unservedDemand).toBe(0);
    network.closed[3] = 1;
    const cut = assigner.solve(opts);
    expectFinite(cut);
    expect(cut.unservedDemand).toBe(5);
    expect(cut.unserved).toEqual([{ origin: 0, destination: 3, demand: 5 }]);
    expect(cut.flows[3]).toBe(0);
    expect(cut.flows[1]! + cut.flows[2]!).toBeCloseTo(4, 9);
    expect(cut.converged).toBe(true);
    network.closed[3] = 0;
    const back = assigner.solve(opts);
    expect(back.unservedDemand).toBe(0);
    expect(back.flows[3]).toBeCloseTo(5, 9);
    expect(back.beckmann).toBeCloseTo(open.beckmann, 3);
  });

  it("reports all demand unserved from a cold start on a cut network, without NaN", () => {
    const network = buildNetwork({ nodeCount: 3, links: [linear(0, 1, 1, 1)] });
    const r = solve(network, od(3, [[0, 2, 7]]));
    expectFinite(r);
    expect(r).toMatchObject({ unservedDemand: 7, tstt: 0, gap: 0, converged: true });
  });

  describe.each([
    ["SiouxFalls", siouxFalls],
    ["Anaheim", anaheim],
  ] as const)("on %s", (name, data) => {
    it(`reaches the published equilibrium (Beckmann ${BECKMANN[name]})`, () => {
      const r = solve(data.network(), data.demand());
      expect(r.converged).toBe(true);
      expect(r.gap).toBeLessThanOrEqual(s.gap);
      expectFinite(r);
      const best = BECKMANN[name];
      expect(r.beckmann).toBeGreaterThanOrEqual(best * (1 - 1e-6));
      expect(r.beckmann - best).toBeLessThanOrEqual(Math.max(r.gap * r.tstt, 1e-6 * best));
      if (algorithm === "path") expect(Math.abs(r.beckmann - best)).toBeLessThanOrEqual(1e-6 * best);
      compareToPublished(r, data.published, s);
      expect(r.unservedDemand).toBe(0);
    });
  });

  it("re-equilibrates after a Sioux Falls link closes to the cold-start answer on the modified network", () => {
    const network = siouxFalls.network();
    const demand = siouxFalls.demand();
    const opts = { gap: s.gap, maxIterations: s.maxIterations };
    const assigner = createAssigner(network, demand, algorithm);
    assigner.solve(opts);
    const link = findLink(network, 9, 15); // TNTP 10 → 16, a busy link in the middle
    network.closed[link] = 1;
    const warm = assigner.solve(opts);
    const cold = createAssigner(network, demand, algorithm).solve(opts);
    expect(warm.converged).toBe(true);
    expect(warm.flows[link]).toBe(0);
    expect(warm.beckmann).toBeGreaterThan(BECKMANN.SiouxFalls);
    expectSameEquilibrium(warm, cold);
    if (algorithm === "path") {
      for (let a = 0; a < network.linkCount; a++)
        expect(Math.abs(warm.flows[a]! - cold.flows[a]!)).toBeLessThan(0.05);
    }
  });

  it("re-equilibrates after demand changes to the cold-start answer", () => {
    const network = siouxFalls.network();
    const demand = siouxFalls.demand();
    const opts = { gap: s.gap, maxIterations: s.maxIterations };
    const assigner = createAssigner(network, demand, algorithm);
    const before = assigner.solve(opts);
    for (let k = 0; k < demand.pairCount; k += 3) demand.demand[k]! *= 1.2;
    network.capacity[findLink(network, 0, 1)]! *= 0.5;
    const warm = assigner.solve(opts);
    const cold = createAssigner(network, demand, algorithm).solve(opts);
    expect(warm.beckmann).toBeGreaterThan(before.beckmann);
    expectSameEquilibrium(warm, cold);
  });

  it("re-equilibrates after a capacity change alone, with the costs of the flows it reports", () => {
    const network = siouxFalls.network();
    const demand = siouxFalls.demand();
    const opts = { gap: s.gap, maxIterations: s.maxIterations };
    const assigner = createAssigner(network, demand, algorithm);
    assigner.solve(opts);
    // A second solve of the same inputs leaves the path flows as they are: the next solve starts from
    // link flows it can keep, and must still re-cost the changed link.
    assigner.solve(opts);
    network.capacity[findLink(network, 9, 15)]! *= 0.6;
    const warm = assigner.solve(opts);
    const cold = createAssigner(network, demand, algorithm).solve(opts);
    expectSameEquilibrium(warm, cold);
    const model = new LinkCostModel(network.linkCount);
    model.refresh(network);
    const costs = new Float64Array(network.linkCount);
    model.evaluate(warm.flows, costs);
    expect(warm.costs).toEqual(costs);
  });

  it("keeps the state of pairs present in both OD structures when the demand is replaced", () => {
    const network = siouxFalls.network();
    const demand = siouxFalls.demand();
    const opts = { gap: s.gap, maxIterations: s.maxIterations };
    const assigner = createAssigner(network, demand, algorithm);
    assigner.solve(opts);
    const entries = [];
    for (let k = 1; k < demand.pairCount; k++) {
      entries.push({
        origin: demand.origin[k]!,
        destination: demand.destination[k]!,
        demand: demand.demand[k]!,
      });
    }
    const replaced = buildDemand({ nodeCount: network.nodeCount, entries });
    assigner.setDemand(replaced);
    const warm = assigner.solve(opts);
    const cold = createAssigner(network, replaced, algorithm).solve(opts);
    expect(warm.converged).toBe(true);
    expectSameEquilibrium(warm, cold);
  });

  it("tells each pair's route flows when it knows them, adding up to the demand and the link flows", () => {
    const network = siouxFalls.network();
    const demand = siouxFalls.demand();
    const assigner = createAssigner(network, demand, algorithm);
    const r = assigner.solve({ gap: 1e-4 });
    if (!assigner.pairPaths) return; // link-based solvers do not keep paths
    const flows = new Float64Array(network.linkCount);
    for (let k = 0; k < demand.pairCount; k++) {
      const paths = assigner.pairPaths(k);
      expect(paths.reduce((sum, p) => sum + p.flow, 0)).toBeCloseTo(demand.demand[k]!, 6);
      for (const p of paths) {
        expect(network.from[p.links[0]!]).toBe(demand.origin[k]);
        expect(network.to[p.links[p.links.length - 1]!]).toBe(demand.destination[k]);
        for (const a of p.links) flows[a]! += p.flow;
      }
    }
    flows.forEach((x, a) => {
      expect(x).toBeCloseTo(r.flows[a]!, 4);
    });
  });

  it("stops at the iteration limit and says it did not converge", () => {
    const r = solve(siouxFalls.network(), siouxFalls.demand(), { gap: 1e-12, maxIterations: 2 });
    expect(r.iterations).toBe(2);
    expect(r.converged).toBe(false);
    expect(r.gap).toBeGreaterThan(1e-12);
    expectFinite(r);
  });

  it("refuses a capacity set to 0 on a congestible link after the build, naming the link", () => {
    const network = twoParallelLinks();
    network.capacity[1] = 0;
    expect(() => solve(network, od(2, [[0, 1, 20]]))).toThrow(/links\[1\]\.capacity/);
  });

  it("refuses demand written in place as negative or NaN", () => {
    const network = buildNetwork({ nodeCount: 2, links: [linear(0, 1, 10, 1)] });
    const demand = od(2, [[0, 1, 20]]);
    const assigner = createAssigner(network, demand, algorithm);
    assigner.solve({ gap: s.gap });
    demand.demand[0] = Number.NaN;
    expect(() => assigner.solve({ gap: s.gap })).toThrow(InputError);
    demand.demand[0] = 12;
    expect(assigner.solve({ gap: s.gap }).flows[0]).toBeCloseTo(12, 9);
  });

  it("prices tolls through the toll factor", () => {
    // Equal roads; a toll of 4 on the first at toll factor 0.5 adds 2: 10 + x₁ + 2 = 10 + x₂.
    const network = buildNetwork({
      nodeCount: 2,
      links: [{ ...linear(0, 1, 10, 1), toll: 4 }, linear(0, 1, 10, 1)],
    });
    const r = solve(network, od(2, [[0, 1, 10]]), { tollFactor: 0.5 });
    expect(r.flows[0]).toBeCloseTo(4, -Math.log10(s.analytic) - 1);
    expect(r.costs[0]).toBeCloseTo(16, -Math.log10(s.analytic) - 2);
    expect(r.totalTravelTime).toBeCloseTo(4 * 14 + 6 * 16, -Math.log10(s.analytic) - 2);
  });

  it("reports progress once per iteration with the gap it measured", () => {
    const seen: number[] = [];
    const r = solve(siouxFalls.network(), siouxFalls.demand(), {
      gap: 1e-3,
      onIteration: (p: { iteration: number; gap: number; seconds: number }) => {
        expect(p.iteration).toBe(seen.length + 1);
        expect(p.seconds).toBeGreaterThanOrEqual(0);
        seen.push(p.gap);
      },
    });
    expect(seen).toHaveLength(r.iterations);
    expect(seen[seen.length - 1]).toBe(r.gap);
  });
});

describe("warm start of the path solver", () => {
  // t₁ = 10 + x₁; t₂ = 15 + x₂/2 at capacity 1, 15 + x₂ at capacity 0.5: with D = 20, 10/10 then 12.5/7.5.
  const opts = { algorithm: "path" as const, gap: 1e-10 };

  it("sweeps the known paths before its first pass when they already show a gap, so one pass confirms", () => {
    const network = twoParallelLinks();
    const assigner = createAssigner(network, od(2, [[0, 1, 20]]), "path");
    const first = assigner.solve(opts);
    expect(first.flows[0]).toBeCloseTo(10, 8);
    network.capacity[1] = 0.5;
    const warm = assigner.solve(opts);
    expect(warm.converged).toBe(true);
    expect(warm.iterations).toBe(1);
    expect(warm.flows[0]).toBeCloseTo(12.5, 8);
    expect(warm.flows[1]).toBeCloseTo(7.5, 8);
  });

  it("leaves flows already at equilibrium exactly as they are", () => {
    const network = twoParallelLinks();
    const assigner = createAssigner(network, od(2, [[0, 1, 20]]), "path");
    const first = Float64Array.from(assigner.solve(opts).flows);
    const again = assigner.solve(opts);
    expect(again.iterations).toBe(1);
    expect(Float64Array.from(again.flows)).toEqual(first);
  });
});
