/**
 * Cheap screening of many inputs with an ensemble of extremely randomised trees (Geurts, Ernst &
 * Wehenkel 2006): the mean decrease in squared error attributed to each input over all splits of all
 * trees, normalised to shares summing to 1 (impurity importance; Breiman 2001, Louppe et al. 2013).
 * Needs only a plain sample (Monte Carlo, Latin hypercube, Sobol) of any size, not a Saltelli design, so
 * hundreds of inputs cost no more runs than a few.
 *
 * Each tree sees every case (no bootstrap, as in the original method), tries K = ⌈√d⌉ random inputs per
 * node by default and stops at leaves of `minLeaf` cases. Randomness comes from the named stream
 * "analysis/screening/extra-trees". Impurity importance favours inputs with many distinct values less
 * under random thresholds than under CART's exhaustive ones (Geurts et al. §4.4); it is a ranking tool,
 * not a variance decomposition: use Sobol indices on the inputs it keeps.
 */
import { createStream } from "../random/index.js";
import { growTree } from "./trees.js";

export interface ScreeningOptions {
  readonly trees?: number;
  readonly minLeaf?: number;
  readonly maxFeatures?: number;
  readonly maxDepth?: number;
  readonly seed?: number;
}

export interface ScreeningResult {
  readonly names: readonly string[];
  /** Share of the total importance, one per input, summing to 1. */
  readonly importance: Float64Array;
  /** Input indices from most to least important. */
  readonly ranking: number[];
  /** Cases used (rows with a finite outcome). */
  readonly cases: number;
}

export function treeScreening(
  names: readonly string[],
  columns: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  options: ScreeningOptions = {},
): ScreeningResult {
  const d = columns.length;
  if (names.length !== d) throw new RangeError(`treeScreening: ${names.length} names for ${d} columns`);
  const keep: number[] = [];
  for (let i = 0; i < y.length; i++) if (Number.isFinite(y[i]!)) keep.push(i);
  const rows = Int32Array.from(keep);
  const cols = columns.map((c) => (c instanceof Float64Array ? c : Float64Array.from(c)));
  const yy = y instanceof Float64Array ? y : Float64Array.from(y);
  const random = createStream(options.seed ?? 0, 0, "analysis/screening/extra-trees");
  const importance = new Float64Array(d);
  const trees = options.trees ?? 100;
  for (let t = 0; t < trees; t++) {
    growTree(
      cols,
      yy,
      rows,
      {
        mode: "random",
        maxDepth: options.maxDepth ?? 64,
        minLeaf: options.minLeaf ?? 5,
        maxFeatures: options.maxFeatures ?? Math.ceil(Math.sqrt(d)),
        random,
      },
      importance,
    );
  }
  let total = 0;
  for (let j = 0; j < d; j++) total += importance[j]!;
  if (total > 0) for (let j = 0; j < d; j++) importance[j] = importance[j]! / total;
  const ranking = Array.from({ length: d }, (_, j) => j).sort(
    (a, b) => importance[b]! - importance[a]! || a - b,
  );
  return { names, importance, ranking, cases: rows.length };
}
