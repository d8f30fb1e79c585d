/**
 * Logarithm and exponential computed from +, −, ×, ÷ alone, so they give the same bits on every
 * JavaScript engine. ECMAScript leaves the last bit of Math.log and Math.exp to the implementation
 * (V8 and SpiderMonkey port fdlibm, JavaScriptCore calls the platform libm), while the basic operations
 * are IEEE 754 round-to-nearest everywhere and JavaScript never fuses them. Seeded draws that pass
 * through log or exp (normal, exponential, Poisson, Pareto, Hawkes event times) use these.
 *
 * Algorithms and minimax coefficients: fdlibm e_log.c and e_exp.c (Sun Microsystems 1993); error under
 * one ulp. Special values follow Math: log(0) = −∞, log(x < 0) = NaN, exp(−∞) = 0.
 */

// fdlibm's constants as shortest round-trip decimals; the IEEE words are given for checking.
const LN2_HI = 0.6931471803691238; // 3fe62e42 fee00000: ln 2 with its low 32 bits cleared
const LN2_LO = 1.9082149292705877e-10; // 3dea39ef 35793c76
const INV_LN2 = Math.LOG2E; // 3ff71547 652b82fe
const LG1 = 0.6666666666666735; // 3fe55555 55555593
const LG2 = 0.3999999999940942; // 3fd99999 9997fa04
const LG3 = 0.2857142874366239; // 3fd24924 94229359
const LG4 = 0.22222198432149784; // 3fcc71c5 1d8e78af
const LG5 = 0.1818357216161805; // 3fc74664 96cb03de
const LG6 = 0.15313837699209373; // 3fc39a09 d078c69f
const LG7 = 0.14798198605116586; // 3fc2f112 df3e5244
const P1 = 0.16666666666666602; // 3fc55555 5555553e
const P2 = -0.0027777777777015593; // bf66c16c 16bebd93
const P3 = 0.00006613756321437934; // 3f11566a af25de2c
const P4 = -0.0000016533902205465252; // bebbbd41 c5d26bf1
const P5 = 4.1381367970572385e-8; // 3e663769 72bea4d0
const SQRT2 = Math.SQRT2;
const TWO54 = 18014398509481984;

/** 2^k for k in [−1074, 1023], built by exact doubling and halving. */
const POW2 = (() => {
  const table = new Float64Array(1023 + 1074 + 1);
  table[1074] = 1;
  for (let k = 1; k <= 1023; k++) table[1074 + k] = table[1074 + k - 1]! * 2;
  for (let k = -1; k >= -1074; k--) table[1074 + k] = table[1074 + k + 1]! / 2;
  return table;
})();

/** Natural logarithm, bit-identical on every engine (fdlibm e_log.c). */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= TWO54; // subnormal: scale into the normal range first
    k = -54;
  }
  // x = 2^e · m with m ∈ [1, 2). Math.log2 only proposes e; the exact corrections below fix it, so an
  // engine whose log2 is off by an ulp still lands on the same (e, m).
  let e = Math.floor(Math.log2(x));
  let m = x * POW2[1074 - e]!;
  if (m >= 2) {
    m /= 2;
    e += 1;
  } else if (m < 1) {
    m *= 2;
    e -= 1;
  }
  k += e;
  if (m > SQRT2) {
    m /= 2;
    k += 1;
  }
  // log(1 + f) = 2 atanh(s) with s = f / (2 + f), |s| ≤ 0.1716; R is the minimax tail in s².
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const r = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
}

/** e^x, bit-identical on every engine (fdlibm e_exp.c). */
export function exp(x: number): number {
  if (Number.isNaN(x)) return x;
  if (x > 709.782712893384) return Number.POSITIVE_INFINITY;
  if (x < -745.1332191019412) return 0;
  // x = k·ln2 + r with |r| ≤ ln2/2; ln2 is split in two so k·LN2_HI is exact.
  const k = Math.round(x * INV_LN2);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  // Two factors keep 2^k representable when the result is subnormal or near overflow.
  if (k > 1000) return y * POW2[1074 + 1000]! * POW2[1074 + k - 1000]!;
  if (k < -1000) return y * POW2[1074 - 1000]! * POW2[1074 + k + 1000]!;
  return y * POW2[1074 + k]!;
}

/** 2^k for an integer k in [−1074, 1023] (exact). */
export function pow2(k: number): number {
  return POW2[1074 + k] ?? (k > 0 ? Number.POSITIVE_INFINITY : 0);
}

const LOG_FACTORIAL_TABLE_SIZE = 30;
const LOG_FACTORIAL = (() => {
  const table = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
  for (let k = 2; k < LOG_FACTORIAL_TABLE_SIZE; k++) table[k] = table[k - 1]! + log(k);
  return table;
})();
const HALF_LOG_2PI = 0.9189385332046728;

/**
 * log k! for an integer k ≥ 0: a table below 30, else Stirling's series for log Γ(k + 1) to the x⁻⁷
 * term, whose truncation error at x ≥ 30 is below 1/(1188·x⁹) < 10⁻¹⁶.
 */
export function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL_TABLE_SIZE) return LOG_FACTORIAL[k]!;
  const x = k + 1;
  const ix2 = 1 / (x * x);
  const series = (1 / 12 - ix2 * (1 / 360 - ix2 * (1 / 1260 - ix2 / 1680))) / x;
  return (x - 0.5) * log(x) - x + HALF_LOG_2PI + series;
}
