/**
 * PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999, "Bump hunting in high-dimensional
 * data", Statistics and Computing 9:123–143), as used for scenario discovery (Bryant & Lempert 2010,
 * "Thinking inside the box", Technological Forecasting and Social Change 77:34–49).
 *
 * Cases of interest are y = 1. A box is a hyper-rectangle with inclusive limits per input. For a box:
 *   coverage = cases of interest inside / all cases of interest
 *   density  = cases of interest inside / cases inside
 *   mass     = cases inside / all cases
 *
 * Peeling: from the box holding every case, each step considers, for every input, removing the lowest or
 * the highest α-share of the cases inside (all cases tied with the last one removed go too, so inputs with
 * few distinct values peel a whole value at a time) and takes the peel that leaves the highest density
 * (ties: the one removing fewer cases). It stops when the next box would hold less than `massMin` of the
 * cases, when the density reaches 1, or when no peel is possible. The boxes passed through form the
 * peeling trajectory, the coverage–density trade-off curve an analyst chooses from.
 *
 * Pasting (Friedman & Fisher §5): a chosen box is then widened, one side at a time, by the α-share of cases
 * just outside that side, whenever that raises the density, until no widening does.
 *
 * Significance of each restricted input (Bryant & Lempert 2010, §4.3; the EMA Workbench's quasi-p-value):
 * with the restriction on input j dropped the box holds n′ cases of which h′ are of interest; under the
 * null hypothesis that the restriction adds nothing, the h cases of interest among the n in the box are
 * Binomial(n, h′/n′), and the quasi-p-value is P(X ≥ h). Small values mean the restriction matters.
 *
 * Inputs are numeric columns (categories by their index, booleans as 0/1), read as ordered.
 */
import { binomialUpperTail } from "./binomial.js";

export interface PrimData {
  readonly names: readonly string[];
  /** One column per input, each of n values. */
  readonly columns: readonly ArrayLike<number>[];
  /** 1 (or true) for a case of interest, 0 otherwise. */
  readonly y: ArrayLike<number | boolean>;
}

export interface Box {
  /** Inclusive limits per input. */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

export interface BoxStats {
  readonly n: number;
  readonly hits: number;
  readonly coverage: number;
  readonly density: number;
  readonly mass: number;
  /** Inputs whose limits cut into the data's range. */
  readonly restricted: number[];
}

export interface PrimStep extends BoxStats {
  readonly box: Box;
}

export interface PrimOptions {
  /** Share of the box's cases removed by one peel (default 0.05). */
  readonly alpha?: number;
  /** Share added by one paste (default: alpha). */
  readonly pasteAlpha?: number;
  /** Smallest box mass peeling may reach (default 0.05). */
  readonly massMin?: number;
  /** Density a box must reach to be selected (default 0.8). */
  readonly threshold?: number;
}

export interface Restriction {
  readonly input: number;
  readonly name: string;
  readonly lo: number;
  readonly hi: number;
  /** Quasi-p-value of keeping this restriction. */
  readonly qp: number;
}

export interface PrimResult {
  readonly trajectory: PrimStep[];
  /** Index into the trajectory of the selected box (highest coverage among those with density ≥ threshold, else the densest). */
  readonly selected: number;
  /** Whether the selected box meets the density threshold. */
  readonly meetsThreshold: boolean;
  /** The selected box after pasting. */
  readonly box: PrimStep;
  /** The pasted box's restrictions with their quasi-p-values. */
  readonly restrictions: Restriction[];
  /** Inputs the peeling chose among (for the correction of significantRestrictions). */
  readonly inputs: number;
  readonly options: Required<PrimOptions>;
}

interface Prepared {
  readonly n: number;
  readonly d: number;
  readonly cols: Float64Array[];
  readonly y: Uint8Array;
  readonly totalHits: number;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** Per input, the case indices in ascending order of that input. */
  readonly order: Int32Array[];
}

function prepare(data: PrimData): Prepared {
  const d = data.columns.length;
  const n = data.y.length;
  if (d === 0) throw new RangeError("prim: no inputs");
  if (data.names.length !== d) throw new RangeError(`prim: ${data.names.length} names for ${d} columns`);
  const cols = data.columns.map((c, j) => {
    if (c.length !== n)
      throw new RangeError(`prim: column "${data.names[j]}" has ${c.length} values, y has ${n}`);
    const f = c instanceof Float64Array ? c : Float64Array.from(c);
    for (let i = 0; i < n; i++)
      if (!Number.isFinite(f[i]!))
        throw new RangeError(`prim: column "${data.names[j]}" row ${i} is not finite`);
    return f;
  });
  const y = new Uint8Array(n);
  let totalHits = 0;
  for (let i = 0; i < n; i++) {
    const v = data.y[i];
    y[i] = v === true || v === 1 ? 1 : 0;
    totalHits += y[i]!;
  }
  const min = new Float64Array(d);
  const max = new Float64Array(d);
  const order = cols.map((c, j) => {
    const idx = new Int32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    idx.sort((a, b) => c[a]! - c[b]!);
    min[j] = n > 0 ? c[idx[0]!]! : Number.NaN;
    max[j] = n > 0 ? c[idx[n - 1]!]! : Number.NaN;
    return idx;
  });
  return { n, d, cols, y, totalHits, min, max, order };
}

function inside(p: Prepared, box: Box, i: number): boolean {
  for (let j = 0; j < p.d; j++) {
    const v = p.cols[j]![i]!;
    if (v < box.lo[j]! || v > box.hi[j]!) return false;
  }
  return true;
}

function statsOf(p: Prepared, box: Box, n: number, hits: number): BoxStats {
  const restricted: number[] = [];
  for (let j = 0; j < p.d; j++) if (box.lo[j]! > p.min[j]! || box.hi[j]! < p.max[j]!) restricted.push(j);
  return {
    n,
    hits,
    coverage: p.totalHits > 0 ? hits / p.totalHits : Number.NaN,
    density: n > 0 ? hits / n : Number.NaN,
    mass: p.n > 0 ? n / p.n : Number.NaN,
    restricted,
  };
}

function measure(p: Prepared, box: Box): BoxStats {
  let n = 0;
  let hits = 0;
  for (let i = 0; i < p.n; i++)
    if (inside(p, box, i)) {
      n++;
      hits += p.y[i]!;
    }
  return statsOf(p, box, n, hits);
}

/** Coverage, density, mass and restricted inputs of a box (limits inclusive). */
export function boxStats(data: PrimData, box: Box): BoxStats {
  return measure(prepare(data), box);
}

const copyBox = (b: Box): Box => ({ lo: Float64Array.from(b.lo), hi: Float64Array.from(b.hi) });

interface Peel {
  j: number;
  side: "lo" | "hi";
  limit: number;
  removed: number;
  removedHits: number;
}

/** The lower (or upper) α-peel of input j: walk the sorted order over cases inside the box. */
function candidatePeel(
  p: Prepared,
  inBox: Uint8Array,
  j: number,
  side: "lo" | "hi",
  m: number,
): Peel | undefined {
  const order = p.order[j]!;
  const col = p.cols[j]!;
  const step = side === "lo" ? 1 : -1;
  let pos = side === "lo" ? 0 : p.n - 1;
  let removed = 0;
  let removedHits = 0;
  let last = Number.NaN;
  for (; pos >= 0 && pos < p.n; pos += step) {
    const i = order[pos]!;
    if (!inBox[i]) continue;
    const v = col[i]!;
    if (removed >= m && v !== last) {
      return { j, side, limit: v, removed, removedHits };
    }
    removed++;
    removedHits += p.y[i]!;
    last = v;
  }
  return undefined; // every case would go
}

function applyLimit(p: Prepared, box: Box, inBox: Uint8Array, peel: Peel): void {
  (peel.side === "lo" ? box.lo : box.hi)[peel.j] = peel.limit;
  const col = p.cols[peel.j]!;
  for (let i = 0; i < p.n; i++) {
    if (!inBox[i]) continue;
    const v = col[i]!;
    if (peel.side === "lo" ? v < peel.limit : v > peel.limit) inBox[i] = 0;
  }
}

function peelTrajectory(p: Prepared, alpha: number, massMin: number): PrimStep[] {
  const box: Box = { lo: Float64Array.from(p.min), hi: Float64Array.from(p.max) };
  const inBox = new Uint8Array(p.n).fill(1);
  let n = p.n;
  let hits = p.totalHits;
  const trajectory: PrimStep[] = [{ box: copyBox(box), ...statsOf(p, box, n, hits) }];
  for (;;) {
    if (hits === n) break; // density 1: any further peel only loses coverage
    const m = Math.max(1, Math.ceil(alpha * n));
    let best: Peel | undefined;
    let bestDensity = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < p.d; j++) {
      for (const side of ["lo", "hi"] as const) {
        const c = candidatePeel(p, inBox, j, side, m);
        if (!c) continue;
        const density = (hits - c.removedHits) / (n - c.removed);
        if (density > bestDensity || (density === bestDensity && c.removed < best!.removed)) {
          best = c;
          bestDensity = density;
        }
      }
    }
    if (!best || (n - best.removed) / p.n < massMin) break;
    applyLimit(p, box, inBox, best);
    n -= best.removed;
    hits -= best.removedHits;
    trajectory.push({ box: copyBox(box), ...statsOf(p, box, n, hits) });
  }
  return trajectory;
}

/**
 * Widens `start` by pasting (see the file comment) and returns the final box with its statistics.
 * Exposed for an analyst who picks a box off the trajectory and wants it pasted.
 */
export function pasteBox(data: PrimData, start: Box, alpha = 0.05): PrimStep {
  return paste(prepare(data), start, alpha);
}

function paste(p: Prepared, start: Box, alpha: number): PrimStep {
  const box = copyBox(start);
  // violations[i]: number of inputs on which case i lies outside the box; which[i]: one such input.
  const violations = new Int32Array(p.n);
  const which = new Int32Array(p.n);
  const recount = () => {
    for (let i = 0; i < p.n; i++) {
      let c = 0;
      for (let j = 0; j < p.d; j++) {
        const v = p.cols[j]![i]!;
        if (v < box.lo[j]! || v > box.hi[j]!) {
          c++;
          which[i] = j;
        }
      }
      violations[i] = c;
    }
  };
  recount();
  let n = 0;
  let hits = 0;
  for (let i = 0; i < p.n; i++)
    if (violations[i] === 0) {
      n++;
      hits += p.y[i]!;
    }
  for (let guard = 0; guard < 10 * p.n + 10; guard++) {
    const m = Math.max(1, Math.ceil(alpha * n));
    let best: { j: number; side: "lo" | "hi"; limit: number; added: number; addedHits: number } | undefined;
    let bestDensity = hits / n;
    for (let j = 0; j < p.d; j++) {
      const order = p.order[j]!;
      const col = p.cols[j]!;
      for (const side of ["lo", "hi"] as const) {
        // Walk outward from the box edge over the cases outside only on input j, and on this side of
        // it: below the lower limit when pasting down, above the upper one when pasting up.
        let pos = side === "lo" ? p.n - 1 : 0;
        const step = side === "lo" ? -1 : 1;
        const edge = side === "lo" ? box.lo[j]! : box.hi[j]!;
        let added = 0;
        let addedHits = 0;
        let limit = Number.NaN;
        for (; pos >= 0 && pos < p.n; pos += step) {
          const i = order[pos]!;
          if (violations[i] !== 1 || which[i] !== j) continue;
          const v = col[i]!;
          if (side === "lo" ? v >= edge : v <= edge) continue;
          if (added >= m && v !== limit) break;
          added++;
          addedHits += p.y[i]!;
          limit = v;
        }
        if (added === 0) continue;
        const density = (hits + addedHits) / (n + added);
        if (density > bestDensity) {
          best = { j, side, limit, added, addedHits };
          bestDensity = density;
        }
      }
    }
    if (!best) break;
    (best.side === "lo" ? box.lo : box.hi)[best.j] = best.limit;
    n += best.added;
    hits += best.addedHits;
    recount();
  }
  return { box, ...statsOf(p, box, n, hits) };
}

function restrictionsOf(p: Prepared, names: readonly string[], step: PrimStep): Restriction[] {
  return step.restricted.map((j) => {
    const wider = copyBox(step.box);
    wider.lo[j] = p.min[j]!;
    wider.hi[j] = p.max[j]!;
    const w = measure(p, wider);
    return {
      input: j,
      name: names[j]!,
      lo: step.box.lo[j]!,
      hi: step.box.hi[j]!,
      qp: binomialUpperTail(step.hits, step.n, w.hits / w.n),
    };
  });
}

/** Quasi-p-value of each restricted input of a box (see the file comment). */
export function restrictionSignificance(data: PrimData, box: Box): Restriction[] {
  const p = prepare(data);
  const stats = measure(p, box);
  return restrictionsOf(p, data.names, { box, ...stats });
}

/** Peels, selects a box off the trajectory, pastes it and tests its restrictions. */
export function prim(data: PrimData, options: PrimOptions = {}): PrimResult {
  const opts: Required<PrimOptions> = {
    alpha: options.alpha ?? 0.05,
    pasteAlpha: options.pasteAlpha ?? options.alpha ?? 0.05,
    massMin: options.massMin ?? 0.05,
    threshold: options.threshold ?? 0.8,
  };
  if (!(opts.alpha > 0 && opts.alpha < 1))
    throw new RangeError(`prim: alpha must be in (0, 1), got ${opts.alpha}`);
  if (!(opts.massMin >= 0 && opts.massMin < 1))
    throw new RangeError(`prim: massMin must be in [0, 1), got ${opts.massMin}`);
  const p = prepare(data);
  if (p.totalHits === 0) throw new RangeError("prim: no case of interest (y is 0 everywhere)");
  const trajectory = peelTrajectory(p, opts.alpha, opts.massMin);
  let selected = -1;
  for (let s = 0; s < trajectory.length; s++) {
    const t = trajectory[s]!;
    if (t.density >= opts.threshold && (selected < 0 || t.coverage > trajectory[selected]!.coverage))
      selected = s;
  }
  const meetsThreshold = selected >= 0;
  if (!meetsThreshold) {
    selected = 0;
    for (let s = 1; s < trajectory.length; s++)
      if (trajectory[s]!.density > trajectory[selected]!.density) selected = s;
  }
  const box = paste(p, trajectory[selected]!.box, opts.pasteAlpha);
  return {
    trajectory,
    selected,
    meetsThreshold,
    box,
    restrictions: restrictionsOf(p, data.names, box),
    inputs: data.names.length,
    options: opts,
  };
}

/**
 * The restrictions of a box that survive the search that found them, most significant first: quasi-p
 * below `alpha` divided by the number of inputs peeling chose among (Bonferroni). Each peel takes the
 * best of all inputs, so among hundreds of inputs and a hundred cases one that does nothing will often
 * show a quasi-p under 0.1 by chance; the division bounds the chance that any reported restriction is
 * such an accident by `alpha`.
 */
export function significantRestrictions(result: PrimResult, alpha = 0.1): Restriction[] {
  const limit = alpha / Math.max(1, result.inputs);
  return result.restrictions.filter((r) => r.qp < limit).sort((a, b) => a.qp - b.qp);
}
