/**
 * Path-based user equilibrium by gradient projection with Newton steps (Jayakrishnan, Tsai, Prashker
 * & Rajadhyaksha 1994; column generation as in Chen, Lee & Jayakrishnan 2002).
 *
 * Each iteration: (1) a shortest-path pass from every origin at the current costs gives the exact
 * gap of the current flows and adds any path shorter than the pair's known ones; (2) sweeps over the
 * pairs move flow from each costlier path p to the pair's cheapest path s by the Newton step
 *   Δ = min(f_p, (c_p − c_s) / Σ_{a ∈ p ⊕ s} c'_a),
 * updating link costs at once (Gauss–Seidel); a path left without flow for a few sweeps is dropped.
 *
 * Warm start: the path sets survive between solves. Paths through a newly closed link are removed and
 * their flow, like any demand increase, is put on the pair's shortest open path in the next pass;
 * demand changes scale the pair's path flows; a pair with no open path is reported unserved. When
 * only costs moved and the known paths already show a gap above the target, the sweeps run before
 * the first pass (sweepFirst), which then confirms them rather than measure a gap it cannot close.
 */
import { InputError } from "../errors/index.js";
import { type Demand, findPair } from "../network/demand.js";
import { pathLinks, ShortestPathWorkspace, shortestPathTree, type TreeTargets } from "../network/dijkstra.js";
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
import { LinkCostModel } from "./link-cost.js";
import { PathStore } from "./path-store.js";
import type { Assigner, AssignmentResult, PairPath, SolveOptions } from "./types.js";

/** A shortest path is new when it beats every known path of its pair by this relative margin. */
const NEW_PATH_MARGIN = 1e-13;
/** A deficit below this share of the pair's demand is rounding, not a change worth a pass. */
const DEFICIT_TOLERANCE = 1e-9;
/**
 * Sweeps over the path sets after each shortest-path pass continue until the pairs' excess
 * Σ f_p·(c_p − c_s) falls below this share of the current gap (tuned on Sioux Falls, Anaheim and the
 * generated grid: more sweeps per pass cost more than the passes they save).
 */
const SWEEP_TARGET = 0.02;
const MAX_SWEEPS = 100;
/** Link flows are summed afresh from path flows this often (iterations), against rounding drift. */
const REBUILD_EVERY = 16;
/** A path without flow stays in its pair's set this many sweeps, so flow can return without a new column. */
const MAX_IDLE = 4;

export class GradientProjectionAssigner implements Assigner {
  readonly network: Network;
  demand: Demand;
  private readonly model: LinkCostModel;
  private readonly flows: Float64Array;
  private readonly costs: Float64Array;
  private readonly derivs: Float64Array;
  private readonly mark: Int32Array;
  private tag = 0;
  private readonly buffer: Int32Array;
  private readonly ws: ShortestPathWorkspace;
  private readonly closedSeen: Uint8Array;
  private store: PathStore;
  private assigned: Float64Array;
  private lastDemand: Float64Array;
  private unreachable: Uint8Array;
  /** Σ f_p·(c_p − c_s) of each pair at its last equilibration, to skip settled pairs in later sweeps. */
  private pairExcess: Float64Array;
  /** Links closed to the traffic of one origin only (origin node → mask, 1 = blocked). */
  private readonly originBlocks = new Map<number, Uint8Array>();
  /** Origins whose block changed since the last solve: their paths are checked against it. */
  private readonly blocksChanged = new Set<number>();
  /** Per blocked origin, its block together with the network's closures, for its shortest-path trees. */
  private readonly originClosed = new Map<number, Uint8Array>();
  /** Cost per vehicle added on some links for one origin's traffic only (origin node → per-link USD). */
  private readonly originSurcharges = new Map<number, Float64Array>();
  /** Scratch: link costs plus an origin's surcharge, for its shortest-path tree. */
  private surchargedCosts: Float64Array | undefined;
  /** Scratch: the targets of one origin's shortest-path tree (its pairs' destinations). */
  private readonly treeTargets: TreeTargets = { nodes: [], start: 0, end: 0 };
  /**
   * Set when the link flows were rebuilt without their derivatives: only the sweeps read them, and
   * most solves end at their first measure, so equilibrate computes them when it needs them.
   */
  private derivsStale = true;
  /**
   * Whether the link flows are exactly what rebuildFlows would sum from the path flows (no path flow
   * has changed since it last ran), so the next rebuild can keep them. Cleared wherever a path flow
   * changes or a path with flow is dropped.
   */
  private flowsFresh = false;
  /** Whether the last measure() put unassigned demand on paths (see solve). */
  private loadedDemand = false;

  constructor(network: Network, demand: Demand) {
    checkDemandFits(network, demand);
    this.network = network;
    this.demand = demand;
    const m = network.linkCount;
    this.model = new LinkCostModel(m);
    this.flows = new Float64Array(m);
    this.costs = new Float64Array(m);
    this.derivs = new Float64Array(m);
    this.mark = new Int32Array(m);
    this.buffer = new Int32Array(Math.max(1, network.nodeCount));
    this.ws = new ShortestPathWorkspace(network.nodeCount, m);
    this.closedSeen = new Uint8Array(m);
    this.store = new PathStore(demand.pairCount);
    this.assigned = new Float64Array(demand.pairCount);
    this.lastDemand = new Float64Array(demand.pairCount);
    this.unreachable = new Uint8Array(demand.pairCount);
    this.pairExcess = new Float64Array(demand.pairCount);
  }

  reset(): void {
    this.store = new PathStore(this.demand.pairCount);
    this.flowsFresh = false;
    this.assigned.fill(0);
    this.lastDemand.fill(0);
    this.closedSeen.fill(0);
    this.unreachable.fill(0);
    this.pairExcess.fill(0);
  }

  setDemand(demand: Demand): void {
    checkDemandFits(this.network, demand);
    const map = new Int32Array(demand.pairCount);
    const assigned = new Float64Array(demand.pairCount);
    const last = new Float64Array(demand.pairCount);
    for (let k = 0; k < demand.pairCount; k++) {
      const old = findPair(this.demand, demand.origin[k]!, demand.destination[k]!);
      map[k] = old;
      if (old >= 0) {
        assigned[k] = this.assigned[old]!;
        last[k] = this.lastDemand[old]!;
      }
    }
    this.store.remap(map);
    this.flowsFresh = false;
    this.demand = demand;
    this.assigned = assigned;
    this.lastDemand = last;
    this.unreachable = new Uint8Array(demand.pairCount);
    this.pairExcess = new Float64Array(demand.pairCount);
  }

  /**
   * Closes `blocked` links (1 = closed) to the demand leaving `origin` only, or lifts the block with
   * null: a class of traffic kept off some links, e.g. transit barred from a state's territory. The
   * next solve drops that origin's paths through blocked links and reroutes their flow.
   */
  setOriginBlock(origin: number, blocked: Uint8Array | null): void {
    const before = this.originBlocks.get(origin);
    if (blocked === null) {
      if (before === undefined) return;
      this.originBlocks.delete(origin);
    } else {
      if (blocked.length !== this.network.linkCount) {
        throw new InputError({
          code: "out-of-range",
          path: "blocked",
          expected: `one entry per link (${this.network.linkCount})`,
          found: String(blocked.length),
        });
      }
      this.originBlocks.set(origin, blocked);
    }
    this.blocksChanged.add(origin);
  }

  setOriginSurcharge(origin: number, surcharge: Float64Array | null): void {
    if (surcharge === null) {
      this.originSurcharges.delete(origin);
      return;
    }
    if (surcharge.length !== this.network.linkCount) {
      throw new InputError({
        code: "out-of-range",
        path: "surcharge",
        expected: `one entry per link (${this.network.linkCount})`,
        found: String(surcharge.length),
      });
    }
    this.originSurcharges.set(origin, surcharge);
  }

  /** The per-link surcharge on pair k's origin, or undefined (looked up once per pair, not per path). */
  private surchargeOf(k: number): Float64Array | undefined {
    return this.originSurcharges.size === 0 ? undefined : this.originSurcharges.get(this.demand.origin[k]!);
  }

  /** Σ of a per-link value over the links of path `id`, in path order. */
  private pathSum(values: Float64Array, id: number): number {
    const { links, start, length } = this.store;
    let c = 0;
    const e = start[id]! + length[id]!;
    for (let i = start[id]!; i < e; i++) c += values[links[i]!]!;
    return c;
  }

  pairPaths(pair: number): PairPath[] {
    return this.usedPaths(pair, false);
  }

  /**
   * Like pairPaths, with each path's links a view into the solver's path store rather than a copy:
   * valid only until the next solve (which may move or drop paths). For reading a solve's paths at once.
   */
  pairPathViews(pair: number): PairPath[] {
    return this.usedPaths(pair, true);
  }

  private usedPaths(pair: number, views: boolean): PairPath[] {
    const { store } = this;
    const out: PairPath[] = [];
    if (pair < 0 || pair >= store.head.length) return out;
    for (let id = store.head[pair]!; id >= 0; id = store.next[id]!) {
      if (store.flow[id]! <= 0) continue;
      const start = store.start[id]!;
      const end = start + store.length[id]!;
      out.push({
        links: views ? store.linkView(id) : store.links.slice(start, end),
        flow: store.flow[id]!,
      });
    }
    return out;
  }

  solve(options?: SolveOptions): AssignmentResult {
    const opts = resolveOptions(options);
    const started = nowMs();
    this.prepare(opts);
    let iterations = 0;
    let gap = Number.POSITIVE_INFINITY;
    this.rebuildFlows();
    let tstt = 0;
    let sptt = 0;
    let sinceRebuild = 0;
    this.sweepFirst(opts.gap);
    for (;;) {
      this.store.compact();
      if (sinceRebuild >= REBUILD_EVERY) {
        this.rebuildFlows();
        sinceRebuild = 0;
      }
      tstt = this.totalCost();
      const passSptt = this.measure();
      const seconds = (nowMs() - started) / 1000;
      if (this.loadedDemand) {
        // Demand was placed after measuring (a cold start, a closure, a demand change): not an
        // iteration, as its gap does not describe the flows that result.
        if (iterations >= opts.maxIterations || seconds >= opts.maxSeconds) {
          tstt = this.totalCost();
          sptt = this.measure();
          checkFinite(this.costs, this.network, tstt, sptt);
          gap = relativeGap(tstt, sptt);
          break;
        }
        continue;
      }
      sptt = passSptt;
      checkFinite(this.costs, this.network, tstt, sptt);
      gap = relativeGap(tstt, sptt);
      iterations++;
      opts.onIteration?.({ iteration: iterations, gap, seconds });
      if (gap <= opts.gap || iterations >= opts.maxIterations || seconds >= opts.maxSeconds) break;
      this.equilibrate(tstt, gap, opts.gap);
      sinceRebuild++;
    }
    return this.result(tstt, sptt, gap, iterations, opts, started);
  }

  /**
   * Warm start whose known paths already show a gap above the target: the first shortest-path pass
   * could only confirm it, so the sweeps run first and the pass then checks their result. Only when
   * every pair's demand sits on its paths (no closure or demand change to load).
   */
  private sweepFirst(target: number): void {
    const { store, demand, assigned } = this;
    const q = demand.demand;
    for (let k = 0; k < demand.pairCount; k++) {
      if (
        q[k]! > 0 &&
        (this.unreachable[k] === 1 || Math.abs(q[k]! - assigned[k]!) > DEFICIT_TOLERANCE * q[k]!)
      )
        return;
    }
    const tstt = this.totalCost();
    let excess = 0;
    for (let k = 0; k < store.head.length; k++) {
      if (store.count[k]! < 2) continue;
      const surcharge = this.surchargeOf(k);
      const best = this.pathCost(this.cheapestPath(k, surcharge), surcharge);
      for (let id = store.head[k]!; id >= 0; id = store.next[id]!) {
        const f = store.flow[id]!;
        if (f > 0) excess += f * (this.pathCost(id, surcharge) - best);
      }
    }
    if (!(tstt > 0) || excess <= target * tstt) return;
    // The known paths are all the candidates there are until a pass finds another: sweep them to the
    // same goal as a converging iteration (a tenth of the target), not to a share of their own excess.
    this.equilibrate(tstt, 0, target);
  }

  /** Reads the network's current attributes and applies closures and demand changes to the path sets. */
  private prepare(opts: ResolvedOptions): void {
    checkDemandValues(this.demand);
    this.model.refresh(this.network, opts);
    const { closed } = this.network;
    let newlyClosed = false;
    for (let a = 0; a < closed.length; a++) {
      if (closed[a] === 1 && this.closedSeen[a] === 0) newlyClosed = true;
      this.closedSeen[a] = closed[a]!;
    }
    if (newlyClosed) this.dropClosedPaths();
    if (this.blocksChanged.size > 0) this.dropBlockedPaths();
    for (const origin of this.originClosed.keys()) {
      if (!this.originBlocks.has(origin)) this.originClosed.delete(origin);
    }
    for (const [origin, blocked] of this.originBlocks) {
      let merged = this.originClosed.get(origin);
      if (!merged) {
        merged = new Uint8Array(closed.length);
        this.originClosed.set(origin, merged);
      }
      for (let a = 0; a < closed.length; a++) merged[a] = blocked[a]! | closed[a]!;
    }
    const { store } = this;
    const q = this.demand.demand;
    for (let k = 0; k < this.demand.pairCount; k++) {
      const now = q[k]!;
      const before = this.lastDemand[k]!;
      if (now === before) continue;
      this.lastDemand[k] = now;
      if (before <= 0 || this.assigned[k] === 0) continue;
      this.flowsFresh = false;
      if (now <= 0) {
        store.clear(k);
        this.assigned[k] = 0;
        continue;
      }
      const ratio = now / before;
      let sum = 0;
      for (let id = store.head[k]!; id >= 0; id = store.next[id]!) {
        store.flow[id]! *= ratio;
        sum += store.flow[id]!;
      }
      this.assigned[k] = sum;
    }
    store.compact();
  }

  private dropClosedPaths(): void {
    this.dropPathsThrough(0, this.demand.pairCount, this.network.closed);
  }

  /** Removes the paths of origins with a new block that use a blocked link; their flow is reloaded. */
  private dropBlockedPaths(): void {
    const { demand } = this;
    for (let i = 0; i < demand.origins.length; i++) {
      const origin = demand.origins[i]!;
      const blocked = this.originBlocks.get(origin);
      if (blocked && this.blocksChanged.has(origin)) {
        this.dropPathsThrough(demand.pairStart[i]!, demand.pairStart[i + 1]!, blocked);
      }
    }
    this.blocksChanged.clear();
  }

  /** Removes the paths of pairs first … last − 1 that use a link marked 1 in `mask`; their flow is unassigned. */
  private dropPathsThrough(first: number, last: number, mask: Uint8Array): void {
    const { store } = this;
    for (let k = first; k < last; k++) {
      let prev = -1;
      let id = store.head[k]!;
      while (id >= 0) {
        const next = store.next[id]!;
        const s = store.start[id]!;
        const e = s + store.length[id]!;
        let hit = false;
        for (let i = s; i < e && !hit; i++) hit = mask[store.links[i]!] === 1;
        if (hit) {
          this.assigned[k]! -= store.flow[id]!;
          store.remove(k, id, prev);
          this.flowsFresh = false;
        } else prev = id;
        id = next;
      }
      if (store.count[k] === 0) this.assigned[k] = 0;
    }
  }

  /** Σ x·c at the current flows, plus Σ f_p·surcharge_p of origins with a surcharge. */
  private totalCost(): number {
    let tstt = 0;
    for (let a = 0; a < this.flows.length; a++) tstt += this.flows[a]! * this.costs[a]!;
    if (this.originSurcharges.size === 0) return tstt;
    const { store } = this;
    for (let k = 0; k < store.head.length; k++) {
      const surcharge = this.surchargeOf(k);
      if (surcharge === undefined) continue;
      for (let id = store.head[k]!; id >= 0; id = store.next[id]!) {
        if (store.flow[id]! > 0) tstt += store.flow[id]! * this.pathSum(surcharge, id);
      }
    }
    return tstt;
  }

  /**
   * Link flows from path flows (removes drift from incremental updates), and their costs. Call after
   * each model refresh: when the flows are fresh, only the links the refresh changed get new costs.
   */
  private rebuildFlows(): void {
    const { store, flows, costs, model } = this;
    this.derivsStale = true;
    if (this.flowsFresh) {
      // The sum below would give the same flows, and the other links' costs are those of their flows.
      const { changed, changedCount } = model;
      for (let i = 0; i < changedCount; i++) {
        const a = changed[i]!;
        costs[a] = model.cost(a, flows[a]!);
      }
      return;
    }
    const { links, start, length, flow, next, head } = store;
    flows.fill(0);
    for (let k = 0; k < head.length; k++) {
      for (let id = head[k]!; id >= 0; id = next[id]!) {
        const f = flow[id]!;
        if (f === 0) continue;
        const e = start[id]! + length[id]!;
        for (let i = start[id]!; i < e; i++) flows[links[i]!]! += f;
      }
    }
    model.evaluate(flows, costs);
    this.flowsFresh = true;
  }

  /** Cost of path `id`: its links' costs, plus its origin's surcharge (`surchargeOf` its pair) if any. */
  private pathCost(id: number, surcharge: Float64Array | undefined): number {
    const c = this.pathSum(this.costs, id);
    return surcharge === undefined ? c : c + this.pathSum(surcharge, id);
  }

  /** The first of pair k's known paths at the least cost (`surcharge`: the pair's), or −1 without one. */
  private cheapestPath(k: number, surcharge: Float64Array | undefined): number {
    const { store } = this;
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let id = store.head[k]!; id >= 0; id = store.next[id]!) {
      const c = this.pathCost(id, surcharge);
      if (c < bestCost) {
        bestCost = c;
        best = id;
      }
    }
    return best;
  }

  /**
   * Shortest paths from every origin at the current costs: SPTT for the exact gap, the unreachable
   * pairs, a new column for each pair whose shortest path beats its known ones, and any unassigned
   * demand (cold start, closure, demand change) loaded on the shortest path. Sets `loadedDemand`.
   */
  private measure(): number {
    const { network, demand, ws, store, costs, treeTargets } = this;
    const { origins, pairStart, destination } = demand;
    const q = demand.demand;
    const dist = ws.dist;
    // The maps are empty in most scenarios: skip their look-ups then.
    const anySurcharge = this.originSurcharges.size > 0;
    const anyClosed = this.originClosed.size > 0;
    treeTargets.nodes = destination;
    let sptt = 0;
    let loaded = false;
    for (let i = 0; i < origins.length; i++) {
      const first = pairStart[i]!;
      const last = pairStart[i + 1]!;
      if (!this.originNeeded(first, last)) continue;
      const origin = origins[i]!;
      const surcharge = anySurcharge ? this.originSurcharges.get(origin) : undefined;
      let treeCosts = costs;
      if (surcharge !== undefined) {
        this.surchargedCosts ??= new Float64Array(costs.length);
        treeCosts = this.surchargedCosts;
        for (let a = 0; a < treeCosts.length; a++) treeCosts[a] = costs[a]! + surcharge[a]!;
      }
      treeTargets.start = first;
      treeTargets.end = last;
      shortestPathTree(
        network,
        treeCosts,
        origin,
        ws,
        treeTargets,
        anyClosed ? this.originClosed.get(origin) : undefined,
      );
      for (let k = first; k < last; k++) {
        const qk = q[k]!;
        const dk = dist[destination[k]!]!;
        if (dk === Number.POSITIVE_INFINITY) {
          this.unreachable[k] = 1;
          continue;
        }
        this.unreachable[k] = 0;
        if (qk === 0 && this.assigned[k] === 0) continue;
        let best = this.cheapestPath(k, surcharge);
        if (best < 0 || dk < this.pathCost(best, surcharge) * (1 - NEW_PATH_MARGIN)) {
          best = store.add(k, this.buffer, pathLinks(network, ws, destination[k]!, this.buffer));
          this.pairExcess[k] = Number.POSITIVE_INFINITY;
        }
        const deficit = qk - this.assigned[k]!;
        if (deficit !== 0) {
          if (deficit > DEFICIT_TOLERANCE * qk) loaded = true;
          this.load(best, deficit);
          this.assigned[k] = qk;
        }
        sptt += qk * dk;
      }
    }
    this.loadedDemand = loaded;
    return sptt;
  }

  private originNeeded(first: number, last: number): boolean {
    for (let k = first; k < last; k++) {
      if (this.demand.demand[k]! > 0 || this.assigned[k]! > 0) return true;
    }
    return false;
  }

  /** Adds `amount` to path `id` and its links, updating their costs. */
  private load(id: number, amount: number): void {
    const { store, flows, costs, derivs, model } = this;
    this.flowsFresh = false;
    store.flow[id]! += amount;
    const e = store.start[id]! + store.length[id]!;
    for (let i = store.start[id]!; i < e; i++) {
      const a = store.links[i]!;
      const x = flows[a]! + amount;
      flows[a] = x;
      costs[a] = model.cost(a, x);
      derivs[a] = model.derivative(a, x);
    }
  }

  /**
   * Sweeps over the path sets until their excess Σ f_p·(c_p − c_s) is well below the current gap.
   * After the first full sweep, pairs whose excess was already negligible are skipped.
   */
  private equilibrate(tstt: number, gap: number, target: number): void {
    if (this.derivsStale) {
      // Each derivative is a function of its link's flow alone, as load and shift keep it.
      const { derivs, flows, model } = this;
      for (let a = 0; a < flows.length; a++) derivs[a] = model.derivative(a, flows[a]!);
      this.derivsStale = false;
    }
    const goal = Math.max(gap * SWEEP_TARGET, target * 0.1) * tstt;
    // A pair below an equal share of the goal cannot keep the total above it on its own.
    const skip = goal / Math.max(1, this.demand.pairCount);
    let excess = this.sweep(0);
    for (let sweep = 1; sweep < MAX_SWEEPS && excess > goal; sweep++) excess = this.sweep(skip);
  }

  /** One pass over the pairs' path sets, without new columns; returns Σ f_p·(c_p − c_s) before the shifts. */
  private sweep(skipBelow = 0): number {
    const { store, pairExcess } = this;
    let excess = 0;
    for (let k = 0; k < store.head.length; k++) {
      if (store.count[k]! < 2) {
        pairExcess[k] = 0;
        continue;
      }
      if (pairExcess[k]! < skipBelow) {
        excess += pairExcess[k]!;
        continue;
      }
      const surcharge = this.surchargeOf(k);
      const e = this.equilibratePair(k, this.cheapestPath(k, surcharge), surcharge);
      pairExcess[k] = e;
      excess += e;
    }
    return excess;
  }

  /**
   * Shifts flow from every other path of pair k to its cheapest path s; drops long-idle paths.
   * `surcharge` is the pair's (surchargeOf).
   */
  private equilibratePair(k: number, s: number, surcharge: Float64Array | undefined): number {
    const { store } = this;
    // The surcharge is a constant of each path: the cheapest path's is summed once.
    const sExtra = surcharge === undefined ? 0 : this.pathSum(surcharge, s);
    let excess = 0;
    let prev = -1;
    let id = store.head[k]!;
    while (id >= 0) {
      const next = store.next[id]!;
      if (id !== s) {
        if (store.flow[id]! > 0)
          excess += this.shift(id, s, surcharge === undefined ? 0 : this.pathSum(surcharge, id) - sExtra);
        if (store.flow[id]! > 0) store.idle[id] = 0;
        else if (++store.idle[id]! > MAX_IDLE) {
          store.remove(k, id, prev);
          this.flowsFresh = false;
          id = next;
          continue;
        }
      } else store.idle[id] = 0;
      prev = id;
      id = next;
    }
    return excess;
  }

  /**
   * Newton step from path p to path s (Jayakrishnan et al. 1994); returns f_p·(c_p − c_s) before it.
   * `extra` is p's origin surcharge minus s's: a constant in the cost difference, none in its slope.
   */
  private shift(p: number, s: number, extra = 0): number {
    const { store, costs, derivs, flows, model, mark } = this;
    const { links } = store;
    if (this.tag >= 0x3fffffff) {
      mark.fill(0);
      this.tag = 0;
    }
    const tag = ++this.tag;
    const s0 = store.start[s]!;
    const s1 = s0 + store.length[s]!;
    const p0 = store.start[p]!;
    const p1 = p0 + store.length[p]!;
    let cs = 0;
    for (let i = s0; i < s1; i++) {
      const a = links[i]!;
      mark[a] = tag;
      cs += costs[a]!;
    }
    let cp = 0;
    let h = 0;
    for (let i = p0; i < p1; i++) {
      const a = links[i]!;
      cp += costs[a]!;
      if (mark[a] === tag) mark[a] = -tag;
      else h += derivs[a]!;
    }
    const diff = cp - cs + extra;
    if (!(diff > 0)) return 0;
    for (let i = s0; i < s1; i++) {
      const a = links[i]!;
      if (mark[a] === tag) h += derivs[a]!;
    }
    const fp = store.flow[p]!;
    this.flowsFresh = false;
    let delta = h > 0 ? diff / h : fp;
    if (delta >= fp) delta = fp;
    store.flow[p] = fp - delta;
    store.flow[s]! += delta;
    for (let i = p0; i < p1; i++) {
      const a = links[i]!;
      if (mark[a] === -tag) continue;
      const x = flows[a]! - delta;
      flows[a] = x;
      costs[a] = model.cost(a, x);
      derivs[a] = model.derivative(a, x);
    }
    for (let i = s0; i < s1; i++) {
      const a = links[i]!;
      if (mark[a] !== tag) continue;
      const x = flows[a]! + delta;
      flows[a] = x;
      costs[a] = model.cost(a, x);
      derivs[a] = model.derivative(a, x);
    }
    return diff * fp;
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
    // The solver's costs are always those of its flows (every flow write updates them).
    const [totalTravelTime, beckmann] = this.model.travelTimeAndBeckmann(this.flows, this.costs);
    return {
      flows: copyOf(this.flows),
      costs: copyOf(this.costs),
      tstt,
      sptt,
      totalTravelTime,
      beckmann,
      gap,
      iterations,
      seconds: (nowMs() - started) / 1000,
      converged: gap <= opts.gap,
      unservedDemand,
      unserved,
    };
  }
}

/** A copy of an array (a new array filled by set() is quicker in V8 than slice() for these sizes). */
function copyOf(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  out.set(values);
  return out;
}
