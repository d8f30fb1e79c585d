/**
 * Designs in the unit cube [0, 1)^k, row-major in a Float64Array, each a pure function of its size and a
 * random stream. `design.ts` maps them through the distributions' quantile functions.
 */
import type { Random } from "../random/index.js";
import { sobolPoints } from "./sobol-sequence.js";

/** Independent uniform coordinates (plain Monte Carlo). */
export function monteCarloUnit(n: number, k: number, random: Random): Float64Array {
  const out = new Float64Array(n * k);
  for (let i = 0; i < out.length; i++) out[i] = random.next();
  return out;
}

/**
 * Latin hypercube (McKay, Beckman & Conover 1979): in each column the n rows fall one in each stratum
 * [i/n, (i+1)/n), at a uniform position inside it; strata are matched across columns by independent
 * random permutations (Fisher–Yates).
 */
export function latinHypercubeUnit(n: number, k: number, random: Random): Float64Array {
  const out = new Float64Array(n * k);
  const perm = new Int32Array(n);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const r = random.int(i + 1);
      const t = perm[i]!;
      perm[i] = perm[r]!;
      perm[r] = t;
    }
    for (let i = 0; i < n; i++) out[i * k + j] = (perm[i]! + random.next()) / n;
  }
  return out;
}

/** Scrambled Sobol points (see sobol-sequence.ts). */
export function sobolUnit(n: number, k: number, random: Random): Float64Array {
  return sobolPoints(n, k, random);
}

/**
 * Saltelli's design for Sobol indices (Saltelli 2002; Saltelli et al. 2010, §3): two independent base
 * matrices A and B of N rows, here the first and last k columns of one scrambled 2k-dimensional Sobol
 * sequence, and for each input i the matrix A_B^(i) (A with column i taken from B). Rows are grouped by
 * base row j, k + 2 rows per group in the order A_j, A_B^(1)_j, …, A_B^(k)_j, B_j, so any prefix of
 * whole groups is itself a usable design (a run stopped early still gives indices). N(k + 2) rows.
 */
export function saltelliUnit(n: number, k: number, random: Random): Float64Array {
  const base = sobolPoints(n, 2 * k, random);
  const g = k + 2;
  const out = new Float64Array(n * g * k);
  for (let j = 0; j < n; j++) {
    const a = j * 2 * k;
    const b = a + k;
    const row0 = j * g;
    for (let c = 0; c < k; c++) {
      out[row0 * k + c] = base[a + c]!;
      out[(row0 + g - 1) * k + c] = base[b + c]!;
    }
    for (let i = 0; i < k; i++) {
      const r = (row0 + 1 + i) * k;
      for (let c = 0; c < k; c++) out[r + c] = base[c === i ? b + c : a + c]!;
    }
  }
  return out;
}

/** A Morris design: the unit points plus, for every step, which factor moved and in which direction. */
export interface MorrisUnit {
  readonly points: Float64Array;
  /** Per trajectory t and step s (1 … k): the factor changed between point s − 1 and point s. */
  readonly factor: Int32Array;
  /** +1 when that factor went up by Δ, −1 when it went down. */
  readonly sign: Int8Array;
  readonly delta: number;
}

/**
 * Morris (1991) one-at-a-time trajectories on a grid of p levels {0, 1/(p−1), …, 1} with step
 * Δ = p / (2(p − 1)) (Saltelli et al. 2008, Primer §3.3). For each of r trajectories: a base point with
 * coordinates drawn from the levels that leave room for a step of Δ, a random order of the factors and a
 * random direction for each; starting from the base (or base + Δ for factors going down) the k factors
 * move one at a time. r(k + 1) rows, trajectory-major.
 */
export function morrisUnit(r: number, k: number, p: number, random: Random): MorrisUnit {
  const delta = p / (2 * (p - 1));
  const points = new Float64Array(r * (k + 1) * k);
  const factor = new Int32Array(r * k);
  const sign = new Int8Array(r * k);
  const order = new Int32Array(k);
  const x = new Float64Array(k);
  const starts = p / 2; // levels l/(p−1) with l < p/2 satisfy l/(p−1) + Δ ≤ 1
  for (let t = 0; t < r; t++) {
    for (let i = 0; i < k; i++) order[i] = i;
    for (let i = k - 1; i > 0; i--) {
      const s = random.int(i + 1);
      const tmp = order[i]!;
      order[i] = order[s]!;
      order[s] = tmp;
    }
    const dir = new Int8Array(k);
    for (let i = 0; i < k; i++) {
      const base = random.int(starts) / (p - 1);
      dir[i] = random.next() < 0.5 ? 1 : -1;
      x[i] = dir[i] === 1 ? base : base + delta;
    }
    const row0 = t * (k + 1);
    points.set(x, row0 * k);
    for (let s = 0; s < k; s++) {
      const i = order[s]!;
      x[i] = x[i]! + dir[i]! * delta;
      points.set(x, (row0 + s + 1) * k);
      factor[t * k + s] = i;
      sign[t * k + s] = dir[i]!;
    }
  }
  return { points, factor, sign, delta };
}

/**
 * Every combination of the given numbers of levels, the last column varying fastest. Level l of L sits at
 * the centre of the l-th of L equal cells, (l + ½)/L, so it maps to the l-th category of an L-valued
 * distribution and to the (l + ½)/L quantile of a continuous one.
 */
export function fullFactorialUnit(levels: readonly number[]): Float64Array {
  const k = levels.length;
  let n = 1;
  for (const l of levels) n *= l;
  const out = new Float64Array(n * k);
  const digit = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) out[i * k + j] = (digit[j]! + 0.5) / levels[j]!;
    for (let j = k - 1; j >= 0; j--) {
      digit[j] = digit[j]! + 1;
      if (digit[j]! < levels[j]!) break;
      digit[j] = 0;
    }
  }
  return out;
}
