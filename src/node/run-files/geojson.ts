/**
 * network.geojson (RFC 7946): the scenario's nodes as Points, its links and crossings as straight
 * LineStrings between their end nodes, with the run's mean flows. Coordinates are [longitude, latitude].
 */
import type { LinkFlows, Outcomes } from "../../core/engine/types.js";
import type { Scenario } from "../../core/scenario/types.js";

type Position = [number, number];

interface Feature<G, P> {
  type: "Feature";
  id: string;
  geometry: G;
  properties: P;
}

export interface NodeProperties {
  id: string;
  name: string;
  kind: string;
  country: string;
}

export interface EdgeProperties {
  id: string;
  kind: "link" | "crossing";
  mode: string;
  from: string;
  to: string;
  /** Mean vehicles/day over the run from `from` to `to`, from `to` to `from`, and both together. */
  meanFlowFromTo: number;
  meanFlowToFrom: number;
  meanFlow: number;
  /** Crossings only. */
  name?: string;
  closedDays?: number;
}

export type NetworkFeature =
  | Feature<{ type: "Point"; coordinates: Position }, NodeProperties>
  | Feature<{ type: "LineString"; coordinates: Position[] }, EdgeProperties>;

export interface NetworkGeoJson {
  type: "FeatureCollection";
  features: NetworkFeature[];
}

export function networkGeoJson(scenario: Scenario, flows: LinkFlows, outcomes: Outcomes): NetworkGeoJson {
  const where = new Map(scenario.nodes.map((n): [string, Position] => [n.id, [n.lon, n.lat]]));
  const closedDays = new Map(outcomes.crossings.map((c) => [c.id, c.closedDays]));
  const edge = (
    element: { id: string; from: string; to: string; mode: string },
    kind: "link" | "crossing",
    extra: Pick<EdgeProperties, "name" | "closedDays"> = {},
  ): NetworkFeature => {
    const { fromTo, toFrom } = meanFlows(flows, element);
    return {
      type: "Feature",
      id: element.id,
      geometry: { type: "LineString", coordinates: [where.get(element.from)!, where.get(element.to)!] },
      properties: {
        id: element.id,
        kind,
        mode: element.mode,
        from: element.from,
        to: element.to,
        meanFlowFromTo: fromTo,
        meanFlowToFrom: toFrom,
        meanFlow: fromTo + toFrom,
        ...extra,
      },
    };
  };
  const features: NetworkFeature[] = scenario.nodes.map((n) => ({
    type: "Feature",
    id: n.id,
    geometry: { type: "Point", coordinates: [n.lon, n.lat] },
    properties: { id: n.id, name: n.name, kind: n.kind, country: n.country },
  }));
  for (const link of scenario.links) features.push(edge(link, "link"));
  for (const crossing of scenario.crossings) {
    features.push(
      edge(crossing, "crossing", { name: crossing.name, closedDays: closedDays.get(crossing.id) ?? 0 }),
    );
  }
  return { type: "FeatureCollection", features };
}

export function networkGeoJsonText(scenario: Scenario, flows: LinkFlows, outcomes: Outcomes): string {
  return `${JSON.stringify(networkGeoJson(scenario, flows, outcomes))}\n`;
}

/** Sums the directed flow entries of one element by direction (an element absent from the flows carried none). */
function meanFlows(flows: LinkFlows, element: { id: string; from: string; to: string }) {
  let fromTo = 0;
  let toFrom = 0;
  for (const f of flows.links) {
    if (f.id !== element.id) continue;
    if (f.from === element.from && f.to === element.to) fromTo += f.meanFlow;
    else if (f.from === element.to && f.to === element.from) toFrom += f.meanFlow;
  }
  return { fromTo, toFrom };
}
