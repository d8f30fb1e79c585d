/**
 * Coercion backfires. Coercive pressure by state C on state T — crossings C closed against T,
 * suspension of T's transit, people returned to T — feeds a grievance stock after a lag L:
 *
 *   u_CT(t) = w_close·(crossings closed by C between C and T) + w_susp·[transit suspended] + w_ret·(returned/1000)
 *   G_CT(t) = G_CT(t − 1)·2^(−1/H) + u_CT(t − L)
 *
 * The stock adds recruitment to the zones T's territory sustains or contains, a_z = s·r·Σ G_CT, and
 * erodes T's trust in C beyond the day's act, T_TC ← T_TC·(1 − s·k·G_CT) a day. The lag and the
 * decaying stock are a distributed-lag (Koyck) response; that repression and collective punishment
 * can raise mobilisation is argued in the backlash literature (e.g. Lichbach 1987, "Deterrence or
 * escalation?", J. Conflict Resolution 31(2)); the rates are assumptions with ranges (docs/ODD.md §7.13.3).
 */
import { defineMechanism, halfLifeFactor } from "../mechanism.js";
import { crossingsBetween } from "../queries.js";
import { CROSSING_CLOSED } from "../world.js";

interface Pair {
  coercer: number;
  target: number;
  /** Indices coercer·n + target and target·n + coercer in the actor-pair arrays. */
  index: number;
  reverse: number;
  crossings: number[];
  zones: number[];
  /** Inputs of the last L + 1 days (ring), and the stock. */
  ring: Float64Array;
  stock: number;
  /** Last day its pressure u was not 0 (−∞: never). */
  lastPressed: number;
}

export const coercionBackfireMechanism = defineMechanism({
  key: "coercionBackfire",
  events: ["grievance-change"],
  contributions: {
    incidents: "expected incidents caused by grievance, with Hawkes amplification",
    trustLost: "trust the targets lost to grievance, summed over days",
    grievanceDays: "grievance stock summed over days and pairs",
  },
  init(world, entry) {
    const { actors, zones } = world.model.scenario;
    const na = actors.length;
    const states = actors.flatMap((a, i) => (a.kind === "state" ? [i] : []));
    const pairs: Pair[] = [];
    for (const coercer of states) {
      for (const target of states) {
        if (coercer === target) continue;
        const country = actors[target]!.country;
        const affected = zones.flatMap((z, i) =>
          z.country === country || z.sanctuary?.actor === actors[target]!.id ? [i] : [],
        );
        pairs.push({
          coercer,
          target,
          index: coercer * na + target,
          reverse: target * na + coercer,
          crossings: crossingsBetween(world, coercer, target),
          zones: affected,
          ring: new Float64Array(entry.lagDays + 1),
          stock: 0,
          lastPressed: Number.NEGATIVE_INFINITY,
        });
      }
    }
    /** The pairs holding a stock, in the order of `pairs` (the order the zones' terms are summed in). */
    const stocked: Pair[] = [];
    return { pairs, stocked, decay: halfLifeFactor(entry.halfLifeDays) };
  },
  hooks: {
    start(ctx, state) {
      const { strength, entry } = ctx;
      // s·r, then ·G: the same order as s·r·G.
      const rate = strength * entry.incidentsPerGrievance;
      for (const p of state.stocked) {
        for (const zone of p.zones) ctx.addBaseline(zone, rate * p.stock);
      }
    },
    coercion(ctx, state) {
      const { world, strength, entry } = ctx;
      const { crossingStatus, closedBy, transitSuspended, returnRate, trust } = world;
      const lag = entry.lagDays;
      const day = world.day;
      const slot = day % (lag + 1);
      const dueSlot = (day + 1) % (lag + 1);
      // s·k and s·r, then ·G: the same order as s·k·G and s·r·G.
      const erosion = strength * entry.trustErosionPerGrievance;
      const rate = strength * entry.incidentsPerGrievance;
      let grievanceDays = 0;
      let trustLost = 0;
      let restock = false;
      for (const p of state.pairs) {
        let closed = 0;
        const crossings = p.crossings;
        for (let k = 0; k < crossings.length; k++) {
          const c = crossings[k]!;
          if (crossingStatus[c] === CROSSING_CLOSED && closedBy[c] === p.coercer) closed += 1;
        }
        const suspended = transitSuspended[p.index]!;
        const returned = returnRate[p.index]!;
        // No pressure today (u = 0: the weights are finite), none in the L + 1 days the ring holds and
        // no stock: every input due is 0 and the stock stays exactly 0, so there is nothing to update.
        if (
          closed === 0 &&
          suspended === 0 &&
          returned === 0 &&
          p.stock === 0 &&
          day - p.lastPressed > lag + 1
        )
          continue;
        const input =
          entry.perClosedCrossing * closed +
          entry.perSuspension * suspended +
          (entry.perThousandReturned * returned) / 1000;
        if (input !== 0) p.lastPressed = day;
        // The ring holds the last L + 1 inputs; the one written L days ago is about to be overwritten.
        p.ring[slot] = input;
        const lagged = p.ring[dueSlot]!;
        const due = lag === 0 ? input : day >= lag ? lagged : 0;
        const held = p.stock !== 0;
        p.stock = p.stock * state.decay + due;
        if (p.stock < 1e-12) p.stock = 0;
        if (held !== (p.stock !== 0)) restock = true;
        if (p.stock === 0) continue;
        grievanceDays += p.stock;
        const before = trust[p.reverse]!;
        const after = before * Math.max(0, 1 - erosion * p.stock);
        trust[p.reverse] = after;
        trustLost += before - after;
        const perDay = rate * p.stock;
        const logged = ctx.movedSince(p.index, perDay, 0, 0.02);
        if (logged !== undefined) {
          const target = world.actorId(p.target);
          const coercer = world.actorId(p.coercer);
          ctx.explain({
            kind: "grievance-change",
            actor: coercer,
            target,
            why: "G ← G·2^(−1/H) + u(t − L); each affected zone's baseline gains s·r·G",
            values: {
              "grievance stock": p.stock,
              "pressure today": input,
              "added before (incidents/day)": logged,
              "added now (incidents/day)": perDay,
              [`trust(${target}, ${coercer})`]: after,
            },
            text: `grievance from ${coercer}'s pressure on ${target} now adds ${perDay.toFixed(3)} incidents/day to each zone ${target}'s territory sustains (was ${logged.toFixed(3)})`,
          });
        }
      }
      if (restock) state.stocked = state.pairs.filter((p) => p.stock !== 0);
      if (grievanceDays > 0) ctx.totals.grievanceDays += grievanceDays;
      if (trustLost !== 0) ctx.totals.trustLost += trustLost;
    },
  },
});
