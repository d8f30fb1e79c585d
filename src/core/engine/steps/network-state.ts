/**
 * Network state for the day: statuses, actants, damage, investments and overload failures turn into
 * the capacity, free-flow time, toll and closure of every network link. Traders' learned risk premium
 * (an exponentially weighted memory of closures and damage) is added to the toll. A change large
 * enough to matter marks the routing as dirty, so the equilibrium is re-solved only when needed.
 */
import { disruptionSignal } from "../../mechanisms/index.js";
import { activeActants } from "../queries.js";
import type { World } from "../world.js";
import { CROSSING_RESTRICTED, crossingClosed } from "../world.js";

/** Days between revisions of the risk premia in link costs. */
export const PREMIUM_REVISION_DAYS = 7;
/** Granularity of the remembered disruption probability that traders price in. */
export const RISK_STEP = 0.05;

/** Capacity added by investments whose construction finished today. */
function maturedInvestments(world: World): void {
  // Nothing matures before the earliest day the last scan saw, unless items were added since (items
  // are only ever added elsewhere, and only removed here): then the list need not be read today.
  const scan = world.pendingScan;
  if (world.pendingCapacity.length === scan.length && world.day < scan.next) return;
  let next = Number.POSITIVE_INFINITY;
  for (let i = world.pendingCapacity.length - 1; i >= 0; i--) {
    const item = world.pendingCapacity[i]!;
    if (item.day > world.day) {
      next = Math.min(next, item.day);
      continue;
    }
    world.pendingCapacity.splice(i, 1);
    world.addedCapacity[item.element]! += item.vehiclesPerDay;
    if (item.costReductionUsd) world.costReduction[item.element]! += item.costReductionUsd;
    world.dirty = true;
    world.networkEpoch += 1;
    world.record({
      kind: "capacity-added",
      target: world.model.elements[item.element]!.id,
      cause: "investment in an alternative route, after its construction lag",
      values: { "vehicles/day added": item.vehiclesPerDay },
      text: `${world.model.elements[item.element]!.id} gained ${Math.round(item.vehiclesPerDay)} vehicles/day of capacity`,
      parent: item.cause,
    });
  }
  scan.length = world.pendingCapacity.length;
  scan.next = next;
}

/** Links that stayed over capacity·(1 + tolerance) for `days` days fail for `failureDays` (yesterday's flows). */
function overloadFailures(world: World): void {
  const { overload } = world.model.scenario.model;
  const { network, linkElement, elementLinks } = world.model;
  // With no link over capacity at the last check, and neither the flows nor any link written since,
  // none is over today either: every streak stays 0.
  const scan = world.overloadScan;
  if (!scan.anyOver && scan.flows === world.flows && scan.version === world.linkVersion) return;
  let anyOver = false;
  // Connectors and "no trip" links belong to no element and never fail (their streak stays 0).
  for (const l of elementLinks) {
    const element = linkElement[l]!;
    if (network.closed[l]) {
      world.overloadStreak[l] = 0;
      continue;
    }
    const over = world.flows[l]! > network.capacity[l]! * (1 + overload.tolerance);
    if (over) anyOver = true;
    world.overloadStreak[l] = over ? world.overloadStreak[l]! + 1 : 0;
    if (world.overloadStreak[l]! < overload.days) continue;
    world.overloadStreak[l] = 0;
    world.failedUntil[element] = world.day + overload.failureDays - 1;
    world.dirty = true;
    world.networkEpoch += 1;
    world.record({
      kind: "overload-failure",
      target: world.model.elements[element]!.id,
      cause: `flow above capacity × (1 + ${overload.tolerance}) for ${overload.days} days`,
      values: { flow: world.flows[l]!, capacity: network.capacity[l]!, "failure days": overload.failureDays },
      text: `${world.model.elements[element]!.id} failed under overload and is out for ${overload.failureDays} days`,
    });
  }
  scan.flows = world.flows;
  scan.version = world.linkVersion;
  scan.anyOver = anyOver;
}

export function networkStateStep(world: World): void {
  maturedInvestments(world);
  overloadFailures(world);
  const { model } = world;
  const { network, elements, scenario } = model;
  const { riskPremium, routing } = scenario.model;
  const { attackRiskWeight } = world.modifiers;
  const vot = model.valueOfTime;
  const memory = model.riskMemory;
  const premiumPerRisk = riskPremium.delayDays * 24 * vot;
  // Traders revise the premia they price in once a week (the memory itself moves daily), so a fading
  // memory does not force a new equilibrium every day.
  const premiumDue = world.day % PREMIUM_REVISION_DAYS === 0;
  const actants = activeActants(world);
  if (actants.length !== world.lastActantCount) {
    world.lastActantCount = actants.length;
    world.networkEpoch += 1;
  }
  const epochChanged = world.networkEpoch !== world.lastNetworkEpoch;
  world.lastNetworkEpoch = world.networkEpoch;

  for (let e = 0; e < elements.length; e++) {
    const element = elements[e]!;
    const open = world.elementOpen(e);
    const damaged = world.damagedUntil[e]! >= world.day;
    const state = (open ? 1 : 0) + (damaged ? 2 : 0);
    const unchanged = !epochChanged && !premiumDue && world.elementState[e] === state;
    world.elementState[e] = state;
    const unbuilt = element.project >= 0 && world.projectPhase[element.project] !== "operational";
    // As the design has it, traders price the delay of closures they have seen (policy closures and
    // overload failures); damage already costs them through the capacity it takes away.
    // With attacks in the risk memory (hypothesis attacksReachTrade, mechanisms/trade-risk.ts), each
    // incident in the element's zone today adds attackRiskWeight to the day's disruption; the attack
    // part is also kept apart for the outcomes.
    const attacks = !unbuilt && element.zone >= 0 ? world.incidentsToday[element.zone]! : 0;
    const disrupted = disruptionSignal(!unbuilt && !open, attacks, attackRiskWeight);
    // A memory at 0 with nothing to remember stays exactly 0 (most elements, most days): skip the update.
    if (disrupted !== 0 || world.risk[e] !== 0 || world.riskFromAttacks[e] !== 0) {
      world.risk[e] = (1 - memory) * world.risk[e]! + memory * disrupted;
      if (attackRiskWeight > 0) {
        const fromAttacks = disrupted - (!unbuilt && !open ? 1 : 0);
        world.riskFromAttacks[e] = (1 - memory) * world.riskFromAttacks[e]! + memory * fromAttacks;
      }
    }
    // Nothing that sets this element's attributes moved since yesterday: keep them.
    if (unchanged) continue;
    let capacityFactor = damaged ? 1 - world.damageShare[e]! : 1;
    let processingAdded = 0;
    let capacityOverride = Number.NaN;
    let processingOverride = Number.NaN;
    const c = model.elementCrossing[e]!;
    if (c >= 0) {
      if (world.crossingStatus[c] === CROSSING_RESTRICTED) capacityFactor *= world.crossingHours[c]! / 24;
      capacityOverride = world.capacityOverride[c]!;
      processingOverride = world.processingOverride[c]!;
      for (const actant of actants) {
        if (actant.crossing !== c) continue;
        const a = scenario.actants[actant.index]!;
        capacityFactor *= 1 + (a.capacityFactor - 1) * a.completion;
        processingAdded += a.processingHoursAdded * a.completion;
      }
    }
    // Traders price risk in steps (RISK_STEP of closure probability), not to the last decimal.
    const premium = Math.round(world.risk[e]! / RISK_STEP) * RISK_STEP * premiumPerRisk;
    for (const l of element.links) {
      // A link that carries nothing only matters to the equilibrium if it becomes cheaper at zero flow
      // (reopened, faster, lower toll): closing it or cutting its capacity leaves every path cost as is.
      const used = world.flows[l]! > 0;
      const closed = open ? 0 : 1;
      if (network.closed[l] !== closed) {
        network.closed[l] = closed;
        world.linkVersion += 1;
        if (used || closed === 0) world.dirty = true;
      }
      const baseCapacity = Number.isNaN(capacityOverride) ? model.baseCapacity[l]! : capacityOverride;
      const capacity = Math.max(1e-6, baseCapacity * capacityFactor + world.addedCapacity[e]!);
      const freeFlow = Number.isNaN(processingOverride)
        ? Math.max(0, model.baseFreeFlow[l]! + processingAdded * vot)
        : Math.max(0, (processingOverride + processingAdded) * vot);
      // The priced queue wait (congestionQueues) and the cost cut by investment (neighbourStrategy),
      // both 0 unless those hypotheses are on, are quoted with the premia.
      const toll = premiumDue
        ? Math.max(0, model.baseFee[l]! + premium + world.queueToll[l]! - world.costReduction[e]!)
        : network.toll[l]!;
      const scale = model.baseFreeFlow[l]! + model.baseFee[l]! + network.length[l]! * model.costPerKm + 1;
      if (
        Math.abs(capacity - network.capacity[l]!) > routing.changeThreshold * network.capacity[l]! ||
        Math.abs(freeFlow - network.freeFlowTime[l]!) > routing.changeThreshold * scale ||
        Math.abs(toll - network.toll[l]!) > routing.changeThreshold * scale
      ) {
        const cheaper = freeFlow < network.freeFlowTime[l]! || toll < network.toll[l]!;
        network.capacity[l] = capacity;
        world.linkVersion += 1;
        network.freeFlowTime[l] = freeFlow;
        network.toll[l] = toll;
        if (used || cheaper) world.dirty = true;
      }
    }
  }
  // Status history of crossings (closure days for policies and outcomes).
  for (let c = 0; c < scenario.crossings.length; c++) {
    const e = model.crossingElement[c]!;
    const closed = crossingClosed(world, c, e) ? 1 : 0;
    const unbuilt = elements[e]!.project >= 0 && world.projectPhase[elements[e]!.project] !== "operational";
    world.closedHistory[c]!.set(world.day, unbuilt ? 0 : closed);
    if (world.crossingStatus[c] === CROSSING_RESTRICTED) world.restrictedDays[c]! += 1;
  }
}
