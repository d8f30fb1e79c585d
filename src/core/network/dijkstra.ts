/**
 * Single-origin shortest paths (Dijkstra 1959) on the forward star with a binary heap in typed
 * arrays. Two heap disciplines share one signature: an indexed heap with decrease-key (the default;
 * see BENCHMARKS.md) and lazy insertion, where stale entries are skipped on pop. Closed links are
 * skipped. A no-through node other than the origin is reached but never expanded, so it never enters
 * the heap at all: its distance is simply the best offer it receives (zone centroids are often half
 * the nodes, so this saves much of the heap work). Costs must be ≥ 0. Nothing is allocated per call:
 * the workspace holds every array.
 */
import type { Network } from "./graph.js";

const UNSEEN = -1;
const SETTLED = -2;
/** A reached no-through node: it is never expanded, so it never needs a heap slot. */
const LEAF = -3;

/** Reusable arrays for one network size. One workspace per concurrent search. */
export class ShortestPathWorkspace {
  readonly nodeCount: number;
  /** Distance from the origin of the last search; Infinity when unreached. */
  readonly dist: Float64Array;
  /** Link into each node on its shortest path, -1 for the origin and unreached nodes. */
  readonly predLink: Int32Array;
  /**
   * Reached nodes, each after every node on its shortest path (settled nodes by distance, then the
   * reached no-through leaves); the first `settledCount` are valid.
   */
  readonly order: Int32Array;
  settledCount = 0;
  /** Indexed heap: node ids, their keys, and each node's slot (or UNSEEN / SETTLED / LEAF). */
  readonly heap: Int32Array;
  readonly heapKey: Float64Array;
  readonly pos: Int32Array;
  /** Reached leaves of the current search. */
  readonly leaves: Int32Array;
  /** Lazy heap: keys and nodes, one entry per improvement (at most one per link, plus the origin). */
  lazyKey: Float64Array;
  lazyNode: Int32Array;
  /** Per-node stamp marking the targets of the current search, for the early exit. */
  readonly targetMark: Int32Array;
  stamp = 0;
  /** Targets of the current search still to settle: ordinary nodes, and no-through leaves. */
  exitNodes = 0;
  exitLeaves = 0;

  constructor(nodeCount: number, linkCount = 0) {
    this.nodeCount = nodeCount;
    this.dist = new Float64Array(nodeCount);
    this.predLink = new Int32Array(nodeCount);
    this.order = new Int32Array(nodeCount);
    this.heap = new Int32Array(nodeCount);
    this.heapKey = new Float64Array(nodeCount);
    this.pos = new Int32Array(nodeCount);
    this.leaves = new Int32Array(nodeCount);
    this.lazyKey = new Float64Array(linkCount + 1);
    this.lazyNode = new Int32Array(linkCount + 1);
    this.targetMark = new Int32Array(nodeCount);
  }

  /** Marks targets with a fresh stamp; returns how many distinct ones there are. */
  markTargets(targets: ArrayLike<number>, start: number, end: number): number {
    if (this.stamp >= 0x3fffffff) {
      this.targetMark.fill(0);
      this.stamp = 0;
    }
    const s = ++this.stamp;
    let count = 0;
    for (let i = start; i < end; i++) {
      const t = targets[i]!;
      if (this.targetMark[t] !== s) {
        this.targetMark[t] = s;
        count++;
      }
    }
    return count;
  }
}

/** Options for one search. */
export interface TreeTargets {
  /** Node list; the search stops once `nodes[start..end-1]` all have final distances. */
  nodes: ArrayLike<number>;
  start?: number;
  end?: number;
}

/**
 * Early-exit bookkeeping shared by both heap disciplines. Targets that are ordinary nodes count down
 * as they are settled; no-through targets never enter the heap, so their distance is final once every
 * one of them is reached and the smallest key left in the heap is no less than the largest of their
 * (tentative) distances: no unsettled node can then improve them, costs being ≥ 0.
 * Sets `ws.exitNodes` and `ws.exitLeaves`; returns false when there is no early exit.
 */
function prepareExit(
  network: Network,
  ws: ShortestPathWorkspace,
  origin: number,
  targets: TreeTargets | undefined,
): boolean {
  ws.exitNodes = 0;
  ws.exitLeaves = 0;
  if (!targets) return false;
  const start = targets.start ?? 0;
  const end = targets.end ?? targets.nodes.length;
  if (ws.markTargets(targets.nodes, start, end) === 0) return false;
  const stamp = ws.stamp;
  const { noThrough } = network;
  // Count distinct targets by kind, unmarking as we go so duplicates count once, then re-mark.
  for (let i = start; i < end; i++) {
    const t = targets.nodes[i]!;
    if (ws.targetMark[t] !== stamp) continue;
    ws.targetMark[t] = 0;
    if (noThrough[t] === 1 && t !== origin) ws.exitLeaves++;
    else ws.exitNodes++;
  }
  for (let i = start; i < end; i++) ws.targetMark[targets.nodes[i]!] = stamp;
  return true;
}

/**
 * Shortest-path tree from `origin` under `cost` (per link). Fills `ws.dist`, `ws.predLink` and
 * `ws.order`. With `targets`, stops once every target's distance is final: then only the targets
 * and the nodes on their paths are final. `closedLinks` (1 = unusable) replaces `network.closed` for
 * this tree only, e.g. to keep a class of traffic out of a territory as well.
 */
export function shortestPathTree(
  network: Network,
  cost: Float64Array,
  origin: number,
  ws: ShortestPathWorkspace,
  targets?: TreeTargets,
  closedLinks?: Uint8Array,
): void {
  const { dist, predLink, heap, heapKey, pos, order, leaves, targetMark } = ws;
  const { outStart, outLink, outHead, noThrough } = network;
  const closed = closedLinks ?? network.closed;
  dist.fill(Number.POSITIVE_INFINITY);
  predLink.fill(-1);
  pos.fill(UNSEEN);
  const early = prepareExit(network, ws, origin, targets);
  const stamp = ws.stamp;
  let nodesLeft = ws.exitNodes;
  let leavesLeft = ws.exitLeaves;
  let leafBound = 0;
  let settled = 0;
  let leafCount = 0;
  let size = 1;
  dist[origin] = 0;
  heap[0] = origin;
  heapKey[0] = 0;
  pos[origin] = 0;
  while (size > 0) {
    const u = heap[0]!;
    const du = heapKey[0]!;
    size--;
    if (size > 0) siftDown(heap, heapKey, pos, heap[size]!, heapKey[size]!, size);
    pos[u] = SETTLED;
    order[settled++] = u;
    if (early && targetMark[u] === stamp) nodesLeft--;
    if (u === origin || noThrough[u] === 0) {
      const end = outStart[u + 1]!;
      for (let k: number = outStart[u]!; k < end; k++) {
        const a = outLink[k]!;
        if (closed[a] === 1) continue;
        const v = outHead[k]!;
        const pv = pos[v]!;
        if (pv === SETTLED) continue;
        const nd = du + cost[a]!;
        if (nd < dist[v]!) {
          dist[v] = nd;
          predLink[v] = a;
          if (noThrough[v] === 1) {
            if (pv === UNSEEN) {
              pos[v] = LEAF;
              leaves[leafCount++] = v;
              if (early && targetMark[v] === stamp) leavesLeft--;
            }
            if (early && targetMark[v] === stamp && nd > leafBound) leafBound = nd;
          } else siftUp(heap, heapKey, pos, v, nd, pv === UNSEEN ? size++ : pv);
        }
      }
    }
    if (early && nodesLeft <= 0 && leavesLeft === 0 && (size === 0 || heapKey[0]! >= leafBound)) break;
  }
  for (let i = 0; i < leafCount; i++) {
    const v = leaves[i]!;
    pos[v] = SETTLED;
    order[settled++] = v;
  }
  ws.settledCount = settled;
}

/** Moves `node` (key `key`) up from slot `i` to its place. */
function siftUp(
  heap: Int32Array,
  heapKey: Float64Array,
  pos: Int32Array,
  node: number,
  key: number,
  i: number,
): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pk = heapKey[parent]!;
    if (pk <= key) break;
    const p = heap[parent]!;
    heap[i] = p;
    heapKey[i] = pk;
    pos[p] = i;
    i = parent;
  }
  heap[i] = node;
  heapKey[i] = key;
  pos[node] = i;
}

/** Places `node` (key `key`) at the root and moves it down within a heap of `size` entries. */
function siftDown(
  heap: Int32Array,
  heapKey: Float64Array,
  pos: Int32Array,
  node: number,
  key: number,
  size: number,
): void {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    let ck = heapKey[child]!;
    const right = child + 1;
    if (right < size) {
      const rk = heapKey[right]!;
      if (rk < ck) {
        child = right;
        ck = rk;
      }
    }
    if (ck >= key) break;
    const c = heap[child]!;
    heap[i] = c;
    heapKey[i] = ck;
    pos[c] = i;
    i = child;
  }
  heap[i] = node;
  heapKey[i] = key;
  pos[node] = i;
}

/**
 * The same search with lazy insertion: every improvement pushes a (key, node) entry and stale
 * entries are dropped when popped. Kept for the benchmark that chose the indexed heap.
 */
export function shortestPathTreeLazy(
  network: Network,
  cost: Float64Array,
  origin: number,
  ws: ShortestPathWorkspace,
  targets?: TreeTargets,
): void {
  const { dist, predLink, pos, order, leaves, targetMark } = ws;
  const { outStart, outLink, outHead, closed, noThrough } = network;
  if (ws.lazyKey.length < network.linkCount + 1) {
    ws.lazyKey = new Float64Array(network.linkCount + 1);
    ws.lazyNode = new Int32Array(network.linkCount + 1);
  }
  const keys = ws.lazyKey;
  const nodes = ws.lazyNode;
  dist.fill(Number.POSITIVE_INFINITY);
  predLink.fill(-1);
  pos.fill(UNSEEN);
  const early = prepareExit(network, ws, origin, targets);
  const stamp = ws.stamp;
  let nodesLeft = ws.exitNodes;
  let leavesLeft = ws.exitLeaves;
  let leafBound = 0;
  let settled = 0;
  let leafCount = 0;
  let size = 1;
  dist[origin] = 0;
  keys[0] = 0;
  nodes[0] = origin;
  while (size > 0) {
    const u = nodes[0]!;
    const du = keys[0]!;
    size--;
    if (size > 0) lazySiftDown(keys, nodes, keys[size]!, nodes[size]!, size);
    if (pos[u] === SETTLED || du > dist[u]!) continue;
    pos[u] = SETTLED;
    order[settled++] = u;
    if (early && targetMark[u] === stamp) nodesLeft--;
    if (u === origin || noThrough[u] === 0) {
      const end = outStart[u + 1]!;
      for (let k: number = outStart[u]!; k < end; k++) {
        const a = outLink[k]!;
        if (closed[a] === 1) continue;
        const v = outHead[k]!;
        const pv = pos[v]!;
        if (pv === SETTLED) continue;
        const nd = du + cost[a]!;
        if (nd < dist[v]!) {
          dist[v] = nd;
          predLink[v] = a;
          if (noThrough[v] === 1) {
            if (pv === UNSEEN) {
              pos[v] = LEAF;
              leaves[leafCount++] = v;
              if (early && targetMark[v] === stamp) leavesLeft--;
            }
            if (early && targetMark[v] === stamp && nd > leafBound) leafBound = nd;
            continue;
          }
          let i = size++;
          while (i > 0) {
            const parent = (i - 1) >> 1;
            if (keys[parent]! <= nd) break;
            keys[i] = keys[parent]!;
            nodes[i] = nodes[parent]!;
            i = parent;
          }
          keys[i] = nd;
          nodes[i] = v;
        }
      }
    }
    if (early && nodesLeft <= 0 && leavesLeft === 0 && (size === 0 || keys[0]! >= leafBound)) break;
  }
  for (let i = 0; i < leafCount; i++) {
    const v = leaves[i]!;
    pos[v] = SETTLED;
    order[settled++] = v;
  }
  ws.settledCount = settled;
}

function lazySiftDown(keys: Float64Array, nodes: Int32Array, key: number, node: number, size: number): void {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    const right = child + 1;
    if (right < size && keys[right]! < keys[child]!) child = right;
    if (keys[child]! >= key) break;
    keys[i] = keys[child]!;
    nodes[i] = nodes[child]!;
    i = child;
  }
  keys[i] = key;
  nodes[i] = node;
}

/**
 * Writes the links of the shortest path to `target` (origin first) into `out`; returns their count,
 * or -1 when the target is unreached. `out` needs room for nodeCount - 1 links.
 */
export function pathLinks(
  network: Network,
  ws: ShortestPathWorkspace,
  target: number,
  out: Int32Array,
): number {
  if (ws.dist[target] === Number.POSITIVE_INFINITY) return -1;
  let count = 0;
  let v = target;
  for (let a = ws.predLink[v]!; a >= 0; a = ws.predLink[v]!) {
    out[count++] = a;
    v = network.from[a]!;
  }
  for (let i = 0, j = count - 1; i < j; i++, j--) {
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return count;
}

/** Shortest-path trees from several origins, stored row by row (origin i at offset i·nodeCount). */
export interface ShortestPathForest {
  readonly origins: Int32Array;
  readonly nodeCount: number;
  readonly dist: Float64Array;
  readonly predLink: Int32Array;
}

/** Full trees (no early exit) from every listed origin. */
export function allOriginTrees(
  network: Network,
  cost: Float64Array,
  origins: ArrayLike<number>,
  ws: ShortestPathWorkspace = new ShortestPathWorkspace(network.nodeCount, network.linkCount),
): ShortestPathForest {
  const n = network.nodeCount;
  const dist = new Float64Array(origins.length * n);
  const predLink = new Int32Array(origins.length * n);
  for (let i = 0; i < origins.length; i++) {
    shortestPathTree(network, cost, origins[i]!, ws);
    dist.set(ws.dist, i * n);
    predLink.set(ws.predLink, i * n);
  }
  return { origins: Int32Array.from(origins), nodeCount: n, dist, predLink };
}
