/**
 * The dependent neighbour's own strategy (mechanisms/diversification.ts): each strategist state
 * remembers the share of its trade hit by closures or lost, the closures and incidents on the crossings
 * with each partner, and every `reviewDays` reinvests β times its expected loss in the crossings of
 * its partners, by their attractiveness. Capacity and the cost cut arrive after the construction lag.
 */
import {
  investmentBudget,
  lossShare,
  memoryRate,
  partnerAttractiveness,
  partnerShares,
  remember,
} from "../../mechanisms/index.js";
import { crossingClosed, type World } from "../world.js";

export interface Strategist {
  actor: number;
  partners: { state: number; crossings: number[]; zones: number[]; counterPressure: number }[];
}

/** States that pursue the strategy and their partners: every state with a crossing to them. */
export function strategists(world: World): Strategist[] {
  const { model } = world;
  const { scenario } = model;
  const params = scenario.model.diversification;
  const ids =
    params.actors.length > 0
      ? params.actors
      : scenario.actors.filter((a) => a.kind === "state").map((a) => a.id);
  const kappa = new Map(params.counterPressure.map((c) => [c.actor, c.value]));
  return ids.map((id) => {
    const actor = model.actorIndex.get(id)!;
    const country = scenario.actors[actor]!.country;
    const byState = new Map<number, { crossings: number[]; zones: Set<number> }>();
    model.crossingElement.forEach((e, c) => {
      const el = model.elements[e]!;
      const other =
        el.fromCountry === country ? el.toCountry : el.toCountry === country ? el.fromCountry : "";
      const state = other ? world.stateOf(other) : -1;
      if (state < 0 || state === actor) return;
      const entry = byState.get(state) ?? { crossings: [], zones: new Set<number>() };
      entry.crossings.push(c);
      if (el.zone >= 0) entry.zones.add(el.zone);
      byState.set(state, entry);
    });
    return {
      actor,
      partners: [...byState.entries()].map(([state, v]) => ({
        state,
        crossings: v.crossings,
        zones: [...v.zones],
        counterPressure: kappa.get(scenario.actors[state]!.id) ?? 0,
      })),
    };
  });
}

export function diversificationStep(world: World): void {
  const { model } = world;
  const { scenario } = model;
  const params = scenario.model.diversification;
  if (params.strength === 0) return;
  const na = scenario.actors.length;
  world.strategists ??= strategists(world);
  const m = memoryRate(params.halfLifeDays);
  const review = (world.day + 1) % Math.max(1, Math.round(params.reviewDays)) === 0;
  for (const s of world.strategists) {
    const a = s.actor;
    // Closures suffered on the crossings with each partner, weighted by what would cross it when open.
    let exposure = 0;
    for (const [i, p] of s.partners.entries()) {
      let closed = 0;
      let total = 0;
      for (const c of p.crossings) {
        const e = model.crossingElement[c]!;
        const el = model.elements[e]!;
        if (el.project >= 0 && world.projectPhase[el.project] !== "operational") continue;
        const capacity = model.baseCapacity[el.links[0]!]!;
        total += capacity;
        if (crossingClosed(world, c, e)) closed += capacity;
      }
      const share = world.transitSuspended[p.state * na + a] ? 1 : total > 0 ? closed / total : 0;
      exposure += world.openDependence[a * na + p.state]! * share;
      let incidents = 0;
      for (const z of p.zones) incidents += world.incidentsToday[z]!;
      const k = a * na + p.state;
      world.closureMemory[k] = remember(world.closureMemory[k]!, share, m);
      world.incidentMemory[k] = remember(
        world.incidentMemory[k]!,
        p.zones.length > 0 ? incidents / p.zones.length : 0,
        m,
      );
      void i;
    }
    const lost = Math.max(0, world.lossToday[a]!);
    const signal = Math.max(lossShare(lost, world.routedToday[a]!), Math.min(1, exposure));
    world.pressure[a] = remember(world.pressure[a]!, signal, m);
    world.valueAtRisk[a]! += world.routedToday[a]! + lost;
    if (!review) continue;
    const budget = investmentBudget({
      strength: params.strength,
      pressure: world.pressure[a]!,
      valueAtRisk: world.valueAtRisk[a]!,
      discountPerYear: params.discountPerYear,
      leadDays: scenario.model.adaptation.constructionDays,
    });
    const window = world.valueAtRisk[a]!;
    world.valueAtRisk[a] = 0;
    if (budget < params.minInvestmentUsd || s.partners.length === 0) continue;
    const attractiveness = s.partners.map((p) =>
      partnerAttractiveness(
        p.counterPressure,
        world.closureMemory[a * na + p.state]!,
        world.incidentMemory[a * na + p.state]!,
        params.instabilityWeight,
      ),
    );
    const shares = partnerShares(attractiveness, params.exponent);
    if (shares.every((w) => w === 0)) continue;
    const values: Record<string, number> = {
      "remembered loss share π": world.pressure[a]!,
      "trade value over the window ΣV (USD)": window,
      "budget I (USD)": budget,
    };
    s.partners.forEach((p, i) => {
      values[`share to ${scenario.actors[p.state]!.id}`] = shares[i]!;
    });
    const event = world.record({
      kind: "diversification-investment",
      actor: scenario.actors[a]!.id,
      cause:
        "mechanism diversification: I = β·π·ΣV·e^(−δL/365), shared by attractiveness (1 − κ)(1 − χ) of each partner's crossings",
      values,
      text: `${scenario.actors[a]!.id} invests ${Math.round(budget / 1e6)} M USD in routes via ${s.partners
        .filter((_, i) => shares[i]! > 0)
        .map((p) => scenario.actors[p.state]!.id)
        .join(", ")}`,
    });
    s.partners.forEach((p, i) => {
      const usd = budget * shares[i]!;
      if (usd <= 0) return;
      world.diversified[a * na + p.state]! += usd;
      investCrossings(world, p.crossings, usd, params.costReductionUsdPerVehiclePerMillionUsd, event.id);
    });
  }
}

/** Capacity and cost cut on the given crossings, split evenly, after the construction lag. */
function investCrossings(
  world: World,
  crossings: number[],
  usd: number,
  cutPerMillion: number,
  cause: number,
): void {
  const { adaptation } = world.model.scenario.model;
  const built = crossings.filter((c) => {
    const el = world.model.elements[world.model.crossingElement[c]!]!;
    return el.project < 0 || world.projectPhase[el.project] === "operational";
  });
  if (built.length === 0) return;
  const capacity = (usd / 1e6) * adaptation.vehiclesPerDayPerMillionUsd;
  const cut = (usd / 1e6) * cutPerMillion;
  for (const c of built) {
    world.pendingCapacity.push({
      day: world.day + adaptation.constructionDays,
      element: world.model.crossingElement[c]!,
      vehiclesPerDay: capacity / built.length,
      costReductionUsd: cut / built.length,
      cause,
    });
  }
}
