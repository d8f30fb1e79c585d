/**
 * Maximum-likelihood fit of an exponential-kernel Hawkes process to event times on [0, T]
 * (Ozaki 1979). The likelihood is maximised by Nelder–Mead on θ = (log μ, logit n, log β) with
 * n = α/β, which keeps μ, β > 0 and the process stationary (0 < n < 1) without constraints. A scan of
 * starting points covers slow and fast decay; the best run is then restarted until the simplex settles, the usual
 * guard against Nelder–Mead stalling (Lagarias et al. 1998). Standard errors come from the inverse of
 * the observed information, a central-difference Hessian of ℓ in (μ, α, β).
 */
import { InputError } from "../errors/index.js";
import { nelderMead } from "../stats/index.js";
import { checkEventTimes, logLikelihoodUnchecked } from "./hawkes-likelihood.js";

/** Fewer events than this cannot pin down three parameters. */
export const MIN_FIT_EVENTS = 10;

export interface HawkesFit {
  mu: number;
  alpha: number;
  beta: number;
  /** n = α/β, the share of events triggered by earlier events in the long run. */
  branchingRatio: number;
  /** ℓ at the estimate. */
  logLikelihood: number;
  /** True when the final simplex met the tolerances within the iteration cap. */
  converged: boolean;
  /** Nelder–Mead iterations over all starts and restarts. */
  iterations: number;
  /** Number of events fitted. */
  events: number;
  /**
   * Asymptotic standard errors of (μ, α, β) from the observed information; absent when the Hessian is
   * not negative definite (e.g. the estimate sits on n ≈ 0, where β is not identified).
   */
  standardErrors?: { mu: number; alpha: number; beta: number };
}

export interface HawkesFitOptions {
  /** Iteration cap per Nelder–Mead run. Default 600. */
  maxIterations?: number;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

function natural(theta: readonly number[]): [number, number, number] {
  const mu = Math.exp(theta[0]!);
  const n = logistic(theta[1]!);
  const beta = Math.exp(theta[2]!);
  return [mu, n * beta, beta];
}

/** Fits (μ, α, β) to sorted event times on [0, T] by maximum likelihood. */
export function fitHawkes(times: ArrayLike<number>, T: number, options: HawkesFitOptions = {}): HawkesFit {
  checkEventTimes(times, T);
  const count = times.length;
  if (count < MIN_FIT_EVENTS) {
    throw new InputError({
      code: "too-few-events",
      path: "times",
      expected: `at least ${MIN_FIT_EVENTS} events to fit a Hawkes process`,
      found: `${count}`,
    });
  }
  const data = Float64Array.from(times);
  const negLogLik = (theta: readonly number[]) => {
    const [mu, alpha, beta] = natural(theta);
    return -logLikelihoodUnchecked(data, T, mu, alpha, beta);
  };
  const maxIterations = options.maxIterations ?? 600;
  const rate = count / T;

  // Cheap scan of starting points: branching ratios 0.1–0.9, decay times from a thirtieth of the mean
  // gap to a hundred mean gaps. Nelder–Mead then runs from the two best.
  const starts: { x: number[]; value: number }[] = [];
  for (const n0 of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    for (const betaScale of [30, 10, 3, 1, 0.3, 0.1, 0.03, 0.01]) {
      const x = [Math.log(rate * (1 - n0)), logit(n0), Math.log(rate * betaScale)];
      starts.push({ x, value: negLogLik(x) });
    }
  }
  starts.sort((a, b) => a.value - b.value);
  let best: { x: number[]; value: number } | undefined;
  let iterations = 0;
  for (const start of starts.slice(0, 2)) {
    const run = nelderMead(negLogLik, start.x, { maxIterations, step: 0.5 });
    iterations += run.iterations;
    if (!best || run.value < best.value) best = run;
  }
  let converged = false;
  for (let restart = 0; restart < 6 && best; restart++) {
    const run = nelderMead(negLogLik, best.x, { maxIterations, step: 0.1 });
    iterations += run.iterations;
    const improved = run.value < best.value - 1e-9 * Math.abs(best.value);
    if (run.value <= best.value) best = run;
    if (run.converged && !improved) {
      converged = true;
      break;
    }
  }
  const [mu, alpha, beta] = natural(best!.x);
  const fit: HawkesFit = {
    mu,
    alpha,
    beta,
    branchingRatio: alpha / beta,
    logLikelihood: -best!.value,
    converged,
    iterations,
    events: count,
  };
  const errors = standardErrors(data, T, [mu, alpha, beta]);
  if (errors) fit.standardErrors = errors;
  return fit;
}

/** √diag of the inverse observed information, or undefined when −Hessian is not positive definite. */
function standardErrors(
  times: Float64Array,
  T: number,
  p: [number, number, number],
): { mu: number; alpha: number; beta: number } | undefined {
  const f = (q: readonly number[]) => logLikelihoodUnchecked(times, T, q[0]!, q[1]!, q[2]!);
  const h = p.map((x) => 1e-4 * Math.max(Math.abs(x), 1e-8));
  const info: number[][] = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const shifted = (di: number, si: number, dj: number, sj: number) => {
    const q = p.slice();
    q[di] = q[di]! + si * h[di]!;
    q[dj] = q[dj]! + sj * h[dj]!;
    return f(q);
  };
  const f0 = f(p);
  for (let i = 0; i < 3; i++) {
    const fp = shifted(i, 1, i, 0);
    const fm = shifted(i, -1, i, 0);
    info[i]![i] = -(fp - 2 * f0 + fm) / (h[i]! * h[i]!);
    for (let j = i + 1; j < 3; j++) {
      const d =
        (shifted(i, 1, j, 1) - shifted(i, 1, j, -1) - shifted(i, -1, j, 1) + shifted(i, -1, j, -1)) /
        (4 * h[i]! * h[j]!);
      info[i]![j] = -d;
      info[j]![i] = -d;
    }
  }
  const inverse = invert3(info);
  if (!inverse) return undefined;
  const v = [inverse[0]![0]!, inverse[1]![1]!, inverse[2]![2]!];
  if (!v.every((x) => x > 0 && Number.isFinite(x))) return undefined;
  return { mu: Math.sqrt(v[0]!), alpha: Math.sqrt(v[1]!), beta: Math.sqrt(v[2]!) };
}

/** Inverse of a symmetric positive-definite 3×3 matrix by cofactors; undefined otherwise. */
function invert3(m: number[][]): number[][] | undefined {
  const [a, b, c] = m[0]! as [number, number, number];
  const [d, e, f] = m[1]! as [number, number, number];
  const [g, h, i] = m[2]! as [number, number, number];
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  // Sylvester's criterion: all leading minors positive.
  if (!(a > 0 && a * e - b * d > 0 && det > 0)) return undefined;
  return [
    [A / det, -(b * i - c * h) / det, (b * f - c * e) / det],
    [B / det, (a * i - c * g) / det, -(a * f - c * d) / det],
    [C / det, -(a * h - b * g) / det, (a * e - b * d) / det],
  ];
}
