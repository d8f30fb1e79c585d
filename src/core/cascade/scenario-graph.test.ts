import { describe, expect, it } from "vitest";
import { firstIssue } from "../../../test/support/input-issue.js";
import { CascadeModel, criticalTolerance, motterLaiCascade } from "./motter-lai.js";
import { type CascadeNetworkInput, cascadeTarget, scenarioSimpleGraph } from "./scenario-graph.js";
import { largestComponentSize } from "./simple-graph.js";

type Link = CascadeNetworkInput["links"][number];

const nodes = (...ids: string[]) => ids.map((id) => ({ id }));
const link = (id: string, from: string, to: string, extra: Partial<Link> = {}): Link => ({
  id,
  from,
  to,
  ...extra,
});

/** Hub and nine leaves. */
const star: CascadeNetworkInput = {
  nodes: nodes("hub", ...Array.from({ length: 9 }, (_, i) => `leaf${i + 1}`)),
  links: Array.from({ length: 9 }, (_, i) => link(`spoke${i + 1}`, "hub", `leaf${i + 1}`)),
  crossings: [],
};

describe("scenario network as a cascade graph", () => {
  it("leaves G = 0.1 for every tolerance when a star of ten is attacked at its hub", () => {
    const sg = scenarioSimpleGraph(star);
    expect(sg.graph.nodeCount).toBe(10);
    expect(sg.graph.edgeCount).toBe(9);
    const hub = cascadeTarget(sg, "hub", star);
    expect(hub).toEqual({ kind: "node", id: "hub", nodes: [0] });
    for (const alpha of [0, 0.25, 1, 10]) {
      expect(motterLaiCascade(sg.graph, hub.nodes, { alpha }).G).toBeCloseTo(0.1, 12);
    }
  });

  it("numbers graph nodes in scenario order and joins the nodes each link names", () => {
    const sg = scenarioSimpleGraph({
      nodes: nodes("c", "a", "b"),
      links: [link("ab", "a", "b")],
      crossings: [],
    });
    expect(sg.nodeIds).toEqual(["c", "a", "b"]);
    expect(sg.nodeIndex.get("b")).toBe(2);
    // a and b form the largest component; c is isolated.
    expect(largestComponentSize(sg.graph)).toBe(2);
    const a = sg.nodeIndex.get("a")!;
    const neighbours = sg.graph.adjNode.slice(sg.graph.adjStart[a]!, sg.graph.adjStart[a + 1]!);
    expect([...neighbours]).toEqual([2]);
  });

  it("leaves out closed crossings and links or crossings of projects not built yet", () => {
    const input: CascadeNetworkInput = {
      nodes: nodes("a", "b", "c", "d"),
      links: [link("ab", "a", "b"), link("new_rail", "b", "c", { project: "railway" })],
      crossings: [
        link("shut", "b", "d", { status: "closed" }),
        link("open_gate", "a", "d", { status: "open" }),
        link("planned_gate", "c", "d", { status: "open", project: "new_crossing" }),
      ],
    };
    const sg = scenarioSimpleGraph(input);
    expect(sg.graph.edgeCount).toBe(2);
    expect(sg.leftOut).toEqual([
      { kind: "link", id: "new_rail", reason: "project" },
      { kind: "crossing", id: "shut", reason: "closed" },
      { kind: "crossing", id: "planned_gate", reason: "project" },
    ]);
    expect(sg.crossings.map((c) => c.id)).toEqual(["open_gate"]);
    expect(largestComponentSize(sg.graph)).toBe(3); // c hangs only on left-out elements
    expect(firstIssue(() => cascadeTarget(sg, "shut", input))).toMatchObject({ code: "not-in-graph" });
    expect(firstIssue(() => cascadeTarget(sg, "planned_gate", input))?.found).toMatch(/not built/);
  });

  it("joins a pair once however many links, crossings or directions connect it", () => {
    const input: CascadeNetworkInput = {
      nodes: nodes("a", "b", "c"),
      links: [link("road", "a", "b"), link("rail", "b", "a"), link("bc", "b", "c")],
      crossings: [link("gate", "a", "b")],
    };
    const sg = scenarioSimpleGraph(input);
    expect(sg.graph.edgeCount).toBe(2);
    expect(sg.merged).toEqual(["rail", "gate"]);
    // The merged crossing is still attackable, as both of its side nodes.
    expect(cascadeTarget(sg, "gate", input)).toEqual({ kind: "crossing", id: "gate", nodes: [0, 1] });
  });

  it("attacks a crossing by removing both of its side nodes", () => {
    // Two triangles joined by a crossing between x2 and y0: removing both sides leaves two pairs.
    const input: CascadeNetworkInput = {
      nodes: nodes("x0", "x1", "x2", "y0", "y1", "y2"),
      links: [
        link("x01", "x0", "x1"),
        link("x12", "x1", "x2"),
        link("x20", "x2", "x0"),
        link("y01", "y0", "y1"),
        link("y12", "y1", "y2"),
        link("y20", "y2", "y0"),
      ],
      crossings: [link("bridge", "y0", "x2")],
    };
    const sg = scenarioSimpleGraph(input);
    const target = cascadeTarget(sg, "bridge", input);
    expect(target.nodes).toEqual([2, 3]);
    const model = new CascadeModel(sg.graph, target.nodes);
    expect(model.noCascadeG()).toBeCloseTo(2 / 6, 12);
    expect(model.run(0).G).toBeCloseTo(2 / 6, 12);
  });

  it("keeps the critical tolerance α = 1 of an even cycle built from links and crossings", () => {
    // C6 across a border: a0–a1–a2 | b0–b1–b2, closed by two crossings.
    const input: CascadeNetworkInput = {
      nodes: nodes("a0", "a1", "a2", "b0", "b1", "b2"),
      links: [
        link("a01", "a0", "a1"),
        link("a12", "a1", "a2"),
        link("b01", "b0", "b1"),
        link("b12", "b1", "b2"),
      ],
      crossings: [link("north", "a2", "b0"), link("south", "b2", "a0")],
    };
    const sg = scenarioSimpleGraph(input);
    const attack = cascadeTarget(sg, "a0", input).nodes;
    expect(motterLaiCascade(sg.graph, attack, { alpha: 0.999 }).G).toBeCloseTo(2 / 6, 12);
    expect(motterLaiCascade(sg.graph, attack, { alpha: 1 }).G).toBeCloseTo(5 / 6, 12);
    const critical = criticalTolerance(sg.graph, attack);
    expect(critical.alpha).toBeGreaterThanOrEqual(1);
    expect(critical.alpha).toBeLessThanOrEqual(1 + 1e-4);
  });

  it("refuses unknown ids with the closest node or crossing, and links with their two ends", () => {
    const sg = scenarioSimpleGraph(star);
    expect(firstIssue(() => cascadeTarget(sg, "hbu", star))).toMatchObject({
      code: "unknown-id",
      path: "attack",
      suggestion: "hub",
    });
    const onLink = firstIssue(() => cascadeTarget(sg, "spoke3", star, "--attack"));
    expect(onLink).toMatchObject({ code: "not-attackable", path: "--attack" });
    expect(onLink?.expected).toContain('"leaf3"');
  });

  it("reports a link to an undeclared node with a suggestion", () => {
    const issue = firstIssue(() =>
      scenarioSimpleGraph({
        nodes: nodes("kabul", "peshawar"),
        links: [link("x", "kabul", "peshwar")],
        crossings: [],
      }),
    );
    expect(issue).toMatchObject({ code: "dangling-reference", path: "links[0].to", suggestion: "peshawar" });
  });
});
