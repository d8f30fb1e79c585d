/**
 * The target's dependence on a coercer now, with every crossing between them open and the coercer's
 * transit bar lifted: the trade that would cross the coercer's territory on today's network (after the
 * target's own investments), which is what a closure threatens (mechanisms/current-leverage.ts).
 * Solved by a second equilibrium solver on the same network, so the run's own equilibrium and its warm
 * start are untouched; the links opened for it are closed again before returning.
 */

import { GradientProjectionAssigner } from "../../assignment/index.js";
import type { World } from "../world.js";
import type { PairEconomy } from "./economy.js";
import { entryCharge } from "./routing.js";

export function currentOpenDependence(world: World, target: number, coercer: number): number {
  const { model } = world;
  const { network, demand, scenario } = model;
  const a = scenario.actors[target]!.country;
  const s = scenario.actors[coercer]!.country;
  world.counterfactualAssigner ??= new GradientProjectionAssigner(network, demand);
  const solver = world.counterfactualAssigner;
  // Crossings between the two, built and not failed, opened for the counterfactual.
  const reopened: number[] = [];
  // Their tolls without the premium traders learned from the closure itself: what compliance restores.
  const repriced: { link: number; toll: number }[] = [];
  for (const e of model.crossingElement) {
    const el = model.elements[e]!;
    const between =
      (el.fromCountry === a && el.toCountry === s) || (el.fromCountry === s && el.toCountry === a);
    if (!between || (el.project >= 0 && world.projectPhase[el.project] !== "operational")) continue;
    if (world.failedUntil[e]! >= world.day) continue;
    for (const l of el.links) {
      repriced.push({ link: l, toll: network.toll[l]! });
      network.toll[l] = Math.max(0, model.baseFee[l]! - world.costReduction[e]!);
      if (network.closed[l]) {
        network.closed[l] = 0;
        reopened.push(l);
      }
    }
  }
  // The same transit bars and fees as the run, except the coercer's on the target's trade, which
  // compliance would lift. Each transit trade has its own origin centroid; other trade has neither,
  // so for it both calls lift nothing.
  for (const entry of model.entries) {
    const lifted = entry.transitVia === coercer && entry.owner === target;
    const barred = lifted ? -1 : (world.transitBlock.get(entry.originCentroid) ?? -1);
    solver.setOriginBlock(entry.originCentroid, barred >= 0 ? world.territoryMasks.get(barred)! : null);
    const share = lifted ? 0 : (world.transitSurcharge.get(entry.originCentroid) ?? 0);
    solver.setOriginSurcharge(
      entry.originCentroid,
      share > 0 ? entryCharge(world, entry.transitVia, share * entry.valueUsd) : null,
    );
  }
  const { routing } = scenario.model;
  const result = solver.solve({
    gap: routing.gap,
    maxIterations: 500,
    tollFactor: 1,
    distanceFactor: model.costPerKm,
  });
  for (const l of reopened) network.closed[l] = 1;
  for (const { link, toll } of repriced) network.toll[link] = toll;
  // Dependence of the target on the coercer over its served trade (as in the economy step), with the
  // month's value per vehicle and owner shares of each pair.
  const { nodeState, noTripLink } = model;
  // The economy step has run since day 0, so every pair has its month's economy.
  const pairs = world.economyCache.pairs as PairEconomy[];
  let routed = 0;
  let through = 0;
  for (let k = 0; k < demand.pairCount; k++) {
    const perVehicle = pairs[k]!.value * pairs[k]!.owners[target]!;
    if (perVehicle <= 0) continue;
    const served = Math.max(0, demand.demand[k]! - result.flows[noTripLink[k]!]!);
    if (served <= 0) continue;
    routed += served * perVehicle;
    // A path crosses the coercer if a link of it ends there: every node of a path but its origin, a
    // centroid of no state, ends one of its links. The "no trip" path joins two centroids, so never counts.
    for (const path of solver.pairPaths(k)) {
      if (path.links.some((l) => nodeState[network.to[l]!] === coercer)) through += path.flow * perVehicle;
    }
  }
  return routed > 0 ? Math.min(1, through / routed) : 0;
}
