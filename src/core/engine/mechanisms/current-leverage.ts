/**
 * Coercion by current leverage (mechanisms/current-leverage.ts). At each coercion review the
 * switching cost uses the target's dependence on the coercer on that day's network with every crossing
 * between them open (a counterfactual equilibrium, steps/leverage.ts), blended with the day-0 one by
 * the strength w; the humanitarian cost of returns escapes the outside-option cap with share u. The
 * coercion step reads both from World.modifiers and logs the episode's numbers; this mechanism
 * reports them.
 */
import { defineMechanism } from "../mechanism.js";

export const currentLeverageMechanism = defineMechanism({
  key: "currentLeverage",
  events: [],
  contributions: {
    episodes: "coercion episodes reviewed",
    leverageUsd: "leverage L of the reviewed episodes, summed (USD)",
    dependenceDrop:
      "day-0 dependence minus the dependence used, summed over reviewed episodes (what falling reliance took off)",
    returnsOutsideCapUsd: "cost of returns counted outside the outside-option cap, summed (USD)",
  },
  init(world, entry) {
    world.modifiers.leverageWeight = entry.strength;
    world.modifiers.returnsOutsideCap = entry.returnsOutsideCap;
    return { seen: 0 };
  },
  hooks: {
    coercion(ctx, state) {
      const log = ctx.world.leverageLog;
      for (; state.seen < log.length; state.seen++) {
        const r = log[state.seen]!;
        ctx.contribute("episodes", 1);
        ctx.contribute("leverageUsd", r.leverage);
        ctx.contribute("dependenceDrop", r.dependenceAtStart - r.dependence);
        ctx.contribute("returnsOutsideCapUsd", ctx.entry.returnsOutsideCap * r.unavoidableCost);
      }
    },
  },
});
