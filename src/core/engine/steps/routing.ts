/**
 * Routing: user equilibrium over generalized cost (USD/vehicle) with elastic demand, warm-started from
 * the last equilibrium and re-solved only when an input changed. Demand grows month by month, and
 * transit suspended by the transit state drops out. After a solve, each pair's paths give the share
 * of its flow through each crossing and through each state's territory (for dependence and routes).
 */
import { crossingClosed, type World } from "../world.js";
import { updateRouteMeasures } from "./indicators.js";

const DAYS_PER_MONTH = 365.25 / 12;

/** Vehicles/day of each demand pair this month, with suspended transit removed. */
function updateDemand(world: World): void {
  const { model } = world;
  const month = Math.floor(world.day / DAYS_PER_MONTH);
  const demand = model.demand.demand;
  // The month's demand (World.pairDemand) changes only with the month; joiners are withdrawn from a copy.
  if (month !== world.monthApplied) {
    world.pairDemand.fill(0);
    for (const entry of model.entries) {
      world.pairDemand[entry.pair]! += entry.vehiclesPerDay * (1 + entry.growth) ** (month / 12);
    }
  }
  applyTransitBlocks(world);
  const next = world.routedDemand;
  next.set(world.pairDemand);
  withdrawJoiners(world, next);
  for (let k = 0; k < next.length; k++) {
    if (next[k] !== demand[k]) {
      demand[k] = next[k]!;
      world.dirty = true;
    }
  }
  world.monthApplied = month;
}

/**
 * Transit suspended by a transit state bars the owner's transit trade from that state's territory: the
 * trade's own origin centroid gets every link touching the territory blocked, so it reroutes around the
 * state if it can (e.g. through another country's ports) or goes unserved. Other traffic is unaffected.
 */
function applyTransitBlocks(world: World): void {
  const { model } = world;
  const na = model.scenario.actors.length;
  for (const entry of model.entries) {
    if (entry.transitVia < 0 || entry.owner < 0) continue;
    applyTransitFee(world, entry);
    const barred = world.transitSuspended[entry.transitVia * na + entry.owner] === 1 ? entry.transitVia : -1;
    if ((world.transitBlock.get(entry.originCentroid) ?? -1) === barred) continue;
    world.transitBlock.set(entry.originCentroid, barred);
    world.assigner.setOriginBlock(entry.originCentroid, barred >= 0 ? territoryMask(world, barred) : null);
    world.dirty = true;
  }
}

/**
 * A transit fee (`transit_fee`) charged by the transit state on the owner's transit trade: its origin
 * centroid pays share × exposure × cargo value per vehicle on every link entering the state's
 * territory (exposure: the part of the value on the fee's list), so its route choice weighs the fee
 * against the detour (e.g. through another country's ports).
 */
function applyTransitFee(world: World, entry: World["model"]["entries"][number]): void {
  const na = world.model.scenario.actors.length;
  const share = world.transitFee[entry.transitVia * na + entry.owner]! * entry.feeExposure;
  if ((world.transitSurcharge.get(entry.originCentroid) ?? 0) === share) return;
  world.transitSurcharge.set(entry.originCentroid, share);
  world.assigner.setOriginSurcharge(
    entry.originCentroid,
    share > 0 ? entryCharge(world, entry.transitVia, share * entry.valueUsd) : null,
  );
  world.dirty = true;
}

/** `usd` on each link from outside a state's territory into it, 0 elsewhere. */
export function entryCharge(world: World, state: number, usd: number): Float64Array {
  const { network, nodeState } = world.model;
  const charge = new Float64Array(network.linkCount);
  for (let l = 0; l < network.linkCount; l++) {
    if (nodeState[network.from[l]!] !== state && nodeState[network.to[l]!] === state) charge[l] = usd;
  }
  return charge;
}

/** Links with an end in a state's territory (1), cached per state. */
function territoryMask(world: World, state: number): Uint8Array {
  let mask = world.territoryMasks.get(state);
  if (!mask) {
    const { network, nodeState } = world.model;
    mask = new Uint8Array(network.linkCount);
    for (let l = 0; l < network.linkCount; l++) {
      if (nodeState[network.from[l]!] === state || nodeState[network.to[l]!] === state) mask[l] = 1;
    }
    world.territoryMasks.set(state, mask);
  }
  return mask;
}

/**
 * Traffic committed to a crossing when it closes: `joinShare` of what each pair sent through it on its
 * last open day keeps arriving and waits there (traders expect a reopening, trucks are already on the
 * road). Those vehicles are taken out of the day's routed demand, so they neither reroute nor count as
 * unserved; the economy step puts them in the queue.
 */
function withdrawJoiners(world: World, demand: Float64Array): void {
  const { model } = world;
  const { joinShare } = model.scenario.model.queue;
  for (const [c, q] of world.queues) {
    q.arrivalsToday = 0;
    const e = model.crossingElement[c]!;
    if (!crossingClosed(world, c, e)) continue;
    for (let k = 0; k < demand.length; k++) {
      const join = Math.min(joinShare * q.pairVehicles[k]!, demand[k]!);
      if (join <= 0) continue;
      demand[k]! -= join;
      q.arrivalsToday += join;
    }
  }
}

/** Shares of each pair's served flow through each crossing and each state's territory. */
function routeShares(world: World): void {
  const { model, flows, pairServed, pairPaths, pairCrossingShare, pairTerritory } = world;
  const { demand, network, linkElement, elementCrossing, noTripLink, nodeState } = model;
  const linkTo = network.to;
  const na = model.scenario.actors.length;
  const nc = model.crossingElement.length;
  pairTerritory.fill(0);
  pairCrossingShare.fill(0);
  // touched[s] === the path's number when the path enters state s (no clearing between paths).
  const touched = new Int32Array(na).fill(-1);
  let pathNumber = 0;
  for (let k = 0; k < demand.pairCount; k++) {
    const total = demand.demand[k]!;
    const served = Math.max(0, total - flows[noTripLink[k]!]!);
    pairServed[k] = served;
    const paths = world.assigner.pairPathViews(k);
    pairPaths[k] = paths;
    for (const path of paths) {
      // A path without flow adds nothing, nor does the "no trip" path: it joins two centroids of no
      // state and is no crossing.
      const share = served > 0 ? path.flow / served : 0;
      const mark = pathNumber++;
      const links = path.links;
      for (let i = 0; i < links.length; i++) {
        const l = links[i]!;
        const e = linkElement[l]!;
        const crossing = e >= 0 ? elementCrossing[e]! : -1;
        if (crossing >= 0) pairCrossingShare[k * nc + crossing]! += share;
        // Every node of a path but its origin (a centroid of no state) ends one of its links.
        const s = nodeState[linkTo[l]!]!;
        if (s >= 0) touched[s] = mark;
      }
      for (let s = 0; s < na; s++) if (touched[s] === mark) pairTerritory[k * na + s]! += share;
    }
  }
}

export function routingStep(world: World): void {
  const month = Math.floor(world.day / DAYS_PER_MONTH);
  if (month !== world.monthApplied || world.dirty) updateDemand(world);
  if (!world.dirty) return;
  const { routing } = world.model.scenario.model;
  const result = world.assigner.solve({
    gap: routing.gap,
    maxIterations: 500,
    tollFactor: 1,
    distanceFactor: world.model.costPerKm,
  });
  world.flows = result.flows;
  // Generalized cost of the trips made (the "no trip" links carry the demand left unserved).
  let cost = 0;
  const noTrip = world.model.noTripLink;
  for (let l = 0; l < result.flows.length; l++) cost += result.flows[l]! * result.costs[l]!;
  for (let k = 0; k < noTrip.length; k++) cost -= result.flows[noTrip[k]!]! * result.costs[noTrip[k]!]!;
  world.transportCost = cost;
  world.solves += 1;
  world.dirty = false;
  routeShares(world);
  updateRouteMeasures(world);
}
