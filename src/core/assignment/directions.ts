/**
 * Search-direction rules of the Frank–Wolfe family. Each picks the target point s_k toward which the
 * line search moves x_k, from the all-or-nothing point y_k and its own memory of earlier targets.
 * Conjugacy is measured in the diagonal Hessian H = diag(c'(x_k)) of the Beckmann objective
 * (Mitradjieva & Lindberg 2013, "The stiff is moving — conjugate direction Frank–Wolfe methods with
 * applications to traffic assignment", Transportation Science 47(2)).
 */

export interface DirectionRule {
  /** Forget earlier targets (after a restart). */
  reset(): void;
  /**
   * Writes the target s_k into `target`. `tau` is the previous step length (NaN on the first
   * iteration after a reset); `h` the Hessian diagonal at x.
   */
  target(x: Float64Array, y: Float64Array, h: Float64Array, tau: number, target: Float64Array): void;
}

/** Plain Frank–Wolfe (Frank & Wolfe 1956; LeBlanc, Morlok & Pierskalla 1975): s_k = y_k. */
export class FrankWolfeDirection implements DirectionRule {
  reset(): void {}
  target(_x: Float64Array, y: Float64Array, _h: Float64Array, _tau: number, target: Float64Array): void {
    target.set(y);
  }
}

/** Largest weight kept on the previous target, so a new all-or-nothing point always enters (the paper's δ). */
const ALPHA_MAX = 1 - 1e-4;
/** A step this close to 1 restarts the conjugate sequence, as the paper prescribes. */
const FULL_STEP = 1 - 1e-6;

/** Conjugate Frank–Wolfe: s_k = α·s_{k−1} + (1 − α)·y_k with s_k − x_k conjugate to s_{k−1} − x_k. */
export class ConjugateDirection implements DirectionRule {
  private previous: Float64Array;
  private valid = false;
  constructor(linkCount: number) {
    this.previous = new Float64Array(linkCount);
  }
  reset(): void {
    this.valid = false;
  }
  target(x: Float64Array, y: Float64Array, h: Float64Array, tau: number, target: Float64Array): void {
    if (!this.valid || !(tau < FULL_STEP)) {
      target.set(y);
    } else {
      const alpha = conjugateWeight(x, y, h, this.previous);
      combine(target, 1 - alpha, y, alpha, this.previous, 0, this.previous);
    }
    this.previous.set(target);
    this.valid = true;
  }
}

/** α = N/D with N = (s̄ − x)ᵀH(y − x), D = (s̄ − x)ᵀH(y − s̄), kept in [0, ALPHA_MAX]. */
function conjugateWeight(x: Float64Array, y: Float64Array, h: Float64Array, prev: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let a = 0; a < x.length; a++) {
    const ha = h[a]!;
    if (ha === 0) continue;
    const dbar = ha * (prev[a]! - x[a]!);
    num += dbar * (y[a]! - x[a]!);
    den += dbar * (y[a]! - prev[a]!);
  }
  if (den === 0 || !Number.isFinite(num / den)) return 0;
  const alpha = num / den;
  return alpha < 0 ? 0 : Math.min(alpha, ALPHA_MAX);
}

/** target = wy·y + w1·s1 + w2·s2. */
function combine(
  target: Float64Array,
  wy: number,
  y: Float64Array,
  w1: number,
  s1: Float64Array,
  w2: number,
  s2: Float64Array,
): void {
  for (let a = 0; a < target.length; a++) target[a] = wy * y[a]! + w1 * s1[a]! + w2 * s2[a]!;
}

/**
 * Bi-conjugate Frank–Wolfe: s_k = β₀·y_k + β₁·s_{k−1} + β₂·s_{k−2}, conjugate to the last two
 * directions; the first step after a reset is plain FW, the second conjugate FW.
 */
export class BiconjugateDirection implements DirectionRule {
  private s1: Float64Array;
  private s2: Float64Array;
  private count = 0;
  constructor(linkCount: number) {
    this.s1 = new Float64Array(linkCount);
    this.s2 = new Float64Array(linkCount);
  }
  reset(): void {
    this.count = 0;
  }
  target(x: Float64Array, y: Float64Array, h: Float64Array, tau: number, target: Float64Array): void {
    if (!(tau < FULL_STEP)) this.count = 0;
    if (this.count === 0) {
      target.set(y);
    } else if (this.count === 1) {
      const alpha = conjugateWeight(x, y, h, this.s1);
      combine(target, 1 - alpha, y, alpha, this.s1, 0, this.s1);
    } else {
      const { s1, s2 } = this;
      // d̄ = s_{k−1} − x_k, d̿ = τ·s_{k−1} − x_k + (1 − τ)·s_{k−2}, d_FW = y_k − x_k.
      let muNum = 0;
      let muDen = 0;
      let nuNum = 0;
      let nuDen = 0;
      for (let a = 0; a < x.length; a++) {
        const ha = h[a]!;
        if (ha === 0) continue;
        const xa = x[a]!;
        const dfw = y[a]! - xa;
        const dbar = s1[a]! - xa;
        const dbbar = tau * s1[a]! - xa + (1 - tau) * s2[a]!;
        muNum += dbbar * ha * dfw;
        muDen += dbbar * ha * (s2[a]! - s1[a]!);
        nuNum += dbar * ha * dfw;
        nuDen += dbar * ha * dbar;
      }
      let mu = muDen !== 0 ? -muNum / muDen : 0;
      let nu = nuDen !== 0 ? -nuNum / nuDen + (mu * tau) / (1 - tau) : 0;
      if (!(mu > 0)) mu = 0;
      if (!(nu > 0)) nu = 0;
      if (!Number.isFinite(mu) || !Number.isFinite(nu)) {
        mu = 0;
        nu = 0;
      }
      const b0 = 1 / (1 + mu + nu);
      combine(target, b0, y, nu * b0, s1, mu * b0, s2);
    }
    // Shift the memory: s_{k−2} ← s_{k−1}, s_{k−1} ← s_k.
    const old = this.s2;
    this.s2 = this.s1;
    this.s1 = old;
    this.s1.set(target);
    this.count = Math.min(this.count + 1, 2);
  }
}
