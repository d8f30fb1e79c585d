/**
 * What opens a coercion episode and what a state's investment in alternative routes does: shared by
 * the policy actions (close, deport, suspend_transit, invest_route) and the coercion step, which
 * judges episodes once the coercer's patience runs out (steps/coercion.ts).
 */
import type { World } from "./world.js";

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
