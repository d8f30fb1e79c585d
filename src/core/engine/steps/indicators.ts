/**
 * Corridor performance indicators in the units monitoring programmes publish them (CAREC CPMM trade
 * facilitation indicators; /docs/outputs.md): time and cost to clear each crossing by direction
 * (TFI1, TFI2) and speed with and without delay on each trade route (SWD, SWOD). Times come from
 * the equilibrium: BPR travel time of each link at its flow, plus the wait of vehicles that queued.
 */
import { bprTime } from "../../assignment/index.js";
import type { World } from "../world.js";

/** Travel time of link l at its current flow, hours. */
export function linkHours(world: World, l: number): number {
  const { network, valueOfTime } = world.model;
  const t0 = valueOfTime > 0 ? network.freeFlowTime[l]! / valueOfTime : 0;
  return bprTime(world.flows[l]!, t0, network.b[l]!, network.capacity[l]!, network.power[l]!);
}

/** Per served vehicle of each pair: the flow-weighted km, moving hours and border hours of its paths. */
export function updateRouteMeasures(world: World): void {
  const totals = world.indicators;
  const { demand, network, linkElement, elements, noTripLink } = world.model;
  for (let l = 0; l < network.linkCount; l++)
    totals.linkHours[l] = linkElement[l]! >= 0 ? linkHours(world, l) : 0;
  for (let k = 0; k < demand.pairCount; k++) {
    let km = 0;
    let moving = 0;
    let border = 0;
    let flow = 0;
    for (const path of world.pairPaths[k] ?? []) {
      // The "no trip" path carries the demand left unserved: no route to measure.
      if (path.links.length === 1 && path.links[0] === noTripLink[k]) continue;
      for (const l of path.links) {
        const e = linkElement[l]!;
        if (e < 0) continue;
        const hours = totals.linkHours[l]!;
        km += path.flow * network.length[l]!;
        if (elements[e]!.kind === "crossing") border += path.flow * hours;
        else moving += path.flow * hours;
      }
      flow += path.flow;
    }
    totals.routeKm[k] = flow > 0 ? km / flow : 0;
    totals.routeMoving[k] = flow > 0 ? moving / flow : 0;
    totals.routeBorder[k] = flow > 0 ? border / flow : 0;
  }
}

export function indicatorsStep(world: World): void {
  const totals = world.indicators;
  const { crossingElement, elements, demand } = world.model;
  for (const e of crossingElement) {
    for (const l of elements[e]!.links) {
      const x = world.flows[l]!;
      if (world.model.network.closed[l]) continue;
      totals.vehicles[l]! += x;
      totals.vehicleHours[l]! += x * totals.linkHours[l]!;
    }
  }
  for (let k = 0; k < demand.pairCount; k++) {
    const served = world.pairServed[k]!;
    totals.pairVehicles[k]! += served;
    totals.pairKm[k]! += served * totals.routeKm[k]!;
    totals.pairMoving[k]! += served * totals.routeMoving[k]!;
    totals.pairBorder[k]! += served * totals.routeBorder[k]!;
  }
}
