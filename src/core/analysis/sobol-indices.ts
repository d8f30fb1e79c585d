/**
 * Variance-based (Sobol) sensitivity indices from the outputs of Saltelli's design (explore/samplers.ts):
 * rows in groups of k + 2, A_j, A_B^(1)_j, …, A_B^(k)_j, B_j.
 *
 *   V     = variance of the 2N outputs f(A) and f(B)
 *   S_i   = (1/N) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j) / V          (Saltelli et al. 2010, Table 2 (b))
 *   S_Ti  = (1/2N) Σ_j (f(A)_j − f(A_B^(i))_j)² / V               (Jansen 1999; Saltelli et al. 2010, (f))
 *
 * Outputs are centred on the mean of f(A) and f(B) first, which leaves both estimators' expectations
 * unchanged and removes the variance the mean would add to S_i. Confidence intervals are percentile
 * bootstrap intervals over the N base rows resampled with replacement (Archer, Saltelli & Sobol 1997),
 * drawn from the named stream "analysis/sobol/bootstrap". A group whose outputs are not all finite (a
 * failed case) is dropped and counted.
 *
 * Source: A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto, S. Tarantola (2010), "Variance based
 * sensitivity analysis of model output. Design and estimator for the total sensitivity index", Computer
 * Physics Communications 181:259–270. M. J. W. Jansen (1999), Computer Physics Communications 117:35–43.
 */
import { createStream } from "../random/index.js";
import { sortedQuantile } from "./quantiles.js";

export interface SobolOptions {
  /** Bootstrap resamples for the intervals (default 100; 0 for none). */
  readonly resamples?: number;
  /** Two-sided confidence level of the intervals (default 0.95). */
  readonly confidence?: number;
  /** Seed of the bootstrap stream (default 0). */
  readonly seed?: number;
}

export interface Interval {
  readonly low: number;
  readonly high: number;
}

export interface SobolResult {
  /** Base rows used (groups with every output finite). */
  readonly base: number;
  /** Groups dropped because an output was NaN or infinite. */
  readonly dropped: number;
  readonly variance: number;
  readonly first: Float64Array;
  readonly total: Float64Array;
  /** Percentile bootstrap intervals, one per input; empty arrays when resamples = 0. */
  readonly firstInterval: Interval[];
  readonly totalInterval: Interval[];
  readonly confidence: number;
  readonly resamples: number;
}

/** Sums over the base rows listed in `rows` (with repeats), giving the indices for that sample. */
function estimate(
  y: Float64Array,
  k: number,
  rows: Int32Array,
  centre: number,
  first: Float64Array,
  total: Float64Array,
): number {
  const g = k + 2;
  const n = rows.length;
  let sum = 0;
  let sumSq = 0;
  first.fill(0);
  total.fill(0);
  for (let r = 0; r < n; r++) {
    const o = rows[r]! * g;
    const fa = y[o]! - centre;
    const fb = y[o + g - 1]! - centre;
    sum += fa + fb;
    sumSq += fa * fa + fb * fb;
    for (let i = 0; i < k; i++) {
      const fab = y[o + 1 + i]! - centre;
      first[i] = first[i]! + fb * (fab - fa);
      const d = fa - fab;
      total[i] = total[i]! + d * d;
    }
  }
  const m = sum / (2 * n);
  const variance = (sumSq - 2 * n * m * m) / (2 * n - 1);
  for (let i = 0; i < k; i++) {
    first[i] = first[i]! / n / variance;
    total[i] = total[i]! / (2 * n) / variance;
  }
  return variance;
}

/**
 * Sobol first- and total-order indices of one output over a Saltelli design of k inputs. `y` holds the
 * outputs in design row order; its length must be a multiple of k + 2.
 */
export function sobolIndices(y: ArrayLike<number>, k: number, options: SobolOptions = {}): SobolResult {
  const g = k + 2;
  if (!(Number.isInteger(k) && k >= 1))
    throw new RangeError(`sobolIndices: k must be a positive integer, got ${k}`);
  if (y.length % g !== 0)
    throw new RangeError(
      `sobolIndices: ${y.length} outputs is not a multiple of k + 2 = ${g} (Saltelli groups)`,
    );
  const values = y instanceof Float64Array ? y : Float64Array.from(y);
  const groups = values.length / g;
  const kept: number[] = [];
  let centre = 0;
  for (let j = 0; j < groups; j++) {
    let ok = true;
    for (let r = 0; r < g && ok; r++) ok = Number.isFinite(values[j * g + r]!);
    if (ok) {
      kept.push(j);
      centre += values[j * g]! + values[j * g + g - 1]!;
    }
  }
  const n = kept.length;
  const resamples = options.resamples ?? 100;
  const confidence = options.confidence ?? 0.95;
  const first = new Float64Array(k);
  const total = new Float64Array(k);
  if (n < 2) {
    first.fill(Number.NaN);
    total.fill(Number.NaN);
    return {
      base: n,
      dropped: groups - n,
      variance: Number.NaN,
      first,
      total,
      firstInterval: [],
      totalInterval: [],
      confidence,
      resamples: 0,
    };
  }
  centre /= 2 * n;
  const rows = Int32Array.from(kept);
  const variance = estimate(values, k, rows, centre, first, total);
  const firstInterval: Interval[] = [];
  const totalInterval: Interval[] = [];
  if (resamples > 0) {
    const random = createStream(options.seed ?? 0, 0, "analysis/sobol/bootstrap");
    const bootFirst = new Float64Array(resamples * k);
    const bootTotal = new Float64Array(resamples * k);
    const sample = new Int32Array(n);
    const f = new Float64Array(k);
    const t = new Float64Array(k);
    for (let b = 0; b < resamples; b++) {
      for (let r = 0; r < n; r++) sample[r] = rows[random.int(n)]!;
      estimate(values, k, sample, centre, f, t);
      for (let i = 0; i < k; i++) {
        bootFirst[i * resamples + b] = f[i]!;
        bootTotal[i * resamples + b] = t[i]!;
      }
    }
    const lo = (1 - confidence) / 2;
    for (let i = 0; i < k; i++) {
      const sf = bootFirst.subarray(i * resamples, (i + 1) * resamples).sort();
      const st = bootTotal.subarray(i * resamples, (i + 1) * resamples).sort();
      firstInterval.push({ low: sortedQuantile(sf, lo), high: sortedQuantile(sf, 1 - lo) });
      totalInterval.push({ low: sortedQuantile(st, lo), high: sortedQuantile(st, 1 - lo) });
    }
  }
  return {
    base: n,
    dropped: groups - n,
    variance,
    first,
    total,
    firstInterval,
    totalInterval,
    confidence,
    resamples,
  };
}
