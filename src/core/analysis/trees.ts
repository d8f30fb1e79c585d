/**
 * Binary regression trees on numeric inputs with the squared-error criterion, grown two ways:
 *
 * - "best" splits: CART (Breiman, Friedman, Olshen & Stone 1984, Classification and Regression Trees):
 *   at each node the split x_j ≤ t over all inputs and all midpoints between consecutive distinct values
 *   that most reduces the sum of squared errors. For a 0/1 outcome this ranks splits exactly as the Gini
 *   index does (the node SSE is n·p(1 − p), half the node's Gini impurity times n).
 * - "random" splits: extremely randomised trees (Geurts, Ernst & Wehenkel 2006, Machine Learning 63:3–42):
 *   at each node K inputs drawn at random, for each one threshold drawn uniformly between the node's
 *   minimum and maximum of that input, and the best of those K splits by the same criterion.
 *
 * Each split adds its SSE reduction to its input's impurity importance (mean decrease in impurity,
 * Breiman 2001), which extra-trees screening normalises to shares that sum to 1.
 */
import type { Random } from "../random/index.js";

export interface TreeNode {
  /** Input split on, or −1 for a leaf. */
  readonly feature: number;
  readonly threshold: number;
  readonly left: number;
  readonly right: number;
  readonly n: number;
  /** Mean outcome of the node's cases. */
  readonly value: number;
  readonly depth: number;
}

export interface GrowOptions {
  readonly mode: "best" | "random";
  readonly maxDepth: number;
  /** Smallest number of cases in a leaf. */
  readonly minLeaf: number;
  /** Inputs tried per node in random mode. */
  readonly maxFeatures?: number;
  readonly random?: Random;
}

export interface Tree {
  readonly nodes: TreeNode[];
  /** Row indices of each leaf's cases, by node index (leaves only). */
  readonly leafRows: Map<number, Int32Array>;
}

interface Split {
  feature: number;
  threshold: number;
  gain: number;
}

function sse(sum: number, sumSq: number, n: number): number {
  return n > 0 ? sumSq - (sum * sum) / n : 0;
}

function bestSplitOn(
  col: Float64Array,
  y: Float64Array,
  rows: Int32Array,
  minLeaf: number,
  total: number,
  totalSq: number,
  scratch: Int32Array,
): { threshold: number; gain: number } | undefined {
  const n = rows.length;
  scratch.set(rows);
  const sorted = scratch.subarray(0, n).sort((a, b) => col[a]! - col[b]!);
  const parent = sse(total, totalSq, n);
  let best: { threshold: number; gain: number } | undefined;
  let ls = 0;
  let lsq = 0;
  for (let i = 0; i < n - 1; i++) {
    const yi = y[sorted[i]!]!;
    ls += yi;
    lsq += yi * yi;
    const left = i + 1;
    if (left < minLeaf || n - left < minLeaf) continue;
    const a = col[sorted[i]!]!;
    const b = col[sorted[i + 1]!]!;
    if (a === b) continue;
    const gain = parent - sse(ls, lsq, left) - sse(total - ls, totalSq - lsq, n - left);
    if (!best || gain > best.gain) best = { threshold: a + (b - a) / 2, gain };
  }
  return best;
}

function randomSplitOn(
  col: Float64Array,
  y: Float64Array,
  rows: Int32Array,
  minLeaf: number,
  total: number,
  totalSq: number,
  random: Random,
): { threshold: number; gain: number } | undefined {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rows.length; i++) {
    const v = col[rows[i]!]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return undefined;
  const threshold = lo + (hi - lo) * random.next();
  let ls = 0;
  let lsq = 0;
  let nl = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (col[r]! <= threshold) {
      const v = y[r]!;
      ls += v;
      lsq += v * v;
      nl++;
    }
  }
  const n = rows.length;
  if (nl < minLeaf || n - nl < minLeaf) return undefined;
  const gain = sse(total, totalSq, n) - sse(ls, lsq, nl) - sse(total - ls, totalSq - lsq, n - nl);
  return { threshold, gain };
}

/** Grows one tree on `rows` and adds each split's SSE reduction to `importance[feature]`. */
export function growTree(
  columns: readonly Float64Array[],
  y: Float64Array,
  rows: Int32Array,
  options: GrowOptions,
  importance?: Float64Array,
): Tree {
  const d = columns.length;
  const nodes: TreeNode[] = [];
  const leafRows = new Map<number, Int32Array>();
  const scratch = new Int32Array(rows.length);
  const features = new Int32Array(d);
  const grow = (r: Int32Array, depth: number): number => {
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < r.length; i++) {
      const v = y[r[i]!]!;
      sum += v;
      sumSq += v * v;
    }
    const id = nodes.length;
    const leaf = (): number => {
      nodes.push({
        feature: -1,
        threshold: Number.NaN,
        left: -1,
        right: -1,
        n: r.length,
        value: sum / r.length,
        depth,
      });
      leafRows.set(id, r);
      return id;
    };
    if (
      depth >= options.maxDepth ||
      r.length < 2 * options.minLeaf ||
      sse(sum, sumSq, r.length) <= 1e-12 * r.length
    )
      return leaf();
    let best: Split | undefined;
    if (options.mode === "best") {
      for (let j = 0; j < d; j++) {
        const s = bestSplitOn(columns[j]!, y, r, options.minLeaf, sum, sumSq, scratch);
        if (s && (!best || s.gain > best.gain)) best = { feature: j, ...s };
      }
    } else {
      const random = options.random!;
      const k = Math.min(d, options.maxFeatures ?? d);
      for (let j = 0; j < d; j++) features[j] = j;
      // Partial Fisher–Yates: the first k entries become a random subset of the inputs.
      for (let t = 0; t < k; t++) {
        const s = t + random.int(d - t);
        const tmp = features[t]!;
        features[t] = features[s]!;
        features[s] = tmp;
        const j = features[t]!;
        const split = randomSplitOn(columns[j]!, y, r, options.minLeaf, sum, sumSq, random);
        if (split && (!best || split.gain > best.gain)) best = { feature: j, ...split };
      }
    }
    if (!best || !(best.gain > 0)) return leaf();
    if (importance) importance[best.feature] = importance[best.feature]! + best.gain;
    const col = columns[best.feature]!;
    let nl = 0;
    for (let i = 0; i < r.length; i++) if (col[r[i]!]! <= best.threshold) nl++;
    const left = new Int32Array(nl);
    const right = new Int32Array(r.length - nl);
    let a = 0;
    let b = 0;
    for (let i = 0; i < r.length; i++) {
      const row = r[i]!;
      if (col[row]! <= best.threshold) left[a++] = row;
      else right[b++] = row;
    }
    const node = {
      feature: best.feature,
      threshold: best.threshold,
      left: -1,
      right: -1,
      n: r.length,
      value: sum / r.length,
      depth,
    };
    nodes.push(node);
    const l = grow(left, depth + 1);
    const rr = grow(right, depth + 1);
    nodes[id] = { ...node, left: l, right: rr };
    return id;
  };
  grow(rows, 0);
  return { nodes, leafRows };
}
