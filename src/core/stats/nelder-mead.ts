/**
 * Nelder–Mead downhill simplex minimisation (Nelder & Mead 1965) with the standard coefficients
 * (reflection 1, expansion 2, contraction ½, shrink ½) and the tie-breaking of Lagarias, Reeds,
 * Wright & Wright (1998). Derivative-free, so it suits likelihoods on a transformed parameter space.
 * A non-finite objective value counts as +∞, so the simplex walks away from invalid regions.
 */

export interface NelderMeadOptions {
  /** Initial simplex edge along each axis. Default 0.5 (suits log-scale parameters). */
  step?: number | readonly number[];
  /** Iteration cap. Default 200 × dimension. */
  maxIterations?: number;
  /** Converged when the spread of values is ≤ fTol·(|f_best| + 1e-12)… Default 1e-10. */
  fTol?: number;
  /** …and every vertex lies within xTol of the best one in each coordinate. Default 1e-8. */
  xTol?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

/** Minimises `f` from `x0`. */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 200 * n;
  const fTol = options.fTol ?? 1e-10;
  const xTol = options.xTol ?? 1e-8;
  const stepOf = (i: number) => {
    const s = options.step ?? 0.5;
    return typeof s === "number" ? s : (s[i] ?? 0.5);
  };
  let evaluations = 0;
  const value = (x: readonly number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };

  const simplex: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const v = x0.slice();
    v[i] = v[i]! + stepOf(i);
    simplex.push(v);
  }
  let values = simplex.map(value);

  const combine = (a: readonly number[], b: readonly number[], t: number) =>
    a.map((ai, j) => ai + t * (b[j]! - ai));

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    // Order best to worst; a stable sort keeps older vertices first among ties (Lagarias et al. 1998).
    const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    const sorted = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    simplex.splice(0, simplex.length, ...sorted);

    const best = values[0]!;
    const worst = values[n]!;
    let spread = 0;
    for (let i = 1; i <= n; i++) {
      for (let j = 0; j < n; j++) spread = Math.max(spread, Math.abs(simplex[i]![j]! - simplex[0]![j]!));
    }
    if (worst - best <= fTol * (Math.abs(best) + 1e-12) && spread <= xTol) {
      converged = true;
      break;
    }
    iterations++;

    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]![j]! / n;
    const worstVertex = simplex[n]!;

    const reflected = combine(centroid, worstVertex, -1);
    const fr = value(reflected);
    if (fr < best) {
      const expanded = combine(centroid, worstVertex, -2);
      const fe = value(expanded);
      if (fe < fr) {
        simplex[n] = expanded;
        values[n] = fe;
      } else {
        simplex[n] = reflected;
        values[n] = fr;
      }
      continue;
    }
    if (fr < values[n - 1]!) {
      simplex[n] = reflected;
      values[n] = fr;
      continue;
    }
    // Contract outside when the reflection beat the worst vertex, inside otherwise.
    const outside = fr < worst;
    const contracted = combine(centroid, worstVertex, outside ? -0.5 : 0.5);
    const fc = value(contracted);
    if (outside ? fc <= fr : fc < worst) {
      simplex[n] = contracted;
      values[n] = fc;
      continue;
    }
    for (let i = 1; i <= n; i++) {
      simplex[i] = combine(simplex[0]!, simplex[i]!, 0.5);
      values[i] = value(simplex[i]!);
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++) if (values[i]! < values[bestIndex]!) bestIndex = i;
  return { x: simplex[bestIndex]!.slice(), value: values[bestIndex]!, iterations, evaluations, converged };
}
