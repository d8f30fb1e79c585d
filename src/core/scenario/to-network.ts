/**
 * Turns a scenario's nodes, links, crossings and demand into the routing graph and OD matrix.
 * Costs are in USD per vehicle: free-flow time = hours × value of time (so BPR congestion scales
 * time, as it should), length is weighted by the cost per km, and fees are tolls with weight 1.
 */
import { buildDemand, type Demand, type DemandEntry, findPair } from "../network/demand.js";
import { buildNetwork, type LinkSpec, type Network } from "../network/graph.js";
import type { Scenario } from "./types.js";

/** What a directed network link stands for in the scenario. */
export interface LinkOrigin {
  /** Id of the scenario link or crossing. */
  id: string;
  kind: "link" | "crossing";
  /** false for the reverse direction of a bidirectional link. */
  forward: boolean;
  from: string;
  to: string;
}

export interface ScenarioNetwork {
  network: Network;
  demand: Demand;
  /** Per directed link: which scenario element it comes from. */
  links: LinkOrigin[];
  /** Scenario link or crossing id → its directed link indices (one or two). */
  linksById: Map<string, number[]>;
  nodeIndex: Map<string, number>;
  /** Weights to pass to the solver: tolls are USD, lengths cost `distanceFactor` USD/km. */
  tollFactor: number;
  distanceFactor: number;
  /** Demand pair index per scenario demand entry (entries for the same pair share one). */
  demandPair: number[];
}

/** Share of the day a crossing processes traffic. */
export function openShare(crossing: Scenario["crossings"][number]): number {
  if (crossing.status === "restricted") return (crossing.hoursOpenPerDay ?? 24) / 24;
  return 1;
}

export function scenarioNetwork(scenario: Scenario): ScenarioNetwork {
  const nodeIndex = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const index = (id: string) => nodeIndex.get(id) as number;
  const vot = scenario.generalizedCost.valueOfTimeUsdPerHour;
  const specs: LinkSpec[] = [];
  const origins: LinkOrigin[] = [];
  const linksById = new Map<string, number[]>();
  const closedLinks: number[] = [];

  const add = (
    id: string,
    kind: LinkOrigin["kind"],
    from: string,
    to: string,
    bidirectional: boolean,
    spec: Omit<LinkSpec, "from" | "to">,
  ) => {
    const ends: [string, string][] = bidirectional
      ? [
          [from, to],
          [to, from],
        ]
      : [[from, to]];
    const indices: number[] = [];
    ends.forEach(([a, b], direction) => {
      indices.push(specs.length);
      specs.push({ ...spec, from: index(a), to: index(b) });
      origins.push({ id, kind, forward: direction === 0, from: a, to: b });
    });
    linksById.set(id, indices);
    return indices;
  };

  for (const link of scenario.links) {
    const indices = add(link.id, "link", link.from, link.to, link.bidirectional, {
      capacity: link.capacityVehPerDay,
      freeFlowTime: link.freeFlowHours * vot,
      b: link.bprB,
      power: link.bprPower,
      length: link.lengthKm,
      toll: link.feeUsd,
    });
    // Built by a project: not part of the network as the scenario starts.
    if (link.project !== undefined) closedLinks.push(...indices);
  }
  for (const crossing of scenario.crossings) {
    const indices = add(crossing.id, "crossing", crossing.from, crossing.to, crossing.bidirectional, {
      capacity: crossing.capacityVehPerDay * openShare(crossing),
      freeFlowTime: crossing.processingHours * vot,
      b: crossing.bprB,
      power: crossing.bprPower,
      length: 0,
      toll: crossing.feeUsd,
    });
    if (crossing.status === "closed" || crossing.project !== undefined) closedLinks.push(...indices);
  }

  const network = buildNetwork({
    nodeCount: scenario.nodes.length,
    links: specs,
    noThrough: scenario.nodes.map((n) => n.noThrough),
  });
  for (const link of closedLinks) network.closed[link] = 1;

  const entries: DemandEntry[] = scenario.demand.map((d) => ({
    origin: index(d.origin),
    destination: index(d.destination),
    demand: d.vehiclesPerDay,
  }));
  const demand = buildDemand({ nodeCount: scenario.nodes.length, entries });
  const demandPair = entries.map((e) => findPair(demand, e.origin, e.destination));
  return {
    network,
    demand,
    links: origins,
    linksById,
    nodeIndex,
    tollFactor: 1,
    distanceFactor: scenario.generalizedCost.costPerKmUsd,
    demandPair,
  };
}
