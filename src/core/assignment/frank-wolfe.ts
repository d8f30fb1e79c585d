/**
 * Link-based solvers of the Frank–Wolfe family (Frank & Wolfe 1956; LeBlanc, Morlok & Pierskalla
 * 1975): each iteration loads all-or-nothing at the current costs, which also gives the exact gap,
 * picks a target with its `DirectionRule`, and moves toward it by an exact line search.
 *
 * Warm start: the link flows survive between solves and the iteration continues from them while they
 * stay feasible (only costs changed). After a change that makes them infeasible (demand changed, flow
 * on a newly closed link, a pair newly reachable or unreachable) it restarts from the all-or-nothing
 * flows at the current costs, which keeps the congestion pattern of the last equilibrium.
 */
import { allOrNothing } from "../network/all-or-nothing.js";
import type { Demand } from "../network/demand.js";
import { ShortestPathWorkspace } from "../network/dijkstra.js";
import type { Network } from "../network/graph.js";
import {
  checkDemandFits,
  checkDemandValues,
  checkFinite,
  nowMs,
  type ResolvedOptions,
  relativeGap,
  resolveOptions,
  unservedPairs,
} from "./common.js";
import type { DirectionRule } from "./directions.js";
import { exactLineSearch } from "./line-search.js";
import { LinkCostModel } from "./link-cost.js";
import type { Assigner, AssignmentResult, SolveOptions } from "./types.js";

export class FrankWolfeAssigner implements Assigner {
  readonly network: Network;
  demand: Demand;
  private readonly rule: DirectionRule;
  private readonly model: LinkCostModel;
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly target: Float64Array;
  private readonly d: Float64Array;
  private readonly costs: Float64Array;
  private readonly derivs: Float64Array;
  private readonly active: Int32Array;
  private readonly nodeLoad: Float64Array;
  private readonly ws: ShortestPathWorkspace;
  private lastDemand: Float64Array;
  private unreachable: Uint8Array;
  /** Served demand carried by x; NaN when x holds no solution yet. */
  private served = Number.NaN;

  constructor(network: Network, demand: Demand, rule: DirectionRule) {
    checkDemandFits(network, demand);
    this.network = network;
    this.demand = demand;
    this.rule = rule;
    const m = network.linkCount;
    this.model = new LinkCostModel(m);
    this.x = new Float64Array(m);
    this.y = new Float64Array(m);
    this.target = new Float64Array(m);
    this.d = new Float64Array(m);
    this.costs = new Float64Array(m);
    this.derivs = new Float64Array(m);
    this.active = new Int32Array(m);
    this.nodeLoad = new Float64Array(network.nodeCount);
    this.ws = new ShortestPathWorkspace(network.nodeCount, m);
    this.lastDemand = demand.demand.slice();
    this.unreachable = new Uint8Array(demand.pairCount);
  }

  reset(): void {
    this.served = Number.NaN;
    this.x.fill(0);
    this.rule.reset();
  }

  setDemand(demand: Demand): void {
    checkDemandFits(this.network, demand);
    this.demand = demand;
    this.lastDemand = demand.demand.slice();
    this.unreachable = new Uint8Array(demand.pairCount);
    this.served = Number.NaN;
  }

  solve(options?: SolveOptions): AssignmentResult {
    const opts = resolveOptions(options);
    const started = nowMs();
    checkDemandValues(this.demand);
    this.model.refresh(this.network, opts);
    if (!this.stillFeasible()) this.served = Number.NaN;
    this.lastDemand.set(this.demand.demand);
    this.rule.reset();
    const { x, y, d, costs, derivs, model } = this;
    let tau = Number.NaN;
    let iterations = 0;
    let gap = Number.POSITIVE_INFINITY;
    let tstt = 0;
    let sptt = 0;
    for (;;) {
      model.evaluate(x, costs, derivs);
      checkFinite(costs, this.network);
      y.fill(0);
      const aon = allOrNothing(this.network, this.demand, costs, this.ws, y, this.nodeLoad, this.unreachable);
      const served = this.servedDemand() - aon.unservedDemand;
      if (!(Math.abs(served - this.served) <= 1e-9 * Math.max(1, served))) {
        // No solution yet, or the served set changed: restart from the all-or-nothing point.
        x.set(y);
        this.served = served;
        this.rule.reset();
        tau = Number.NaN;
        continue;
      }
      tstt = 0;
      for (let a = 0; a < x.length; a++) tstt += x[a]! * costs[a]!;
      sptt = aon.sptt;
      checkFinite(costs, this.network, tstt, sptt);
      gap = relativeGap(tstt, sptt);
      iterations++;
      const seconds = (nowMs() - started) / 1000;
      opts.onIteration?.({ iteration: iterations, gap, seconds });
      if (gap <= opts.gap || iterations >= opts.maxIterations || seconds >= opts.maxSeconds) break;
      this.rule.target(x, y, derivs, tau, this.target);
      let count = this.direction();
      if (!this.descends(count)) {
        // A conjugate target that does not descend is replaced by the plain FW one (Mitradjieva & Lindberg 2013).
        this.rule.reset();
        this.rule.target(x, y, derivs, Number.NaN, this.target);
        count = this.direction();
      }
      tau = exactLineSearch(model, x, d, this.active, count);
      for (let i = 0; i < count; i++) {
        const a = this.active[i]!;
        const v = x[a]! + tau * d[a]!;
        x[a] = Math.max(v, 0);
      }
    }
    return this.result(tstt, sptt, gap, iterations, opts, started);
  }

  /** d = target − x; returns the number of links where it is non-zero, listed in `active`. */
  private direction(): number {
    const { x, d, target, active } = this;
    let count = 0;
    for (let a = 0; a < x.length; a++) {
      const da = target[a]! - x[a]!;
      d[a] = da;
      if (da !== 0) active[count++] = a;
    }
    return count;
  }

  private descends(count: number): boolean {
    let g = 0;
    for (let i = 0; i < count; i++) {
      const a = this.active[i]!;
      g += this.costs[a]! * this.d[a]!;
    }
    return g < 0 || count === 0;
  }

  private servedDemand(): number {
    let sum = 0;
    for (let k = 0; k < this.demand.pairCount; k++) sum += this.demand.demand[k]!;
    return sum;
  }

  /** The flows carried over are still a feasible solution: same demand, nothing on a closed link. */
  private stillFeasible(): boolean {
    if (Number.isNaN(this.served)) return false;
    const q = this.demand.demand;
    for (let k = 0; k < q.length; k++) if (q[k] !== this.lastDemand[k]) return false;
    const { closed } = this.network;
    for (let a = 0; a < this.x.length; a++) if (closed[a] === 1 && this.x[a]! > 0) return false;
    return true;
  }

  private result(
    tstt: number,
    sptt: number,
    gap: number,
    iterations: number,
    opts: ResolvedOptions,
    started: number,
  ): AssignmentResult {
    const unserved = unservedPairs(this.demand, this.unreachable);
    let unservedDemand = 0;
    for (const u of unserved) unservedDemand += u.demand;
    return {
      flows: this.x.slice(),
      costs: this.costs.slice(),
      tstt,
      sptt,
      totalTravelTime: this.model.totalTravelTime(this.x),
      beckmann: this.model.beckmann(this.x),
      gap,
      iterations,
      seconds: (nowMs() - started) / 1000,
      converged: gap <= opts.gap,
      unservedDemand,
      unserved,
    };
  }
}
