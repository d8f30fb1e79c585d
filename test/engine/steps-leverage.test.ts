/**
 * The target's current dependence on a coercer (src/core/engine/steps/leverage.ts), worked out by hand
 * on the three-state toy: XB's 400 vehicles a day reach the market through XA (AB gate, 50 USD a trip)
 * or through XC (CB gate, 260 USD, above the 250 USD reservation cost unless its fee is cut). With
 * constant costs every trip takes the cheapest route, so the dependence is 1 or 0, and the network the
 * run routes on must be left exactly as it was.
 */
import { describe, expect, it } from "vitest";
import { compileModel } from "../../src/core/engine/model.js";
import { economyStep } from "../../src/core/engine/steps/economy.js";
import { currentOpenDependence } from "../../src/core/engine/steps/leverage.js";
import { networkStateStep } from "../../src/core/engine/steps/network-state.js";
import { routingStep } from "../../src/core/engine/steps/routing.js";
import { createWorld } from "../../src/core/engine/world.js";
import { createStreams } from "../../src/core/random/index.js";
import { threeStates } from "./three-states.js";

/** A world on day 0 after its first equilibrium, as simulate() starts one; CB's fee as given. */
function world(cbFeeUsd = 230, transitViaXa = false) {
  const scenario = threeStates();
  scenario.crossings[1]!.feeUsd = cbFeeUsd;
  if (transitViaXa) scenario.demand[0]!.transitVia = "xa";
  const w = createWorld(compileModel(scenario), createStreams(1, 0));
  networkStateStep(w);
  routingStep(w);
  economyStep(w);
  const links = (crossing: number) => w.model.elements[w.model.crossingElement[crossing]!]!.links;
  return { w, ab: links(0), cb: links(1), abElement: w.model.crossingElement[0]! };
}

const XA = 0;
const XB = 1;

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
});
