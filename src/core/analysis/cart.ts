/**
 * CART for scenario discovery (Lempert, Bryant & Bankes 2008, "Comparing algorithms for scenario
 * discovery", RAND WR-557): a classification tree on the 0/1 case-of-interest flag; each leaf is a box
 * (the conjunction of the splits on its path) with its coverage, density and mass. Leaves are listed
 * from the densest down. Depth and leaf size bound the tree's complexity (no cost-complexity pruning).
 */
import type { BoxStats } from "./prim.js";
import { growTree } from "./trees.js";

export interface CartOptions {
  readonly maxDepth?: number;
  /** Smallest leaf as a share of the cases (default 0.05) or a count when ≥ 1. */
  readonly minLeaf?: number;
}

export interface CartLeaf extends BoxStats {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** The path's conditions, e.g. "x1 > 0.3", in order from the root. */
  readonly rules: string[];
}

export interface CartResult {
  readonly names: readonly string[];
  readonly leaves: CartLeaf[];
}

const fmt = (v: number) => Number(v.toPrecision(6)).toString();

export function cart(
  names: readonly string[],
  columns: readonly ArrayLike<number>[],
  y: ArrayLike<number | boolean>,
  options: CartOptions = {},
): CartResult {
  const d = columns.length;
  const n = y.length;
  const cols = columns.map((c) => (c instanceof Float64Array ? c : Float64Array.from(c)));
  const yy = Float64Array.from(y as ArrayLike<number>, (v) => (v === (true as unknown) || v === 1 ? 1 : 0));
  let totalHits = 0;
  for (let i = 0; i < n; i++) totalHits += yy[i]!;
  const share = options.minLeaf ?? 0.05;
  const minLeaf = share >= 1 ? Math.floor(share) : Math.max(1, Math.ceil(share * n));
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  const tree = growTree(cols, yy, rows, { mode: "best", maxDepth: options.maxDepth ?? 4, minLeaf });
  const min = cols.map((c) => c.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY));
  const max = cols.map((c) => c.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY));
  const leaves: CartLeaf[] = [];
  const walk = (id: number, lo: Float64Array, hi: Float64Array, rules: string[]) => {
    const node = tree.nodes[id]!;
    if (node.feature < 0) {
      const r = tree.leafRows.get(id)!;
      let hits = 0;
      for (let i = 0; i < r.length; i++) hits += yy[r[i]!]!;
      const restricted: number[] = [];
      for (let j = 0; j < d; j++) if (lo[j]! > min[j]! || hi[j]! < max[j]!) restricted.push(j);
      leaves.push({
        lo,
        hi,
        rules,
        n: r.length,
        hits,
        coverage: totalHits > 0 ? hits / totalHits : Number.NaN,
        density: hits / r.length,
        mass: r.length / n,
        restricted,
      });
      return;
    }
    const j = node.feature;
    const lhi = Float64Array.from(hi);
    lhi[j] = Math.min(hi[j]!, node.threshold);
    walk(node.left, Float64Array.from(lo), lhi, [...rules, `${names[j]} ≤ ${fmt(node.threshold)}`]);
    const rlo = Float64Array.from(lo);
    rlo[j] = Math.max(lo[j]!, node.threshold);
    walk(node.right, rlo, Float64Array.from(hi), [...rules, `${names[j]} > ${fmt(node.threshold)}`]);
  };
  walk(0, Float64Array.from(min), Float64Array.from(max), []);
  leaves.sort((a, b) => b.density - a.density || b.coverage - a.coverage);
  return { names, leaves };
}
