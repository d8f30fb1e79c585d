/**
 * Turns a scenario's nodes, links, crossings and demand into the routing graph and OD matrix.
 * Costs are in USD per vehicle: free-flow time = hours × value of time (so BPR congestion scales
 * time, as it should), length is weighted by the cost per km, and fees are tolls with weight 1.
 */
import { buildDemand, type Demand } from "../network/demand.js";
import { buildNetwork, type LinkSpec, type Network } from "../network/graph.js";
import type { Scenario } from "./types.js";

/** A scenario link or crossing with its directed network links: from→to, then to→from if bidirectional. */
export interface ScenarioElement {
  id: string;
  kind: "link" | "crossing";
  /** Index in `scenario.links` or `scenario.crossings`. */
  index: number;
  from: string;
  to: string;
  zone?: string;
  project?: string;
  /**
   * Base attributes in USD per vehicle: free-flow time = hours × value of time, toll = fee; capacity per
   * direction as written (a crossing's restricted hours and status are left to the caller).
   */
  directed: LinkSpec[];
}

/** Every scenario link, then every crossing, as directed network links between node indices. */
export function scenarioElements(
  scenario: Scenario,
  nodeIndex: ReadonlyMap<string, number>,
): ScenarioElement[] {
  const vot = scenario.generalizedCost.valueOfTimeUsdPerHour;
  const element = (
    kind: ScenarioElement["kind"],
    index: number,
    item: { id: string; from: string; to: string; bidirectional: boolean; zone?: string; project?: string },
    spec: Omit<LinkSpec, "from" | "to">,
  ): ScenarioElement => {
    const from = nodeIndex.get(item.from)!;
    const to = nodeIndex.get(item.to)!;
    const directed = [{ ...spec, from, to }];
    if (item.bidirectional) directed.push({ ...spec, from: to, to: from });
    return {
      id: item.id,
      kind,
      index,
      from: item.from,
      to: item.to,
      ...(item.zone === undefined ? {} : { zone: item.zone }),
      ...(item.project === undefined ? {} : { project: item.project }),
      directed,
    };
  };
  return [
    ...scenario.links.map((l, i) =>
      element("link", i, l, {
        capacity: l.capacityVehPerDay,
        freeFlowTime: l.freeFlowHours * vot,
        b: l.bprB,
        power: l.bprPower,
        length: l.lengthKm,
        toll: l.feeUsd,
      }),
    ),
    ...scenario.crossings.map((c, i) =>
      element("crossing", i, c, {
        capacity: c.capacityVehPerDay,
        freeFlowTime: c.processingHours * vot,
        b: c.bprB,
        power: c.bprPower,
        length: 0,
        toll: c.feeUsd,
      }),
    ),
  ];
}

export interface ScenarioNetwork {
  network: Network;
  demand: Demand;
  /** Scenario link or crossing id → its directed link indices (one or two). */
  linksById: Map<string, number[]>;
  nodeIndex: Map<string, number>;
  /** Weights to pass to the solver: tolls are USD, lengths cost `distanceFactor` USD/km. */
  tollFactor: number;
  distanceFactor: number;
}

/** Share of the day a crossing processes traffic. */
export function openShare(crossing: Scenario["crossings"][number]): number {
  if (crossing.status === "restricted") return (crossing.hoursOpenPerDay ?? 24) / 24;
  return 1;
}

/**
 * The network as the scenario starts, for static analyses (criticality): restricted crossings at their
 * share of capacity; closed crossings and anything a project has yet to build closed.
 */
export function scenarioNetwork(scenario: Scenario): ScenarioNetwork {
  const nodeIndex = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const specs: LinkSpec[] = [];
  const linksById = new Map<string, number[]>();
  const closedLinks: number[] = [];
  for (const element of scenarioElements(scenario, nodeIndex)) {
    const crossing = element.kind === "crossing" ? scenario.crossings[element.index]! : undefined;
    const share = crossing ? openShare(crossing) : 1;
    const indices = element.directed.map(
      (spec) => specs.push({ ...spec, capacity: spec.capacity * share }) - 1,
    );
    linksById.set(element.id, indices);
    if (element.project !== undefined || crossing?.status === "closed") closedLinks.push(...indices);
  }
  const network = buildNetwork({
    nodeCount: scenario.nodes.length,
    links: specs,
    noThrough: scenario.nodes.map((n) => n.noThrough),
  });
  for (const link of closedLinks) network.closed[link] = 1;
  const demand = buildDemand({
    nodeCount: scenario.nodes.length,
    entries: scenario.demand.map((d) => ({
      origin: nodeIndex.get(d.origin)!,
      destination: nodeIndex.get(d.destination)!,
      demand: d.vehiclesPerDay,
    })),
  });
  return {
    network,
    demand,
    linksById,
    nodeIndex,
    tollFactor: 1,
    distanceFactor: scenario.generalizedCost.costPerKmUsd,
  };
}
