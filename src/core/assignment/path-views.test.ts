import { describe, expect, it } from "vitest";
import { buildDemand } from "../network/demand.js";
import { buildNetwork } from "../network/graph.js";
import { GradientProjectionAssigner } from "./gradient-projection.js";

// Two congestible routes from 0 to 3 (through 1 or 2), so the equilibrium uses both.
const network = () =>
  buildNetwork({
    nodeCount: 4,
    links: [
      { from: 0, to: 1, capacity: 100, freeFlowTime: 1, b: 0.15, power: 4 },
      { from: 1, to: 3, capacity: 100, freeFlowTime: 1, b: 0.15, power: 4 },
      { from: 0, to: 2, capacity: 100, freeFlowTime: 1.2, b: 0.15, power: 4 },
      { from: 2, to: 3, capacity: 100, freeFlowTime: 1.2, b: 0.15, power: 4 },
    ],
  });

describe("a pair's paths as views into the path store", () => {
  it("hold the same links and flows as the copies, sharing the store's buffer", () => {
    const net = network();
    const demand = buildDemand({ nodeCount: 4, entries: [{ origin: 0, destination: 3, demand: 300 }] });
    const assigner = new GradientProjectionAssigner(net, demand);
    assigner.solve({ gap: 1e-9 });
    const copies = assigner.pairPaths(0);
    const views = assigner.pairPathViews(0);
    expect(copies).toHaveLength(2);
    expect(views.map((p) => [Array.from(p.links), p.flow])).toEqual(
      copies.map((p) => [Array.from(p.links), p.flow]),
    );
    expect(views[0]!.links.buffer).toBe(views[1]!.links.buffer);
    expect(copies[0]!.links.buffer).not.toBe(copies[1]!.links.buffer);
  });
});
