/**
 * Draws from common distributions given a source of uniform [0, 1) numbers. Each takes the source first
 * so the same transforms serve any generator. Logs and exponentials go through `portable-math` so a
 * seeded draw has the same bits on every engine. Parameters are checked (cheap comparisons) and a bad
 * one raises an `out-of-range` InputError naming the distribution and parameter.
 */
import { checkParam, isFiniteNumber } from "./check.js";
import { exp, log, logFactorial } from "./portable-math.js";

/** Anything that yields uniform numbers in [0, 1). */
export interface UniformSource {
  next(): number;
}

/** Uniform on [a, b). */
export function uniformDraw(src: UniformSource, a: number, b: number): number {
  checkParam(isFiniteNumber(a) && isFiniteNumber(b) && a <= b, "uniform(a, b)", "finite a ≤ b", `${a}, ${b}`);
  return a + (b - a) * src.next();
}

/** Exponential with the given rate (mean 1/rate), by inversion: −log(1 − U)/rate. */
export function exponentialDraw(src: UniformSource, rate = 1): number {
  checkParam(isFiniteNumber(rate) && rate > 0, "exponential(rate)", "a finite rate > 0", rate);
  return -log(1 - src.next()) / rate;
}

/** True with probability p. */
export function bernoulliDraw(src: UniformSource, p: number): boolean {
  checkParam(isFiniteNumber(p) && p >= 0 && p <= 1, "bernoulli(p)", "a probability in [0, 1]", p);
  return src.next() < p;
}

/**
 * A pair of independent standard normals by Marsaglia's polar method (Marsaglia & Bray 1964): only
 * log and sqrt (IEEE-exact), no trigonometry whose last bit would vary across engines.
 */
export function normalPair(src: UniformSource, out: [number, number]): void {
  for (;;) {
    const u = 2 * src.next() - 1;
    const v = 2 * src.next() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) {
      const f = Math.sqrt((-2 * log(s)) / s);
      out[0] = u * f;
      out[1] = v * f;
      return;
    }
  }
}

/** Pareto (type I) with minimum `scale` > 0 and tail index `shape` > 0: scale·U^(−1/shape). */
export function paretoDraw(src: UniformSource, scale: number, shape: number): number {
  checkParam(isFiniteNumber(scale) && scale > 0, "pareto(scale)", "a finite scale > 0", scale);
  checkParam(isFiniteNumber(shape) && shape > 0, "pareto(shape)", "a finite shape > 0", shape);
  return scale * exp(-log(1 - src.next()) / shape);
}

/**
 * Lomax (Pareto type II from 0) with `scale` > 0 and tail index `shape` > 0: scale·(U^(−1/shape) − 1).
 * Heavy-tailed severities with support [0, ∞); mean scale/(shape − 1) when shape > 1.
 */
export function lomaxDraw(src: UniformSource, scale: number, shape: number): number {
  checkParam(isFiniteNumber(scale) && scale > 0, "lomax(scale)", "a finite scale > 0", scale);
  checkParam(isFiniteNumber(shape) && shape > 0, "lomax(shape)", "a finite shape > 0", shape);
  return scale * (exp(-log(1 - src.next()) / shape) - 1);
}

/** Index i with probability weights[i] / Σ weights (one uniform, linear scan). */
export function choiceDraw(src: UniformSource, weights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    checkParam(isFiniteNumber(w) && w >= 0, `choice(weights)[${i}]`, "a finite weight ≥ 0", w);
    total += w;
  }
  checkParam(
    total > 0,
    "choice(weights)",
    "at least one positive weight",
    weights.length ? "all zeros" : "none",
  );
  const target = src.next() * total;
  let cumulative = 0;
  let last = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w <= 0) continue;
    cumulative += w;
    if (target < cumulative) return i;
    last = i;
  }
  return last; // rounding left target ≥ the float sum: the last positive weight
}

/** Below this mean Poisson draws invert the CDF; from it on they use PTRS. */
const PTRS_FROM = 10;

/**
 * Poisson with the given mean ≥ 0, exact in distribution for any mean: sequential inversion of the CDF
 * for means below 10 (one uniform per draw), and Hörmann's transformed rejection with squeeze, PTRS
 * (Hörmann 1993, Insurance: Mathematics and Economics 12, 39–45) from 10 on, with about 1.1 pairs of
 * uniforms per draw whatever the mean.
 */
export function poissonDraw(src: UniformSource, mean: number): number {
  checkParam(isFiniteNumber(mean) && mean >= 0, "poisson(mean)", "a finite mean ≥ 0", mean);
  if (mean === 0) return 0;
  return mean < PTRS_FROM ? poissonInversion(src, mean) : poissonPtrs(src, mean);
}

function poissonInversion(src: UniformSource, mean: number): number {
  const p0 = exp(-mean);
  for (;;) {
    const u = src.next();
    let k = 0;
    let p = p0;
    let cdf = p0;
    while (u >= cdf) {
      k++;
      p *= mean / k;
      const next = cdf + p;
      // The float CDF can stop short of 1 by an ulp or two; a u in that sliver is redrawn.
      if (next === cdf) break;
      cdf = next;
    }
    if (u < cdf) return k;
  }
}

function poissonPtrs(src: UniformSource, mean: number): number {
  const logMean = log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = src.next() - 0.5;
    const v = src.next();
    const us = 0.5 - Math.abs(u);
    if (us <= 0) continue; // u = −0.5 exactly would send k to −∞
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (log(v) + log(invAlpha) - log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) return k;
  }
}
