import { describe, expect, it } from "vitest";
import { fakeResult } from "../../../test/helpers/fake-result.js";
import { networkGeoJson, networkGeoJsonText } from "./geojson.js";

describe("network.geojson", () => {
  const result = fakeResult();
  const { scenario } = result;
  const geo = networkGeoJson(scenario, result.flows, result.outcomes);
  const byId = new Map(geo.features.map((f) => [f.properties.id, f]));

  it("has a Point per node and a LineString per link and crossing", () => {
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features.filter((f) => f.geometry.type === "Point").map((f) => f.id)).toEqual(
      scenario.nodes.map((n) => `node:${n.id}`),
    );
    expect(geo.features.filter((f) => f.geometry.type === "LineString").map((f) => f.id)).toEqual([
      ...scenario.links.map((l) => `link:${l.id}`),
      ...scenario.crossings.map((c) => `crossing:${c.id}`),
    ]);
  });

  it("puts longitude first, as RFC 7946 requires", () => {
    const westtown = scenario.nodes.find((n) => n.id === "westtown")!;
    expect(byId.get("westtown")!.geometry.coordinates).toEqual([westtown.lon, westtown.lat]);
    const valley = byId.get("valley_road")!;
    const gate = scenario.nodes.find((n) => n.id === "gate_xa")!;
    expect(valley.geometry.coordinates).toEqual([
      [westtown.lon, westtown.lat],
      [gate.lon, gate.lat],
    ]);
  });

  it("gives node properties id, name, kind and country", () => {
    expect(byId.get("gate_xb")!.properties).toEqual({
      id: "gate_xb",
      layer: "node",
      name: "Friendship Gate (XB side)",
      kind: "crossing-side",
      country: "XB",
    });
  });

  it("splits mean flow by direction and sums it, with zero for an element that carried nothing", () => {
    expect(byId.get("pass_road_west")!.properties).toMatchObject({
      kind: "link",
      mode: "road",
      meanFlowFromTo: 100,
      meanFlowToFrom: 50,
      meanFlow: 150,
    });
    expect(byId.get("east_highway")!.properties).toMatchObject({
      meanFlowFromTo: 0,
      meanFlowToFrom: 0,
      meanFlow: 0,
    });
  });

  it("gives crossings their name and closed days from the outcomes", () => {
    expect(byId.get("friendship_gate")!.properties).toMatchObject({
      kind: "crossing",
      name: "Friendship Gate",
      closedDays: 2,
      meanFlow: 449.5,
    });
    expect(byId.get("valley_road")!.properties).not.toHaveProperty("closedDays");
  });

  it("is valid JSON text", () => {
    expect(JSON.parse(networkGeoJsonText(scenario, result.flows, result.outcomes))).toEqual(geo);
  });

  it("gives every feature a unique id and a layer, even where a node and a crossing share a name", () => {
    const shared = {
      ...scenario,
      nodes: [...scenario.nodes, { ...scenario.nodes[0]!, id: scenario.crossings[0]!.id }],
    };
    const features = networkGeoJson(shared, result.flows, result.outcomes).features;
    const ids = features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of features) expect(["node", "link", "crossing"]).toContain(f.properties.layer);
  });

  it("draws a crossing whose two sides share one coordinate as a short line, never one of zero length", () => {
    const xb = scenario.crossings[0]!;
    const at = scenario.nodes.find((n) => n.id === xb.from)!;
    const nodes = scenario.nodes.map((n) => (n.id === xb.to ? { ...n, lon: at.lon, lat: at.lat } : n));
    const geo2 = networkGeoJson({ ...scenario, nodes }, result.flows, result.outcomes);
    const line = geo2.features.find((f) => f.id === `crossing:${xb.id}`)!.geometry.coordinates as number[][];
    expect(line[0]).not.toEqual(line[1]);
    expect(line[0]![1]).toBe(at.lat);
    expect((line[0]![0]! + line[1]![0]!) / 2).toBeCloseTo(at.lon, 12);
  });
});
