/**
 * Link cost: the BPR volume-delay function (Bureau of Public Roads 1964)
 *   t(x) = t₀·(1 + b·(x/c)^p)
 * and the generalized cost g(x) = t(x) + tollFactor·toll + distanceFactor·length, with the derivative
 * and the integral ∫₀ˣ g that make up the Beckmann objective (Beckmann, McGuire & Winsten 1956).
 * Conventions that keep every value finite: 0⁰ = 1 (power 0 gives the constant t₀·(1 + b));
 * b = 0 or power = 0 never reads the capacity; flows below 0 (rounding) count as 0; for 0 < p < 1 the
 * derivative, infinite at x = 0, is taken at x = MIN_RATIO·c instead; an infinite capacity means
 * no congestion.
 */
import { InputError, type InputIssue } from "../errors/index.js";
import type { Network } from "../network/graph.js";

/** Volume/capacity ratio below which the derivative of a p < 1 link is held constant. */
export const MIN_RATIO = 1e-6;

/** BPR travel time t₀·(1 + b·(x/c)^p). */
export function bprTime(x: number, t0: number, b: number, capacity: number, power: number): number {
  if (b === 0 || power === 0) return t0 * (1 + b);
  if (x <= 0 || capacity === Number.POSITIVE_INFINITY) return t0;
  // The usual power 4 as two squarings, as LinkCostModel.cost has it: exact IEEE arithmetic on every
  // engine (Math.pow need not be) and cheaper.
  const r = x / capacity;
  return t0 * (1 + b * (power === 4 ? r * r * (r * r) : r ** power));
}

/** dt/dx = t₀·b·p·x^(p−1)/c^p, finite everywhere (see MIN_RATIO). */
export function bprDerivative(x: number, t0: number, b: number, capacity: number, power: number): number {
  if (b === 0 || power === 0 || t0 === 0 || capacity === Number.POSITIVE_INFINITY) return 0;
  let r = x > 0 ? x / capacity : 0;
  if (power < 1 && r < MIN_RATIO) r = MIN_RATIO;
  if (power === 1) return (t0 * b) / capacity;
  return ((t0 * b * power) / capacity) * r ** (power - 1);
}

/** ∫₀ˣ t = t₀·(x + b·c·(x/c)^(p+1)/(p+1)). */
export function bprIntegral(x: number, t0: number, b: number, capacity: number, power: number): number {
  if (x <= 0) return 0;
  if (b === 0 || power === 0) return t0 * (1 + b) * x;
  if (capacity === Number.POSITIVE_INFINITY) return t0 * x;
  return t0 * (x + (b * capacity * (x / capacity) ** (power + 1)) / (power + 1));
}

/** Weights of the generalized cost. */
export interface CostWeights {
  /** Weight of each link's toll. Default 0. */
  tollFactor?: number;
  /** Weight of each link's length. Default 0. */
  distanceFactor?: number;
}

/**
 * Per-link coefficients of g(x) = base + k·(x/c)^p, refreshed from the network before each solve
 * (so capacity, toll and free-flow changes written into the network take effect). `base` folds the
 * free-flow time, the toll and distance terms, and t₀·b when p = 0; k = t₀·b, or 0 for a constant cost.
 */
export class LinkCostModel {
  readonly linkCount: number;
  readonly base: Float64Array;
  /** Free-flow part of `base` (t₀, or t₀·(1 + b) when constant), so travel time can be told apart from fees. */
  readonly time0: Float64Array;
  readonly k: Float64Array;
  readonly invCapacity: Float64Array;
  readonly capacity: Float64Array;
  readonly power: Float64Array;
  /**
   * Links whose coefficients the last refresh recomputed (the first `changedCount` entries): every
   * link at the first refresh or a change of weights, else those with a changed attribute. The other
   * links' coefficients, hence their costs at an unchanged flow, are as before.
   */
  readonly changed: Int32Array;
  changedCount = 0;
  /** The attributes each link's coefficients were computed from: t₀, b, p, c, toll, length (6 per link). */
  private readonly seen: Float64Array;
  /** The weights of the last refresh, once there has been one. */
  private primed = false;
  private seenTollFactor = 0;
  private seenDistanceFactor = 0;

  constructor(linkCount: number) {
    this.linkCount = linkCount;
    this.base = new Float64Array(linkCount);
    this.time0 = new Float64Array(linkCount);
    this.k = new Float64Array(linkCount);
    this.invCapacity = new Float64Array(linkCount);
    this.capacity = new Float64Array(linkCount);
    this.power = new Float64Array(linkCount);
    this.changed = new Int32Array(linkCount);
    this.seen = new Float64Array(6 * linkCount);
  }

  /**
   * Reads the network's current attributes. Throws an InputError when a value written into the
   * network since it was built would make a cost negative or undefined (e.g. capacity 0 on a
   * congestible link: close the link instead); the model is then left as it was. Only links whose
   * attributes differ (Object.is: −0 and 0 differ) from those last read are checked and recomputed:
   * the others were valid and would get the same coefficients.
   */
  refresh(network: Network, weights: CostWeights = {}): void {
    const tollFactor = weights.tollFactor ?? 0;
    const distanceFactor = weights.distanceFactor ?? 0;
    const all =
      !this.primed ||
      !Object.is(tollFactor, this.seenTollFactor) ||
      !Object.is(distanceFactor, this.seenDistanceFactor);
    const { freeFlowTime, b: bs, power: ps, capacity: cs, toll, length } = network;
    const { seen, changed } = this;
    let n = 0;
    for (let a = 0; a < this.linkCount; a++) {
      const at = 6 * a;
      if (
        all ||
        !Object.is(seen[at], freeFlowTime[a]) ||
        !Object.is(seen[at + 1], bs[a]) ||
        !Object.is(seen[at + 2], ps[a]) ||
        !Object.is(seen[at + 3], cs[a]) ||
        !Object.is(seen[at + 4], toll[a]) ||
        !Object.is(seen[at + 5], length[a])
      )
        changed[n++] = a;
    }
    checkAttributes(network, changed, n);
    for (let i = 0; i < n; i++) {
      const a = changed[i]!;
      const t0 = freeFlowTime[a]!;
      const b = bs[a]!;
      const p = ps[a]!;
      const c = cs[a]!;
      const fixed = tollFactor * toll[a]! + distanceFactor * length[a]!;
      const constant = b === 0 || p === 0 || t0 === 0 || c === Number.POSITIVE_INFINITY;
      this.time0[a] = p === 0 ? t0 * (1 + b) : t0;
      this.base[a] = this.time0[a]! + fixed;
      this.k[a] = constant ? 0 : t0 * b;
      this.capacity[a] = constant ? 0 : c;
      this.invCapacity[a] = constant ? 0 : 1 / c;
      this.power[a] = constant ? 1 : p;
      const at = 6 * a;
      seen[at] = t0;
      seen[at + 1] = b;
      seen[at + 2] = p;
      seen[at + 3] = c;
      seen[at + 4] = toll[a]!;
      seen[at + 5] = length[a]!;
    }
    this.primed = true;
    this.seenTollFactor = tollFactor;
    this.seenDistanceFactor = distanceFactor;
    this.changedCount = n;
  }

  /** Generalized cost of link a at flow x. */
  cost(a: number, x: number): number {
    const k = this.k[a]!;
    if (k === 0 || x <= 0) return this.base[a]!;
    const r = x * this.invCapacity[a]!;
    const p = this.power[a]!;
    return this.base[a]! + k * (p === 4 ? r * r * (r * r) : r ** p);
  }

  /** dg/dx at x (finite: see MIN_RATIO). */
  derivative(a: number, x: number): number {
    const k = this.k[a]!;
    if (k === 0) return 0;
    const p = this.power[a]!;
    const ic = this.invCapacity[a]!;
    let r = x > 0 ? x * ic : 0;
    if (p === 4) return 4 * k * ic * r * r * r;
    if (p === 1) return k * ic;
    if (p < 1 && r < MIN_RATIO) r = MIN_RATIO;
    return p * k * ic * r ** (p - 1);
  }

  /** ∫₀ˣ g. */
  integral(a: number, x: number): number {
    if (x <= 0) return 0;
    const k = this.k[a]!;
    const base = this.base[a]! * x;
    if (k === 0) return base;
    const p = this.power[a]!;
    const r = x * this.invCapacity[a]!;
    const rp1 = p === 4 ? r * r * (r * r) * r : r ** (p + 1);
    return base + (k * this.capacity[a]! * rp1) / (p + 1);
  }

  /** Writes cost (and derivative, when given) of every link at `flows`. */
  evaluate(flows: Float64Array, costs: Float64Array, derivatives?: Float64Array): void {
    for (let a = 0; a < this.linkCount; a++) {
      const x = flows[a]!;
      costs[a] = this.cost(a, x);
      if (derivatives) derivatives[a] = this.derivative(a, x);
    }
  }

  /** Beckmann objective Σₐ ∫₀^xₐ gₐ. */
  beckmann(flows: Float64Array): number {
    let sum = 0;
    for (let a = 0; a < this.linkCount; a++) sum += this.integral(a, flows[a]!);
    return sum;
  }

  /** Σₐ xₐ·tₐ(xₐ), travel time only (no toll or distance terms). */
  totalTravelTime(flows: Float64Array): number {
    let sum = 0;
    for (let a = 0; a < this.linkCount; a++) {
      const x = flows[a]!;
      if (x > 0) sum += x * (this.cost(a, x) - this.base[a]! + this.time0[a]!);
    }
    return sum;
  }

  /**
   * [totalTravelTime(flows), beckmann(flows)] in one pass over the links, each sum in the same order.
   * `costs` must hold each link's cost at `flows` (as `evaluate` writes them): they are read, not
   * evaluated again.
   */
  travelTimeAndBeckmann(flows: Float64Array, costs: Float64Array): [number, number] {
    let time = 0;
    let beckmann = 0;
    for (let a = 0; a < this.linkCount; a++) {
      const x = flows[a]!;
      if (x > 0) time += x * (costs[a]! - this.base[a]! + this.time0[a]!);
      beckmann += this.integral(a, x);
    }
    return [time, beckmann];
  }
}

/** Checks the attributes of links `list[0 … count − 1]` (in that order); throws on the first 20 problems. */
function checkAttributes(network: Network, list: Int32Array, count: number): void {
  const issues: InputIssue[] = [];
  const bad = (a: number, field: string, expected: string, value: number) => {
    if (issues.length < 20)
      issues.push({ code: "out-of-range", path: `links[${a}].${field}`, expected, found: String(value) });
  };
  for (let i = 0; i < count; i++) {
    const a = list[i]!;
    const t0 = network.freeFlowTime[a]!;
    const b = network.b[a]!;
    const p = network.power[a]!;
    const c = network.capacity[a]!;
    if (!(t0 >= 0 && t0 < Number.POSITIVE_INFINITY)) bad(a, "freeFlowTime", "a free-flow time ≥ 0", t0);
    if (!(b >= 0 && b < Number.POSITIVE_INFINITY)) bad(a, "b", "b ≥ 0", b);
    if (!(p >= 0 && p < Number.POSITIVE_INFINITY)) bad(a, "power", "a power ≥ 0", p);
    if (!(network.toll[a]! >= 0)) bad(a, "toll", "a toll ≥ 0", network.toll[a]!);
    if (!(network.length[a]! >= 0)) bad(a, "length", "a length ≥ 0", network.length[a]!);
    if (b !== 0 && p !== 0 && t0 !== 0 && !(c > 0)) {
      bad(a, "capacity", "a positive capacity (to stop traffic, close the link instead)", c);
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}
