/**
 * Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror & Shaw (2011), "Parallel random
 * numbers: as easy as 1, 2, 3", SC'11. The output block is a keyed bijection of a 128-bit counter
 * under a 64-bit key, so the i-th block of a stream is computable directly from (key, i) with no
 * state to carry: independent streams are independent keys.
 *
 * Only 32-bit integer arithmetic is used (Math.imul, >>> 0), which ECMAScript defines exactly, so every
 * engine produces the same words. Checked against the Random123 known-answer vectors.
 */

/** Round multipliers and Weyl key increments from Salmon et al. (2011), table 2. */
const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/**
 * High 32 bits of the 64-bit product a·b of unsigned words, with b = bHi·2¹⁶ + bLo, from four 16×16-bit
 * partial products (each < 2³², exact) and their carries.
 */
function mulHi(a: number, bHi: number, bLo: number): number {
  const aHi = a >>> 16;
  const aLo = a & 0xffff;
  const ll = aLo * bLo;
  const lh = aLo * bHi;
  const hl = aHi * bLo;
  const mid = (ll >>> 16) + (lh & 0xffff) + (hl & 0xffff);
  return (aHi * bHi + (lh >>> 16) + (hl >>> 16) + (mid >>> 16)) >>> 0;
}
const M0_HI = M0 >>> 16;
const M0_LO = M0 & 0xffff;
const M1_HI = M1 >>> 16;
const M1_LO = M1 & 0xffff;

/**
 * Writes Philox4x32-10(counter, key) into `out[0..3]`.
 * `counter` is four unsigned words c0..c3, `key` two words k0, k1 (the order of the Random123 vectors).
 */
export function philox4x32(
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  k0: number,
  k1: number,
  out: Uint32Array,
): void {
  let x0 = c0 >>> 0;
  let x1 = c1 >>> 0;
  let x2 = c2 >>> 0;
  let x3 = c3 >>> 0;
  k0 >>>= 0;
  k1 >>>= 0;
  for (let round = 0; round < 10; round++) {
    const hi0 = mulHi(x0, M0_HI, M0_LO);
    const lo0 = Math.imul(M0, x0) >>> 0;
    const hi1 = mulHi(x2, M1_HI, M1_LO);
    const lo1 = Math.imul(M1, x2) >>> 0;
    x0 = (hi1 ^ x1 ^ k0) >>> 0;
    x1 = lo1;
    x2 = (hi0 ^ x3 ^ k1) >>> 0;
    x3 = lo0;
    k0 = (k0 + W0) >>> 0;
    k1 = (k1 + W1) >>> 0;
  }
  out[0] = x0;
  out[1] = x1;
  out[2] = x2;
  out[3] = x3;
}
