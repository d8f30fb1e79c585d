/**
 * A small undirected simple graph in compressed adjacency form (typed arrays), for load-redistribution
 * cascades. Independent of the directed traffic `Network`: a cascade is about which nodes carry shortest
 * paths, not about link costs or capacities.
 */
import { InputError, type InputIssue } from "../errors/index.js";

/**
 * Undirected graph with `nodeCount` nodes (0-based) and `edgeCount` edges. The neighbours of u are
 * `adjNode[adjStart[u] .. adjStart[u + 1] - 1]`, and `adjEdge` holds the matching edge ids, so each
 * edge appears twice (once from each end).
 */
export interface SimpleGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly adjStart: Int32Array;
  readonly adjNode: Int32Array;
  readonly adjEdge: Int32Array;
  /** Positive length per edge id, or undefined for hop count (every edge has length 1). */
  readonly weight: Float64Array | undefined;
}

export interface SimpleGraphOptions {
  /** Edge lengths (> 0, finite), one per edge in input order. Default: none, shortest paths count hops. */
  weights?: readonly number[];
  /** File the edges came from, quoted in error messages. */
  file?: string;
}

/** Past this many problems the input is probably not an edge list at all. */
const MAX_ISSUES = 20;

const isIndex = (value: unknown, count: number): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value < count;

/**
 * Builds a `SimpleGraph` from an edge list. Throws an `InputError` listing every bad edge: an end that is
 * not a node index, a self-loop, a repeated edge (in either direction) or a non-positive weight.
 */
export function buildSimpleGraph(
  nodeCount: number,
  edges: readonly (readonly [number, number])[],
  options: SimpleGraphOptions = {},
): SimpleGraph {
  const file = options.file;
  const where = file === undefined ? {} : { file };
  if (!Number.isInteger(nodeCount) || nodeCount < 0) {
    throw new InputError({
      code: "out-of-range",
      ...where,
      path: "nodeCount",
      expected: "a whole number of nodes ≥ 0",
      found: String(nodeCount),
    });
  }
  const issues: InputIssue[] = [];
  const push = (issue: InputIssue) => {
    if (issues.length < MAX_ISSUES) issues.push({ ...where, ...issue });
  };
  const weights = options.weights;
  if (weights !== undefined && weights.length !== edges.length) {
    push({
      code: "length-mismatch",
      path: "weights",
      expected: `one weight per edge (${edges.length})`,
      found: `${weights.length} weights`,
    });
  }
  const seen = new Set<number>();
  const degree = new Int32Array(nodeCount + 1);
  edges.forEach((edge, e) => {
    const [u, v] = edge;
    if (!isIndex(u, nodeCount) || !isIndex(v, nodeCount)) {
      push({
        code: "out-of-range",
        path: `edges[${e}]`,
        expected: `two node indices in 0..${nodeCount - 1}`,
        found: `[${String(u)}, ${String(v)}]`,
      });
      return;
    }
    if (u === v) {
      push({
        code: "self-loop",
        path: `edges[${e}]`,
        expected: "two different nodes",
        found: `[${u}, ${v}]`,
      });
      return;
    }
    const key = Math.min(u, v) * nodeCount + Math.max(u, v);
    if (seen.has(key)) {
      push({
        code: "duplicate-edge",
        path: `edges[${e}]`,
        expected: "each pair of nodes joined at most once",
        found: `[${u}, ${v}] again`,
      });
      return;
    }
    seen.add(key);
    degree[u]! += 1;
    degree[v]! += 1;
    const w = weights?.[e];
    if (
      weights !== undefined &&
      e < weights.length &&
      !(typeof w === "number" && w > 0 && Number.isFinite(w))
    ) {
      push({
        code: "out-of-range",
        path: `weights[${e}]`,
        expected: "a positive finite length",
        found: String(w),
      });
    }
  });
  if (issues.length > 0) throw new InputError(issues);

  const adjStart = new Int32Array(nodeCount + 1);
  for (let u = 0; u < nodeCount; u++) adjStart[u + 1] = adjStart[u]! + degree[u]!;
  const fill = adjStart.slice(0, nodeCount);
  const adjNode = new Int32Array(2 * edges.length);
  const adjEdge = new Int32Array(2 * edges.length);
  edges.forEach(([u, v], e) => {
    const pu = fill[u]!++;
    adjNode[pu] = v;
    adjEdge[pu] = e;
    const pv = fill[v]!++;
    adjNode[pv] = u;
    adjEdge[pv] = e;
  });
  return {
    nodeCount,
    edgeCount: edges.length,
    adjStart,
    adjNode,
    adjEdge,
    weight: weights === undefined ? undefined : Float64Array.from(weights),
  };
}

/**
 * Size of the largest connected component among the nodes with `alive[u] = 1` (all nodes when `alive`
 * is omitted). Breadth-first search, O(n + m).
 */
export function largestComponentSize(graph: SimpleGraph, alive?: Uint8Array): number {
  const n = graph.nodeCount;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let best = 0;
  for (let s = 0; s < n; s++) {
    if (seen[s] || (alive !== undefined && !alive[s])) continue;
    seen[s] = 1;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const u = queue[head++]!;
      for (let k = graph.adjStart[u]!; k < graph.adjStart[u + 1]!; k++) {
        const v = graph.adjNode[k]!;
        if (seen[v] || (alive !== undefined && !alive[v])) continue;
        seen[v] = 1;
        queue[tail++] = v;
      }
    }
    if (tail > best) best = tail;
  }
  return best;
}
