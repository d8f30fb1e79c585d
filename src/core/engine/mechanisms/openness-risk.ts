/**
 * Openness carries risk. Each open crossing adds to its zone's baseline in proportion to the traffic
 * through it that nothing screens:
 *
 *   a_z = s · r · Σ_{c in z} (x_c / 1000) · (1 − σ_c),   σ_c = 1 − Π_k (1 − d_k·q_k)
 *
 * with s the strength, r = incidentsPerThousandVehicles, x_c yesterday's vehicles/day through c (both
 * directions; 0 when closed, reduced when restricted), and σ_c the screening of the actants standing at
 * the crossing (detection d_k times completion q_k, combined as independent channels like monitors in
 * verification, Barlow & Proschan 1965). Interdiction (a fence) acts on the whole zone baseline, this
 * term included. Rationale: infiltration rises with cross-border movement and falls with the checks on
 * it; the rate is an assumption to be sampled (docs/ODD.md §7.13.1).
 */
import { defineMechanism } from "../mechanism.js";
import { activeActants } from "../queries.js";
import type { ActiveActant } from "../world.js";

export const opennessRiskMechanism = defineMechanism({
  key: "opennessRisk",
  events: ["baseline-change"],
  contributions: {
    incidents: "expected incidents caused by the openness term, with Hawkes amplification",
    unscreenedVehicles: "vehicle-days through open crossings that no actant screened, thousands",
  },
  init(world) {
    const crossings = world.model.crossingElement.flatMap((e, c) => {
      const el = world.model.elements[e]!;
      return el.zone >= 0 ? [{ crossing: c, zone: el.zone, links: el.links, miss: 1 }] : [];
    });
    const thresholds = world.model.scenario.zones.map((z) => Math.max(0.01, 0.1 * z.baselinePerDay));
    return {
      crossings,
      thresholds,
      added: new Float64Array(world.model.scenario.zones.length),
      /** The actants the crossings' `miss` = Π_k (1 − d_k·q_k) were computed for. */
      actants: undefined as ActiveActant[] | undefined,
    };
  },
  hooks: {
    start(ctx, state) {
      const { world, strength, entry } = ctx;
      const { flows } = world;
      // The list of actants in force is a new one only on the day it changes (queries.ts).
      const actants = activeActants(world);
      if (actants !== state.actants) {
        state.actants = actants;
        for (const c of state.crossings) {
          let miss = 1;
          for (const a of actants) if (a.crossing === c.crossing) miss *= 1 - a.detection * a.completion;
          c.miss = miss;
        }
      }
      // s·r, then ·unscreened: the same order as s·r·unscreened.
      const rate = strength * entry.incidentsPerThousandVehicles;
      state.added.fill(0);
      for (const { zone, links, miss } of state.crossings) {
        let flow = 0;
        for (const l of links) flow += flows[l]!;
        if (flow <= 0) continue;
        const unscreened = (flow / 1000) * miss;
        ctx.totals.unscreenedVehicles += unscreened;
        state.added[zone]! += rate * unscreened;
      }
      for (let zone = 0; zone < state.added.length; zone++) {
        const perDay = state.added[zone]!;
        if (perDay !== 0) ctx.addBaseline(zone, perDay);
        const before = ctx.movedSince(zone, perDay, 0, state.thresholds[zone]!);
        if (before !== undefined) {
          const z = world.model.scenario.zones[zone]!;
          ctx.explain({
            kind: "baseline-change",
            target: z.id,
            why: "a = s·r·Σ (flow/1000)·(1 − screening) over the zone's open crossings",
            values: { "added before (incidents/day)": before, "added now (incidents/day)": perDay },
            text: `openness of the crossings in ${z.name} adds ${perDay.toFixed(3)} incidents/day to its baseline (was ${before.toFixed(3)})`,
          });
        }
      }
    },
  },
});
