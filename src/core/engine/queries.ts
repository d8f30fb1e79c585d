/**
 * Read-only questions the steps, actions and mechanisms ask of the world: which actants are in force,
 * the effective incident baseline of a zone, who hosts an armed group's sanctuaries, how likely an act
 * is to be verified. They live apart from the steps so that no step imports an action and no action a
 * step.
 */
import { verificationProbability } from "../diplomacy/index.js";
import type { ActiveActant, World } from "./world.js";

/** Actors hosting the sanctuaries an armed group operates from. */
export function hostsOf(world: World, group: number): number[] {
  const id = world.actorId(group);
  const hosts = new Set<number>();
  for (const zone of world.model.scenario.zones) {
    if (zone.perpetrator === id && zone.sanctuary)
      hosts.add(world.model.actorIndex.get(zone.sanctuary.actor)!);
  }
  return [...hosts];
}

/**
 * Effective baseline μ of a zone today: (μ·(1 − share·enforcement) + a)·Π(1 − interdiction·completion),
 * with a the incidents/day the active mechanisms add today (World.modifiers.baselineAdd, 0 without
 * them), never below 0. Records the actants' product in World.zoneScale for the mechanisms' accounts.
 */
export function effectiveBaseline(world: World, zone: number): number {
  const z = world.model.scenario.zones[zone]!;
  let mu = z.baselinePerDay;
  if (z.sanctuary) mu *= 1 - z.sanctuary.share * world.enforcement[world.model.zoneHost[zone]!]!;
  mu += world.modifiers.baselineAdd[zone]!;
  let scale = 1;
  const actants = activeActants(world);
  for (let i = 0; i < actants.length; i++) {
    const actant = actants[i]!;
    if (actant.zone !== zone) continue;
    mu *= 1 - actant.interdiction * actant.completion;
    scale *= 1 - actant.interdiction * actant.completion;
  }
  world.zoneScale[zone] = scale;
  return Math.max(0, mu);
}

/** Actants in force today, with the zone (and crossing) each acts on. */
export function activeActants(world: World): ActiveActant[] {
  // The list changes only on the day an actant takes effect: keep it until the next such day.
  const cache = world.actantCache;
  if (world.day >= cache.day && world.day < cache.until) return cache.list;
  const { scenario, zoneIndex, actantSinceDay } = world.model;
  const out: ActiveActant[] = [];
  let until = Number.POSITIVE_INFINITY;
  for (const since of actantSinceDay) if (since > world.day) until = Math.min(until, since);
  world.actantCache = { day: world.day, until, list: out };
  scenario.actants.forEach((a, index) => {
    if (actantSinceDay[index]! > world.day) return;
    const crossing = scenario.crossings.findIndex((c) => c.id === a.at);
    const zoneId = crossing >= 0 ? scenario.crossings[crossing]!.zone : a.at;
    out.push({
      index,
      zone: zoneId === undefined ? -1 : (zoneIndex.get(zoneId) ?? -1),
      crossing,
      owner: a.owner === undefined ? -1 : (world.model.actorIndex.get(a.owner) ?? -1),
      interdiction: a.interdiction,
      detection: a.detection,
      completion: a.completion,
    });
  });
  return out;
}

/** Expected incidents per unit of a zone's baseline, 1/(1 − α/β): the Hawkes cluster size (Hawkes 1971). */
export function hawkesAmplification(world: World, zone: number): number {
  const z = world.model.scenario.zones[zone]!;
  return 1 / (1 - z.excitationPerDay / z.decayPerDay);
}

/**
 * Probability that an act between two actors is verified today, counting monitors (unless
 * `monitors` is false) and detection in `zone`.
 */
export function verificationOf(world: World, a: number, b: number, zone = -1, monitors = true): number {
  const relation = world.relation(a, b);
  // Independent chances of detection (diplomacy/verification.ts), multiplied in the same order as
  // verificationProbability does, without building the list: this runs several times a day.
  let miss = 1 - (relation?.verification ?? 0);
  let any = false;
  // (The monitors iterated only while one still watches, and plain index loops: these run for every
  // incident and act, and their iterators were a good part of a run's garbage.)
  if (relation && monitors && relation.monitoredUntil >= world.day) {
    for (const [monitor, until] of relation.monitors) {
      if (until < world.day) continue;
      miss *=
        1 - Math.max(world.model.scenario.actors[monitor]!.monitorStrength, world.modifiers.monitorFloor);
      any = true;
    }
  }
  if (zone >= 0) {
    const actants = activeActants(world);
    for (let i = 0; i < actants.length; i++) {
      const actant = actants[i]!;
      if (actant.zone !== zone || !(actant.detection > 0)) continue;
      miss *= 1 - actant.detection * actant.completion;
      any = true;
    }
  }
  // Without detection the probability is the relation's own, checked as the diplomacy layer checks it.
  return any ? 1 - miss : verificationProbability(relation?.verification ?? 0);
}

/** Sanctuaries: each (host, victim) pair of states with the zones the host's territory sustains in the victim's. */
export function sanctuaryPairs(world: World): { host: number; victim: number; zones: number[] }[] {
  const out: { host: number; victim: number; zones: number[] }[] = [];
  world.model.scenario.zones.forEach((z, zone) => {
    if (!z.sanctuary) return;
    const host = world.model.actorIndex.get(z.sanctuary.actor)!;
    const victim = world.stateOf(z.country);
    if (victim < 0 || victim === host) return;
    let pair = out.find((p) => p.host === host && p.victim === victim);
    if (!pair) {
      pair = { host, victim, zones: [] };
      out.push(pair);
    }
    pair.zones.push(zone);
  });
  return out;
}

/** A zone's own baseline today, before the mechanisms' terms and actants: μ·(1 − share·enforcement). */
export function ownBaseline(world: World, zone: number): number {
  const z = world.model.scenario.zones[zone]!;
  if (!z.sanctuary) return z.baselinePerDay;
  return z.baselinePerDay * (1 - z.sanctuary.share * world.enforcement[world.model.zoneHost[zone]!]!);
}

/** −μ·share: how a zone's own baseline moves per unit of its sanctuary host's enforcement (0 without one). */
export function enforcementSlope(world: World, zone: number): number {
  const z = world.model.scenario.zones[zone]!;
  return -z.baselinePerDay * (z.sanctuary?.share ?? 0);
}

/** Scenario crossings between the territories of two states (either direction). */
export function crossingsBetween(world: World, a: number, b: number): number[] {
  const { actors } = world.model.scenario;
  const ca = actors[a]?.country;
  const cb = actors[b]?.country;
  if (!ca || !cb) return [];
  return world.model.crossingElement.flatMap((e, c) => {
    const el = world.model.elements[e]!;
    return (el.fromCountry === ca && el.toCountry === cb) || (el.fromCountry === cb && el.toCountry === ca)
      ? [c]
      : [];
  });
}
