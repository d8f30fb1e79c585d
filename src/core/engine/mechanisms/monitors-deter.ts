/**
 * Monitors make acts visible and deter. (1) Verification: an active monitor — a mediator after it
 * intervenes, or an invited monitor — detects acts with probability at least m = s·monitorStrength,
 * even when the scenario gives it no strength of its own (World.modifiers.monitorFloor). (2) Deterrence:
 * attacks the monitors make attributable cost the host more to tolerate, so it restrains the groups
 * on its soil as if its enforcement were higher by s·δ·Δv, with Δv the verification probability the
 * active monitors add for the zone's attacks:
 *
 *   a_z = −μ_z·share_z·(min(1, e_h + s·δ·Δv) − e_h)
 *
 * Monitoring missions raise the probability that violations are detected and attributed, and
 * attributable violations are costlier (Fortna 2003, "Scraps of paper? Agreements and the durability
 * of peace", International Organization 57(2): monitors and joint commissions make ceasefires more
 * durable); the default monitorStrength 0.3 is an assumption within the range given in af-pak.yaml.
 */
import { defineMechanism } from "../mechanism.js";
import { enforcementSlope, sanctuaryPairs, verificationOf } from "../queries.js";

export const monitorsDeterMechanism = defineMechanism({
  key: "monitorsDeter",
  events: ["deterrence-change"],
  contributions: {
    incidents: "expected incidents added by deterrence (negative: prevented), with Hawkes amplification",
    verificationAdded:
      "verification probability added by active monitors, summed over days and sanctuary zones",
  },
  init(world, entry) {
    world.modifiers.monitorFloor = Math.max(
      world.modifiers.monitorFloor,
      entry.strength * entry.monitorStrength,
    );
    const pairs = sanctuaryPairs(world).map(({ host, victim, zones }) => ({
      host,
      victim,
      relation: world.relation(victim, host),
      // Per zone what never changes: −μ_z·share_z, and the change worth logging.
      zones: zones.map((zone) => ({
        zone,
        baseline: enforcementSlope(world, zone),
        threshold: Math.max(0.01, 0.1 * world.model.scenario.zones[zone]!.baselinePerDay),
      })),
    }));
    return { pairs };
  },
  hooks: {
    start(ctx, state) {
      const { world, strength, entry } = ctx;
      // s·δ, then ·Δv: the same order as s·δ·Δv.
      const gain = strength * entry.deterrence;
      for (const { host, victim, relation, zones } of state.pairs) {
        // Without an active monitor both verifications multiply the same chances: Δv is exactly 0.
        const watched = relation !== undefined && relation.monitoredUntil >= world.day;
        for (const { zone, baseline, threshold } of zones) {
          const dv = watched
            ? verificationOf(world, victim, host, zone) - verificationOf(world, victim, host, zone, false)
            : 0;
          let perDay = 0;
          if (dv > 0) {
            ctx.totals.verificationAdded += dv;
            const e = world.enforcement[host]!;
            const de = Math.min(1, e + gain * dv) - e;
            perDay = baseline * de;
            if (perDay !== 0) ctx.addBaseline(zone, perDay);
          }
          const before = ctx.movedSince(zone, perDay, 0, threshold);
          if (before !== undefined) {
            const z = world.model.scenario.zones[zone]!;
            ctx.explain({
              kind: "deterrence-change",
              actor: world.actorId(host),
              target: z.id,
              why: "monitored attribution: a = −μ·share·(min(1, e + s·δ·Δv) − e)",
              values: {
                "verification added by monitors": dv,
                "baseline change before (incidents/day)": before,
                "baseline change now (incidents/day)": perDay,
              },
              text:
                perDay < 0
                  ? `monitors make attacks in ${z.name} attributable: ${world.actorId(host)} restrains them, ${(-perDay).toFixed(3)} incidents/day fewer`
                  : `no active monitor deters attacks in ${z.name} any more`,
            });
          }
        }
      }
    },
  },
});
