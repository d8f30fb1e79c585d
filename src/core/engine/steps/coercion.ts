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
import type { World } from "../world.js";
import { diversificationStep } from "./diversification.js";
import { currentOpenDependence } from "./leverage.js";

export function startCoercion(world: World, coercer: number, target: number, cause: number): void {
  if (coercer < 0 || target < 0 || coercer === target) return;
  const { actors } = world.model.scenario;
  if (actors[coercer]!.kind !== "state" || actors[target]!.kind !== "state") return;
  if (world.episodes.some((e) => e.coercer === coercer && e.target === target)) return;
  const na = actors.length;
  // Leverage comes from what the target would route through the coercer if allowed: at least the
  // dependence with every crossing open, even when the episode starts from closed crossings.
  const dependence = Math.max(
    world.dependence[target * na + coercer]!,
    world.openDependence[target * na + coercer]!,
  );
  world.episodes.push({
    coercer,
    target,
    startDay: world.day,
    reviewDay: world.day + Math.max(1, Math.round(actors[coercer]!.patienceDays)),
    dependenceAtStart: dependence,
    lossBefore: world.lossToday[target]!,
    costImposed: 0,
    unavoidableCost: 0,
    routedValue: 0,
    cause,
  });
  world.coercion.attempts += 1;
  world.record({
    kind: "coercion-start",
    actor: actors[coercer]!.id,
    target: actors[target]!.id,
    cause: "a closure, transit suspension or return of people aimed at another state",
    values: {
      [`dependence(${actors[target]!.id}, ${actors[coercer]!.id})`]: dependence,
      "patience (days)": actors[coercer]!.patienceDays,
    },
    text: `${actors[coercer]!.id} is coercing ${actors[target]!.id}; it will judge the result after ${Math.round(actors[coercer]!.patienceDays)} days`,
    parent: cause,
  });
}

export function coercionStep(world: World): void {
  const { scenario } = world.model;
  const { coercion, adaptation, returns, leverage } = scenario.model;
  const na = scenario.actors.length;
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
      leverage.currentWeight > 0 ? currentOpenDependence(world, e.target, e.coercer) : e.dependenceAtStart;
    const dependence = episodeDependence(e.dependenceAtStart, dependenceNow, leverage.currentWeight);
    const switchingCost = switchingCostFromDependence(dependence, e.routedValue, coercion.alternativePremium);
    // Returns' cost escapes the outside-option cap with share u; u = 0 is min(C, S) as before.
    const effective =
      leverage.separation > 0
        ? effectiveLeverage({
            tradeCost: Math.max(0, e.costImposed - e.unavoidableCost),
            unavoidableCost: e.unavoidableCost,
            switchingCost,
            separation: leverage.separation,
          })
        : -1;
    const p = complianceProbability({
      costImposed: effective >= 0 ? effective : e.costImposed,
      switchingCost: effective >= 0 ? Number.POSITIVE_INFINITY : switchingCost,
      complianceCost: target.complianceCostUsd,
      steepness: coercion.steepness,
    });
    const named = [
      leverage.currentWeight > 0 ? `current-leverage (w = ${leverage.currentWeight})` : "",
      leverage.separation > 0 ? `returns outside the cap (u = ${leverage.separation})` : "",
    ].filter(Boolean);
    const formula =
      "compliance p = 1/(1 + (K / L)^γ), L = " +
      (leverage.separation > 0 ? "min(C − C_u·u, S) + u·C_u" : "min(C, S)") +
      (named.length > 0 ? `; mechanisms: ${named.join(", ")}` : "");
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
      ...(leverage.currentWeight > 0
        ? {
            [`dependence(${target.id}, ${coercer.id}) now, every crossing open`]: dependenceNow,
            "dependence used (current-leverage)": dependence,
          }
        : {}),
      ...(leverage.separation > 0
        ? { "returns' cost outside the cap (USD)": e.unavoidableCost, "leverage L (USD)": effective }
        : {}),
      "compliance probability": p,
    };
    if (complied) {
      world.coercion.complied += 1;
      const before = world.enforcement[e.target]!;
      world.enforcement[e.target] = Math.min(1, before + coercion.enforcementGain);
      const event = world.record({
        kind: "coercion-complied",
        actor: target.id,
        target: coercer.id,
        cause: formula,
        values: { ...values, "enforcement after": world.enforcement[e.target]! },
        text: `${target.id} complied with ${coercer.id}'s demand: enforcement ${before.toFixed(2)} → ${world.enforcement[e.target]!.toFixed(2)}`,
        parent: e.cause,
      });
      world.act({
        from: e.target,
        to: e.coercer,
        kind: "cooperative",
        cause: event.id,
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
      const event = world.record({
        kind: "coercion-defied",
        actor: target.id,
        target: coercer.id,
        cause: `${formula}; defiance leads to investment in alternative routes`,
        values: { ...values, "investment (USD)": adaptation.defianceInvestmentUsd },
        text: `${target.id} defied ${coercer.id} and invests in routes via ${[...neighbours].map((s) => scenario.actors[s]!.id).join(", ") || "(no other neighbour)"}`,
        parent: e.cause,
      });
      investInRoutes(world, e.target, [...neighbours], adaptation.defianceInvestmentUsd, event.id);
    }
  }
  diversificationStep(world);
}

/**
 * Investment by `actor` in crossings between its territory and each of `via`'s: capacity grows by
 * usd/1e6 × vehiclesPerDayPerMillionUsd, split evenly, after the construction lag.
 */
export function investInRoutes(
  world: World,
  actor: number,
  via: number[],
  usd: number,
  cause: number,
): number {
  const { adaptation } = world.model.scenario.model;
  const country = world.model.scenario.actors[actor]?.country;
  const viaCountries = new Set(via.map((v) => world.model.scenario.actors[v]?.country).filter(Boolean));
  const targets = world.model.crossingElement.filter((e) => {
    const el = world.model.elements[e]!;
    return (
      (el.fromCountry === country && viaCountries.has(el.toCountry)) ||
      (el.toCountry === country && viaCountries.has(el.fromCountry))
    );
  });
  if (targets.length === 0 || usd <= 0) return 0;
  const added = (usd / 1e6) * adaptation.vehiclesPerDayPerMillionUsd;
  for (const element of targets) {
    world.pendingCapacity.push({
      day: world.day + adaptation.constructionDays,
      element,
      vehiclesPerDay: added / targets.length,
      cause,
    });
  }
  return added;
}
