/**
 * The compact road/rail graph every router and solver works on: a forward star (Ahuja, Magnanti &
 * Orlin 1993, §2.2) in typed arrays, built once from a plain `NetworkSpec`. Closing a link, changing
 * its capacity or toll only writes into these arrays; nothing is rebuilt.
 */
import { InputError, type InputIssue } from "../errors/index.js";
import { MAX_BPR_POWER } from "./limits.js";
import type { TntpNet } from "./tntp.js";

/** One directed link of a `NetworkSpec`. Node indices are 0-based. */
export interface LinkSpec {
  from: number;
  to: number;
  /** Capacity in the demand's units (vehicles per period). May be 0 only when the cost is constant (b = 0 or power = 0). */
  capacity: number;
  /** Free-flow time t₀ (cost units, ≥ 0). */
  freeFlowTime: number;
  /** BPR b (≥ 0). 0 makes the cost constant, as for an elastic-demand "no trip" link. */
  b: number;
  /** BPR power (≥ 0, need not be an integer). */
  power: number;
  /** Length (≥ 0), weighted by the distance factor in the generalized cost. Default 0. */
  length?: number;
  /** Toll or fee (≥ 0), weighted by the toll factor in the generalized cost. Default 0. */
  toll?: number;
}

/** A network as plain data, e.g. from a scenario file. Adding links is adding entries. */
export interface NetworkSpec {
  nodeCount: number;
  links: LinkSpec[];
  /**
   * Nodes that paths may start or end at but never pass through (zone centroids; the TNTP
   * `<FIRST THRU NODE>` rule). Default: none.
   */
  noThrough?: boolean[];
}

/**
 * Forward-star graph. Arrays are indexed by link (`from`, `to`, `capacity`, …, `closed`) or by node
 * (`outStart`, `noThrough`). The attribute arrays and `closed` may be written between solves.
 */
export interface Network {
  readonly nodeCount: number;
  readonly linkCount: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly capacity: Float64Array;
  readonly freeFlowTime: Float64Array;
  readonly b: Float64Array;
  readonly power: Float64Array;
  readonly length: Float64Array;
  readonly toll: Float64Array;
  /** Links leaving node u are `outLink[outStart[u] .. outStart[u + 1] - 1]`, in spec order. */
  readonly outStart: Int32Array;
  readonly outLink: Int32Array;
  /** `outHead[k] = to[outLink[k]]`, kept beside `outLink` so the router reads one array fewer. */
  readonly outHead: Int32Array;
  /** Links entering node v are `inLink[inStart[v] .. inStart[v + 1] - 1]`. */
  readonly inStart: Int32Array;
  readonly inLink: Int32Array;
  /** 1 = removed from routing (a closed crossing); the link keeps its attributes for reopening. */
  readonly closed: Uint8Array;
  /** 1 = paths may end or start here but not pass through. */
  readonly noThrough: Uint8Array;
}

/** At most this many issues are listed: past it the input is probably not a network at all. */
const MAX_ISSUES = 20;

function nonNegative(
  issues: InputIssue[],
  file: string | undefined,
  path: string,
  value: number,
  what: string,
  allowInfinity = false,
): void {
  const ok = typeof value === "number" && value >= 0 && (allowInfinity || Number.isFinite(value));
  if (!ok && issues.length < MAX_ISSUES) {
    issues.push({
      code: "out-of-range",
      ...(file ? { file } : {}),
      path,
      expected: what,
      found: String(value),
    });
  }
}

/** Checks a spec and builds its forward star. Throws one InputError listing every problem found. */
export function buildNetwork(spec: NetworkSpec, file?: string): Network {
  const issues: InputIssue[] = [];
  const at = file ? { file } : {};
  const n = spec.nodeCount;
  if (!Number.isInteger(n) || n < 1) {
    throw new InputError({
      code: "out-of-range",
      ...at,
      path: "nodeCount",
      expected: "a positive whole number",
      found: String(n),
    });
  }
  const m = spec.links.length;
  spec.links.forEach((link, i) => {
    for (const end of ["from", "to"] as const) {
      const v = link[end];
      if ((!Number.isInteger(v) || v < 0 || v >= n) && issues.length < MAX_ISSUES) {
        issues.push({
          code: "dangling-reference",
          ...at,
          path: `links[${i}].${end}`,
          expected: `a node index 0..${n - 1}`,
          found: String(v),
        });
      }
    }
    if (link.from === link.to && issues.length < MAX_ISSUES) {
      issues.push({
        code: "self-loop",
        ...at,
        path: `links[${i}]`,
        expected: "two different end nodes",
        found: `${link.from} → ${link.to}`,
      });
    }
    nonNegative(issues, file, `links[${i}].freeFlowTime`, link.freeFlowTime, "a free-flow time ≥ 0");
    nonNegative(issues, file, `links[${i}].b`, link.b, "b ≥ 0");
    nonNegative(issues, file, `links[${i}].power`, link.power, "a power ≥ 0");
    if (link.power > MAX_BPR_POWER && issues.length < MAX_ISSUES) {
      issues.push({
        code: "out-of-range",
        ...at,
        path: `links[${i}].power`,
        expected: `a power from 0 to ${MAX_BPR_POWER}`,
        found: String(link.power),
      });
    }
    nonNegative(issues, file, `links[${i}].length`, link.length ?? 0, "a length ≥ 0");
    nonNegative(issues, file, `links[${i}].toll`, link.toll ?? 0, "a toll ≥ 0");
    const constant = link.b === 0 || link.power === 0;
    if (!(link.capacity > 0 || (constant && link.capacity === 0)) && issues.length < MAX_ISSUES) {
      issues.push({
        code: "out-of-range",
        ...at,
        path: `links[${i}].capacity`,
        expected: "a positive capacity (0 only when b = 0 or power = 0)",
        found: String(link.capacity),
      });
    }
  });
  if (spec.noThrough !== undefined && spec.noThrough.length !== n) {
    issues.push({
      code: "out-of-range",
      ...at,
      path: "noThrough",
      expected: `one flag per node (${n})`,
      found: `${spec.noThrough.length}`,
    });
  }
  if (issues.length > 0) throw new InputError(issues);

  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const capacity = new Float64Array(m);
  const freeFlowTime = new Float64Array(m);
  const b = new Float64Array(m);
  const power = new Float64Array(m);
  const length = new Float64Array(m);
  const toll = new Float64Array(m);
  spec.links.forEach((link, i) => {
    from[i] = link.from;
    to[i] = link.to;
    capacity[i] = link.capacity;
    freeFlowTime[i] = link.freeFlowTime;
    b[i] = link.b;
    power[i] = link.power;
    length[i] = link.length ?? 0;
    toll[i] = link.toll ?? 0;
  });
  const [outStart, outLink] = star(n, from);
  const [inStart, inLink] = star(n, to);
  const outHead = new Int32Array(m);
  for (let k = 0; k < m; k++) outHead[k] = to[outLink[k]!]!;
  const noThrough = new Uint8Array(n);
  spec.noThrough?.forEach((flag, i) => {
    noThrough[i] = flag ? 1 : 0;
  });
  return {
    nodeCount: n,
    linkCount: m,
    from,
    to,
    capacity,
    freeFlowTime,
    b,
    power,
    length,
    toll,
    outStart,
    outLink,
    outHead,
    inStart,
    inLink,
    closed: new Uint8Array(m),
    noThrough,
  };
}

/** Counting sort of links by one end node; stable, so links keep their spec order within a node. */
function star(n: number, end: Int32Array): [Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (let a = 0; a < end.length; a++) start[end[a]! + 1]!++;
  for (let u = 0; u < n; u++) start[u + 1]! += start[u]!;
  const next = start.slice(0, n);
  const list = new Int32Array(end.length);
  for (let a = 0; a < end.length; a++) list[next[end[a]!]!++] = a;
  return [start, list];
}

/** Converts a parsed TNTP net: ids become 0-based indices, zones below `<FIRST THRU NODE>` become no-through. */
export function networkFromTntp(net: TntpNet): Network {
  const noThrough = Array.from({ length: net.nodes }, (_, i) => i + 1 < net.firstThruNode);
  return buildNetwork(
    {
      nodeCount: net.nodes,
      noThrough,
      links: net.links.map((l) => ({
        from: l.from - 1,
        to: l.to - 1,
        capacity: l.capacity,
        freeFlowTime: l.freeFlowTime,
        b: l.b,
        power: l.power,
        length: l.length,
        toll: l.toll,
      })),
    },
    net.file,
  );
}

/** Index of the first link from → to (0-based nodes), or -1 when there is none. */
export function findLink(network: Network, from: number, to: number): number {
  if (from < 0 || from >= network.nodeCount) return -1;
  for (let k = network.outStart[from]!; k < network.outStart[from + 1]!; k++) {
    if (network.outHead[k] === to) return network.outLink[k]!;
  }
  return -1;
}

/** Closes (removes from routing) or reopens a link. Solvers notice on their next solve. */
export function setLinkClosed(network: Network, link: number, closed: boolean): void {
  if (!Number.isInteger(link) || link < 0 || link >= network.linkCount) {
    throw new InputError({
      code: "out-of-range",
      path: "link",
      expected: `a link index 0..${network.linkCount - 1}`,
      found: String(link),
    });
  }
  network.closed[link] = closed ? 1 : 0;
}
