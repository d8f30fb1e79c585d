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
