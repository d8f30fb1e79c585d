/**
 * Queues and economy. Trade value served and unserved per owner from the day's equilibrium; vehicles
 * caught by a closure wait at the crossing (a share of its last open-day flow arrives each closed day,
 * giving up after the maximum wait), perishable cargo spoils while it waits, and the backlog drains at
 * the capacity left over once the crossing reopens. Fees, security and humanitarian costs are booked
 * per actor; dependence and route concentration follow from the route shares.
 */

import { activeActants } from "../queries.js";
import type { Queue, World } from "../world.js";
import { crossingClosed } from "../world.js";

export interface PairEconomy {
  value: number;
  perishable: number;
  owners: Float64Array;
  /** The owners with a share above 0, ascending: the only ones the loops over owners need visit. */
  ownerList: number[];
  /** Transit trade (its entries name a transitVia state): each transit origin has a centroid of its own, so a pair is all transit or none. */
  transit: boolean;
}

/** Value per vehicle, perishable share and owner shares of each pair (weighted by the entries' demand). */
function pairEconomy(world: World): PairEconomy[] {
  const { model } = world;
  const na = model.scenario.actors.length;
  const out: PairEconomy[] = Array.from({ length: model.demand.pairCount }, () => ({
    value: 0,
    perishable: 0,
    owners: new Float64Array(na),
    ownerList: [],
    transit: false,
  }));
  const weight = new Float64Array(model.demand.pairCount);
  const month = world.monthApplied;
  for (const entry of model.entries) {
    const w = entry.vehiclesPerDay * (1 + entry.growth) ** (month / 12);
    const p = out[entry.pair]!;
    p.value += w * entry.valueUsd;
    p.perishable += entry.perishable ? w : 0;
    if (entry.owner >= 0) p.owners[entry.owner]! += w;
    if (entry.transitVia >= 0) p.transit = true;
    weight[entry.pair]! += w;
  }
  out.forEach((p, k) => {
    const w = weight[k]!;
    if (w <= 0) return;
    p.value /= w;
    p.perishable /= w;
    for (let a = 0; a < na; a++) p.owners[a]! /= w;
  });
  for (const p of out) for (let a = 0; a < na; a++) if (p.owners[a]! > 0) p.ownerList.push(a);
  return out;
}

function newQueue(maxWait: number, na: number, pairs: number): Queue {
  return {
    cohorts: new Float64Array(maxWait),
    cohortValue: new Float64Array(maxWait),
    cohortPerishable: new Float64Array(maxWait),
    preFlow: 0,
    valuePerVehicle: 0,
    perishableShare: 0,
    owners: new Float64Array(na),
    perishableOwners: new Float64Array(na),
    pairVehicles: new Float64Array(pairs),
    preparedKey: -1,
    arrivalsToday: 0,
    head: 0,
    waiting: 0,
    maxWaiting: 0,
  };
}

function book(owners: Float64Array, value: number, account: Float64Array): void {
  for (let a = 0; a < owners.length; a++) if (owners[a]! > 0) account[a]! += value * owners[a]!;
}

function queuesStep(
  world: World,
  pairs: PairEconomy[],
): { served: number; unserved: number; spoiled: number; queued: number } {
  const { model } = world;
  const { queue: params } = model.scenario.model;
  const na = model.scenario.actors.length;
  const maxWait = Math.max(1, Math.round(params.maxWaitDays));
  let served = 0;
  let unserved = 0;
  let spoiled = 0;
  let queued = 0;
  const crossingCount = model.scenario.crossings.length;
  for (let c = 0; c < crossingCount; c++) {
    const e = model.crossingElement[c]!;
    const element = model.elements[e]!;
    if (element.project >= 0 && world.projectPhase[element.project] !== "operational") continue;
    const closed = crossingClosed(world, c, e);
    let q = world.queues.get(c);
    if (!closed) {
      // Remember what the crossing carries, to know who gets caught when it closes.
      if (!q) {
        q = newQueue(maxWait, na, pairs.length);
        world.queues.set(c, q);
      }
      if (q.waiting === 0 && q.preparedKey === world.routesKey()) continue;
    }
    let flow = 0;
    for (const l of element.links) flow += world.flows[l]!;
    if (!closed && q) {
      if (q.waiting === 0) {
        q.preparedKey = world.routesKey();
        q.preFlow = flow;
        let value = 0;
        let perishable = 0;
        q.owners.fill(0);
        q.perishableOwners.fill(0);
        q.pairVehicles.fill(0);
        let vehiclesTotal = 0;
        for (let k = 0; k < pairs.length; k++) {
          const share = world.pairCrossingShare[k * model.crossingElement.length + c]!;
          const vehicles = world.pairServed[k]! * share;
          if (vehicles <= 0) continue;
          const p = pairs[k]!;
          q.pairVehicles[k] = vehicles;
          vehiclesTotal += vehicles;
          value += vehicles * p.value;
          perishable += vehicles * p.value * p.perishable;
          // Owners without a share would add 0: only those with one are visited.
          for (const a of p.ownerList) {
            q.owners[a]! += vehicles * p.owners[a]!;
            q.perishableOwners[a]! += vehicles * p.value * p.perishable * p.owners[a]!;
          }
        }
        q.valuePerVehicle = vehiclesTotal > 0 ? value / vehiclesTotal : 0;
        q.perishableShare = value > 0 ? perishable / value : 0;
        for (let a = 0; a < na; a++) {
          if (vehiclesTotal > 0) q.owners[a]! /= vehiclesTotal;
          if (perishable > 0) q.perishableOwners[a]! /= perishable;
        }
        continue;
      }
      // Drain the backlog, oldest first, at the capacity left over today.
      const capacity = element.links.reduce((sum, l) => sum + model.network.capacity[l]!, 0);
      let room = Math.max(0, capacity - flow);
      for (let i = 0; i < maxWait && room > 0 && q.waiting > 0; i++) {
        const slot = (q.head + i) % maxWait;
        const take = Math.min(room, q.cohorts[slot]!);
        if (take <= 0) continue;
        const value = (q.cohortValue[slot]! * take) / q.cohorts[slot]!;
        q.cohorts[slot]! -= take;
        q.cohortValue[slot]! -= value;
        q.cohortPerishable[slot]! -= (q.cohortPerishable[slot]! * take) / (q.cohorts[slot]! + take);
        q.waiting -= take;
        room -= take;
        // Age of this cohort in days: slots after the head are younger by one day each.
        world.indicators.queueHours[e]! += take * 24 * (maxWait - i);
        served += value;
        book(q.owners, value, world.accounts.served);
      }
      if (q.waiting < 1e-9) {
        q.waiting = 0;
        q.cohorts.fill(0);
        q.cohortValue.fill(0);
        q.cohortPerishable.fill(0);
        world.record({
          kind: "queue-cleared",
          target: model.scenario.crossings[c]!.id,
          cause: "backlog drained at the capacity left over after reopening",
          values: { "largest queue (vehicles)": q.maxWaiting },
          text: `the backlog at ${model.scenario.crossings[c]!.name} has cleared`,
        });
        q.maxWaiting = 0;
      }
      continue;
    }
    if (!q) continue;
    // Closed: spoilage of waiting perishables, give-ups after the maximum wait, then today's arrivals.
    for (let i = 0; i < maxWait; i++) {
      const loss = q.cohortPerishable[i]! * params.spoilagePerDay;
      if (loss <= 0) continue;
      q.cohortPerishable[i]! -= loss;
      q.cohortValue[i]! -= loss;
      spoiled += loss;
      book(q.perishableOwners, loss, world.accounts.spoiled);
    }
    const oldest = q.head;
    if (q.cohorts[oldest]! > 0) {
      unserved += q.cohortValue[oldest]!;
      book(q.owners, q.cohortValue[oldest]!, world.accounts.unserved);
      q.waiting -= q.cohorts[oldest]!;
    }
    // Today's arrivals were withdrawn from the routed demand by the routing step (withdrawJoiners).
    const arrivals = q.arrivalsToday;
    q.cohorts[oldest] = arrivals;
    q.cohortValue[oldest] = arrivals * q.valuePerVehicle;
    q.cohortPerishable[oldest] = arrivals * q.valuePerVehicle * q.perishableShare;
    q.head = (q.head + 1) % maxWait;
    q.waiting += arrivals;
    q.maxWaiting = Math.max(q.maxWaiting, q.waiting);
    queued += arrivals;
  }
  return { served, unserved, spoiled, queued };
}

export function economyStep(world: World): void {
  const { model } = world;
  const { scenario, demand, network } = model;
  const na = scenario.actors.length;
  // Pair values change only with the month (demand growth); route shares only with a new equilibrium.
  if (world.economyCache.month !== world.monthApplied) {
    world.economyCache.month = world.monthApplied;
    world.economyCache.pairs = pairEconomy(world);
  }
  const pairs = world.economyCache.pairs as PairEconomy[];
  const routesKey = world.routesKey();
  const lossBefore = world.economyCache.lossBefore;
  for (let a = 0; a < na; a++) lossBefore[a] = world.accounts.unserved[a]! + world.accounts.spoiled[a]!;
  // The day's routed trade by pair and owner holds as long as the equilibrium and the month do.
  const day = world.economyCache.day;
  if (world.economyCache.routesKey !== routesKey) {
    world.economyCache.routesKey = routesKey;
    dependenceStep(world, pairs);
    day.served = 0;
    day.unserved = 0;
    day.potential = 0;
    day.ownerServed.fill(0);
    day.ownerUnserved.fill(0);
    for (let k = 0; k < demand.pairCount; k++) {
      const p = pairs[k]!;
      const routed = demand.demand[k]!; // vehicles waiting at closed crossings are not routed
      const s = world.pairServed[k]!;
      day.served += s * p.value;
      day.unserved += (routed - s) * p.value;
      day.potential += world.pairDemand[k]! * p.value;
      book(p.owners, s * p.value, day.ownerServed);
      book(p.owners, (routed - s) * p.value, day.ownerUnserved);
    }
  }
  const served = day.served;
  const unserved = day.unserved;
  const potential = day.potential;
  for (let a = 0; a < na; a++) {
    world.accounts.served[a]! += day.ownerServed[a]!;
    world.accounts.unserved[a]! += day.ownerUnserved[a]!;
    world.routedToday[a] = day.ownerServed[a]!;
  }
  const q = queuesStep(world, pairs);
  world.today.served = served + q.served;
  world.today.unserved = unserved + q.unserved;
  world.today.spoiled = q.spoiled;
  world.today.potential = potential;
  world.today.queued = q.queued;
  const { totals, today } = world;
  totals.served += today.served;
  totals.unserved += today.unserved;
  totals.spoiled += today.spoiled;
  totals.potential += today.potential;
  totals.queued += today.queued;
  totals.returned += today.returned;
  for (let a = 0; a < na; a++) {
    world.lossToday[a] = world.accounts.unserved[a]! + world.accounts.spoiled[a]! - lossBefore[a]!;
  }

  // Crossing flows and fees (booked to the state on the entry side of each direction).
  for (let c = 0; c < scenario.crossings.length; c++) {
    const element = model.elements[model.crossingElement[c]!]!;
    let flow = 0;
    for (const l of element.links) {
      flow += world.flows[l]!;
      const state = model.nodeState[network.to[l]!]!;
      if (state >= 0) world.accounts.fees[state]! += world.flows[l]! * model.baseFee[l]!;
    }
    world.flowHistory[c]!.set(world.day, flow);
    world.crossingFlow[c] = flow;
  }
  for (const actant of activeActants(world)) {
    if (actant.owner < 0) continue;
    world.accounts.security[actant.owner]! += scenario.actants[actant.index]!.costUsdPerDay;
  }
}

/** Dependence of each owner on each state's territory, and the Herfindahl index of its crossings. */
function dependenceStep(world: World, pairs: PairEconomy[]): void {
  const { model } = world;
  const na = model.scenario.actors.length;
  const ne = model.elements.length;
  const { routed, through, byCrossing, transitThrough } = world.dependenceScratch;
  routed.fill(0);
  through.fill(0);
  byCrossing.fill(0);
  transitThrough.fill(0);
  for (let k = 0; k < pairs.length; k++) {
    const p = pairs[k]!;
    const value = world.pairServed[k]! * p.value;
    if (value <= 0) continue;
    const nc = model.crossingElement.length;
    for (const a of p.ownerList) {
      const owned = value * p.owners[a]!;
      if (owned <= 0) continue;
      routed[a]! += owned;
      for (let s = 0; s < na; s++) through[a * na + s]! += owned * world.pairTerritory[k * na + s]!;
      if (p.transit) {
        for (let s = 0; s < na; s++) transitThrough[a * na + s]! += owned * world.pairTerritory[k * na + s]!;
      }
      const country = model.scenario.actors[a]!.country;
      for (let c = 0; c < nc; c++) {
        const share = world.pairCrossingShare[k * nc + c]!;
        if (share <= 0) continue;
        const element = model.crossingElement[c]!;
        const el = model.elements[element]!;
        if (el.fromCountry === country || el.toCountry === country)
          byCrossing[a * ne + element]! += owned * share;
      }
    }
  }
  for (let a = 0; a < na; a++) {
    // With nothing routed today (all of it cut off), dependence is undefined: keep the last value.
    if (routed[a]! <= 0) continue;
    for (let s = 0; s < na; s++)
      world.dependence[a * na + s] = s !== a ? Math.min(1, through[a * na + s]! / routed[a]!) : 0;
    // Herfindahl index Σ sᵢ² of the shares of a's value over its crossings (metrics/concentration.ts).
    let total = 0;
    let squares = 0;
    for (let e = 0; e < ne; e++) {
      const v = byCrossing[a * ne + e]!;
      total += v;
      squares += v * v;
    }
    world.herfindahl[a] = total > 0 ? squares / (total * total) : 0;
  }
}
