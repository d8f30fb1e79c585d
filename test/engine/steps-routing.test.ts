/**
 * The routing step (src/core/engine/steps/routing.ts) on small cases worked out by hand: when demand
 * is re-read and the equilibrium re-solved, what a closed crossing's joiners take out of the routed
 * demand, the cost of the trips made, each pair's shares of crossings and territories, and the
 * transit measures (bar and fee) a transit state puts on an owner's trade.
 *
 * The diamond (test/engine/diamond.ts): Westtown (XA) to Easttown (XB) through XP (crossings ap, pb: 1 h each) or XQ (aq, qb:
 * 3 h each); no roads, so the first network element is the crossing ap. VOT 10 USD/h, no fees: 20 USD
 * via XP, 60 USD via XQ. Actors xa = 0, xb = 1, xp = 2, xq = 3.
 */
import { describe, expect, it } from "vitest";
import { economyStep } from "../../src/core/engine/steps/economy.js";
import { networkStateStep } from "../../src/core/engine/steps/network-state.js";
import { entryCharge, routingStep } from "../../src/core/engine/steps/routing.js";
import { CROSSING_CLOSED, CROSSING_OPEN, type World } from "../../src/core/engine/world.js";
import { validateScenario } from "../../src/core/scenario/index.js";
import type { Scenario } from "../../src/core/scenario/types.js";
import { dayZeroWorld } from "./day-zero.js";
import { diamond } from "./diamond.js";
import { toyData } from "./scenarios.js";

const XB = 1;
const XP = 2;
const NA = 4;
/** The crossing ap (west → XP). */
const AP = 0;

/** A world on day 0 after its first network state and equilibrium (and economy, for the queues). */
const start = (scenario: Scenario, days = 400): World => dayZeroWorld(scenario, days);

function step(w: World, day = w.day + 1): void {
  w.day = day;
  networkStateStep(w);
  routingStep(w);
  economyStep(w);
}

/** Crossing shares and territory shares of pair k. */
const crossingShares = (w: World, k = 0) => {
  const nc = w.model.crossingElement.length;
  return Array.from(w.pairCrossingShare.subarray(k * nc, (k + 1) * nc));
};
const territory = (w: World, k = 0) => Array.from(w.pairTerritory.subarray(k * NA, (k + 1) * NA));

/** "from→to" node ids of the links where `values` is non-zero. */
function linksWhere(w: World, values: ArrayLike<number>): string[] {
  const { network } = w.model;
  const ids = w.model.scenario.nodes.map((n) => n.id);
  const out: string[] = [];
  for (let l = 0; l < network.linkCount; l++) {
    if (values[l]) out.push(`${ids[network.from[l]!] ?? "centroid"}→${ids[network.to[l]!] ?? "centroid"}`);
  }
  return out.sort();
}

describe("route shares after a solve", () => {
  it("sends the whole pair through the cheaper state and marks every territory its path touches", () => {
    const w = start(diamond());
    expect(w.pairServed[0]).toBeCloseTo(100, 9);
    expect(crossingShares(w)).toEqual([1, 1, 0, 0].map((x) => expect.closeTo(x, 9)));
    // XA (west), XB (east) and XP (p); not XQ.
    expect(territory(w)).toEqual([1, 1, 1, 0].map((x) => expect.closeTo(x, 9)));
    const paths = w.pairPaths[0]!.filter((p) => p.flow > 1e-9);
    expect(paths).toHaveLength(1);
    expect(paths[0]!.flow).toBeCloseTo(100, 9);
  });

  it("splits the shares by each path's part of the served flow", () => {
    // Both branches 1 h a crossing, congestible alike (b = 1, power 1): 50 vehicles each way.
    const congestible = { bprB: 1, bprPower: 1 };
    const w = start(
      diamond({
        crossings: {
          ap: congestible,
          pb: congestible,
          aq: { ...congestible, processingHours: 1 },
          qb: { ...congestible, processingHours: 1 },
        },
      }),
    );
    expect(crossingShares(w)).toEqual([0.5, 0.5, 0.5, 0.5].map((x) => expect.closeTo(x, 6)));
    expect(territory(w)).toEqual([1, 1, 0.5, 0.5].map((x) => expect.closeTo(x, 6)));
  });

  it("measures shares against the served flow, not the demand, and costs only the trips made", () => {
    // ap congestible: 1 h × (1 + v/100), so via XP costs 10 (1 + v/100) + 10 = 20 + v/10 USD; XQ's 60 USD
    // is above the 25 USD reservation cost. Equilibrium: 20 + v/10 = 25, v = 50 served, 50 unserved.
    const w = start(
      diamond({
        trade: { reservationCostUsd: 25 },
        crossings: { ap: { bprB: 1, bprPower: 1, capacityVehPerDay: 100 } },
      }),
    );
    expect(w.pairServed[0]).toBeCloseTo(50, 6);
    expect(crossingShares(w)).toEqual([1, 1, 0, 0].map((x) => expect.closeTo(x, 6)));
    expect(territory(w)).toEqual([1, 1, 1, 0].map((x) => expect.closeTo(x, 6)));
    // 50 trips at 25 USD; the 50 on the "no trip" link are not a transport cost.
    expect(w.transportCost).toBeCloseTo(50 * 25, 4);
  });

  it("gives no shares to a pair that is not served at all, and costs nothing", () => {
    const w = start(diamond({ trade: { reservationCostUsd: 15 } }));
    expect(w.pairServed[0]).toBe(0);
    expect(crossingShares(w)).toEqual([0, 0, 0, 0]);
    expect(territory(w)).toEqual([0, 0, 0, 0]);
    expect(w.transportCost).toBeCloseTo(0, 9);
  });

  it("sums the cost of the trips over pairs: 100 × 20 USD and 40 × 20 USD back", () => {
    const back = {
      origin: "east",
      destination: "west",
      vehiclesPerDay: 40,
      valueUsdPerVehicle: 1000,
      owner: "xa",
      reservationCostUsd: 1000,
    };
    const w = start(diamond({ more: [back] }));
    expect(w.transportCost).toBeCloseTo(140 * 20, 6);
    expect(crossingShares(w, 1)).toEqual([1, 1, 0, 0].map((x) => expect.closeTo(x, 9)));
    expect(territory(w, 1)).toEqual([1, 1, 1, 0].map((x) => expect.closeTo(x, 9)));
    expect(w.pairServed[1]).toBeCloseTo(40, 9);
    expect(w.solves).toBe(1);
  });
});

describe("when demand is re-read and the equilibrium re-solved", () => {
  it("re-solves nothing on quiet days", () => {
    const w = start(
      diamond({
        more: [
          {
            origin: "west",
            destination: "east",
            vehiclesPerDay: 10,
            valueUsdPerVehicle: 1,
            owner: "xa",
            transitVia: "xp",
          },
        ],
      }),
    );
    const flows = w.flows;
    for (let d = 1; d <= 5; d++) step(w, d);
    expect(w.solves).toBe(1);
    expect(w.flows).toBe(flows);
  });

  it("moves to the next month on day 31 (30.44 days a month) and grows demand by (1 + g)^(m/12)", () => {
    const w = start(diamond({ trade: { growthPerYear: 0.5 } }));
    step(w, 30);
    expect(w.monthApplied).toBe(0);
    expect(w.model.demand.demand[0]).toBe(100);
    expect(w.solves).toBe(1);
    step(w, 31);
    expect(w.monthApplied).toBe(1);
    expect(w.model.demand.demand[0]).toBeCloseTo(100 * 1.5 ** (1 / 12), 9);
    expect(w.pairDemand[0]).toBeCloseTo(100 * 1.5 ** (1 / 12), 9);
    expect(w.solves).toBe(2);
    // Month 12 (day 366): 150 vehicles.
    step(w, 366);
    expect(w.monthApplied).toBe(12);
    expect(w.model.demand.demand[0]).toBeCloseTo(150, 9);
    expect(w.pairServed[0]).toBeCloseTo(150, 6);
  });

  it("does not re-solve for a new month when demand does not grow", () => {
    const w = start(diamond());
    step(w, 31);
    expect(w.monthApplied).toBe(1);
    expect(w.solves).toBe(1);
  });

  it("re-solves when a change marks the routing dirty", () => {
    const w = start(diamond());
    w.setCrossingStatus(AP, CROSSING_CLOSED);
    step(w);
    expect(w.solves).toBe(2);
    // Via XQ now: 60 USD a trip.
    expect(crossingShares(w)).toEqual([0, 0, 1, 1].map((x) => expect.closeTo(x, 9)));
    expect(territory(w)).toEqual([1, 1, 0, 1].map((x) => expect.closeTo(x, 9)));
    expect(w.transportCost).toBeCloseTo(100 * 60, 6);
  });
});

describe("joiners at a closed crossing", () => {
  // The two-state toy (test/engine/scenarios.ts): 400 vehicles west → east over the main gate.
  function toy(joinShare: number) {
    const data = toyData({ model: { riskPremium: { delayDays: 0 }, queue: { joinShare, maxWaitDays: 5 } } });
    return start(validateScenario(data, "toy.yaml").scenario, 60);
  }

  it("takes joinShare of the last open day's vehicles out of the routed demand", () => {
    const w = toy(0.25);
    w.setCrossingStatus(0, CROSSING_CLOSED);
    step(w);
    expect(w.pairDemand[0]).toBe(400);
    expect(w.model.demand.demand[0]).toBeCloseTo(300, 9);
    expect(w.queues.get(0)!.arrivalsToday).toBeCloseTo(100, 9);
  });

  it("takes no more than the pair's demand", () => {
    // The queue remembers 1,000 vehicles of the pair (as if demand had fallen since): all 400 join.
    const w = toy(1);
    w.queues.get(0)!.pairVehicles[0] = 1000;
    w.setCrossingStatus(0, CROSSING_CLOSED);
    step(w);
    expect(w.model.demand.demand[0]).toBe(0);
    expect(w.queues.get(0)!.arrivalsToday).toBe(400);
  });

  it("stops the arrivals once the crossing reopens", () => {
    const w = toy(0.25);
    w.setCrossingStatus(0, CROSSING_CLOSED);
    step(w);
    w.setCrossingStatus(0, CROSSING_OPEN);
    step(w);
    expect(w.queues.get(0)!.arrivalsToday).toBe(0);
    expect(w.model.demand.demand[0]).toBe(400);
  });

  it("takes nothing with a join share of 0", () => {
    const w = toy(0);
    w.setCrossingStatus(0, CROSSING_CLOSED);
    step(w);
    expect(w.model.demand.demand[0]).toBe(400);
    expect(w.queues.get(0)!.arrivalsToday).toBe(0);
  });
});

describe("transit measures of the transit state", () => {
  const transit = { transitVia: "xp" };

  it("charges a given amount on each link entering a state's territory from outside it", () => {
    const w = start(diamond());
    const charge = entryCharge(w, XP, 7);
    expect(linksWhere(w, charge)).toEqual(["east→p", "west→p"]);
    expect(Math.max(...charge)).toBe(7);
  });

  it("charges no link inside the territory, only those coming in from elsewhere", () => {
    // The two-state toy: into XB come the main gate's XA → XB direction and the connector from the
    // Easttown demand centroid (a centroid has no country); the roads inside XB pay nothing.
    const data = toyData({ model: { riskPremium: { delayDays: 0 } } });
    const w = start(validateScenario(data, "toy.yaml").scenario, 10);
    expect(linksWhere(w, entryCharge(w, XB, 3))).toEqual(["centroid→east", "gate_a→gate_b"]);
  });

  it("bars suspended transit trade from every link touching the state, and lifts the bar", () => {
    const w = start(diamond({ trade: transit }));
    const origin = w.model.entries[0]!.originCentroid;
    w.transitSuspended[XP * NA + XB] = 1;
    w.dirty = true; // as suspend_transit marks it
    step(w);
    expect(w.transitBlock.get(origin)).toBe(XP);
    expect(linksWhere(w, w.territoryMasks.get(XP)!)).toEqual(["east→p", "p→east", "p→west", "west→p"]);
    expect(crossingShares(w)).toEqual([0, 0, 1, 1].map((x) => expect.closeTo(x, 9)));
    expect(w.solves).toBe(2);
    step(w);
    expect(w.solves).toBe(2);
    w.transitSuspended[XP * NA + XB] = 0;
    w.dirty = true;
    step(w);
    expect(w.transitBlock.get(origin)).toBe(-1);
    expect(crossingShares(w)).toEqual([1, 1, 0, 0].map((x) => expect.closeTo(x, 9)));
    expect(w.solves).toBe(3);
  });

  it("bars the transit trade of the first actor (index 0) too: XA's trade rerouted round XP", () => {
    const w = start(diamond({ trade: { owner: "xa", transitVia: "xp" } }));
    w.transitSuspended[XP * NA + 0] = 1;
    w.dirty = true;
    step(w);
    expect(w.transitBlock.get(w.model.entries[0]!.originCentroid)).toBe(XP);
    expect(crossingShares(w)).toEqual([0, 0, 1, 1].map((x) => expect.closeTo(x, 9)));
  });

  it("gives a cut-off trade no route shares: nothing served, nothing crossed (no 0/0)", () => {
    // XA bars XB's transit from Westtown: the trade's paths keep no flow and every share stays 0.
    const w = start(diamond({ trade: { transitVia: "xa" } }));
    w.transitSuspended[0 * NA + XB] = 1;
    w.dirty = true;
    step(w);
    expect(w.pairServed[0]).toBe(0);
    expect(crossingShares(w)).toEqual([0, 0, 0, 0]);
    expect(Array.from(w.pairTerritory.subarray(0, NA))).toEqual([0, 0, 0, 0]);
  });

  it("bars transit trade from the first actor's territory too, cutting it off there", () => {
    // XA (actor 0) suspends XB's transit from Westtown, XA's own city: no route is left, all unserved.
    const w = start(diamond({ trade: { transitVia: "xa" } }));
    w.transitSuspended[0 * NA + XB] = 1;
    w.dirty = true;
    step(w);
    expect(w.transitBlock.get(w.model.entries[0]!.originCentroid)).toBe(0);
    expect(w.pairServed[0]).toBe(0);
    expect(w.transportCost).toBeCloseTo(0, 9);
  });

  it("bars only the owner the suspension names, and no trade without a transit state", () => {
    const other = {
      origin: "west",
      destination: "east",
      vehiclesPerDay: 50,
      valueUsdPerVehicle: 1000,
      owner: "xb",
    };
    const w = start(diamond({ trade: { ...transit, owner: "xa" }, more: [other] }));
    w.transitSuspended[XP * NA + XB] = 1;
    w.dirty = true; // as suspend_transit marks it
    step(w);
    expect(w.transitBlock.size).toBe(0);
    expect(crossingShares(w, 0)).toEqual([1, 1, 0, 0].map((x) => expect.closeTo(x, 9)));
    expect(crossingShares(w, 1)).toEqual([1, 1, 0, 0].map((x) => expect.closeTo(x, 9)));
  });

  it("prices a transit fee at share × exposure × value on entering the state", () => {
    // Detour via XQ: 40 USD more. Fee 0.9 % × exposure 0.5 × 10,000 = 45 USD: XB's trade goes round.
    const w = start(diamond({ trade: { ...transit, transitFeeExposure: 0.5 } }));
    const origin = w.model.entries[0]!.originCentroid;
    w.transitFee[XP * NA + XB] = 0.009;
    w.dirty = true; // as transit_fee marks it
    step(w);
    expect(w.transitSurcharge.get(origin)).toBeCloseTo(0.0045, 12);
    expect(crossingShares(w)).toEqual([0, 0, 1, 1].map((x) => expect.closeTo(x, 9)));
    expect(w.solves).toBe(2);
    step(w);
    expect(w.solves).toBe(2);
    // 0.7 % × 0.5 × 10,000 = 35 USD < 40: back through XP, paying 20 + 35 USD a trip.
    w.transitFee[XP * NA + XB] = 0.007;
    w.dirty = true;
    step(w);
    expect(crossingShares(w)).toEqual([1, 1, 0, 0].map((x) => expect.closeTo(x, 9)));
    // Lifted: no surcharge at all.
    w.transitFee[XP * NA + XB] = 0;
    w.dirty = true;
    step(w);
    expect(w.transitSurcharge.get(origin)).toBe(0);
    expect(w.solves).toBe(4);
  });
});
