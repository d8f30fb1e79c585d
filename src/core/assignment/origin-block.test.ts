import { describe, expect, it } from "vitest";
import { buildDemand } from "../network/demand.js";
import { ShortestPathWorkspace, shortestPathTree } from "../network/dijkstra.js";
import { buildNetwork } from "../network/graph.js";
import { createAssigner } from "./assign.js";

// Two origins (0 and 1) both reach node 4 through node 2 (cheap) or node 3 (dear); constant costs.
const network = () =>
  buildNetwork({
    nodeCount: 5,
    links: [
      { from: 0, to: 2, capacity: 1, freeFlowTime: 1, b: 0, power: 0 }, // 0
      { from: 2, to: 4, capacity: 1, freeFlowTime: 1, b: 0, power: 0 }, // 1
      { from: 0, to: 3, capacity: 1, freeFlowTime: 5, b: 0, power: 0 }, // 2
      { from: 3, to: 4, capacity: 1, freeFlowTime: 5, b: 0, power: 0 }, // 3
      { from: 1, to: 2, capacity: 1, freeFlowTime: 1, b: 0, power: 0 }, // 4
      { from: 1, to: 3, capacity: 1, freeFlowTime: 5, b: 0, power: 0 }, // 5
    ],
  });

describe("links blocked for one origin", () => {
  it("are skipped by that shortest-path tree only", () => {
    const net = network();
    const ws = new ShortestPathWorkspace(net.nodeCount, net.linkCount);
    const cost = Float64Array.from(net.freeFlowTime);
    const blocked = new Uint8Array(net.linkCount);
    blocked[0] = 1;
    shortestPathTree(net, cost, 0, ws, undefined, blocked);
    expect(ws.dist[4]).toBe(10);
    shortestPathTree(net, cost, 0, ws);
    expect(ws.dist[4]).toBe(2);
  });

  it("reroute that origin's flow and leave the other origin's alone, then come back when lifted", () => {
    const net = network();
    const demand = buildDemand({
      nodeCount: 5,
      entries: [
        { origin: 0, destination: 4, demand: 10 },
        { origin: 1, destination: 4, demand: 20 },
      ],
    });
    const assigner = createAssigner(net, demand, "path");
    const before = assigner.solve({ gap: 1e-9 });
    expect(before.flows[1]).toBeCloseTo(30, 9);
    // Node 2 is off limits to traffic from origin 0 (say, transit barred from a state's territory).
    const blocked = new Uint8Array(net.linkCount);
    blocked[0] = 1;
    blocked[1] = 1;
    blocked[4] = 1;
    assigner.setOriginBlock!(0, blocked);
    const during = assigner.solve({ gap: 1e-9 });
    expect(during.flows[2]).toBeCloseTo(10, 9);
    expect(during.flows[3]).toBeCloseTo(10, 9);
    expect(during.flows[4]).toBeCloseTo(20, 9);
    expect(during.flows[1]).toBeCloseTo(20, 9);
    assigner.setOriginBlock!(0, null);
    const after = assigner.solve({ gap: 1e-9 });
    expect(after.flows[1]).toBeCloseTo(30, 9);
    expect(after.flows[2]).toBeCloseTo(0, 9);
  });
});

describe("a surcharge on some links for one origin", () => {
  const congested = () =>
    buildNetwork({
      nodeCount: 5,
      links: [
        // Via node 2: t = 1 + x/10 on its second link; via node 3: constant 6 in all.
        { from: 0, to: 2, capacity: 1, freeFlowTime: 1, b: 0, power: 0 }, // 0
        { from: 2, to: 4, capacity: 10, freeFlowTime: 1, b: 1, power: 1 }, // 1: 1 + x/10
        { from: 0, to: 3, capacity: 1, freeFlowTime: 3, b: 0, power: 0 }, // 2
        { from: 3, to: 4, capacity: 1, freeFlowTime: 3, b: 0, power: 0 }, // 3
        { from: 1, to: 2, capacity: 1, freeFlowTime: 1, b: 0, power: 0 }, // 4
        { from: 1, to: 3, capacity: 1, freeFlowTime: 3, b: 0, power: 0 }, // 5
      ],
    });
  const demand = () =>
    buildDemand({
      nodeCount: 5,
      entries: [
        { origin: 0, destination: 4, demand: 30 },
        { origin: 1, destination: 4, demand: 10 },
      ],
    });

  it("moves that origin's flow off the charged links until its costs equalise, and leaves the other origin's choice free", () => {
    const assigner = createAssigner(congested(), demand(), "path");
    // Without a surcharge all 40 vehicles fit on the node-2 route while 2 + x/10 ≤ 6: x = 40 gives 6.
    const free = assigner.solve({ gap: 1e-10 });
    expect(free.flows[1]).toBeCloseTo(40, 6);
    // Origin 0 pays 3 more on link 0: its node-2 route costs 2 + x/10 + 3, equal to 6 at x = 10;
    // origin 1's 10 vehicles still prefer node 2 (2 + 1 = 3 < 6), so origin 0 keeps none there.
    const surcharge = new Float64Array(6);
    surcharge[0] = 3;
    assigner.setOriginSurcharge!(0, surcharge);
    const charged = assigner.solve({ gap: 1e-10 });
    expect(charged.flows[4]).toBeCloseTo(10, 6); // origin 1 unchanged
    expect(charged.flows[0]).toBeCloseTo(0, 6); // 2 + (10 + x0)/10 + 3 ≥ 6 for any x0 ≥ 0
    expect(charged.flows[2]).toBeCloseTo(30, 6);
    expect(charged.gap).toBeLessThan(1e-8);
    // A smaller charge: 2 + (10 + x0)/10 + 1 = 6 at x0 = 20.
    surcharge[0] = 1;
    assigner.setOriginSurcharge!(0, surcharge);
    const partial = assigner.solve({ gap: 1e-10 });
    expect(partial.flows[0]).toBeCloseTo(20, 5);
    expect(partial.flows[2]).toBeCloseTo(10, 5);
    assigner.setOriginSurcharge!(0, null);
    expect(assigner.solve({ gap: 1e-10 }).flows[1]).toBeCloseTo(40, 6);
  });
});
