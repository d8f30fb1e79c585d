/**
 * Stake and restraint. The enforcement e_h of each state hosting a sanctuary is its own choice: every
 * day it moves toward a target set by its incentives and decays when they fade,
 *
 *   e_h ← e_h + (1 − 2^(−1/H))·(e*_h − e_h),
 *   e*_h = clip₀¹( e_h(0) + s·[ w_s·(D − D₀) + w_t·(T − T₀) + w_c·M_c + w_k·M_k + Σ_j w_j·(T_jh − ½) ] )
 *
 * with D the host's trade stake in the open corridor — the value of its trade crossing the victim
 * state's territory today as a share of all its trade on day 0, so closures cut it and growth raises
 * it — and T its trust in the victim, both against their day-0 values; M_c the remembered verified
 * cooperative acts between host and victim and M_k the remembered coercion episodes it complied with
 * (each with half-life memoryHalfLifeDays); and T_jh the trust of each actor j offering recognition or
 * aid tied to action. Partial adjustment toward a target is the standard form for a policy instrument
 * set under adjustment costs (e.g. the partial-adjustment model of Nerlove 1958); the weights are
 * assumptions with ranges. While active, it replaces the v0 rule that compliance adds
 * coercion.enforcementGain for good (World.modifiers.enforcementByCompliance): compliance enters as M_k
 * and fades.
 */
import { defineMechanism, halfLifeFactor } from "../mechanism.js";
import { enforcementSlope, hawkesAmplification, sanctuaryPairs } from "../queries.js";
import type { World } from "../world.js";

interface Host {
  host: number;
  victims: number[];
  zones: number[];
  /**
   * Its sanctuary zones with what the incidents term needs that never changes: −μ_z·share_z and the
   * Hawkes cluster size.
   */
  sanctuaries: { zone: number; baseline: number; amplification: number }[];
  e0: number;
  /** Value of its trade routed on day 0 (USD/day), and its stake then. */
  routed0: number;
  stake0: number;
  trust0: number;
  cooperation: number;
  coercion: number;
}

export const stakeRestraintMechanism = defineMechanism({
  key: "stakeRestraint",
  events: ["enforcement-change"],
  contributions: {
    incidents:
      "expected incidents added by the change of enforcement from its day-0 level (negative: prevented), with Hawkes amplification",
    enforcementChange:
      "sum of the daily changes of the hosts' enforcement (end minus start, summed over hosts)",
  },
  init(world, entry) {
    world.modifiers.enforcementByCompliance = false;
    const hosts: Host[] = [];
    for (const pair of sanctuaryPairs(world)) {
      let h = hosts.find((x) => x.host === pair.host);
      if (!h) {
        h = {
          host: pair.host,
          victims: [],
          zones: [],
          sanctuaries: [],
          e0: world.enforcement[pair.host]!,
          routed0: 0,
          stake0: 0,
          trust0: 0,
          cooperation: 0,
          coercion: 0,
        };
        hosts.push(h);
      }
      h.victims.push(pair.victim);
      h.zones.push(...pair.zones);
    }
    // Day-0 trade of each host (the warm-up equilibrium): what the stake is measured against.
    const routed0 = Float64Array.from(world.dependenceScratch.routed);
    for (const h of hosts) {
      h.sanctuaries = h.zones.map((zone) => ({
        zone,
        baseline: enforcementSlope(world, zone),
        amplification: hawkesAmplification(world, zone),
      }));
      h.routed0 = routed0[h.host]!;
      h.stake0 = stakeOf(world, h);
      h.trust0 = victimTrust(world, h);
    }
    const aid = entry.aid.map((a) => ({ from: world.model.actorIndex.get(a.from)!, weight: a.weight }));
    return {
      hosts,
      aid,
      adjust: 1 - halfLifeFactor(entry.halfLifeDays),
      memory: halfLifeFactor(entry.memoryHalfLifeDays),
    };
  },
  hooks: {
    incidents(ctx, state) {
      const { world } = ctx;
      for (const h of state.hosts) {
        const de = world.enforcement[h.host]! - h.e0;
        if (de === 0) continue;
        for (const z of h.sanctuaries)
          ctx.totals.incidents += z.baseline * de * world.zoneScale[z.zone]! * z.amplification;
      }
    },
    coercion(ctx, state) {
      const { world, strength, entry } = ctx;
      for (const h of state.hosts) {
        h.cooperation *= state.memory;
        h.coercion *= state.memory;
        for (const act of world.verifiedToday) {
          if (act.kind !== "cooperative") continue;
          const between =
            (act.from === h.host && h.victims.includes(act.to)) ||
            (act.to === h.host && h.victims.includes(act.from));
          if (between) h.cooperation += 1;
        }
        for (const c of world.compliedToday) if (c.target === h.host) h.coercion += 1;
        const stake = stakeOf(world, h) - h.stake0;
        const trust = victimTrust(world, h) - h.trust0;
        let aid = 0;
        for (const a of state.aid) aid += a.weight * (world.trustOf(a.from, h.host) - 0.5);
        // The terms of e*, in locals: an object of them is built only for the event.
        const stakeTerm = entry.stakeWeight * stake;
        const trustTerm = entry.trustWeight * trust;
        const cooperationTerm = entry.cooperationWeight * h.cooperation;
        const coercionTerm = entry.coercionWeight * h.coercion;
        const pull = stakeTerm + trustTerm + cooperationTerm + coercionTerm + aid;
        const target = Math.min(1, Math.max(0, h.e0 + strength * pull));
        const before = world.enforcement[h.host]!;
        const after = before + state.adjust * (target - before);
        world.enforcement[h.host] = after;
        ctx.totals.enforcementChange += after - before;
        const logged = ctx.movedSince(h.host, after, h.e0, 0.05);
        if (logged !== undefined) {
          const id = world.actorId(h.host);
          const terms = {
            stake: stakeTerm,
            trust: trustTerm,
            cooperation: cooperationTerm,
            coercion: coercionTerm,
            aid,
          };
          ctx.explain({
            kind: "enforcement-change",
            actor: id,
            why: "e moves toward e* = e(0) + s·(stake + trust + cooperation + coercion + aid terms)",
            values: {
              "enforcement before": logged,
              "enforcement now": after,
              "target e*": target,
              "stake term": stakeTerm,
              "trust term": trustTerm,
              "cooperation term": cooperationTerm,
              "coercion term": coercionTerm,
              "aid term": aid,
            },
            text: `${id}'s enforcement ${after > logged ? "rose" : "fell"} ${logged.toFixed(2)} → ${after.toFixed(2)}, moving toward ${target.toFixed(2)} (largest pull: ${largest(terms)})`,
          });
        }
      }
    },
  },
});

/** Value of the host's trade crossing its victims' territory today, as a share of its day-0 trade. */
function stakeOf(world: World, h: Host): number {
  if (h.routed0 <= 0) return 0;
  const na = world.model.scenario.actors.length;
  const through = world.dependenceScratch.through;
  // The mean over victims, summed in their order.
  let sum = 0;
  for (const v of h.victims) sum += through[h.host * na + v]!;
  return (h.victims.length === 0 ? 0 : sum / h.victims.length) / h.routed0;
}

/** The host's mean trust in its victims. */
function victimTrust(world: World, h: Host): number {
  let sum = 0;
  for (const v of h.victims) sum += world.trustOf(h.host, v);
  return h.victims.length === 0 ? 0 : sum / h.victims.length;
}

function largest(terms: Record<string, number>): string {
  let best = "";
  let size = -1;
  for (const [name, v] of Object.entries(terms))
    if (Math.abs(v) > size) {
      size = Math.abs(v);
      best = `${name} ${v >= 0 ? "+" : ""}${v.toFixed(2)}`;
    }
  return best;
}
