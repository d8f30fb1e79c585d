/**
 * Seeded synthetic test networks for benchmarks and tests: a jittered grid of two-way streets (every
 * fourth row and column an arterial), random two-way express links between nearby junctions, and zone
 * centroids (no-through nodes, numbered first as in TNTP files) tied to their nearest junctions by
 * constant-cost connectors. Demand follows a gravity model, scaled so that the free-flow
 * all-or-nothing load reaches a chosen mean volume/capacity ratio on the loaded streets.
 */
import { allOrNothing } from "./all-or-nothing.js";
import { buildDemand, type Demand, type DemandEntry } from "./demand.js";
import { ShortestPathWorkspace } from "./dijkstra.js";
import { buildNetwork, type LinkSpec, type Network, type NetworkSpec } from "./graph.js";

export interface GridNetworkOptions {
  /** Default 1. The same seed gives the same network and demand. */
  seed?: number;
  /** Junction rows and columns. Defaults 24 × 25 (600 junctions). */
  rows?: number;
  columns?: number;
  /** Zone centroids. Default 400. */
  zones?: number;
  /** Random two-way express links. Default 150. */
  expressLinks?: number;
  /** Junctions each centroid connects to. Default 2. */
  connectorsPerZone?: number;
  /** Destinations per origin, nearest-weighted by the gravity model; default all other zones. */
  destinationsPerOrigin?: number;
  /** Mean volume/capacity of loaded streets under free-flow all-or-nothing. Default 1. */
  congestion?: number;
}

export interface GeneratedNetwork {
  spec: NetworkSpec;
  network: Network;
  demand: Demand;
  /** x, y per node (grid units). */
  coordinates: Float64Array;
  zones: number;
}

/** xorshift128 (Marsaglia 2003, "Xorshift RNGs", J. Stat. Software 8(14)), seeded through a splitmix-style hash. */
export function createRandom(seed: number): () => number {
  let h = (seed | 0) ^ 0x9e3779b9;
  const next32 = () => {
    h = (h + 0x6d2b79f5) | 0;
    let z = h;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return (z ^ (z >>> 14)) >>> 0;
  };
  let x = next32() || 1;
  let y = next32();
  let z = next32();
  let w = next32();
  return () => {
    const t = x ^ (x << 11);
    x = y;
    y = z;
    z = w;
    w = (w ^ (w >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    return w / 4294967296;
  };
}

export function generateGridNetwork(options: GridNetworkOptions = {}): GeneratedNetwork {
  const rows = options.rows ?? 24;
  const columns = options.columns ?? 25;
  const zones = options.zones ?? 400;
  const expressLinks = options.expressLinks ?? 150;
  const connectorsPerZone = options.connectorsPerZone ?? 2;
  const congestion = options.congestion ?? 1;
  const random = createRandom(options.seed ?? 1);
  const junctions = rows * columns;
  const nodeCount = zones + junctions;
  const coordinates = new Float64Array(2 * nodeCount);
  const junction = (r: number, c: number) => zones + r * columns + c;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const v = junction(r, c);
      coordinates[2 * v] = c + 0.6 * (random() - 0.5);
      coordinates[2 * v + 1] = r + 0.6 * (random() - 0.5);
    }
  }
  const distance = (u: number, v: number) =>
    Math.hypot(coordinates[2 * u]! - coordinates[2 * v]!, coordinates[2 * u + 1]! - coordinates[2 * v + 1]!);
  const links: LinkSpec[] = [];
  // Two-way road; speed in grid units per minute, capacity in vehicles per period.
  const road = (u: number, v: number, speed: number, capacity: number) => {
    const length = distance(u, v);
    const cap = capacity * (0.8 + 0.4 * random());
    for (const [a, b] of [
      [u, v],
      [v, u],
    ] as const) {
      links.push({
        from: a,
        to: b,
        capacity: cap,
        freeFlowTime: length / speed,
        b: 0.15,
        power: 4,
        length,
        toll: 0,
      });
    }
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (c + 1 < columns) {
        const arterial = r % 4 === 0;
        road(junction(r, c), junction(r, c + 1), arterial ? 1 : 0.6, arterial ? 3000 : 1200);
      }
      if (r + 1 < rows) {
        const arterial = c % 4 === 0;
        road(junction(r, c), junction(r + 1, c), arterial ? 1 : 0.6, arterial ? 3000 : 1200);
      }
    }
  }
  for (let added = 0; added < expressLinks; ) {
    const u = zones + Math.floor(random() * junctions);
    const v = zones + Math.floor(random() * junctions);
    const d = distance(u, v);
    if (u === v || d < 2 || d > 5) continue;
    road(u, v, 1.5, 4000);
    added++;
  }
  for (let z = 0; z < zones; z++) {
    coordinates[2 * z] = random() * (columns - 1);
    coordinates[2 * z + 1] = random() * (rows - 1);
    const nearest = nearestJunctions(z, zones, junctions, connectorsPerZone, distance);
    for (const v of nearest) {
      const length = distance(z, v);
      for (const [a, b] of [
        [z, v],
        [v, z],
      ] as const) {
        links.push({
          from: a,
          to: b,
          capacity: 0,
          freeFlowTime: length / 0.5,
          b: 0,
          power: 0,
          length,
          toll: 0,
        });
      }
    }
  }
  const noThrough = Array.from({ length: nodeCount }, (_, i) => i < zones);
  const spec: NetworkSpec = { nodeCount, links, noThrough };
  const network = buildNetwork(spec);
  const entries = gravityDemand(zones, options.destinationsPerOrigin ?? zones - 1, distance, random);
  const demand = buildDemand({ nodeCount, entries });
  scaleToCongestion(network, demand, congestion, zones);
  return { spec, network, demand, coordinates, zones };
}

function nearestJunctions(
  z: number,
  first: number,
  count: number,
  k: number,
  distance: (u: number, v: number) => number,
): number[] {
  const best: { v: number; d: number }[] = [];
  for (let v = first; v < first + count; v++) {
    const d = distance(z, v);
    if (best.length < k || d < best[best.length - 1]!.d) {
      best.push({ v, d });
      best.sort((a, b) => a.d - b.d);
      if (best.length > k) best.pop();
    }
  }
  return best.map((b) => b.v);
}

/** Trips ∝ Pᵢ·Pⱼ·exp(−dᵢⱼ/8) with random zone sizes P; the `perOrigin` largest pairs of each origin are kept. */
function gravityDemand(
  zones: number,
  perOrigin: number,
  distance: (u: number, v: number) => number,
  random: () => number,
): DemandEntry[] {
  const size = Array.from({ length: zones }, () => 0.2 + random() * random() * 4);
  const entries: DemandEntry[] = [];
  const row: DemandEntry[] = [];
  for (let o = 0; o < zones; o++) {
    row.length = 0;
    for (let d = 0; d < zones; d++) {
      if (d === o) continue;
      row.push({ origin: o, destination: d, demand: size[o]! * size[d]! * Math.exp(-distance(o, d) / 8) });
    }
    if (perOrigin < row.length) row.sort((a, b) => b.demand - a.demand);
    for (let i = 0; i < Math.min(perOrigin, row.length); i++) entries.push(row[i]!);
  }
  return entries;
}

/** Multiplies demand so that free-flow all-or-nothing gives mean volume/capacity `target` on loaded streets. */
function scaleToCongestion(network: Network, demand: Demand, target: number, zones: number): void {
  const cost = new Float64Array(network.linkCount);
  for (let a = 0; a < network.linkCount; a++) cost[a] = network.freeFlowTime[a]!;
  const flows = new Float64Array(network.linkCount);
  const ws = new ShortestPathWorkspace(network.nodeCount, network.linkCount);
  allOrNothing(network, demand, cost, ws, flows, new Float64Array(network.nodeCount));
  let sum = 0;
  let count = 0;
  for (let a = 0; a < network.linkCount; a++) {
    if (network.from[a]! < zones || network.to[a]! < zones || flows[a] === 0) continue;
    sum += flows[a]! / network.capacity[a]!;
    count++;
  }
  const factor = count > 0 && sum > 0 ? (target * count) / sum : 1;
  for (let k = 0; k < demand.pairCount; k++) demand.demand[k]! *= factor;
}
