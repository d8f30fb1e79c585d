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

/** Which layer a feature belongs to: filter on it to split points and lines (e.g. in QGIS). */
export type Layer = "node" | "link" | "crossing";

export interface NodeProperties {
  id: string;
  layer: "node";
  name: string;
  kind: string;
  country: string;
}

export interface EdgeProperties {
  id: string;
  layer: "link" | "crossing";
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
    const [a, b] = apart(where.get(element.from)!, where.get(element.to)!);
    return {
      type: "Feature",
      id: `${kind}:${element.id}`,
      geometry: { type: "LineString", coordinates: [a, b] },
      properties: {
        id: element.id,
        layer: kind,
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
    id: `node:${n.id}`,
    geometry: { type: "Point", coordinates: [n.lon, n.lat] },
    properties: { id: n.id, layer: "node", name: n.name, kind: n.kind, country: n.country },
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

/** Half the drawn length of a line whose two ends share one coordinate (degrees of longitude, ~550 m). */
const APART_DEGREES = 0.005;

/**
 * A crossing's two side nodes often sit at one coordinate (the border post): drawn as given, the line
 * has zero length and vanishes from a map. Such a line is drawn east–west across the point instead.
 */
function apart(a: Position, b: Position): [Position, Position] {
  if (a[0] !== b[0] || a[1] !== b[1]) return [a, b];
  return [
    [a[0] - APART_DEGREES, a[1]],
    [a[0] + APART_DEGREES, a[1]],
  ];
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
