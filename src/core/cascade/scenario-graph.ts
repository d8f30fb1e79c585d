/**
 * A scenario's network as the undirected simple graph of an overload cascade: one graph node per scenario
 * node, one edge per pair of nodes joined by at least one link or crossing that exists today. Direction,
 * mode, length and capacity do not enter: Motter–Lai load is hop-count betweenness (Motter & Lai 2002).
 */
import { InputError, suggestName } from "../errors/index.js";
import { buildSimpleGraph, type SimpleGraph } from "./simple-graph.js";

/**
 * The parts of a scenario the conversion reads. A resolved `Scenario` fits; so does a hand-written
 * object in a test. `status` on links and `project` on either are read when present.
 */
export interface CascadeNetworkInput {
  nodes: readonly { id: string; name?: string }[];
  links: readonly { id: string; from: string; to: string; status?: string; project?: string }[];
  crossings: readonly { id: string; from: string; to: string; status?: string; project?: string }[];
}

/** Why a link or crossing is not an edge. */
export type LeftOutReason = "closed" | "project";

export interface ScenarioGraph {
  graph: SimpleGraph;
  /** Scenario node id of each graph node, in scenario order. */
  nodeIds: readonly string[];
  /** Graph node of each scenario node id. */
  nodeIndex: ReadonlyMap<string, number>;
  /** Crossings that are edges of the graph, with their two side nodes. */
  crossings: readonly { id: string; nodes: readonly [number, number] }[];
  /** Links and crossings left out: closed, or part of a project not built yet. */
  leftOut: readonly { kind: "link" | "crossing"; id: string; reason: LeftOutReason }[];
  /** Ids of links and crossings that join a pair of nodes already joined by an earlier one (one edge for both). */
  merged: readonly string[];
}

/** What an attack id names: a node, or a crossing standing for both of its side nodes. */
export interface CascadeTarget {
  kind: "node" | "crossing";
  id: string;
  /** Graph nodes removed, ascending. */
  nodes: number[];
}

/**
 * Builds the cascade graph. Links and crossings with status "closed" and those with a `project` (not
 * built yet) are left out; parallel links and crossings between the same two nodes become one edge.
 * Node ids are assumed unique and link ends declared, as a validated scenario guarantees; a dangling end
 * raises an InputError.
 */
export function scenarioSimpleGraph(scenario: CascadeNetworkInput): ScenarioGraph {
  const nodeIds = scenario.nodes.map((n) => n.id);
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i] as const));
  const edges: [number, number][] = [];
  const pairs = new Set<number>();
  const leftOut: { kind: "link" | "crossing"; id: string; reason: LeftOutReason }[] = [];
  const merged: string[] = [];
  const crossings: { id: string; nodes: readonly [number, number] }[] = [];
  const n = nodeIds.length;

  const add = (
    kind: "link" | "crossing",
    element: CascadeNetworkInput["links"][number],
    where: string,
  ): [number, number] | undefined => {
    if (element.project !== undefined) {
      leftOut.push({ kind, id: element.id, reason: "project" });
      return undefined;
    }
    if (element.status === "closed") {
      leftOut.push({ kind, id: element.id, reason: "closed" });
      return undefined;
    }
    const ends = [element.from, element.to].map((id, k) => {
      const u = nodeIndex.get(id);
      if (u === undefined) {
        const suggestion = suggestName(id, nodeIds);
        throw new InputError({
          code: "dangling-reference",
          path: `${where}.${k === 0 ? "from" : "to"}`,
          expected: "the id of a declared node",
          found: `"${id}"`,
          ...(suggestion !== undefined && { suggestion }),
        });
      }
      return u;
    }) as [number, number];
    const [u, v] = ends;
    // A self-loop carries no shortest path; a validated scenario has none.
    if (u === v) return undefined;
    const key = Math.min(u, v) * n + Math.max(u, v);
    if (pairs.has(key)) merged.push(element.id);
    else {
      pairs.add(key);
      edges.push([u, v]);
    }
    return ends;
  };

  scenario.links.forEach((link, i) => {
    add("link", link, `links[${i}]`);
  });
  scenario.crossings.forEach((crossing, i) => {
    const ends = add("crossing", crossing, `crossings[${i}]`);
    if (ends) crossings.push({ id: crossing.id, nodes: ends });
  });
  return {
    graph: buildSimpleGraph(n, edges),
    nodeIds,
    nodeIndex,
    crossings,
    leftOut,
    merged,
  };
}

/**
 * Resolves an attack id: a node id first, then a crossing id (both side nodes). Unknown ids, links, and
 * crossings left out of the graph raise an InputError with the closest node or crossing id suggested.
 */
export function cascadeTarget(
  sg: ScenarioGraph,
  id: string,
  scenario: CascadeNetworkInput,
  path = "attack",
): CascadeTarget {
  const node = sg.nodeIndex.get(id);
  if (node !== undefined) return { kind: "node", id, nodes: [node] };
  const crossing = sg.crossings.find((c) => c.id === id);
  if (crossing) {
    const [a, b] = crossing.nodes;
    return { kind: "crossing", id, nodes: [Math.min(a, b), Math.max(a, b)] };
  }
  const candidates = [...sg.nodeIds, ...sg.crossings.map((c) => c.id)];
  const suggestion = suggestName(id, candidates);
  const hint = suggestion !== undefined ? { suggestion } : {};
  const absent = sg.leftOut.find((e) => e.id === id);
  if (absent) {
    throw new InputError({
      code: "not-in-graph",
      path,
      expected: "a node or a crossing of the network as it stands",
      found: `${absent.kind} "${id}", left out because it is ${absent.reason === "closed" ? "closed" : "a project not built yet"}`,
      ...hint,
    });
  }
  const link = scenario.links.find((l) => l.id === id);
  if (link) {
    throw new InputError({
      code: "not-attackable",
      path,
      expected: `a node or a crossing; a cascade removes nodes, so attack an end of the link ("${link.from}" or "${link.to}")`,
      found: `link "${id}"`,
    });
  }
  throw new InputError({
    code: "unknown-id",
    path,
    expected: "the id of a node or a crossing",
    found: `"${id}"`,
    ...hint,
  });
}
