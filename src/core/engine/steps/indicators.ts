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
  const { demand, network, linkElement, elementCrossing, noTripLink } = world.model;
  const { linkHours: hoursOf, routeKm, routeMoving, routeBorder } = totals;
  const linkLength = network.length;
  for (let l = 0; l < network.linkCount; l++) hoursOf[l] = linkElement[l]! >= 0 ? linkHours(world, l) : 0;
  for (let k = 0; k < demand.pairCount; k++) {
    let km = 0;
    let moving = 0;
    let border = 0;
    let flow = 0;
    for (const path of world.pairPaths[k] ?? []) {
      const links = path.links;
      // The "no trip" path carries the demand left unserved: no route to measure.
      if (links.length === 1 && links[0] === noTripLink[k]) continue;
      const f = path.flow;
      for (let i = 0; i < links.length; i++) {
        const l = links[i]!;
        const e = linkElement[l]!;
        if (e < 0) continue;
        const hours = hoursOf[l]!;
        km += f * linkLength[l]!;
        if (elementCrossing[e]! >= 0) border += f * hours;
        else moving += f * hours;
      }
      flow += f;
    }
    routeKm[k] = flow > 0 ? km / flow : 0;
    routeMoving[k] = flow > 0 ? moving / flow : 0;
    routeBorder[k] = flow > 0 ? border / flow : 0;
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
