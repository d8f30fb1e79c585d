/**
 * Incidents: each security zone draws the day's events from its Hawkes process (exact thinning,
 * security/hawkes-simulate.ts) with a baseline shrunk by the sanctuary host's enforcement and by
 * interdiction actants; each event gets heavy-tailed fatalities, may damage a link in the zone, and
 * is attributed to the sanctuary host when verified.
 */
import { hawkesStep } from "../../security/index.js";
import type { LateEvent, NewEvent } from "../events.js";
import { effectiveBaseline, hostsOf, verificationOf } from "../queries.js";
import type { World } from "../world.js";

/** Event times drawn by the Hawkes steps, appended day after day; only their count is read. */
const buffer: number[] = [];

/**
 * Records one incident: damage, attribution, log. Returns whether it was logged as an event of its own
 * (major, damaging or forced ones are); the others are logged as a daily count per zone.
 */
export function recordIncident(
  world: World,
  zone: number,
  fatalities: number,
  forcedHost = -1,
  note?: string,
): boolean {
  const z = world.model.scenario.zones[zone]!;
  world.incidentsToday[zone]! += 1;
  world.fatalitiesToday[zone]! += fatalities;
  const major = fatalities >= z.majorFatalities;

  // Damage to a link or crossing in the zone.
  let hit = "";
  const streams = world.zoneStreams(zone);
  if (streams.damage.next() < z.linkHitProbability) {
    const candidates = world.model.zoneElements[zone]!;
    if (candidates.length > 0) {
      const element = candidates[streams.damage.int(candidates.length)]!;
      world.damagedUntil[element] = world.day + z.damageDays - 1;
      world.damageShare[element] = z.damageShare;
      world.linkHitsTotal[zone]! += 1;
      hit = world.model.elements[element]!.id;
    }
  }

  // Attribution to the sanctuary host, when the act is verified.
  const victim = world.model.zoneVictim[zone]!;
  // A forced attack attributed to an armed group is laid at the door of the state hosting its sanctuary.
  let named = forcedHost;
  if (named >= 0 && world.model.scenario.actors[named]!.kind !== "state") {
    named = hostsOf(world, named)[0] ?? world.model.zoneHost[zone]!;
  }
  const host = named >= 0 ? named : world.model.zoneHost[zone]!;
  let attributed = false;
  const judged = host >= 0 && victim >= 0 && host !== victim;
  let verification = 0;
  if (judged) {
    verification = named >= 0 ? 1 : verificationOf(world, victim, host, zone);
    attributed = named >= 0 || streams.attribution.next() < verification;
    // Only a major attack, once attributed, is a hostile act that moves trust and the ladder: the
    // daily run of small incidents is the background both sides already expect.
    if (attributed && major) {
      world.act({
        from: host,
        to: victim,
        kind: "hostile",
        cause: 0,
        what: `major incident in ${z.id} attributed to ${world.actorId(host)}`,
        verified: true,
      });
      const relation = world.relation(victim, host);
      if (relation) relation.attributedToday += 1;
    }
  }
  if (major || hit !== "" || note !== undefined) {
    // The values that fired it, built only for an incident logged on its own (most are counted).
    const values: Record<string, number | string | boolean> = { fatalities };
    if (hit !== "") {
      values["capacity lost"] = z.damageShare;
      values["damage days"] = z.damageDays;
    }
    if (judged) {
      values["verification probability"] = verification;
      values.attributed = attributed;
    }
    const perpetrator = z.perpetrator ? ` by ${z.perpetrator}` : "";
    world.record({
      kind: "incident",
      ...(z.perpetrator ? { actor: z.perpetrator } : {}),
      target: hit || z.id,
      cause: note ?? `Hawkes incident process of zone ${z.id}`,
      values,
      text:
        `${major ? "Major incident" : "Incident"}${perpetrator} in ${z.name}: ${fatalities} killed` +
        (hit
          ? `; ${hit} damaged (${Math.round(100 * z.damageShare)} % of capacity lost for ${z.damageDays} days)`
          : "") +
        (attributed ? `; attributed to ${world.actorId(host)}` : ""),
    });
    return true;
  }
  return false;
}

/** Each world's builder of its minor-incident events (one function per world, as addLater asks). */
const builders = new WeakMap<World, LateEvent>();

function minorIncidentsOf(world: World): LateEvent {
  let build = builders.get(world);
  if (build === undefined) {
    const zones = world.model.scenario.zones;
    build = (zone, incidents, fatalities) => minorIncidents(zones[zone]!, incidents, fatalities);
    builders.set(world, build);
  }
  return build;
}

/** The cause of each zone's counted incidents, written once per zone rather than once a day. */
const processCause = new WeakMap<object, string>();

/** The day's count of minor incidents in a zone, as one event (the most frequent event of a run). */
function minorIncidents(
  z: World["model"]["scenario"]["zones"][number],
  incidents: number,
  fatalities: number,
): Omit<NewEvent, "day"> {
  let cause = processCause.get(z);
  if (cause === undefined) {
    cause = `Hawkes incident process of zone ${z.id}`;
    processCause.set(z, cause);
  }
  const values = { incidents, fatalities };
  const text = `${incidents} minor incident${incidents === 1 ? "" : "s"} in ${z.name} (${fatalities} killed), counted, not logged one by one`;
  // Two literals rather than a spread: the keys keep the log's order (kind, actor, target, …).
  const event: Omit<NewEvent, "day"> = z.perpetrator
    ? { kind: "minor-incidents", actor: z.perpetrator, target: z.id, cause, values, text }
    : { kind: "minor-incidents", target: z.id, cause, values, text };
  return event;
}

export function incidentsStep(world: World): void {
  const zones = world.model.scenario.zones;
  for (let zone = 0; zone < zones.length; zone++) {
    world.incidentsToday[zone] = 0;
    world.fatalitiesToday[zone] = 0;
  }
  for (let zone = 0; zone < zones.length; zone++) {
    const z = zones[zone]!;
    // Emptied only now and then: shrinking an array's length every day is a slow path.
    if (buffer.length > 1024) buffer.length = 0;
    const before = buffer.length;
    const mu = effectiveBaseline(world, zone);
    const streams = world.zoneStreams(zone);
    hawkesStep(world.hawkes[zone]!, mu, z.excitationPerDay, z.decayPerDay, streams.incidents, 1, buffer);
    const count = buffer.length - before;
    let unlogged = 0;
    let unloggedFatalities = 0;
    for (let i = 0; i < count; i++) {
      const fatalities = Math.floor(streams.fatalities.lomax(z.fatalityScale, z.fatalityShape));
      if (!recordIncident(world, zone, fatalities)) {
        unlogged++;
        unloggedFatalities += fatalities;
      }
    }
    // Minor incidents (not major, no damage) are the daily background: one event per zone and day
    // counts them, so the log accounts for every incident without listing each (docs/outputs.md).
    if (unlogged > 0) world.recordLater(minorIncidentsOf(world), zone, unlogged, unloggedFatalities);
  }
  for (const event of world.model.events) {
    if (event.day !== world.day || !event.incident || event.incident.zone < 0) continue;
    const { zone, fatalities, attributedTo } = event.incident;
    recordIncident(world, zone, fatalities, attributedTo, `forced event: ${event.note}`);
    // A forced attack also excites its zone's process, as a drawn one would.
    world.hawkes[zone]!.excitation += zones[zone]!.excitationPerDay;
  }
  for (let zone = 0; zone < zones.length; zone++) {
    world.incidents[zone]!.set(world.day, world.incidentsToday[zone]!);
    world.fatalities[zone]!.set(world.day, world.fatalitiesToday[zone]!);
  }
}
