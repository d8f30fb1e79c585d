/**
 * Some settlements hold. On the ceasefire rung the daily failure hazard h₀·(1 − T)^k of the base
 * ladder is scaled by
 *
 *   h_factor = (1 + s·φ·S) / (1 + s·(ω·M + Σ_g L_g))
 *
 * with S the attributed major attacks in the last spoilerWindowDays (spoilers), M = 1 while a monitor
 * watches the pair, and L_g the leverage of each guarantor that mediates or monitors it; and an
 * attributed major attack breaks the ceasefire only with probability e^(−s·absorption) (at s = 0,
 * always, as in the base ladder). Spoilers, third-party guarantees and monitoring as determinants of
 * whether settlements hold: Stedman 1997 ("Spoiler problems in peace processes", International
 * Security 22(2)); Walter 2002 (Committing to Peace); Fortna 2003 (International Organization 57(2)).
 */
import { portableExp } from "../../random/index.js";
import { defineMechanism } from "../mechanism.js";

export const ceasefireDurabilityMechanism = defineMechanism({
  key: "ceasefireDurability",
  events: ["ceasefire-hazard", "ceasefire-absorbed"],
  contributions: {
    attacksAbsorbed: "attributed major attacks a ceasefire survived",
    ceasefireDays: "days spent in a ceasefire (all pairs)",
  },
  init(world, entry) {
    const guarantors = entry.guarantors.map((g) => ({
      actor: world.model.actorIndex.get(g.actor)!,
      leverage: g.leverage,
    }));
    return {
      guarantors,
      window: world.relations.map(() => new Int32Array(entry.spoilerWindowDays)),
      spoilers: new Int32Array(world.relations.length),
    };
  },
  hooks: {
    incidents(ctx, state) {
      const { world, strength, entry } = ctx;
      const { relations } = world;
      // The break probability depends on the parameters only.
      const breaks = portableExp(-strength * entry.absorption);
      for (let i = 0; i < relations.length; i++) {
        const r = relations[i]!;
        // Spoilers: attributed major attacks, counted over a sliding window.
        const ring = state.window[i]!;
        const slot = world.day % ring.length;
        state.spoilers[i]! += r.attributedToday - ring[slot]!;
        ring[slot] = r.attributedToday;
        if (r.ladder.rung !== "ceasefire") {
          world.modifiers.hazardFactor[i] = 1;
          continue;
        }
        ctx.totals.ceasefireDays += 1;
        const pair = `${world.actorId(r.a)}–${world.actorId(r.b)}`;
        let absorbed = 0;
        const attacks = r.attributedToday;
        for (let k = 0; k < attacks; k++) {
          if (ctx.random.next() < breaks) continue;
          absorbed += 1;
        }
        if (absorbed > 0) {
          r.attributedToday -= absorbed;
          ctx.contribute("attacksAbsorbed", absorbed);
          ctx.explain({
            kind: "ceasefire-absorbed",
            actor: world.actorId(r.a),
            target: world.actorId(r.b),
            why: "an attack breaks the ceasefire with probability e^(−s·absorption)",
            values: {
              "attacks today": attacks,
              absorbed,
              "break probability": breaks,
            },
            text: `the ${pair} ceasefire survived ${absorbed} of ${attacks} attributed attack(s) today`,
          });
        }
        let monitored = 0;
        let leverage = 0;
        if (r.monitoredUntil >= world.day) monitored = 1;
        for (const g of state.guarantors)
          if (r.mediators.includes(g.actor) || (r.monitors.get(g.actor) ?? -1) >= world.day)
            leverage += g.leverage;
        const factor =
          (1 + strength * entry.spoilerHazard * state.spoilers[i]!) /
          (1 + strength * (entry.monitoringWeight * monitored + leverage));
        world.modifiers.hazardFactor[i] = factor;
        const before = ctx.movedSince(i, factor, 1, 0.25);
        if (before !== undefined)
          ctx.explain({
            kind: "ceasefire-hazard",
            actor: world.actorId(r.a),
            target: world.actorId(r.b),
            why: "h × (1 + s·φ·spoilers) / (1 + s·(ω·monitored + guarantors' leverage))",
            values: {
              "spoiler attacks in window": state.spoilers[i]!,
              monitored: monitored === 1,
              "guarantors' leverage": leverage,
              "hazard factor before": before,
              "hazard factor now": factor,
            },
            text: `the ${pair} ceasefire's failure hazard is now ${factor.toFixed(2)}× the base ladder's (was ${before.toFixed(2)}×)`,
          });
      }
    },
  },
});
