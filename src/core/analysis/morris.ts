/**
 * Morris elementary-effects screening (Morris 1991; Campolongo, Cariboni & Saltelli 2007).
 *
 * Along each trajectory of k + 1 points exactly one input changes between consecutive points; its
 * elementary effect is EE = (y_{s+1} − y_s) / (x_{s+1,i} − x_{s,i}), with x on the unit-cube scale (so
 * a step of Δ = p/(2(p−1)) is the same share of every input's range or probability). Over r trajectories:
 *
 *   μ_i = mean EE,   μ*_i = mean |EE|,   σ_i = standard deviation of EE (divisor r − 1).
 *
 * μ* ranks inputs by overall influence, σ flags interactions and non-linearity. Steps whose outputs are
 * not finite are skipped and counted.
 */
import { createStream } from "../random/index.js";
import { sortedQuantile } from "./quantiles.js";
import type { Interval } from "./sobol-indices.js";

export interface MorrisResult {
  readonly mu: Float64Array;
  readonly muStar: Float64Array;
  readonly sigma: Float64Array;
  /** Elementary effects counted per input. */
  readonly effects: Int32Array;
  /** Percentile bootstrap interval of μ* over trajectories (empty when resamples = 0). */
  readonly muStarInterval: Interval[];
  /** Steps skipped because an output was not finite. */
  readonly skipped: number;
}

export interface MorrisOptions {
  readonly resamples?: number;
  readonly confidence?: number;
  readonly seed?: number;
}

/**
 * Elementary effects of a Morris design. `unit` holds the r(k + 1) points row-major on the unit scale
 * (Design.unit), `y` the outputs in the same order. The moved input of each step is found from the points,
 * so hand-made trajectories (e.g. the Primer's exercise) work as well as generated ones.
 */
export function morrisIndices(
  unit: ArrayLike<number>,
  y: ArrayLike<number>,
  k: number,
  options: MorrisOptions = {},
): MorrisResult {
  const rowsPer = k + 1;
  if (y.length % rowsPer !== 0 || unit.length !== y.length * k)
    throw new RangeError(
      `morrisIndices: expected r(k + 1) outputs and r(k + 1)·k coordinates for k = ${k}, got ${y.length} and ${unit.length}`,
    );
  const r = y.length / rowsPer;
  // ee[t * k + i]: the effect of input i in trajectory t (NaN when missing).
  const ee = new Float64Array(r * k).fill(Number.NaN);
  let skipped = 0;
  for (let t = 0; t < r; t++) {
    for (let s = 0; s < k; s++) {
      const a = t * rowsPer + s;
      const b = a + 1;
      let moved = -1;
      let dx = 0;
      for (let j = 0; j < k; j++) {
        const d = unit[b * k + j]! - unit[a * k + j]!;
        if (d !== 0) {
          if (moved >= 0)
            throw new RangeError(`morrisIndices: trajectory ${t}, step ${s + 1} moves more than one input`);
          moved = j;
          dx = d;
        }
      }
      if (moved < 0) throw new RangeError(`morrisIndices: trajectory ${t}, step ${s + 1} moves no input`);
      const dy = y[b]! - y[a]!;
      if (!Number.isFinite(dy)) skipped++;
      else ee[t * k + moved] = dy / dx;
    }
  }
  const mu = new Float64Array(k);
  const muStar = new Float64Array(k);
  const sigma = new Float64Array(k);
  const effects = new Int32Array(k);
  for (let i = 0; i < k; i++) {
    let n = 0;
    let s = 0;
    let sa = 0;
    for (let t = 0; t < r; t++) {
      const e = ee[t * k + i]!;
      if (Number.isNaN(e)) continue;
      n++;
      s += e;
      sa += Math.abs(e);
    }
    effects[i] = n;
    mu[i] = s / n;
    muStar[i] = sa / n;
    let ss = 0;
    for (let t = 0; t < r; t++) {
      const e = ee[t * k + i]!;
      if (!Number.isNaN(e)) ss += (e - mu[i]!) ** 2;
    }
    sigma[i] = n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN;
  }
  const resamples = options.resamples ?? 0;
  const muStarInterval: Interval[] = [];
  if (resamples > 0) {
    const random = createStream(options.seed ?? 0, 0, "analysis/morris/bootstrap");
    const boot = new Float64Array(resamples * k);
    const weight = new Int32Array(r);
    for (let b = 0; b < resamples; b++) {
      weight.fill(0);
      for (let t = 0; t < r; t++) weight[random.int(r)]!++;
      // A trajectory drawn w times counts w times: expand by summing weighted effects.
      for (let i = 0; i < k; i++) {
        let n = 0;
        let sa = 0;
        for (let t = 0; t < r; t++) {
          const e = ee[t * k + i]!;
          if (Number.isNaN(e)) continue;
          n += weight[t]!;
          sa += weight[t]! * Math.abs(e);
        }
        boot[i * resamples + b] = sa / n;
      }
    }
    const lo = (1 - (options.confidence ?? 0.95)) / 2;
    for (let i = 0; i < k; i++) {
      const s = boot.subarray(i * resamples, (i + 1) * resamples).sort();
      muStarInterval.push({ low: sortedQuantile(s, lo), high: sortedQuantile(s, 1 - lo) });
    }
  }
  return { mu, muStar, sigma, effects, muStarInterval, skipped };
}
