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

/**
 * Per base row j, the terms every estimator sums: f(A) + f(B), f(A)² + f(B)², then for each input i
 * f(B)(f(A_B^(i)) − f(A)) and (f(A) − f(A_B^(i)))². Row-major, 2k + 2 columns, so a bootstrap replicate is
 * one sequential pass weighted by how often it drew each row.
 */
function contributions(y: Float64Array, k: number, rows: Int32Array, centre: number): Float64Array {
  const g = k + 2;
  const w = 2 * k + 2;
  const c = new Float64Array(rows.length * w);
  for (let r = 0; r < rows.length; r++) {
    const o = rows[r]! * g;
    const fa = y[o]! - centre;
    const fb = y[o + g - 1]! - centre;
    const base = r * w;
    c[base] = fa + fb;
    c[base + 1] = fa * fa + fb * fb;
    for (let i = 0; i < k; i++) {
      const fab = y[o + 1 + i]! - centre;
      c[base + 2 + i] = fb * (fab - fa);
      const d = fa - fab;
      c[base + 2 + k + i] = d * d;
    }
  }
  return c;
}

/** Indices from the weighted sums of the contributions (weight[r] = times row r is drawn; null = once each). */
function estimate(
  c: Float64Array,
  k: number,
  n: number,
  weight: Int32Array | null,
  sums: Float64Array,
  first: Float64Array,
  total: Float64Array,
): number {
  const w = 2 * k + 2;
  sums.fill(0);
  for (let r = 0; r < n; r++) {
    const m = weight ? weight[r]! : 1;
    if (m === 0) continue;
    const base = r * w;
    for (let q = 0; q < w; q++) sums[q] = sums[q]! + m * c[base + q]!;
  }
  const mean = sums[0]! / (2 * n);
  const variance = (sums[1]! - 2 * n * mean * mean) / (2 * n - 1);
  for (let i = 0; i < k; i++) {
    first[i] = sums[2 + i]! / n / variance;
    total[i] = sums[2 + k + i]! / (2 * n) / variance;
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
  const c = contributions(values, k, Int32Array.from(kept), centre);
  const sums = new Float64Array(2 * k + 2);
  const variance = estimate(c, k, n, null, sums, first, total);
  const firstInterval: Interval[] = [];
  const totalInterval: Interval[] = [];
  if (resamples > 0) {
    const random = createStream(options.seed ?? 0, 0, "analysis/sobol/bootstrap");
    const bootFirst = new Float64Array(resamples * k);
    const bootTotal = new Float64Array(resamples * k);
    const weight = new Int32Array(n);
    const f = new Float64Array(k);
    const t = new Float64Array(k);
    // Uniform index in 0 … n − 1 by rejection from the largest multiple of n below 2^32 (no modulo bias),
    // inlined because this loop draws N · resamples indices.
    const limit = 4294967296 - (4294967296 % n);
    for (let b = 0; b < resamples; b++) {
      weight.fill(0);
      for (let r = 0; r < n; r++) {
        let u = random.nextUint32();
        while (u >= limit) u = random.nextUint32();
        weight[u % n]!++;
      }
      estimate(c, k, n, weight, sums, f, t);
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
