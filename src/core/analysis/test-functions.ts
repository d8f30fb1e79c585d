/**
 * Analytic test functions of sensitivity analysis with known indices, for validation and examples.
 * Inputs are given in the unit cube and scaled here.
 */

/** Ishigami & Homma (1990): sin x₁ + a sin² x₂ + b x₃⁴ sin x₁ with xᵢ ~ U(−π, π); u in [0, 1)³. */
export function ishigami(u: ArrayLike<number>, a = 7, b = 0.1): number {
  const x1 = -Math.PI + 2 * Math.PI * u[0]!;
  const x2 = -Math.PI + 2 * Math.PI * u[1]!;
  const x3 = -Math.PI + 2 * Math.PI * u[2]!;
  const s2 = Math.sin(x2);
  return Math.sin(x1) + a * s2 * s2 + b * x3 ** 4 * Math.sin(x1);
}

/** Analytic first- and total-order indices of the Ishigami function. */
export function ishigamiIndices(a = 7, b = 0.1): { first: number[]; total: number[]; variance: number } {
  const pi4 = Math.PI ** 4;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = b * b * Math.PI ** 8 * (1 / 18 - 1 / 50);
  const v = v1 + v2 + v13;
  return { first: [v1 / v, v2 / v, 0], total: [(v1 + v13) / v, v2 / v, v13 / v], variance: v };
}

/** Sobol's G-function Π (|4xᵢ − 2| + aᵢ)/(1 + aᵢ), xᵢ ~ U(0, 1) (Saltelli et al. 2010). */
export function gFunction(u: ArrayLike<number>, a: readonly number[]): number {
  let g = 1;
  for (let i = 0; i < a.length; i++) g *= (Math.abs(4 * u[i]! - 2) + a[i]!) / (1 + a[i]!);
  return g;
}

/** Analytic indices of the G-function: Vᵢ = 1/(3(1 + aᵢ)²), V = Π(1 + Vᵢ) − 1. */
export function gFunctionIndices(a: readonly number[]): { first: number[]; total: number[] } {
  const vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const prod = vi.reduce((p, v) => p * (1 + v), 1);
  const v = prod - 1;
  return { first: vi.map((x) => x / v), total: vi.map((x) => (x * prod) / (1 + x) / v) };
}
