/**
 * Shortest-path betweenness by Brandes's accumulation (Brandes 2001, "A faster algorithm for betweenness
 * centrality", J. Math. Sociology 25(2)): one single-source search per node (breadth-first for hop
 * counts, Dijkstra for weighted edges), then dependencies summed back down the shortest-path DAG.
 * O(nm) unweighted, O(nm + n² log n) weighted.
 *
 * Conventions: endpoints are not counted (a leaf has load 0), and each unordered pair {s, t} counts once,
 * so a node's load is Σ_{s<t} σ_st(v)/σ_st with σ the number of shortest paths.
 */
import type { SimpleGraph } from "./simple-graph.js";

/**
 * Two weighted path lengths closer than this (relative) count as equal, so that sums such as 0.1 + 0.2
 * and 0.3 tie as they would in exact arithmetic. Integer weights are exact either way.
 */
const TIE = 1e-12;

/** Scratch arrays for repeated betweenness computations on one graph; allocate once, reuse per call. */
export class BetweennessWorkspace {
  readonly graph: SimpleGraph;
  private readonly dist: Float64Array;
  private readonly sigma: Float64Array;
  private readonly delta: Float64Array;
  /** Nodes in the order they were settled (non-decreasing distance). */
  private readonly order: Int32Array;
  /** predOf[e] = w when edge e joins w to one of its shortest-path predecessors in the current search. */
  private readonly predOf: Int32Array;
  private readonly settled: Uint8Array;
  private readonly heapKey: Float64Array;
  private readonly heapNode: Int32Array;

  constructor(graph: SimpleGraph) {
    this.graph = graph;
    const n = graph.nodeCount;
    this.dist = new Float64Array(n);
    this.sigma = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.order = new Int32Array(n);
    this.predOf = new Int32Array(graph.edgeCount);
    this.settled = new Uint8Array(n);
    // Between searches: dist = ∞, sigma = 0, predOf = −1, settled = 0; each search undoes its own writes.
    this.dist.fill(Number.POSITIVE_INFINITY);
    this.predOf.fill(-1);
    // Lazy-deletion heap: at most one entry per improvement, i.e. per arc, plus the source.
    this.heapKey = new Float64Array(2 * graph.edgeCount + 1);
    this.heapNode = new Int32Array(2 * graph.edgeCount + 1);
  }

  /**
   * Load of every node on the subgraph induced by the nodes with `alive[u] = 1` (all nodes when omitted);
   * dead nodes get 0. Uses edge weights when the graph has them, hop counts otherwise. Writes into `out`
   * when given (length nodeCount) and returns it.
   */
  compute(alive?: Uint8Array, out?: Float64Array): Float64Array {
    const g = this.graph;
    const n = g.nodeCount;
    const load = out ?? new Float64Array(n);
    load.fill(0);
    for (let s = 0; s < n; s++) {
      if (alive !== undefined && !alive[s]) continue;
      const reached =
        g.weight === undefined ? this.breadthFirst(s, alive) : this.dijkstra(s, alive, g.weight);
      this.accumulate(reached, load);
    }
    // Each unordered pair was counted from both ends.
    for (let v = 0; v < n; v++) load[v]! *= 0.5;
    return load;
  }

  /** Hop-count search from s; fills dist, sigma, predOf, order; returns the number of nodes reached. */
  private breadthFirst(s: number, alive: Uint8Array | undefined): number {
    const { adjStart, adjNode, adjEdge } = this.graph;
    const { dist, sigma, order, predOf } = this;
    dist[s] = 0;
    sigma[s] = 1;
    order[0] = s;
    // `order` doubles as the FIFO queue: BFS settles nodes in the order it enqueues them.
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = order[head++]!;
      const next = dist[v]! + 1;
      for (let k = adjStart[v]!; k < adjStart[v + 1]!; k++) {
        const w = adjNode[k]!;
        if (alive !== undefined && !alive[w]) continue;
        if (dist[w] === Number.POSITIVE_INFINITY) {
          dist[w] = next;
          order[tail++] = w;
        }
        if (dist[w] === next) {
          sigma[w]! += sigma[v]!;
          predOf[adjEdge[k]!] = w;
        }
      }
    }
    return tail;
  }

  /** Weighted search from s (Dijkstra with a binary heap); same outputs as `breadthFirst`. */
  private dijkstra(s: number, alive: Uint8Array | undefined, weight: Float64Array): number {
    const { adjStart, adjNode, adjEdge } = this.graph;
    const { dist, sigma, order, predOf, settled } = this;
    dist[s] = 0;
    sigma[s] = 1;
    let size = this.heapPush(0, 0, s);
    let count = 0;
    while (size > 0) {
      const v = this.heapNode[0]!;
      const key = this.heapKey[0]!;
      size = this.heapPop(size);
      if (settled[v] || key > dist[v]!) continue;
      settled[v] = 1;
      order[count++] = v;
      for (let k = adjStart[v]!; k < adjStart[v + 1]!; k++) {
        const w = adjNode[k]!;
        if (settled[w] || (alive !== undefined && !alive[w])) continue;
        const e = adjEdge[k]!;
        const alt = dist[v]! + weight[e]!;
        const old = dist[w]!;
        if (old !== Number.POSITIVE_INFINITY && Math.abs(alt - old) <= TIE * old) {
          sigma[w]! += sigma[v]!;
          predOf[e] = w;
        } else if (alt < old) {
          dist[w] = alt;
          sigma[w] = sigma[v]!;
          // A shorter route replaces every predecessor found so far.
          for (let j = adjStart[w]!; j < adjStart[w + 1]!; j++) {
            if (predOf[adjEdge[j]!] === w) predOf[adjEdge[j]!] = -1;
          }
          predOf[e] = w;
          size = this.heapPush(size, alt, w);
        }
      }
    }
    return count;
  }

  /** Brandes's back-propagation of pair dependencies over the nodes settled from s, in reverse order. */
  private accumulate(reached: number, load: Float64Array): void {
    const { adjStart, adjNode, adjEdge } = this.graph;
    const { dist, sigma, delta, order, predOf, settled } = this;
    for (let i = 0; i < reached; i++) delta[order[i]!] = 0;
    // order[0] is the source itself, whose dependency is not a load. Every later node's σ and predecessor
    // marks are read for the last time here, so they are reset on the way for the next search.
    for (let i = reached - 1; i > 0; i--) {
      const w = order[i]!;
      const share = (1 + delta[w]!) / sigma[w]!;
      for (let k = adjStart[w]!; k < adjStart[w + 1]!; k++) {
        const e = adjEdge[k]!;
        if (predOf[e] !== w) continue;
        predOf[e] = -1;
        const v = adjNode[k]!;
        delta[v]! += sigma[v]! * share;
      }
      load[w]! += delta[w]!;
      dist[w] = Number.POSITIVE_INFINITY;
      sigma[w] = 0;
      settled[w] = 0;
    }
    const s = order[0]!;
    dist[s] = Number.POSITIVE_INFINITY;
    sigma[s] = 0;
    settled[s] = 0;
  }

  private heapPush(size: number, key: number, node: number): number {
    const { heapKey, heapNode } = this;
    let i = size;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapKey[parent]! <= key) break;
      heapKey[i] = heapKey[parent]!;
      heapNode[i] = heapNode[parent]!;
      i = parent;
    }
    heapKey[i] = key;
    heapNode[i] = node;
    return size + 1;
  }

  private heapPop(size: number): number {
    const { heapKey, heapNode } = this;
    const last = size - 1;
    const key = heapKey[last]!;
    const node = heapNode[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && heapKey[child + 1]! < heapKey[child]!) child++;
      if (heapKey[child]! >= key) break;
      heapKey[i] = heapKey[child]!;
      heapNode[i] = heapNode[child]!;
      i = child;
    }
    heapKey[i] = key;
    heapNode[i] = node;
    return last;
  }
}

/** Shortest-path betweenness of every node (Brandes 2001); see `BetweennessWorkspace.compute`. */
export function betweenness(graph: SimpleGraph, alive?: Uint8Array): Float64Array {
  return new BetweennessWorkspace(graph).compute(alive);
}
