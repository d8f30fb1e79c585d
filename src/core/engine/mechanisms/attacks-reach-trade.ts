/**
 * Attacks reach trade (mechanisms/trade-risk.ts): the network step adds the day's incidents in an
 * element's zone, times the strength, to traders' disruption memory (World.modifiers.attackRiskWeight)
 * and keeps the part learned from attacks apart; this mechanism reports the premium that part adds.
 */
import { defineMechanism } from "../mechanism.js";

export const attacksReachTradeMechanism = defineMechanism({
  key: "attacksReachTrade",
  events: ["attack-premium-change"],
  contributions: {
    attackPremiumUsd:
      "risk premium learned from attacks paid by the vehicles crossing, before the 5 % rounding of quotes (USD)",
  },
  init(world, entry) {
    world.modifiers.attackRiskWeight = entry.strength;
    const { riskPremium } = world.model.scenario.model;
    return { perRisk: riskPremium.delayDays * 24 * world.model.valueOfTime };
  },
  hooks: {
    economy(ctx, state) {
      const { world } = ctx;
      const { model, riskFromAttacks, flows } = world;
      for (const e of model.crossingElement) {
        const premium = riskFromAttacks[e]! * state.perRisk;
        if (premium <= 0) continue;
        let flow = 0;
        for (const l of model.elements[e]!.links) flow += flows[l]!;
        ctx.totals.attackPremiumUsd += flow * premium;
        const before = ctx.movedSince(e, premium, 0, Math.max(50, 0.25 * premium));
        if (before !== undefined) {
          const id = model.elements[e]!.id;
          ctx.explain({
            kind: "attack-premium-change",
            target: id,
            why: "disruption D = min(1, closed + a·incidents in the zone), remembered with the premium's half-life",
            values: {
              "attack premium before (USD/vehicle)": before,
              "attack premium now (USD/vehicle)": premium,
              "remembered disruption from attacks": riskFromAttacks[e]!,
            },
            text: `traders price attacks near ${id} at ${Math.round(premium)} USD a vehicle`,
          });
        }
      }
    },
  },
});
