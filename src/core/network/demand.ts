/**
 * Origin–destination demand in compressed rows grouped by origin, so a solver runs one shortest-path
 * tree per origin and reads that origin's destinations as a contiguous slice.
 */
import { InputError, type InputIssue } from "../errors/index.js";
import type { TntpTrips } from "./tntp.js";

/** One OD entry of a `DemandSpec`. Node indices are 0-based. */
export interface DemandEntry {
  origin: number;
  destination: number;
  /** Trips per period (≥ 0). */
  demand: number;
}

export interface DemandSpec {
  nodeCount: number;
  /** Entries for the same pair are summed; pairs listed with 0 demand are kept, so they can be raised later. */
  entries: DemandEntry[];
}

/**
 * OD demand by origin. Pairs of `origins[i]` are `pairStart[i] .. pairStart[i + 1] - 1`, sorted by
 * destination. `demand` may be rewritten in place between solves; the pair structure may not.
 */
export interface Demand {
  readonly nodeCount: number;
  readonly pairCount: number;
  /** Distinct origins, ascending. */
  readonly origins: Int32Array;
  readonly pairStart: Int32Array;
  readonly origin: Int32Array;
  readonly destination: Int32Array;
  readonly demand: Float64Array;
}

/** The same structure under the name used in the transport literature. */
export type ODMatrix = Demand;

const MAX_ISSUES = 20;

/** Checks and compresses OD entries. Throws one InputError listing every problem found. */
export function buildDemand(spec: DemandSpec, file?: string): Demand {
  const n = spec.nodeCount;
  const at = file ? { file } : {};
  const issues: InputIssue[] = [];
  const push = (issue: InputIssue) => {
    if (issues.length < MAX_ISSUES) issues.push(issue);
  };
  if (!Number.isInteger(n) || n < 1) {
    throw new InputError({
      code: "out-of-range",
      ...at,
      path: "nodeCount",
      expected: "a positive whole number",
      found: String(n),
    });
  }
  const totals = new Map<number, number>();
  spec.entries.forEach((e, i) => {
    let ok = true;
    for (const end of ["origin", "destination"] as const) {
      const v = e[end];
      if (!Number.isInteger(v) || v < 0 || v >= n) {
        push({
          code: "dangling-reference",
          ...at,
          path: `demand[${i}].${end}`,
          expected: `a node index 0..${n - 1}`,
          found: String(v),
        });
        ok = false;
      }
    }
    if (ok && e.origin === e.destination) {
      push({
        code: "intrazonal",
        ...at,
        path: `demand[${i}]`,
        expected: "different origin and destination (trips inside a zone never use the network)",
        found: `${e.origin} → ${e.destination}`,
      });
      ok = false;
    }
    if (!(typeof e.demand === "number" && Number.isFinite(e.demand) && e.demand >= 0)) {
      push({
        code: "out-of-range",
        ...at,
        path: `demand[${i}].demand`,
        expected: "a number of trips ≥ 0",
        found: String(e.demand),
      });
      ok = false;
    }
    if (ok) {
      const key = e.origin * n + e.destination;
      totals.set(key, (totals.get(key) ?? 0) + e.demand);
    }
  });
  if (issues.length > 0) throw new InputError(issues);
  const keys = [...totals.keys()].sort((a, b) => a - b);
  const pairCount = keys.length;
  const origin = new Int32Array(pairCount);
  const destination = new Int32Array(pairCount);
  const demand = new Float64Array(pairCount);
  const originList: number[] = [];
  const starts: number[] = [];
  keys.forEach((key, k) => {
    const o = Math.floor(key / n);
    origin[k] = o;
    destination[k] = key - o * n;
    demand[k] = totals.get(key)!;
    if (originList.length === 0 || originList[originList.length - 1] !== o) {
      originList.push(o);
      starts.push(k);
    }
  });
  starts.push(pairCount);
  return {
    nodeCount: n,
    pairCount,
    origins: Int32Array.from(originList),
    pairStart: Int32Array.from(starts),
    origin,
    destination,
    demand,
  };
}

/** Converts parsed TNTP trips (1-based zone ids, intrazonal demand already left out) to 0-based demand. */
export function demandFromTntp(trips: TntpTrips, nodeCount: number = trips.zones): Demand {
  return buildDemand(
    {
      nodeCount,
      entries: trips.demands.map((d) => ({
        origin: d.origin - 1,
        destination: d.destination - 1,
        demand: d.demand,
      })),
    },
    trips.file,
  );
}

/** Sum of all demand. */
export function totalDemand(demand: Demand): number {
  let sum = 0;
  for (let k = 0; k < demand.pairCount; k++) sum += demand.demand[k]!;
  return sum;
}

/** Index of the pair origin → destination, or -1. Binary search within the origin's slice. */
export function findPair(demand: Demand, origin: number, destination: number): number {
  let lo = 0;
  let hi = demand.origins.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = demand.origins[mid]!;
    if (o === origin) {
      let a = demand.pairStart[mid]!;
      let z = demand.pairStart[mid + 1]! - 1;
      while (a <= z) {
        const k = (a + z) >> 1;
        const d = demand.destination[k]!;
        if (d === destination) return k;
        if (d < destination) a = k + 1;
        else z = k - 1;
      }
      return -1;
    }
    if (o < origin) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
