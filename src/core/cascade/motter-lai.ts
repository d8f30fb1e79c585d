/**
 * Capacity-limited overload cascades (Motter & Lai 2002, "Cascade-based attacks on complex networks",
 * Phys. Rev. E 66, 065102). A node's load is its shortest-path betweenness (Brandes 2001) and its capacity
 * is (1 + α) times its load on the intact graph. Removing the attacked nodes shifts shortest paths; every
 * node whose new load is strictly greater than its capacity fails, loads are recomputed, and so on until no
 * node fails. Damage is G = (largest connected component at the end) / N, with N the original node count.
 */
import { InputError, type InputIssue } from "../errors/index.js";
import { BetweennessWorkspace } from "./betweenness.js";
import { largestComponentSize, type SimpleGraph } from "./simple-graph.js";

/**
 * Loads and capacities are floating-point sums of path fractions, so "strictly greater" allows this much
 * relative noise: a node whose load equals its capacity in exact arithmetic survives, as the rule says.
 */
const OVERLOAD_SLACK = 1e-10;

/** Outcome of one cascade. */
export interface CascadeResult {
  /** Tolerance parameter α used (capacity = (1 + α) × initial load). */
  alpha: number;
  /** Largest connected component of the survivors divided by the original node count N. */
  G: number;
  /** Size of that component, in nodes. */
  largestComponent: number;
  /** Nodes removed by the attack, ascending. */
  attacked: number[];
  /** Nodes that failed from overload, one ascending list per round; empty when nothing cascades. */
  failedPerRound: number[][];
  /** Number of overload rounds in which at least one node failed (= failedPerRound.length). */
  rounds: number;
  /** 1 for nodes still standing at the end. */
  alive: Uint8Array;
}

/** One point of a tolerance sweep. */
export interface SweepPoint {
  alpha: number;
  G: number;
  rounds: number;
  /** Nodes lost to overload (not counting the attacked ones). */
  failed: number;
}

export interface CriticalToleranceOptions {
  /** Lower end of the bracket for α (≥ 0). Default 0. */
  lo?: number;
  /**
   * Upper end of the bracket. Default: the smallest α at which no node can fail in the first overload
   * round, max over nodes of (load after the attack / initial load) − 1, so the cascade stops at once.
   */
  hi?: number;
  /** Bisection stops when the bracket is narrower than this. Default 1e-4. */
  tol?: number;
  /**
   * G that counts as "survived". Default: the G of the attack alone with no overload failures (the
   * largest component left by removing the attacked nodes, over N), i.e. the smallest α with no cascade
   * damage.
   */
  threshold?: number;
}

export interface CriticalToleranceResult {
  /**
   * Smallest α found (within `tol`, from above) whose cascade leaves G ≥ threshold; undefined when even
   * `hi` does not reach the threshold.
   */
  alpha: number | undefined;
  /** Final bracket: G(lower) < threshold ≤ G(upper), except when `lo` itself meets the threshold. */
  lower: number;
  upper: number;
  threshold: number;
  /** Cascades run. */
  evaluations: number;
}

function checkAttacked(graph: SimpleGraph, attacked: readonly number[]): number[] {
  const issues: InputIssue[] = [];
  attacked.forEach((u, i) => {
    if (!(Number.isInteger(u) && u >= 0 && u < graph.nodeCount)) {
      issues.push({
        code: "out-of-range",
        path: `attacked[${i}]`,
        expected: `a node index in 0..${graph.nodeCount - 1}`,
        found: String(u),
      });
    }
  });
  if (issues.length > 0) throw new InputError(issues.slice(0, 20));
  return [...new Set(attacked)].sort((a, b) => a - b);
}

function checkAlpha(alpha: number, path: string): void {
  if (!(typeof alpha === "number" && alpha >= 0 && Number.isFinite(alpha))) {
    throw new InputError({
      code: "out-of-range",
      path,
      expected: "a tolerance α ≥ 0 (capacity = (1 + α) × initial load)",
      found: String(alpha),
    });
  }
}

/**
 * One graph and one attack, prepared for many values of α: the initial loads and the loads right after
 * the attack do not depend on α, so they are computed once.
 */
export class CascadeModel {
  readonly graph: SimpleGraph;
  /** Attacked nodes, deduplicated and ascending. */
  readonly attacked: readonly number[];
  /** Betweenness on the intact graph. */
  readonly initialLoad: Float64Array;
  /** Betweenness once the attacked nodes are gone (0 for them). */
  readonly loadAfterAttack: Float64Array;
  /** Nodes alive right after the attack. */
  private readonly aliveAfterAttack: Uint8Array;
  private readonly workspace: BetweennessWorkspace;
  private readonly load: Float64Array;

  constructor(graph: SimpleGraph, attacked: readonly number[]) {
    this.graph = graph;
    this.attacked = checkAttacked(graph, attacked);
    this.workspace = new BetweennessWorkspace(graph);
    this.initialLoad = this.workspace.compute();
    this.aliveAfterAttack = new Uint8Array(graph.nodeCount).fill(1);
    for (const u of this.attacked) this.aliveAfterAttack[u] = 0;
    this.loadAfterAttack = this.workspace.compute(this.aliveAfterAttack);
    this.load = new Float64Array(graph.nodeCount);
  }

  /** G when no node fails from overload: what the attack alone leaves. */
  noCascadeG(): number {
    const n = this.graph.nodeCount;
    return n === 0 ? 0 : largestComponentSize(this.graph, this.aliveAfterAttack) / n;
  }

  /**
   * Smallest α at which no node with a positive initial load overloads in the first round. Nodes with
   * zero initial load that gain load fail for every α and do not enter this bound.
   */
  firstRoundBound(): number {
    let bound = 0;
    for (let v = 0; v < this.graph.nodeCount; v++) {
      const l0 = this.initialLoad[v]!;
      if (l0 > 0) bound = Math.max(bound, this.loadAfterAttack[v]! / l0 - 1);
    }
    return bound;
  }

  /** Runs the cascade for tolerance α (≥ 0). */
  run(alpha: number): CascadeResult {
    checkAlpha(alpha, "alpha");
    const n = this.graph.nodeCount;
    const alive = this.aliveAfterAttack.slice();
    const failedPerRound: number[][] = [];
    let load: Float64Array = this.loadAfterAttack;
    for (;;) {
      const failed: number[] = [];
      for (let v = 0; v < n; v++) {
        if (!alive[v]) continue;
        const capacity = (1 + alpha) * this.initialLoad[v]!;
        if (load[v]! > capacity * (1 + OVERLOAD_SLACK) + OVERLOAD_SLACK) failed.push(v);
      }
      if (failed.length === 0) break;
      for (const v of failed) alive[v] = 0;
      failedPerRound.push(failed);
      load = this.workspace.compute(alive, this.load);
    }
    const largestComponent = largestComponentSize(this.graph, alive);
    return {
      alpha,
      G: n === 0 ? 0 : largestComponent / n,
      largestComponent,
      attacked: [...this.attacked],
      failedPerRound,
      rounds: failedPerRound.length,
      alive,
    };
  }
}

/** Runs one Motter–Lai cascade on `graph` after removing the `attacked` nodes, with tolerance α. */
export function motterLaiCascade(
  graph: SimpleGraph,
  attacked: readonly number[],
  options: { alpha: number },
): CascadeResult {
  checkAlpha(options.alpha, "alpha");
  return new CascadeModel(graph, attacked).run(options.alpha);
}

/** G, rounds and overload failures for each α in `alphas` (same attack), sharing the α-free work. */
export function sweepTolerance(
  graph: SimpleGraph,
  attacked: readonly number[],
  alphas: readonly number[],
): SweepPoint[] {
  alphas.forEach((a, i) => {
    checkAlpha(a, `alphas[${i}]`);
  });
  const model = new CascadeModel(graph, attacked);
  return alphas.map((alpha) => {
    const r = model.run(alpha);
    return {
      alpha,
      G: r.G,
      rounds: r.rounds,
      failed: r.failedPerRound.reduce((sum, f) => sum + f.length, 0),
    };
  });
}

/**
 * Smallest tolerance α whose cascade leaves G at least `threshold`, by bisection on [lo, hi]. Bisection
 * assumes G grows with α, which holds in the usual cases but is not guaranteed by the model: check a
 * `sweepTolerance` when the answer matters.
 */
export function criticalTolerance(
  graph: SimpleGraph,
  attacked: readonly number[],
  options: CriticalToleranceOptions = {},
): CriticalToleranceResult {
  const model = new CascadeModel(graph, attacked);
  const lo0 = options.lo ?? 0;
  const hi0 = options.hi ?? Math.max(lo0, model.firstRoundBound());
  const tol = options.tol ?? 1e-4;
  checkAlpha(lo0, "lo");
  checkAlpha(hi0, "hi");
  if (hi0 < lo0) {
    throw new InputError({
      code: "out-of-range",
      path: "hi",
      expected: `hi ≥ lo (${lo0})`,
      found: String(hi0),
    });
  }
  if (!(tol > 0 && Number.isFinite(tol))) {
    throw new InputError({
      code: "out-of-range",
      path: "tol",
      expected: "a positive width",
      found: String(tol),
    });
  }
  const threshold = options.threshold ?? model.noCascadeG();
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new InputError({
      code: "out-of-range",
      path: "threshold",
      expected: "a fraction of nodes in [0, 1]",
      found: String(threshold),
    });
  }
  // G is a ratio of integers over N, so a tiny slack only absorbs rounding in a user's threshold.
  const meets = (alpha: number) => model.run(alpha).G >= threshold - 1e-12;
  let evaluations = 1;
  if (meets(lo0)) return { alpha: lo0, lower: lo0, upper: lo0, threshold, evaluations };
  evaluations++;
  if (!meets(hi0)) return { alpha: undefined, lower: lo0, upper: hi0, threshold, evaluations };
  let lower = lo0;
  let upper = hi0;
  while (upper - lower > tol) {
    const mid = 0.5 * (lower + upper);
    evaluations++;
    if (meets(mid)) upper = mid;
    else lower = mid;
  }
  return { alpha: upper, lower, upper, threshold, evaluations };
}
