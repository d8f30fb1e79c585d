import { describe, expect, it } from "vitest";
import { fakeResult } from "../../../test/helpers/fake-result.js";
import { networkGeoJson, networkGeoJsonText } from "./geojson.js";

describe("network.geojson", () => {
  const result = fakeResult();
  const { scenario } = result;
  const geo = networkGeoJson(scenario, result.flows, result.outcomes);
  const byId = new Map(geo.features.map((f) => [f.id, f]));

  it("has a Point per node and a LineString per link and crossing", () => {
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features.filter((f) => f.geometry.type === "Point").map((f) => f.id)).toEqual(
      scenario.nodes.map((n) => n.id),
    );
    expect(geo.features.filter((f) => f.geometry.type === "LineString").map((f) => f.id)).toEqual([
      ...scenario.links.map((l) => l.id),
      ...scenario.crossings.map((c) => c.id),
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
});
