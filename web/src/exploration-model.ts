/**
 * Reading an exploration store in the browser: the cases as per-future tables, and the core's
 * analyses (robustness, claims, Sobol, PRIM) on them. Pure, so it is unit-tested in Node.
 */
import {
  type ClaimResult,
  evaluateClaims,
  type PrimResult,
  prim,
  type RobustnessResult,
  robustness,
  type SobolResult,
  sobolIndices,
} from "../../src/core/analysis/index.js";

/** What the server sends for a store (src/node/server/explorations.ts). */
export interface Exploration {
  path: string;
  name: string;
  source: string;
  model: string;
  sampler: { method?: string; kind?: string; size?: number } & Record<string, unknown>;
  futures: number;
  replications: number;
  focus?: { actor: string; dependent?: string };
  claims: { name: string; text: string; sentence?: string }[];
  inputs: string[];
  levers: string[];
  outcomes: { name: string; kind: string }[];
  rows: number;
  truncated: boolean;
  future: number[];
  lever: string[];
  replication: number[];
  columns: Record<string, (number | null)[]>;
}

/** Number of futures present (highest future index + 1). */
export function futureCount(data: Exploration): number {
  let max = -1;
  for (const f of data.future) if (f > max) max = f;
  return max + 1;
}

/** Outcome (or input) `name` of lever `lever` in each future, the mean over replications; NaN where missing. */
export function perFuture(data: Exploration, name: string, lever: string | undefined): Float64Array {
  const n = futureCount(data);
  const sum = new Float64Array(n);
  const count = new Float64Array(n);
  const column = data.columns[name] ?? [];
  for (let i = 0; i < data.rows; i++) {
    if (lever !== undefined && data.lever[i] !== lever) continue;
    const v = column[i];
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    sum[data.future[i]!]! += v;
    count[data.future[i]!]! += 1;
  }
  const out = new Float64Array(n);
  for (let f = 0; f < n; f++) out[f] = count[f]! > 0 ? sum[f]! / count[f]! : Number.NaN;
  return out;
}

/** Each input's value per future (inputs are the same for every lever of a future). */
export function inputColumns(data: Exploration): Float64Array[] {
  return data.inputs.map((name) => perFuture(data, name, undefined));
}

/** Robustness of the levers on each outcome that has a direction. */
export function robustnessTables(data: Exploration): { outcome: string; result: RobustnessResult }[] {
  if (data.levers.length === 0) return [];
  return data.outcomes
    .filter((o) => o.kind === "maximize" || o.kind === "minimize")
    .map((o) => ({
      outcome: o.name,
      result: robustness(
        data.levers,
        data.levers.map((l) => perFuture(data, o.name, l)),
        { direction: o.kind as "maximize" | "minimize" },
      ),
    }));
}

/** The experiment's claims over the stored futures, each with where it fails (PRIM on the inputs). */
export function claimResults(data: Exploration): ClaimResult[] | { error: string } {
  if (data.claims.length === 0) return [];
  const columns = inputColumns(data);
  try {
    return evaluateClaims(
      data.claims,
      {
        futures: futureCount(data),
        outcomes: data.outcomes.map((o) => o.name),
        policies: data.levers,
        values: (outcome, policy) => perFuture(data, outcome, policy),
      },
      { inputs: { names: data.inputs, columns } },
    );
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Sobol indices of an outcome under one lever; only for a Saltelli design (futures in design order). */
export function sobolOf(
  data: Exploration,
  outcome: string,
  lever: string | undefined,
): SobolResult | { error: string } {
  const method = String(data.sampler.method ?? data.sampler.kind ?? "");
  if (method !== "saltelli")
    return {
      error: `Sobol indices need a Saltelli design; this store was sampled with ${method || "an unknown sampler"}.`,
    };
  const k = data.inputs.length;
  const y = perFuture(data, outcome, lever);
  if (y.length < k + 2) return { error: "too few futures for Sobol indices" };
  return sobolIndices(y.subarray(0, y.length - (y.length % (k + 2))), k, { resamples: 100 });
}

/** The futures of interest: where the outcome is worse than `threshold` for its direction (default: its median). */
export function worseThan(
  values: ArrayLike<number>,
  direction: string,
  threshold?: number,
): { y: Uint8Array; threshold: number } {
  const finite = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const t = threshold ?? finite[Math.floor((finite.length - 1) / 2)] ?? 0;
  const y = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    y[i] = Number.isFinite(v) && (direction === "maximize" ? v < t : v > t) ? 1 : 0;
  }
  return { y, threshold: t };
}

/** PRIM on the inputs for the futures where an outcome is bad under one lever. */
export function primOf(
  data: Exploration,
  outcome: string,
  lever: string | undefined,
  threshold?: number,
): { result: PrimResult; threshold: number } | { error: string } {
  const kind = data.outcomes.find((o) => o.name === outcome)?.kind ?? "maximize";
  const { y, threshold: t } = worseThan(perFuture(data, outcome, lever), kind, threshold);
  const columns = inputColumns(data);
  let hits = 0;
  for (const v of y) hits += v;
  if (hits === 0 || hits === y.length)
    return { error: "every future is on one side of the threshold: nothing to find" };
  try {
    return { result: prim({ names: data.inputs, columns, y }), threshold: t };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Futures whose point lies in a brushed rectangle of two variables. */
export function brushed(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  box: { x0: number; x1: number; y0: number; y1: number },
): number[] {
  const [xl, xh] = [Math.min(box.x0, box.x1), Math.max(box.x0, box.x1)];
  const [yl, yh] = [Math.min(box.y0, box.y1), Math.max(box.y0, box.y1)];
  const out: number[] = [];
  for (let i = 0; i < x.length; i++)
    if (x[i]! >= xl && x[i]! <= xh && y[i]! >= yl && y[i]! <= yh) out.push(i);
  return out;
}

/** One selected case, as the selection table lists it. */
export interface SelectedCase {
  future: number;
  lever: string;
  x: number;
  y: number;
}

/**
 * The cases a brush selected, one row each (future, lever, the two plotted values), in future order,
 * and the distinct futures among them: what the table under the scatter lists and exports.
 */
export function selection(
  data: Pick<Exploration, "future" | "lever">,
  picked: readonly number[],
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { rows: SelectedCase[]; futures: number[] } {
  const rows = picked
    .map((i) => ({ future: data.future[i]!, lever: data.lever[i]!, x: x[i]!, y: y[i]! }))
    .sort((a, b) => a.future - b.future || a.lever.localeCompare(b.lever));
  return { rows, futures: [...new Set(rows.map((r) => r.future))] };
}

/**
 * The experiment's claims over a subset of futures (a brushed selection): the share of those futures
 * where each holds, with its interval. No PRIM here: the selection is itself the condition.
 */
export function claimResultsIn(
  data: Exploration,
  futures: readonly number[],
): ClaimResult[] | { error: string } {
  if (data.claims.length === 0 || futures.length === 0) return [];
  const cache = new Map<string, Float64Array>();
  const values = (outcome: string, policy: string) => {
    const key = `${outcome}\u0000${policy}`;
    let column = cache.get(key);
    if (!column) {
      const all = perFuture(data, outcome, policy);
      column = Float64Array.from(futures, (f) => all[f] ?? Number.NaN);
      cache.set(key, column);
    }
    return column;
  };
  try {
    return evaluateClaims(data.claims, {
      futures: futures.length,
      outcomes: data.outcomes.map((o) => o.name),
      policies: data.levers,
      values,
    });
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** One case of the outcome-distribution chart: its lever, value and whether its future is selected. */
export interface DistributionPoint {
  lever: string;
  future: number;
  value: number;
  selected: boolean;
}

/** Every case's value of `outcome` by lever, marking the cases whose future is in `selected`. */
export function distributionPoints(
  data: Exploration,
  outcome: string,
  selected: ReadonlySet<number>,
): DistributionPoint[] {
  const column = data.columns[outcome] ?? [];
  const out: DistributionPoint[] = [];
  for (let i = 0; i < data.rows; i++) {
    const v = column[i];
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    out.push({
      lever: data.lever[i] ?? "",
      future: data.future[i]!,
      value: v,
      selected: selected.has(data.future[i]!),
    });
  }
  return out;
}
