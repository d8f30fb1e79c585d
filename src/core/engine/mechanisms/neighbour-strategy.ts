/**
 * The dependent neighbour's own strategy (mechanisms/diversification.ts). After each day's coercion
 * step, every strategist state remembers the share of its trade hit by closures or lost, and per
 * partner state the closures and incidents on the crossings between them; every `reviewDays` it
 * reinvests β times its expected loss in the crossings of its partners by their attractiveness. The
 * capacity (model.adaptation.vehiclesPerDayPerMillionUsd) and the cost cut arrive after
 * model.adaptation.constructionDays; the network step quotes the cut with the risk premia.
 */
import {
  investmentBudget,
  lossShare,
  memoryRate,
  partnerAttractiveness,
  partnerShares,
  remember,
} from "../../mechanisms/index.js";
import { defineMechanism } from "../mechanism.js";
import { crossingsBetween } from "../queries.js";
import { crossingClosed, type World } from "../world.js";

interface Partner {
  state: number;
  crossings: number[];
  /** Each crossing's element, its project (−1: none) and its base capacity, which never change. */
  gates: { crossing: number; element: number; project: number; capacity: number }[];
  /** Indices partner·n + actor (transit suspended) and actor·n + partner (dependence). */
  suspended: number;
  dependence: number;
  zones: number[];
  counterPressure: number;
  closure: number;
  incidents: number;
}

interface Strategist {
  actor: number;
  partners: Partner[];
  pressure: number;
  valueAtRisk: number;
}

export const neighbourStrategyMechanism = defineMechanism({
  key: "neighbourStrategy",
  events: ["diversification-investment"],
  contributions: {
    investedUsd: "USD invested in routes through partners",
    capacityAddedVehiclesPerDay: "crossing capacity bought, vehicles/day (arriving after the lag)",
    costCutUsdPerVehicle: "USD a vehicle cut from partners' crossings, summed over crossings (after the lag)",
  },
  init(world, entry) {
    const { scenario, actorIndex } = world.model;
    const ids =
      entry.actors.length > 0
        ? entry.actors
        : scenario.actors.filter((a) => a.kind === "state").map((a) => a.id);
    const kappa = new Map(entry.counterPressure.map((c) => [c.actor, c.value]));
    const strategists: Strategist[] = ids.map((id) => {
      const actor = actorIndex.get(id)!;
      const partners: Partner[] = [];
      scenario.actors.forEach((other, state) => {
        if (state === actor || other.kind !== "state") return;
        const crossings = crossingsBetween(world, actor, state);
        if (crossings.length === 0) return;
        const zones = [
          ...new Set(crossings.map((c) => world.model.elements[world.model.crossingElement[c]!]!.zone)),
        ].filter((z) => z >= 0);
        const na = scenario.actors.length;
        const gates = crossings.map((crossing) => {
          const element = world.model.crossingElement[crossing]!;
          const el = world.model.elements[element]!;
          return {
            crossing,
            element,
            project: el.project,
            capacity: world.model.baseCapacity[el.links[0]!]!,
          };
        });
        partners.push({
          state,
          crossings,
          gates,
          suspended: state * na + actor,
          dependence: actor * na + state,
          zones,
          counterPressure: kappa.get(other.id) ?? 0,
          closure: 0,
          incidents: 0,
        });
      });
      return { actor, partners, pressure: 0, valueAtRisk: 0 };
    });
    return { strategists, rate: memoryRate(entry.halfLifeDays) };
  },
  hooks: {
    coercion(ctx, state) {
      const { world, strength, entry } = ctx;
      const { scenario } = world.model;
      const na = scenario.actors.length;
      const review = (world.day + 1) % Math.max(1, Math.round(entry.reviewDays)) === 0;
      for (const s of state.strategists) {
        const a = s.actor;
        // Closures suffered on the crossings with each partner, weighted by what would cross it open.
        let exposure = 0;
        for (const p of s.partners) {
          const share = world.transitSuspended[p.suspended] ? 1 : closedShare(world, p);
          exposure += world.openDependence[p.dependence]! * share;
          let incidents = 0;
          for (const z of p.zones) incidents += world.incidentsToday[z]!;
          p.closure = remember(p.closure, share, state.rate);
          p.incidents = remember(
            p.incidents,
            p.zones.length > 0 ? incidents / p.zones.length : 0,
            state.rate,
          );
        }
        const lost = Math.max(0, world.lossToday[a]!);
        const signal = Math.max(lossShare(lost, world.routedToday[a]!), Math.min(1, exposure));
        s.pressure = remember(s.pressure, signal, state.rate);
        s.valueAtRisk += world.routedToday[a]! + lost;
        if (!review) continue;
        const window = s.valueAtRisk;
        s.valueAtRisk = 0;
        const budget = investmentBudget({
          strength,
          pressure: s.pressure,
          valueAtRisk: window,
          discountPerYear: entry.discountPerYear,
          leadDays: scenario.model.adaptation.constructionDays,
        });
        if (budget < entry.minInvestmentUsd || s.partners.length === 0) continue;
        const shares = partnerShares(
          s.partners.map((p) =>
            partnerAttractiveness(p.counterPressure, p.closure, p.incidents, entry.instabilityWeight),
          ),
          entry.exponent,
        );
        if (shares.every((w) => w === 0)) continue;
        const values: Record<string, number> = {
          "remembered loss share π": s.pressure,
          "trade value over the window ΣV (USD)": window,
          "budget I (USD)": budget,
        };
        s.partners.forEach((p, i) => {
          values[`share to ${scenario.actors[p.state]!.id}`] = shares[i]!;
        });
        const invested = ctx.explain({
          kind: "diversification-investment",
          actor: scenario.actors[a]!.id,
          why: "I = β·π·ΣV·e^(−δL/365), shared by each partner's attractiveness (1 − κ)(1 − χ)",
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
          const added = invest(
            world,
            p.crossings,
            usd,
            entry.costReductionUsdPerVehiclePerMillionUsd,
            invested,
          );
          ctx.contribute("investedUsd", usd);
          ctx.contribute("capacityAddedVehiclesPerDay", added.capacity);
          ctx.contribute("costCutUsdPerVehicle", added.cut);
        });
      }
    },
  },
});

/** Share of the built crossings' capacity closed today. */
function closedShare(world: World, partner: Partner): number {
  let closed = 0;
  let total = 0;
  for (const { crossing, element, project, capacity } of partner.gates) {
    if (project >= 0 && world.projectPhase[project] !== "operational") continue;
    total += capacity;
    if (crossingClosed(world, crossing, element)) closed += capacity;
  }
  return total > 0 ? closed / total : 0;
}

/** Capacity and cost cut on the built crossings among `crossings`, split evenly, after the lag. */
function invest(
  world: World,
  crossings: number[],
  usd: number,
  cutPerMillion: number,
  cause: number,
): { capacity: number; cut: number } {
  const { model } = world;
  const { adaptation } = model.scenario.model;
  const built = crossings.filter((c) => {
    const el = model.elements[model.crossingElement[c]!]!;
    return el.project < 0 || world.projectPhase[el.project] === "operational";
  });
  if (built.length === 0) return { capacity: 0, cut: 0 };
  const capacity = (usd / 1e6) * adaptation.vehiclesPerDayPerMillionUsd;
  const cut = (usd / 1e6) * cutPerMillion;
  for (const c of built) {
    world.pendingCapacity.push({
      day: world.day + adaptation.constructionDays,
      element: model.crossingElement[c]!,
      vehiclesPerDay: capacity / built.length,
      costReductionUsd: cut / built.length,
      cause,
    });
  }
  return { capacity, cut };
}
