/**
 * The target's current dependence on a coercer (src/core/engine/steps/leverage.ts), worked out by hand
 * on the three-state toy: XB's 400 vehicles a day reach the market through XA (AB gate, 50 USD a trip)
 * or through XC (CB gate, 260 USD, above the 250 USD reservation cost unless its fee is cut). With
 * constant costs every trip takes the cheapest route, so the dependence is 1 or 0, and the network the
 * run routes on must be left exactly as it was.
 */
import { describe, expect, it } from "vitest";
import { economyStep } from "../../src/core/engine/steps/economy.js";
import { currentOpenDependence } from "../../src/core/engine/steps/leverage.js";
import { routingStep } from "../../src/core/engine/steps/routing.js";
import { dayZeroWorld } from "./day-zero.js";
import { threeStates } from "./three-states.js";

interface Variant {
  /** The state the trade transits (its transit regime), if any. */
  transitVia?: string;
  /** Owner of the trade, "xb" unless given. */
  owner?: string;
  /** The AB gate declared from XA's side to XB's (the same two-way crossing). */
  abFromXa?: boolean;
  /** The AB gate built by a project (index 0), in the phase given. */
  abProject?: "building" | "operational";
  /** The CB gate declared from XC's side to XB's (the same two-way crossing). */
  cbFromXc?: boolean;
  /** A copy of XB's trade owned by XC, in transit through XA (two trades from B city to the market). */
  xcTransitViaXa?: boolean;
  /** A second trade of XB, to a town in XC only the CB gate leads to, at 280 USD: above the 250 it is worth. */
  cutOffTrade?: boolean;
}

/** A world on day 0 after its first equilibrium, as simulate() starts one; CB's fee as given. */
function world(cbFeeUsd = 230, transitViaXa = false, variant: Variant = {}) {
  const scenario = threeStates(
    variant.abProject
      ? {
          extra: {
            projects: [
              {
                id: "ab_works",
                name: "AB gate works",
                kind: "crossing",
                announced: "2024-01-01",
                declaredCapacity: 1000,
                capacityUnit: "vehicles/day",
                status: variant.abProject,
                constructionDays: 10_000,
              },
            ],
          },
        }
      : {},
  );
  scenario.crossings[1]!.feeUsd = cbFeeUsd;
  if (transitViaXa) scenario.demand[0]!.transitVia = "xa";
  if (variant.transitVia) scenario.demand[0]!.transitVia = variant.transitVia;
  if (variant.owner) scenario.demand[0]!.owner = variant.owner;
  if (variant.abProject) scenario.crossings[0]!.project = "ab_works";
  if (variant.abFromXa) {
    const ab = scenario.crossings[0]!;
    [ab.from, ab.to] = [ab.to, ab.from];
  }
  if (variant.cbFromXc) {
    const cb = scenario.crossings[1]!;
    [cb.from, cb.to] = [cb.to, cb.from];
  }
  if (variant.xcTransitViaXa) {
    scenario.demand.push({ ...scenario.demand[0]!, owner: "xc", transitVia: "xa" });
  }
  if (variant.cutOffTrade) {
    scenario.nodes.push({ ...scenario.nodes[4]!, id: "c_town", name: "C town", zone: true });
    scenario.links.push({
      ...scenario.links[3]!,
      id: "c_town_road",
      from: "cb_c",
      to: "c_town",
      freeFlowHours: 3,
    });
    scenario.demand.push({ ...scenario.demand[0]!, destination: "c_town" });
    scenario.links[3]!.bidirectional = false; // no way back from the market into XC
  }
  const w = dayZeroWorld(scenario);
  const links = (crossing: number) => w.model.elements[w.model.crossingElement[crossing]!]!.links;
  return { w, ab: links(0), cb: links(1), abElement: w.model.crossingElement[0]! };
}

const XA = 0;
const XB = 1;
const XC = 2;

/** The run's equilibrium re-solved after a change to the transit state's measures. */
function resolve(w: ReturnType<typeof world>["w"]): void {
  w.dirty = true;
  routingStep(w);
  economyStep(w);
}

describe("current dependence of the target on the coercer (three-state toy)", () => {
  it("is 1 when all of the target's trade crosses the coercer", () => {
    const { w } = world();
    expect(currentOpenDependence(w, XB, XA)).toBe(1);
  });

  it("reopens the crossings between the two for the counterfactual, and closes them again", () => {
    const { w, ab } = world();
    for (const l of ab) w.model.network.closed[l] = 1;
    expect(currentOpenDependence(w, XB, XA)).toBe(1);
    for (const l of ab) expect(w.model.network.closed[l]).toBe(1);
  });

  it("prices the reopened crossings at their fee, without the learned premium, and restores the premium", () => {
    const { w, ab } = world();
    for (const l of ab) w.model.network.toll[l] = 10_000;
    expect(currentOpenDependence(w, XB, XA)).toBe(1);
    for (const l of ab) expect(w.model.network.toll[l]).toBe(10_000);
  });

  it("leaves a failed crossing shut: the trade is cut off (260 USD > 250) and nothing routed, dependence 0", () => {
    const { w, ab, abElement } = world();
    for (const l of ab) w.model.network.closed[l] = 1;
    w.failedUntil[abElement] = w.day;
    expect(currentOpenDependence(w, XB, XA)).toBe(0);
  });

  it("is 0 when the trade goes round the coercer (CB at 5 USD + 3 h = 35 USD < 50 USD)", () => {
    const { w } = world(5);
    expect(currentOpenDependence(w, XB, XA)).toBe(0);
  });

  it("does not reopen a closed crossing with a third state: with CB shut the trade needs XA", () => {
    const { w, cb } = world(5);
    for (const l of cb) w.model.network.closed[l] = 1;
    expect(currentOpenDependence(w, XB, XA)).toBe(1);
    for (const l of cb) expect(w.model.network.closed[l]).toBe(1);
  });

  it("counts only the target's own trade: XC depends on nothing it does not own", () => {
    const { w } = world();
    expect(currentOpenDependence(w, 2, XA)).toBe(0);
  });

  it("lifts the coercer's own transit bar for the counterfactual, and keeps it in the run", () => {
    // XA suspends XB's transit: in the run the trade is cut off (CB's 260 USD is above 250).
    const { w } = world(230, true);
    w.transitSuspended[XA * w.model.scenario.actors.length + XB] = 1;
    resolve(w);
    expect(w.transitBlock.get(w.model.entries[0]!.originCentroid)).toBe(XA);
    expect(currentOpenDependence(w, XB, XA)).toBe(1);
    // For XC as coercer XA's bar stays: nothing is routed, dependence 0.
    expect(currentOpenDependence(w, XB, 2)).toBe(0);
  });

  it("lifts the coercer's own transit fee for the counterfactual", () => {
    // A 50 % fee on 20,000 USD cargo (10,000 USD a trip) cuts the trade off in the run.
    const { w } = world(230, true);
    w.transitFee[XA * w.model.scenario.actors.length + XB] = 0.5;
    resolve(w);
    expect(w.transitSurcharge.get(w.model.entries[0]!.originCentroid)).toBe(0.5);
    expect(currentOpenDependence(w, XB, XA)).toBe(1);
  });

  it("reopens a crossing between the two whichever way it is declared (XA to XB here)", () => {
    const { w, ab } = world(230, false, { abFromXa: true });
    for (const l of ab) w.model.network.closed[l] = 1;
    expect(currentOpenDependence(w, XB, XA)).toBe(1);
  });

  it("reopens no crossing of the coercer with a third state, whichever way it is declared", () => {
    // XC's trade (owner xc) reaches the market only through XA's AB gate, shut: CB's 260 USD is above
    // 250 USD, so nothing is routed and XC depends on XA for nothing; reopening AB would make it 1.
    for (const abFromXa of [false, true]) {
      const { w, ab } = world(230, false, { owner: "xc", abFromXa });
      for (const l of ab) w.model.network.closed[l] = 1;
      expect(currentOpenDependence(w, XC, XA)).toBe(0);
    }
  });

  it("leaves a crossing shut while its project is unbuilt, and reopens it once operational", () => {
    for (const [phase, dependence] of [
      ["building", 0],
      ["operational", 1],
    ] as const) {
      const { w, ab } = world(230, false, { abProject: phase });
      w.projectPhase[0] = phase;
      for (const l of ab) w.model.network.closed[l] = 1;
      expect(currentOpenDependence(w, XB, XA)).toBe(dependence);
    }
  });

  it("keeps another state's transit bar on the target: XA bars XB, so on XC (fee 200 USD) XB depends on XC", () => {
    // CB at 200 + 3 × 10 USD = 230 USD < 250: with AB barred the trade goes through XC.
    const { w } = world(200, false, { transitVia: "xa" });
    w.transitSuspended[XA * w.model.scenario.actors.length + XB] = 1;
    resolve(w);
    expect(currentOpenDependence(w, XB, XC)).toBe(1);
    expect(currentOpenDependence(w, XB, XA)).toBe(1);
  });

  it("keeps a bar by a state of higher index: XC bars XB's transit, so the cheap CB gate is out", () => {
    // CB at 5 USD (35 USD) would beat AB's 50 USD; with XC's bar XB's trade goes through XA.
    const { w } = world(5, false, { transitVia: "xc" });
    w.transitSuspended[XC * w.model.scenario.actors.length + XB] = 1;
    resolve(w);
    expect(currentOpenDependence(w, XB, XA)).toBe(1);
  });

  it("keeps another state's transit fee on the target: 50 % of 20,000 USD on entering XC", () => {
    // With the fee CB costs 10,035 USD, so the trade takes AB (50 USD) and needs XA; without, CB (35 USD).
    const { w } = world(5, false, { transitVia: "xc" });
    w.transitFee[XC * w.model.scenario.actors.length + XB] = 0.5;
    resolve(w);
    expect(currentOpenDependence(w, XB, XA)).toBe(1);
    // A fee of 1 % (200 USD, so 235 USD by CB) still tips the trade to AB: the fee is a share of the value.
    w.transitFee[XC * w.model.scenario.actors.length + XB] = 0.01;
    resolve(w);
    expect(currentOpenDependence(w, XB, XA)).toBe(1);
  });

  it("measures over the trade served: a trade cut off counts neither as routed nor as through", () => {
    // XB's second trade to C town costs 10 + 240 + 30 = 280 USD > 250 by CB, the only way in: unserved.
    const { w } = world(230, false, { cutOffTrade: true });
    expect(w.pairServed[w.model.entries[1]!.pair]).toBe(0);
    expect(w.pairServed[w.model.entries[0]!.pair]).toBe(400);
    expect(currentOpenDependence(w, XB, XA)).toBe(1);
  });

  it("reopens no crossing of the target with a third state, whichever way it is declared (XC to XB)", () => {
    const { w, cb } = world(5, false, { cbFromXc: true });
    for (const l of cb) w.model.network.closed[l] = 1;
    expect(currentOpenDependence(w, XB, XA)).toBe(1);
  });

  /** Vehicles a day of XC's trade (entry 1) the last counterfactual sent through XA's territory. */
  function xcThroughXa(w: ReturnType<typeof world>["w"]): number {
    const { network, nodeState } = w.model;
    const paths = w.counterfactualAssigner!.pairPaths(w.model.entries[1]!.pair);
    return paths
      .filter((p) => p.links.some((l) => nodeState[network.to[l]!] === XA))
      .reduce((sum, p) => sum + p.flow, 0);
  }

  it("lifts the coercer's bar on the target only: XA's bar on XC's transit trade stays", () => {
    // CB at 200 USD (230 USD a trip) is still worth it: barred from XA, XC's trade goes through XC.
    const { w } = world(200, false, { transitVia: "xa", xcTransitViaXa: true });
    const na = w.model.scenario.actors.length;
    w.transitSuspended[XA * na + XB] = 1;
    w.transitSuspended[XA * na + XC] = 1;
    resolve(w);
    expect(currentOpenDependence(w, XB, XA)).toBe(1);
    expect(xcThroughXa(w)).toBe(0);
    expect(
      w.counterfactualAssigner!.pairPaths(w.model.entries[1]!.pair).reduce((s, p) => s + p.flow, 0),
    ).toBeCloseTo(400, 6);
  });

  it("lifts the coercer's fee on the target only: XA's 50 % fee on XC's transit trade stays", () => {
    // With the fee AB costs 10,050 USD for XC's trade, so it takes CB (230 USD); XB's goes by AB (50 USD).
    const { w } = world(200, false, { transitVia: "xa", xcTransitViaXa: true });
    const na = w.model.scenario.actors.length;
    w.transitFee[XA * na + XB] = 0.5;
    w.transitFee[XA * na + XC] = 0.5;
    resolve(w);
    expect(currentOpenDependence(w, XB, XA)).toBe(1);
    expect(xcThroughXa(w)).toBe(0);
  });
});
