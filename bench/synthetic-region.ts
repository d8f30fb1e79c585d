/**
 * A seeded synthetic region, as scenario data, for benchmarking the engine at sizes no real scenario
 * has: N nodes scattered over K countries on a lon/lat plane, a connected road network between near
 * neighbours, a few border crossings per pair of neighbouring countries, trade between cities, Hawkes
 * security zones around the crossings, one state per country with a relation to each neighbour, and
 * one policy per state that closes a crossing after a run of incidents and reopens it later, so that
 * closures happen and the equilibrium is re-solved during a run.
 *
 * Everything is drawn from named streams of `createStreams(seed, 0)`, one per concern, so the output is
 * a pure function of the options. The numbers are plausible orders of magnitude, not data.
 */
import { createStreams, type Random } from "../src/core/random/index.js";

export interface SyntheticRegionOptions {
  /** Fixes every draw. Default 1. */
  seed?: number;
  /** Nodes (cities, junctions and crossing sides). */
  nodes: number;
  /** Countries, at most 26 (codes XA … XZ, ISO 3166 user-assigned). */
  countries: number;
  /** Demand pairs (distinct origin–destination pairs of cities). */
  pairs: number;
  /** Security zones, at most two per crossing (one on each side). */
  zones: number;
  /** Scenario links plus crossings per node, each bidirectional. Default 2. */
  linksPerNode?: number;
  /** Crossings per pair of neighbouring countries, at most. Default 3. */
  crossingsPerBorder?: number;
  /** Share of nodes that are cities (demand zones), at least two per country. Default 0.25. */
  cityShare?: number;
}

/** The benchmark sizes: ~2 links per node; pairs and zones grow a little slower than nodes. */
export const REGION_SIZES = {
  small: { nodes: 50, countries: 4, pairs: 40, zones: 10 },
  medium: { nodes: 200, countries: 6, pairs: 100, zones: 20 },
  large: { nodes: 500, countries: 8, pairs: 200, zones: 40 },
} as const satisfies Record<string, SyntheticRegionOptions>;

export type RegionSize = keyof typeof REGION_SIZES;

/** Incidents in 30 days that make a state close its crossing, and closed days in 30 that reopen it. */
export const CLOSE_AFTER_INCIDENTS = 8;
export const REOPEN_AFTER_CLOSED_DAYS = 20;

/** Mean distance between neighbouring nodes, km: the plane grows with N so density stays the same. */
const SPACING_KM = 40;
const KM_PER_DEGREE = 111.32;
const ORIGIN = { lon: 60, lat: 30 };
/** Road length over straight-line distance. */
const CIRCUITY = 1.25;

interface Place {
  x: number;
  y: number;
  country: number;
}

type Data = Record<string, unknown>;

const round = (x: number, digits: number) => Number(x.toFixed(digits));
const pad = (i: number, width: number) => String(i).padStart(width, "0");
const countryCode = (c: number) => `X${String.fromCharCode(65 + c)}`;
const stateId = (c: number) => `state_${countryCode(c).toLowerCase()}`;

/** Scenario data (as a file would hold it) for a synthetic region; pass it to `validateScenario`. */
export function syntheticRegion(options: SyntheticRegionOptions): Data {
  const seed = options.seed ?? 1;
  const n = options.nodes;
  const k = options.countries;
  if (!(Number.isInteger(n) && Number.isInteger(k) && k >= 2 && k <= 26 && n >= 4 * k)) {
    throw new RangeError(
      `syntheticRegion: expected 2–26 countries and at least 4 nodes per country, found ${n} nodes, ${k} countries`,
    );
  }
  const streams = createStreams(seed, 0);
  const places = scatter(n, k, streams.stream("region/places"));
  const dist = (a: number, b: number) => Math.hypot(places[a]!.x - places[b]!.x, places[a]!.y - places[b]!.y);

  // Roads: a spanning tree inside each country keeps domestic trade possible when borders close.
  const edges = new Set<string>();
  const key = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);
  const roads: [number, number][] = [];
  const addRoad = (a: number, b: number) => {
    if (edges.has(key(a, b))) return;
    edges.add(key(a, b));
    roads.push([a, b]);
  };
  for (let c = 0; c < k; c++) {
    const members = places.flatMap((p, i) => (p.country === c ? [i] : []));
    for (const [a, b] of spanningTree(members, dist)) addRoad(a, b);
  }

  // Borders and crossings: neighbouring countries get up to `crossingsPerBorder` crossings between
  // their closest nodes, spread along the border.
  const borders = neighbouringCountries(places, k, dist);
  const crossings: { a: number; b: number; border: [number, number] }[] = [];
  const usedEnds = new Set<number>();
  for (const [ca, cb] of borders) {
    const candidates: [number, number, number][] = [];
    places.forEach((p, a) => {
      if (p.country !== ca) return;
      places.forEach((q, b) => {
        if (q.country === cb) candidates.push([a, b, dist(a, b)]);
      });
    });
    candidates.sort((x, y) => x[2] - y[2]);
    const chosen: [number, number][] = [];
    for (const [a, b] of candidates) {
      if (chosen.length >= (options.crossingsPerBorder ?? 3)) break;
      if (usedEnds.has(a) || usedEnds.has(b)) continue;
      if (chosen.some(([a2]) => dist(a, a2) < 1.5 * SPACING_KM)) continue;
      chosen.push([a, b]);
      usedEnds.add(a);
      usedEnds.add(b);
      edges.add(key(a, b));
    }
    for (const [a, b] of chosen) crossings.push({ a, b, border: [ca, cb] });
  }

  // More roads between near neighbours in the same country, shortest first, up to the link budget.
  const budget = Math.round((options.linksPerNode ?? 2) * n) - crossings.length;
  const near: [number, number, number][] = [];
  places.forEach((p, a) => {
    const others = places
      .map((q, b) => ({ b, d: dist(a, b), same: q.country === p.country }))
      .filter((o) => o.same && o.b !== a)
      .sort((x, y) => x.d - y.d)
      .slice(0, 6);
    for (const { b, d } of others) near.push([a, b, d]);
  });
  near.sort((x, y) => x[2] - y[2]);
  for (const [a, b] of near) {
    if (roads.length >= budget) break;
    addRoad(a, b);
  }

  // Cities: at least two per country, then the rest at random.
  const cityRandom = streams.stream("region/cities");
  const isCity = new Uint8Array(n);
  const cityTarget = Math.max(2 * k, Math.round((options.cityShare ?? 0.25) * n));
  for (let c = 0; c < k; c++) {
    const members = places.flatMap((p, i) => (p.country === c ? [i] : []));
    shuffle(members, cityRandom);
    for (const i of members.slice(0, 2)) isCity[i] = 1;
  }
  const order = shuffle(
    Array.from({ length: n }, (_, i) => i),
    cityRandom,
  );
  let cityCount = isCity.reduce((sum, v) => sum + v, 0);
  for (const i of order) {
    if (cityCount >= cityTarget) break;
    if (isCity[i] === 0) cityCount += 1;
    isCity[i] = 1;
  }
  const cities = order.filter((i) => isCity[i] === 1).sort((a, b) => a - b);

  const nodeId = (i: number) => `n${pad(i + 1, 3)}`;
  const crossingEnd = new Set(crossings.flatMap((x) => [x.a, x.b]));
  const nodes = places.map((p, i) => ({
    id: nodeId(i),
    name: `${isCity[i] ? "City" : crossingEnd.has(i) ? "Border post" : "Junction"} ${i + 1} (${countryCode(p.country)})`,
    kind: isCity[i] ? "city" : crossingEnd.has(i) ? "crossing-side" : "junction",
    country: countryCode(p.country),
    lon: round(ORIGIN.lon + p.x / (KM_PER_DEGREE * Math.cos((ORIGIN.lat * Math.PI) / 180)), 4),
    lat: round(ORIGIN.lat + p.y / KM_PER_DEGREE, 4),
    ...(isCity[i] ? { zone: true } : {}),
  }));

  const linkRandom = streams.stream("region/links");
  const links: Data[] = roads.map(([a, b], i) => {
    const km = dist(a, b) * CIRCUITY;
    const speed = linkRandom.uniform(50, 80);
    return {
      id: `road_${pad(i + 1, 4)}`,
      from: nodeId(a),
      to: nodeId(b),
      mode: "road",
      lengthKm: round(km, 1),
      freeFlowHours: round(km / speed, 2),
      capacityVehPerDay: 100 * Math.round(linkRandom.uniform(30, 80)),
    };
  });
  const crossingIds = crossings.map(
    (x, i) =>
      `gate_${countryCode(x.border[0]).toLowerCase()}_${countryCode(x.border[1]).toLowerCase()}_${i + 1}`,
  );
  const crossingData: Data[] = crossings.map((x, i) => ({
    id: crossingIds[i],
    name: `Gate ${i + 1} (${countryCode(x.border[0])}–${countryCode(x.border[1])})`,
    from: nodeId(x.a),
    to: nodeId(x.b),
    capacityVehPerDay: 100 * Math.round(linkRandom.uniform(6, 20)),
    processingHours: round(linkRandom.uniform(1, 6), 1),
    feeUsd: Math.round(linkRandom.uniform(5, 40)),
  }));

  // Security zones around crossings: first one side of every crossing, then the other sides.
  const zoneRandom = streams.stream("region/zones");
  const sides = shuffle(
    crossings.map((x, i) => ({ crossing: i, node: zoneRandom.next() < 0.5 ? x.a : x.b })),
    zoneRandom,
  );
  sides.push(
    ...sides.map((s) => ({
      crossing: s.crossing,
      node: s.node === crossings[s.crossing]!.a ? crossings[s.crossing]!.b : crossings[s.crossing]!.a,
    })),
  );
  if (options.zones > sides.length) {
    throw new RangeError(
      `syntheticRegion: at most ${sides.length} zones fit ${crossings.length} crossings, found ${options.zones}`,
    );
  }
  const zoneCentres = sides.slice(0, options.zones);
  const zones = zoneCentres.map((centre, z) => {
    const country = places[centre.node]!.country;
    const x = crossings[centre.crossing]!;
    const other = x.border[0] === country ? x.border[1] : x.border[0];
    const mu = zoneRandom.uniform(0.05, 0.3);
    const branching = zoneRandom.uniform(0.3, 0.5);
    const decay = zoneRandom.uniform(0.2, 1);
    const sanctuary = zoneRandom.next() < 0.5;
    const share = zoneRandom.uniform(0.2, 0.6);
    return {
      id: `zone_${pad(z + 1, 2)}`,
      name: `Border area ${z + 1} (${countryCode(country)} side of ${crossingIds[centre.crossing]})`,
      country: countryCode(country),
      baselinePerDay: round(mu, 3),
      excitationPerDay: round(branching * decay, 3),
      decayPerDay: round(decay, 3),
      ...(sanctuary ? { sanctuary: { actor: stateId(other), share: round(share, 2) } } : {}),
      linkHitProbability: 0.05,
    };
  });
  // A crossing belongs to the first zone centred on it; a road to the nearest zone centre of its own
  // country within one spacing of its midpoint.
  zoneCentres.forEach((centre, z) => {
    crossingData[centre.crossing]!["zone"] ??= zones[z]!.id;
  });
  roads.forEach(([a, b], i) => {
    const mx = (places[a]!.x + places[b]!.x) / 2;
    const my = (places[a]!.y + places[b]!.y) / 2;
    let best = -1;
    let bestDistance = SPACING_KM;
    zoneCentres.forEach((centre, z) => {
      const p = places[centre.node]!;
      const d = Math.hypot(p.x - mx, p.y - my);
      if (p.country === places[a]!.country && d < bestDistance) {
        best = z;
        bestDistance = d;
      }
    });
    if (best >= 0) links[i]!["zone"] = zones[best]!.id;
  });

  // Trade: three quarters across a border, the rest domestic; owned by the origin's state.
  const demandRandom = streams.stream("region/demand");
  const pairKeys = new Set<string>();
  const demand: Data[] = [];
  for (let attempt = 0; demand.length < options.pairs && attempt < 100 * options.pairs; attempt++) {
    const o = cities[demandRandom.int(cities.length)]!;
    const d = cities[demandRandom.int(cities.length)]!;
    const crossBorder = demandRandom.next() < 0.75;
    if (o === d || (places[o]!.country !== places[d]!.country) !== crossBorder || pairKeys.has(`${o},${d}`))
      continue;
    pairKeys.add(`${o},${d}`);
    demand.push({
      origin: nodeId(o),
      destination: nodeId(d),
      vehiclesPerDay: Math.round(demandRandom.uniform(20, 200)),
      valueUsdPerVehicle: 1000 * Math.round(demandRandom.uniform(5, 40)),
      perishable: demandRandom.next() < 0.3,
      growthPerYear: round(demandRandom.uniform(0, 0.05), 3),
      owner: stateId(places[o]!.country),
    });
  }
  if (demand.length < options.pairs) {
    throw new RangeError(
      `syntheticRegion: only ${demand.length} of ${options.pairs} distinct city pairs found; add nodes or cities`,
    );
  }

  // States, their relations with each neighbour, and one policy each: close the crossing nearest the
  // busiest zone on its borders after a run of incidents there, reopen it after most of a month shut.
  const relationRandom = streams.stream("region/relations");
  const expectedIncidents = (z: number) =>
    zones[z]!.baselinePerDay / (1 - zones[z]!.excitationPerDay / zones[z]!.decayPerDay);
  const actors: Data[] = [];
  const policies: Data[] = [];
  for (let c = 0; c < k; c++) {
    let zone = -1;
    zoneCentres.forEach((centre, z) => {
      if (!crossings[centre.crossing]!.border.includes(c)) return;
      if (zone < 0 || expectedIncidents(z) > expectedIncidents(zone)) zone = z;
    });
    const policyId = `policy_${countryCode(c).toLowerCase()}`;
    actors.push({
      id: stateId(c),
      name: `State ${countryCode(c)}`,
      kind: "state",
      country: countryCode(c),
      ...(zone >= 0 ? { policy: policyId } : {}),
    });
    if (zone < 0) continue;
    const zoneId = zones[zone]!.id;
    const gate = crossingIds[zoneCentres[zone]!.crossing]!;
    policies.push({
      id: policyId,
      actor: stateId(c),
      description: `Close ${gate} after a run of incidents in ${zoneId}; reopen it after most of a month shut.`,
      rules: [
        `when incidents(${zoneId}, 30) >= ${CLOSE_AFTER_INCIDENTS} then close(${gate})`,
        `when closed_days(${gate}, 30) >= ${REOPEN_AFTER_CLOSED_DAYS} then open(${gate})`,
      ],
    });
  }
  const relations = borders.map(([a, b]) => ({
    a: stateId(a),
    b: stateId(b),
    trustAB: round(relationRandom.uniform(0.3, 0.7), 2),
    trustBA: round(relationRandom.uniform(0.3, 0.7), 2),
  }));

  return {
    name: `Synthetic region (${n} nodes, ${k} countries, seed ${seed})`,
    description:
      "Generated by bench/synthetic-region.ts for the engine benchmark: made-up countries, roads, trade and security zones.",
    start: "2025-01-01",
    generalizedCost: { valueOfTimeUsdPerHour: 15, costPerKmUsd: 0.8 },
    nodes,
    links,
    crossings: crossingData,
    demand,
    zones,
    actors,
    policies,
    relations,
  };
}

/** The region of a named benchmark size. */
export function syntheticRegionOfSize(size: RegionSize, seed = 1): Data {
  return syntheticRegion({ ...REGION_SIZES[size], seed });
}

/**
 * Node positions (km on a square whose area grows with n) and countries. Country seats are picked
 * among the nodes by best-candidate sampling (Mitchell 1991) so they spread out; every node belongs to
 * the country of the nearest seat, which makes countries Voronoi cells.
 */
function scatter(n: number, k: number, random: Random): Place[] {
  const side = Math.sqrt(n) * SPACING_KM;
  const points: { x: number; y: number }[] = [];
  const minimum = 0.4 * SPACING_KM;
  while (points.length < n) {
    let x = 0;
    let y = 0;
    for (let tries = 0; tries < 20; tries++) {
      x = random.uniform(0, side);
      y = random.uniform(0, side);
      if (points.every((p) => Math.hypot(p.x - x, p.y - y) >= minimum)) break;
    }
    points.push({ x, y });
  }
  const seats: number[] = [random.int(n)];
  while (seats.length < k) {
    let best = -1;
    let bestDistance = -1;
    for (let tries = 0; tries < 10; tries++) {
      const candidate = random.int(n);
      const p = points[candidate]!;
      const d = Math.min(...seats.map((s) => Math.hypot(points[s]!.x - p.x, points[s]!.y - p.y)));
      if (d > bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (!seats.includes(best)) seats.push(best);
  }
  return points.map((p) => {
    let country = 0;
    seats.forEach((s, c) => {
      const d = Math.hypot(points[s]!.x - p.x, points[s]!.y - p.y);
      if (d < Math.hypot(points[seats[country]!]!.x - p.x, points[seats[country]!]!.y - p.y)) country = c;
    });
    return { ...p, country };
  });
}

/** Prim's minimum spanning tree over `members` (Prim 1957); O(m²), fine at benchmark sizes. */
function spanningTree(members: number[], dist: (a: number, b: number) => number): [number, number][] {
  if (members.length < 2) return [];
  const inTree = new Uint8Array(members.length);
  const best = new Float64Array(members.length).fill(Number.POSITIVE_INFINITY);
  const parent = new Int32Array(members.length).fill(-1);
  const out: [number, number][] = [];
  best[0] = 0;
  for (let step = 0; step < members.length; step++) {
    let u = -1;
    for (let i = 0; i < members.length; i++) if (!inTree[i] && (u < 0 || best[i]! < best[u]!)) u = i;
    inTree[u] = 1;
    if (parent[u]! >= 0) out.push([members[parent[u]!]!, members[u]!]);
    for (let i = 0; i < members.length; i++) {
      const d = dist(members[u]!, members[i]!);
      if (!inTree[i] && d < best[i]!) {
        best[i] = d;
        parent[i] = u;
      }
    }
  }
  return out;
}

/**
 * Pairs of countries that share a border: at least two nodes of one whose nearest foreign node lies in
 * the other within two spacings, plus the pairs that join all countries into one (a spanning tree on
 * the closest distance between countries), so every country can trade with every other.
 */
function neighbouringCountries(
  places: Place[],
  k: number,
  dist: (a: number, b: number) => number,
): [number, number][] {
  const closest = Array.from({ length: k }, () => new Float64Array(k).fill(Number.POSITIVE_INFINITY));
  const touching = Array.from({ length: k }, () => new Int32Array(k));
  places.forEach((p, a) => {
    let nearest = -1;
    places.forEach((q, b) => {
      if (q.country === p.country) return;
      const d = dist(a, b);
      if (d < closest[p.country]![q.country]!) closest[p.country]![q.country] = d;
      if (nearest < 0 || d < dist(a, nearest)) nearest = b;
    });
    if (nearest >= 0 && dist(a, nearest) < 2 * SPACING_KM)
      touching[p.country]![places[nearest]!.country]! += 1;
  });
  const pairs = new Set<string>();
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) if (touching[a]![b]! + touching[b]![a]! >= 2) pairs.add(`${a},${b}`);
  }
  const countries = Array.from({ length: k }, (_, c) => c);
  const between = (a: number, b: number) => Math.min(closest[a]![b]!, closest[b]![a]!);
  for (const [a, b] of spanningTree(countries, between)) pairs.add(a < b ? `${a},${b}` : `${b},${a}`);
  return [...pairs]
    .map((s) => s.split(",").map(Number) as [number, number])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** Fisher–Yates shuffle in place (Knuth, TAOCP vol. 2, algorithm P); returns the array. */
function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
