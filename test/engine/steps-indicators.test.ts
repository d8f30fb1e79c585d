/**
 * The corridor performance indicators (src/core/engine/steps/indicators.ts) worked out by hand on the
 * three-state toy, with the flows and paths written in directly so every figure is arithmetic: roads of
 * 1 h (b_cb edited to 3 h) and 100, 300, 50 and 500 km; the AB gate takes 2 h, the CB gate 1 h; the
 * value of time is 10 USD/h, so a link's hours are its free-flow cost over 10.
 */
import { describe, expect, it } from "vitest";
import { compileModel } from "../../src/core/engine/model.js";
import { indicatorsStep, linkHours, updateRouteMeasures } from "../../src/core/engine/steps/indicators.js";
import { createWorld, type World } from "../../src/core/engine/world.js";
import { createStreams } from "../../src/core/random/index.js";
import { threeStates } from "./three-states.js";

const KM: Record<string, number> = { b_ab: 100, a_market: 300, b_cb: 50, c_market: 500 };

function toyWorld(edit?: (scenario: ReturnType<typeof threeStates>) => void): World {
  const scenario = threeStates();
  for (const link of scenario.links) link.lengthKm = KM[link.id]!;
  scenario.links[2]!.freeFlowHours = 3;
  edit?.(scenario);
  return createWorld(compileModel(scenario), createStreams(1, 0));
}

/** The first (forward) network link of a scenario link or crossing. */
const link = (w: World, id: string) => w.model.elements[w.model.elementById.get(id)!]!.links[0]!;
const path = (w: World, ids: string[], flow: number) => ({
  flow,
  links: Int32Array.from(ids.map((id) => link(w, id))),
});
const viaAb = ["b_ab", "ab_gate", "a_market"];
const viaCb = ["b_cb", "cb_gate", "c_market"];

describe("indicators: travel time of a link", () => {
  it("is the free-flow hours at no congestion (cost over the value of time)", () => {
    const w = toyWorld();
    expect(linkHours(w, link(w, "b_ab"))).toBe(1);
    expect(linkHours(w, link(w, "b_cb"))).toBe(3);
    expect(linkHours(w, link(w, "ab_gate"))).toBe(2);
  });

  it("follows the BPR curve at its flow: b 1, power 4, 400 vehicles on 400 a day doubles 1 h", () => {
    const w = toyWorld((s) => {
      s.links[0]!.bprB = 1;
      s.links[0]!.capacityVehPerDay = 400;
    });
    const l = link(w, "b_ab");
    w.flows[l] = 400;
    expect(linkHours(w, l)).toBeCloseTo(2, 12);
    w.flows[l] = 200; // 1 + (1/2)^4
    expect(linkHours(w, l)).toBeCloseTo(1.0625, 12);
  });

  it("is 0, not a division by zero, when time has no value", () => {
    const w = toyWorld((s) => {
      s.generalizedCost.valueOfTimeUsdPerHour = 0;
    });
    expect(linkHours(w, link(w, "b_ab"))).toBe(0);
  });
});

describe("indicators: route measures per served vehicle", () => {
  it("gives connectors and 'no trip' links no hours (a no-trip link's cost is 250 USD = 25 h)", () => {
    const w = toyWorld();
    updateRouteMeasures(w);
    expect(w.indicators.linkHours[link(w, "a_market")]).toBe(1);
    expect(w.indicators.linkHours[w.model.noTripLink[0]!]).toBe(0);
    for (let l = 0; l < w.model.network.linkCount; l++)
      if (w.model.linkElement[l]! < 0) expect(w.indicators.linkHours[l]).toBe(0);
  });

  it("averages km, moving and border hours over the routed paths, leaving out the unserved", () => {
    const w = toyWorld();
    // 300 via AB (400 km, 2 h moving, 2 h border), 100 via CB (550 km, 4 h, 1 h), 50 not travelling,
    // and an unused path: km (300×400 + 100×550)/400 = 437.5, moving 1,000/400 = 2.5, border 700/400.
    w.pairPaths[0] = [
      path(w, viaAb, 300),
      path(w, viaCb, 100),
      path(w, ["b_cb"], 0),
      { flow: 50, links: Int32Array.of(w.model.noTripLink[0]!) },
    ];
    updateRouteMeasures(w);
    expect(w.indicators.routeKm[0]).toBe(437.5);
    expect(w.indicators.routeMoving[0]).toBe(2.5);
    expect(w.indicators.routeBorder[0]).toBe(1.75);
  });

  it("is 0 for a pair with nothing routed", () => {
    const w = toyWorld();
    w.indicators.routeKm[0] = 9;
    w.indicators.routeMoving[0] = 9;
    w.indicators.routeBorder[0] = 9;
    w.pairPaths[0] = [{ flow: 400, links: Int32Array.of(w.model.noTripLink[0]!) }];
    updateRouteMeasures(w);
    expect(w.indicators.routeKm[0]).toBe(0);
    expect(w.indicators.routeMoving[0]).toBe(0);
    expect(w.indicators.routeBorder[0]).toBe(0);
  });
});

describe("indicators: the daily totals", () => {
  it("adds each open crossing direction's vehicles and vehicle-hours, day after day", () => {
    const w = toyWorld();
    const ab = link(w, "ab_gate");
    const cb = link(w, "cb_gate");
    w.pairPaths[0] = [path(w, viaAb, 300), path(w, viaCb, 100)];
    updateRouteMeasures(w);
    w.flows[ab] = 300;
    w.flows[cb] = 100;
    w.model.network.closed[cb] = 1; // a closed direction counts nothing, whatever its flow
    w.pairServed[0] = 400;
    indicatorsStep(w);
    indicatorsStep(w);
    const t = w.indicators;
    expect(t.vehicles[ab]).toBe(600);
    expect(t.vehicleHours[ab]).toBe(1200); // 2 days × 300 × 2 h
    expect(t.vehicles[cb]).toBe(0);
    expect(t.vehicleHours[cb]).toBe(0);
    // The pair: 2 days × 400 served × 437.5 km, 2.5 h moving and 1.75 h at borders.
    expect(t.pairVehicles[0]).toBe(800);
    expect(t.pairKm[0]).toBe(350_000);
    expect(t.pairMoving[0]).toBe(2000);
    expect(t.pairBorder[0]).toBe(1400);
  });

  it("counts nothing for a pair with no served vehicles, however its routes measure", () => {
    const w = toyWorld();
    w.indicators.routeKm[0] = 437.5;
    w.pairServed[0] = 0;
    indicatorsStep(w);
    expect(w.indicators.pairVehicles[0]).toBe(0);
    expect(w.indicators.pairKm[0]).toBe(0);
  });
});
