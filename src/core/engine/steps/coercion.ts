/**
 * Coercion and adaptation. A state that closes a crossing, suspends transit or deports people towards
 * another opens a coercion episode; after the coercer's patience runs out the target complies with
 * probability p = 1/(1 + (K / min(C, S))^γ) (diplomacy/coercion.ts): C the cost imposed during the
 * episode, S the switching cost from the target's dependence on the coercer, K the target's cost of
 * complying. Compliance raises the target's enforcement; defiance makes it invest in routes that avoid
 * the coercer, whose capacity arrives after a construction lag.
 */
import { complianceProbability, switchingCostFromDependence } from "../../diplomacy/index.js";
import { effectiveLeverage, episodeDependence } from "../../mechanisms/index.js";
import { investInRoutes } from "../coercion-acts.js";
import type { World } from "../world.js";
import { currentOpenDependence } from "./leverage.js";

export function coercionStep(world: World): void {
  const { scenario } = world.model;
  const { coercion, adaptation, returns } = scenario.model;
  const { leverageWeight, returnsOutsideCap } = world.modifiers;
  const na = scenario.actors.length;
  // (Setting an array's length is a call even when it is empty: skipped on the many quiet days.)
  if (world.compliedToday.length > 0) world.compliedToday.length = 0;
  for (let i = world.episodes.length - 1; i >= 0; i--) {
    const e = world.episodes[i]!;
    const returned = world.deportRate[e.coercer * na + e.target]!;
    e.costImposed +=
      Math.max(0, world.lossToday[e.target]! - e.lossBefore) +
      returned * returns.humanitarianCostUsdPerPerson;
    e.unavoidableCost += returned * returns.humanitarianCostUsdPerPerson;
    e.routedValue += world.routedToday[e.target]! + Math.max(0, world.lossToday[e.target]!);
    if (world.day < e.reviewDay) continue;
    world.episodes.splice(i, 1);
    const target = scenario.actors[e.target]!;
    const coercer = scenario.actors[e.coercer]!;
    // Current leverage: the dependence at the review, every crossing between the two open, blended
    // with the one at the start (mechanisms/current-leverage.ts); weight 0 solves nothing.
    const dependenceNow =
      leverageWeight > 0 ? currentOpenDependence(world, e.target, e.coercer) : e.dependenceAtStart;
    const dependence = episodeDependence(e.dependenceAtStart, dependenceNow, leverageWeight);
    const switchingCost = switchingCostFromDependence(dependence, e.routedValue, coercion.alternativePremium);
    // Returns' cost escapes the outside-option cap with share u; u = 0 is min(C, S) as before.
    const effective =
      returnsOutsideCap > 0
        ? effectiveLeverage({
            tradeCost: Math.max(0, e.costImposed - e.unavoidableCost),
            unavoidableCost: e.unavoidableCost,
            switchingCost,
            separation: returnsOutsideCap,
          })
        : -1;
    const p = complianceProbability({
      costImposed: effective >= 0 ? effective : e.costImposed,
      switchingCost: effective >= 0 ? Number.POSITIVE_INFINITY : switchingCost,
      complianceCost: target.complianceCostUsd,
      steepness: coercion.steepness,
    });
    const named = [
      leverageWeight > 0 ? `dependence at the review (w = ${leverageWeight})` : "",
      returnsOutsideCap > 0 ? `returns outside the cap (u = ${returnsOutsideCap})` : "",
    ].filter(Boolean);
    const equation = `compliance p = 1/(1 + (K / L)^γ), L = ${
      returnsOutsideCap > 0 ? "min(C − u·C_u, S) + u·C_u" : "min(C, S)"
    }`;
    // Named first when the hypothesis shaped the leverage, so `explain --hypothesis` finds the review.
    const formula =
      named.length > 0
        ? `hypothesis currentLeverage (Coercion by current leverage): ${equation}; ${named.join(", ")}`
        : "compliance p = 1/(1 + (K / min(C, S))^γ)";
    world.leverageLog.push({
      day: world.day,
      coercer: e.coercer,
      target: e.target,
      dependenceAtStart: e.dependenceAtStart,
      dependence,
      costImposed: e.costImposed,
      unavoidableCost: e.unavoidableCost,
      switchingCost,
      leverage: effective >= 0 ? effective : Math.min(e.costImposed, switchingCost),
      probability: p,
    });
    const complied = world.stream("coercion").next() < p;
    const values = {
      "cost imposed C (USD)": e.costImposed,
      "switching cost S (USD)": switchingCost,
      "compliance cost K (USD)": target.complianceCostUsd,
      [`dependence(${target.id}, ${coercer.id}) at start`]: e.dependenceAtStart,
      ...(leverageWeight > 0
        ? {
            [`dependence(${target.id}, ${coercer.id}) now, every crossing open`]: dependenceNow,
            "dependence used (currentLeverage)": dependence,
          }
        : {}),
      ...(returnsOutsideCap > 0
        ? { "returns' cost outside the cap (USD)": e.unavoidableCost, "leverage L (USD)": effective }
        : {}),
      "compliance probability": p,
    };
    if (complied) {
      world.coercion.complied += 1;
      const before = world.enforcement[e.target]!;
      // The v0 rule; a mechanism that makes enforcement a choice (stakeRestraint) reads compliedToday instead.
      if (world.modifiers.enforcementByCompliance)
        world.enforcement[e.target] = Math.min(1, before + coercion.enforcementGain);
      const complied = world.record({
        kind: "coercion-complied",
        actor: target.id,
        target: coercer.id,
        cause: formula,
        values: { ...values, "enforcement after": world.enforcement[e.target]! },
        text: `${target.id} complied with ${coercer.id}'s demand: enforcement ${before.toFixed(2)} → ${world.enforcement[e.target]!.toFixed(2)}`,
        parent: e.cause,
      });
      world.compliedToday.push({ coercer: e.coercer, target: e.target, cause: complied });
      world.act({
        from: e.target,
        to: e.coercer,
        kind: "cooperative",
        cause: complied,
        what: "complied with a coercive demand",
      });
    } else {
      world.coercion.defied += 1;
      // Defiance: invest in crossings to every other neighbouring state.
      const neighbours = new Set<number>();
      for (const ce of world.model.crossingElement) {
        const el = world.model.elements[ce]!;
        const other =
          el.fromCountry === target.country
            ? el.toCountry
            : el.toCountry === target.country
              ? el.fromCountry
              : "";
        const state = other ? world.stateOf(other) : -1;
        if (state >= 0 && state !== e.coercer && state !== e.target) neighbours.add(state);
      }
      const defied = world.record({
        kind: "coercion-defied",
        actor: target.id,
        target: coercer.id,
        cause: `${formula}; defiance leads to investment in alternative routes`,
        values: { ...values, "investment (USD)": adaptation.defianceInvestmentUsd },
        text: `${target.id} defied ${coercer.id} and invests in routes via ${[...neighbours].map((s) => scenario.actors[s]!.id).join(", ") || "(no other neighbour)"}`,
        parent: e.cause,
      });
      investInRoutes(world, e.target, [...neighbours], adaptation.defianceInvestmentUsd, defied);
    }
  }
}
