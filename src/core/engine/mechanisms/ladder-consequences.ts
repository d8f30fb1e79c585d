/**
 * The ladder has consequences. While a pair of states is at strikes or clashes:
 *   - casualties: Poisson(|s|·f_rung) deaths a day, booked to one of the pair's border zones;
 *   - the groups struck respond: the baseline of the sanctuary zones between them changes by
 *     a_z = s·c·μ_z·(1 − share·e), up (provocation, s > 0) or down (deterrence, s < 0);
 *   - at clashes, the pair's open crossings close with daily probability |s|·p, and reopen once the
 *     pair is back at normal or in a ceasefire.
 * Whether force provokes or deters is disputed (Lyall 2009, "Does indiscriminate violence incite
 * insurgent attacks?", J. Conflict Resolution 53(3), finds shelling reduced attacks; Jaeger &
 * Paserman 2008, AER 98(4), find mixed responses), hence a strength of either sign.
 */
import { defineMechanism } from "../mechanism.js";
import { crossingsBetween, ownBaseline } from "../queries.js";
import { CROSSING_CLOSED, CROSSING_OPEN } from "../world.js";

interface PairState {
  relation: number;
  crossings: number[];
  /** Zones that take the casualties (the pair's border zones), and the sanctuary zones between them. */
  borderZones: number[];
  sanctuaryZones: number[];
  closedByLadder: Set<number>;
  deaths: number;
}

export const ladderConsequencesMechanism = defineMechanism({
  key: "ladderConsequences",
  events: ["ladder-casualties", "ladder-closure", "ladder-reopening", "baseline-change"],
  contributions: {
    incidents: "expected incidents added by provocation (negative: deterred), with Hawkes amplification",
    fatalities: "deaths from strikes and clashes",
    closures: "crossings closed by clashes",
  },
  init(world) {
    const { zones, actors } = world.model.scenario;
    const pairs: PairState[] = world.relations.map((r, relation) => {
      const crossings = crossingsBetween(world, r.a, r.b);
      const countries = [actors[r.a]!.country, actors[r.b]!.country];
      const sanctuaryZones = zones.flatMap((z, i) => {
        const host = z.sanctuary ? world.model.actorIndex.get(z.sanctuary.actor)! : -1;
        return (host === r.a || host === r.b) && countries.includes(z.country) ? [i] : [];
      });
      const crossingZones = crossings.flatMap((c) => {
        const zone = world.model.elements[world.model.crossingElement[c]!]!.zone;
        return zone >= 0 ? [zone] : [];
      });
      const borderZones = [...new Set(crossingZones.length > 0 ? crossingZones : sanctuaryZones)];
      return { relation, crossings, borderZones, sanctuaryZones, closedByLadder: new Set(), deaths: 0 };
    });
    return { pairs };
  },
  hooks: {
    start(ctx, state) {
      const { world, strength, entry } = ctx;
      // s·c, then ·μ_z: the same order as s·c·μ_z.
      const change = strength * entry.baselineChange;
      for (const p of state.pairs) {
        const rung = world.relations[p.relation]!.ladder.rung;
        if (rung !== "strikes" && rung !== "clashes") continue;
        for (const zone of p.sanctuaryZones) ctx.addBaseline(zone, change * ownBaseline(world, zone));
      }
    },
    incidents(ctx, state) {
      const { world, strength, entry } = ctx;
      for (const p of state.pairs) {
        const rung = world.relations[p.relation]!.ladder.rung;
        const rate =
          rung === "strikes"
            ? entry.fatalitiesPerDayStrikes
            : rung === "clashes"
              ? entry.fatalitiesPerDayClashes
              : 0;
        if (rate === 0 || p.borderZones.length === 0) continue;
        const deaths = ctx.random.poisson(Math.abs(strength) * rate);
        if (deaths === 0) continue;
        const zone = p.borderZones[p.borderZones.length === 1 ? 0 : ctx.random.int(p.borderZones.length)]!;
        world.fatalitiesToday[zone]! += deaths;
        world.fatalities[zone]!.set(world.day, world.fatalitiesToday[zone]!);
        ctx.contribute("fatalities", deaths);
        p.deaths += deaths;
        const r = world.relations[p.relation]!;
        const z = world.model.scenario.zones[zone]!;
        const before = ctx.movedSince(p.relation, p.deaths, 0, 10);
        if (before !== undefined)
          ctx.explain({
            kind: "ladder-casualties",
            actor: world.actorId(r.a),
            target: world.actorId(r.b),
            why: `deaths ~ Poisson(|s|·${rate}) a day at ${rung}`,
            values: {
              rung,
              "deaths today": deaths,
              "deaths so far": p.deaths,
              "deaths at last report": before,
            },
            text: `${rung} between ${world.actorId(r.a)} and ${world.actorId(r.b)} have killed ${p.deaths} people so far (${deaths} today, in ${z.name})`,
          });
      }
    },
    diplomacy(ctx, state) {
      const { world, strength, entry } = ctx;
      for (const p of state.pairs) {
        const r = world.relations[p.relation]!;
        const rung = r.ladder.rung;
        if (rung === "clashes") {
          const open = p.crossings.filter((c) => world.crossingStatus[c] !== CROSSING_CLOSED);
          if (open.length === 0) continue;
          if (ctx.random.next() >= Math.abs(strength) * entry.closurePerDayClashes) continue;
          for (const c of open) {
            world.setCrossingStatus(c, CROSSING_CLOSED);
            world.closedBy[c] = -1;
            p.closedByLadder.add(c);
          }
          ctx.contribute("closures", open.length);
          const pair = `${world.actorId(r.a)}–${world.actorId(r.b)}`;
          ctx.explain({
            kind: "ladder-closure",
            target: open.map((c) => world.model.scenario.crossings[c]!.id).join(", "),
            why: `daily closure probability |s|·p at clashes`,
            values: { "closure probability": Math.abs(strength) * entry.closurePerDayClashes },
            text: `fighting between ${pair} shut ${open.map((c) => world.model.scenario.crossings[c]!.name).join(", ")}`,
          });
        } else if ((rung === "normal" || rung === "ceasefire") && p.closedByLadder.size > 0) {
          const reopen = [...p.closedByLadder].filter(
            (c) => world.crossingStatus[c] === CROSSING_CLOSED && world.closedBy[c] === -1,
          );
          p.closedByLadder.clear();
          if (reopen.length === 0) continue;
          for (const c of reopen) world.setCrossingStatus(c, CROSSING_OPEN);
          const pair = `${world.actorId(r.a)}–${world.actorId(r.b)}`;
          ctx.explain({
            kind: "ladder-reopening",
            target: reopen.map((c) => world.model.scenario.crossings[c]!.id).join(", "),
            why: "the fighting that closed them has stopped",
            values: { rung },
            text: `${reopen.map((c) => world.model.scenario.crossings[c]!.name).join(", ")} reopened as ${pair} reached ${rung}`,
          });
        }
      }
    },
  },
});
