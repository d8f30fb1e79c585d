/**
 * Sobol low-discrepancy points in base 2 with 32-bit digits, from the Joe–Kuo direction numbers, and
 * their randomisation by a random linear matrix scramble plus a digital shift.
 *
 * Construction (Bratley & Fox 1988, algorithm 659; Joe & Kuo 2008): dimension j has a primitive
 * polynomial of degree s with inner coefficients a₁ … a_{s−1} and initial numbers m₁ … m_s; further
 * m_k = 2a₁m_{k−1} ⊕ 2²a₂m_{k−2} ⊕ … ⊕ 2^{s−1}a_{s−1}m_{k−s+1} ⊕ 2^s m_{k−s} ⊕ m_{k−s}, and the
 * direction numbers are v_k = m_k · 2^{32−k}. Point n is the XOR of the v_k over the set bits of the
 * Gray code of n (Antonov & Saleev 1979), computed incrementally.
 *
 * Randomisation: each dimension's 32×32 generator matrix is multiplied on the left by a random
 * lower-triangular binary matrix with a unit diagonal (Matoušek 1998, "linear matrix scrambling"),
 * and every point is XORed with a random digital shift. The result keeps the (t, m, s)-net property
 * and makes each point uniform on the unit cube (Owen 2003, "Variance with alternative scramblings
 * of digital nets", ACM TOMACS 13(4)), so averages are unbiased and replicates give error estimates.
 * Each coordinate is returned at the centre of its 2⁻³² cell, so no value is exactly 0 or 1.
 */
import type { Random } from "../random/index.js";
import { JOE_KUO_DIMENSIONS, JOE_KUO_TABLE } from "./joe-kuo-table.js";

/** Largest dimension the shipped direction numbers support. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO_DIMENSIONS;
/** Largest number of points of one sequence (32-bit digits). */
export const SOBOL_MAX_POINTS = 2 ** 32;

const BITS = 32;
const SCALE = 2 ** -32;

let parsed: { s: number; a: number; m: number[] }[] | undefined;

function table(): { s: number; a: number; m: number[] }[] {
  if (!parsed) {
    parsed = JOE_KUO_TABLE.split("\n").map((line) => {
      const [s, a, ...m] = line.trim().split(/\s+/).map(Number);
      return { s: s!, a: a!, m };
    });
  }
  return parsed;
}

/** The 32 direction numbers of each of the first `dims` dimensions, dimension-major. */
export function directionNumbers(dims: number): Uint32Array {
  if (!(Number.isInteger(dims) && dims >= 1 && dims <= SOBOL_MAX_DIMENSIONS))
    throw new RangeError(`Sobol dimension must be 1 … ${SOBOL_MAX_DIMENSIONS}, got ${dims}`);
  const v = new Uint32Array(dims * BITS);
  for (let k = 0; k < BITS; k++) v[k] = 2 ** (31 - k); // dimension 1: van der Corput
  const rows = table();
  for (let j = 1; j < dims; j++) {
    const { s, a, m } = rows[j - 1]!;
    const mk = new Array<number>(BITS);
    for (let k = 0; k < s; k++) mk[k] = m[k]!;
    for (let k = s; k < BITS; k++) {
      // All m_k < 2^k ≤ 2^32 fit in a double exactly; XOR is done on 32-bit values.
      let x = mk[k - s]! ^ (mk[k - s]! * 2 ** s);
      for (let i = 1; i < s; i++) if ((a >>> (s - 1 - i)) & 1) x ^= mk[k - i]! * 2 ** i;
      mk[k] = x >>> 0;
    }
    for (let k = 0; k < BITS; k++) v[j * BITS + k] = (mk[k]! * 2 ** (31 - k)) >>> 0;
  }
  return v;
}

function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/**
 * Scrambles direction numbers in place (Matoušek's linear matrix scramble) and returns the digital shift
 * of each dimension. Output digit i (bit 31 − i) is the parity of the input digits 0 … i selected by row i
 * of a random lower-triangular matrix with ones on its diagonal.
 */
export function scrambleDirections(v: Uint32Array, dims: number, random: Random): Uint32Array {
  const shift = new Uint32Array(dims);
  const rows = new Uint32Array(BITS);
  for (let j = 0; j < dims; j++) {
    for (let i = 0; i < BITS; i++) {
      const above = i === 0 ? 0 : (0xffffffff << (BITS - i)) >>> 0;
      rows[i] = ((1 << (31 - i)) | (random.nextUint32() & above)) >>> 0;
    }
    for (let k = 0; k < BITS; k++) {
      const d = v[j * BITS + k]!;
      let out = 0;
      for (let i = 0; i < BITS; i++) if (parity(rows[i]! & d)) out |= 1 << (31 - i);
      v[j * BITS + k] = out >>> 0;
    }
    shift[j] = random.nextUint32();
  }
  return shift;
}

/** Number of trailing zero bits of a positive integer below 2^32. */
function trailingZeros(n: number): number {
  return 31 - Math.clz32(n & -n);
}

/**
 * The first `n` points of the `dims`-dimensional Sobol sequence, row-major in a Float64Array.
 * With a random stream the sequence is scrambled (see the file comment); without one it is the plain
 * sequence, starting at the origin, with coordinates k·2⁻³² (used to check the direction numbers).
 */
export function sobolPoints(n: number, dims: number, random?: Random): Float64Array {
  if (!(Number.isInteger(n) && n >= 0 && n <= SOBOL_MAX_POINTS))
    throw new RangeError(`Sobol point count must be 0 … 2^32, got ${n}`);
  const v = directionNumbers(dims);
  const shift = random ? scrambleDirections(v, dims, random) : new Uint32Array(dims);
  const offset = random ? 0.5 * SCALE : 0;
  const out = new Float64Array(n * dims);
  const x = new Uint32Array(dims);
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const c = trailingZeros(i);
      for (let j = 0; j < dims; j++) x[j] = x[j]! ^ v[j * BITS + c]!;
    }
    for (let j = 0; j < dims; j++) out[i * dims + j] = ((x[j]! ^ shift[j]!) >>> 0) * SCALE + offset;
  }
  return out;
}
