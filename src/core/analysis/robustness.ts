/**
 * Robustness of policies over a set of futures (McPhail et al. 2018, "Robustness metrics: how are they
 * calculated, when should they be used and why do they give different results?", Earth's Future 6).
 * Input: one value per policy per future (the same futures for every policy, so regret is paired).
 *
 *   worst / best       min / max over futures (for an outcome to minimise: max / min)
 *   laplace            mean over futures (principle of insufficient reason)
 *   hurwicz(α)         α·best + (1 − α)·worst, α the degree of optimism
 *   regret             per future, the gap to the best policy in that future (Savage 1951)
 *   max regret         the worst regret (minimax regret picks the smallest)
 *   regret quantile    the q-quantile of regret (default 0.9; Hyndman–Fan type 7)
 *   satisficing        share of futures meeting the threshold (≥ to maximise, ≤ to minimise; Starr 1963)
 *
 * Maximin picks the best worst case, maximax the best best case. Every criterion lists all policies
 * that tie for the top, so a "winner" on a tie is visible as such. Futures where any policy's value is
 * not finite are dropped from every policy and counted.
 */
import { sortedQuantile } from "./quantiles.js";

export type Direction = "maximize" | "minimize";

export interface RobustnessOptions {
  readonly direction: Direction;
  /** Hurwicz optimism α ∈ [0, 1] (default 0.5). */
  readonly hurwiczAlpha?: number;
  /** Regret quantile (default 0.9). */
  readonly regretQuantile?: number;
  /** Satisficing threshold; the share is omitted without one. */
  readonly threshold?: number;
}

export interface PolicyRobustness {
  readonly policy: string;
  readonly worst: number;
  readonly best: number;
  readonly laplace: number;
  readonly hurwicz: number;
  readonly maxRegret: number;
  readonly regretQuantile: number;
  readonly satisficing?: number;
  readonly regrets: Float64Array;
}

export type Criterion =
  | "maximin"
  | "maximax"
  | "laplace"
  | "hurwicz"
  | "minimax-regret"
  | "quantile-regret"
  | "satisficing";

export interface RobustnessResult {
  readonly direction: Direction;
  readonly futures: number;
  readonly dropped: number;
  readonly hurwiczAlpha: number;
  readonly regretQuantile: number;
  readonly threshold?: number;
  readonly policies: PolicyRobustness[];
  /** The policies ranked first by each criterion (more than one on a tie). */
  readonly preferred: Record<Criterion, string[]>;
}

/** values[p][f]: outcome of policy p in future f. */
export function robustness(
  policies: readonly string[],
  values: readonly ArrayLike<number>[],
  options: RobustnessOptions,
): RobustnessResult {
  if (values.length !== policies.length || policies.length === 0)
    throw new RangeError(`robustness: ${policies.length} policies but ${values.length} rows of values`);
  const nf = values[0]!.length;
  for (const row of values)
    if (row.length !== nf) throw new RangeError("robustness: every policy needs a value in every future");
  const alpha = options.hurwiczAlpha ?? 0.5;
  const q = options.regretQuantile ?? 0.9;
  if (!(alpha >= 0 && alpha <= 1))
    throw new RangeError(`robustness: Hurwicz α must be in [0, 1], got ${alpha}`);
  if (!(q >= 0 && q <= 1)) throw new RangeError(`robustness: regret quantile must be in [0, 1], got ${q}`);
  const sign = options.direction === "maximize" ? 1 : -1;
  const keep: number[] = [];
  for (let f = 0; f < nf; f++) if (values.every((row) => Number.isFinite(row[f]!))) keep.push(f);
  const n = keep.length;
  // Work on utility u = sign·value so that higher is always better; report in the outcome's units.
  const bestIn = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  for (let j = 0; j < n; j++)
    for (const row of values) bestIn[j] = Math.max(bestIn[j]!, sign * row[keep[j]!]!);
  const out: PolicyRobustness[] = policies.map((policy, p) => {
    const row = values[p]!;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    let sum = 0;
    let meets = 0;
    const regrets = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const u = sign * row[keep[j]!]!;
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
      sum += u;
      regrets[j] = bestIn[j]! - u;
      if (options.threshold !== undefined && u >= sign * options.threshold) meets++;
    }
    const sorted = Float64Array.from(regrets).sort();
    return {
      policy,
      worst: sign * lo,
      best: sign * hi,
      laplace: (sign * sum) / n,
      hurwicz: sign * (alpha * hi + (1 - alpha) * lo),
      maxRegret: n > 0 ? sorted[n - 1]! : Number.NaN,
      regretQuantile: sortedQuantile(sorted, q),
      ...(options.threshold !== undefined ? { satisficing: meets / n } : {}),
      regrets,
    };
  });
  const top = (score: (r: PolicyRobustness) => number): string[] => {
    let best = Number.NEGATIVE_INFINITY;
    for (const r of out) best = Math.max(best, score(r));
    return out.filter((r) => score(r) === best).map((r) => r.policy);
  };
  const preferred: Record<Criterion, string[]> = {
    maximin: top((r) => sign * r.worst),
    maximax: top((r) => sign * r.best),
    laplace: top((r) => sign * r.laplace),
    hurwicz: top((r) => sign * r.hurwicz),
    "minimax-regret": top((r) => -r.maxRegret),
    "quantile-regret": top((r) => -r.regretQuantile),
    satisficing: options.threshold !== undefined ? top((r) => r.satisficing!) : [],
  };
  return {
    direction: options.direction,
    futures: n,
    dropped: nf - n,
    hurwiczAlpha: alpha,
    regretQuantile: q,
    ...(options.threshold !== undefined ? { threshold: options.threshold } : {}),
    policies: out,
    preferred,
  };
}
