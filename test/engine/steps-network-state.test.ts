/**
 * The network state step (src/core/engine/steps/network-state.ts) worked out by hand on the toy corridor
 * (test/engine/scenarios.ts), calling the step alone on a fresh world. Elements: west_road (0, links
 * 0–1), east_road (1, links 2–3), main_gate (2, links 4–5: 1,000 vehicles/day, 2 h at 10 USD/h = 20 USD
 * free-flow, 10 USD fee). Day 0 and every 7th day the tolls are revised. Risk premium: delayDays
 * 5 × 24 h × 10 USD/h = 1,200 USD per unit of remembered closure probability.
 */
import { describe, expect, it } from "vitest";
import { compileModel } from "../../src/core/engine/model.js";
import { networkStateStep } from "../../src/core/engine/steps/network-state.js";
import {
  CROSSING_CLOSED,
  CROSSING_RESTRICTED,
  createWorld,
  type World,
} from "../../src/core/engine/world.js";
import { createStreams } from "../../src/core/random/index.js";
import type { Scenario } from "../../src/core/scenario/types.js";
import { type ToyOptions, toyScenario } from "./scenarios.js";

type Data = Record<string, unknown>;

const GATE = 2;
const [G1, G2] = [4, 5];

function toyWorld(options: ToyOptions = {}, edit?: (s: Scenario) => void): World {
  const scenario = toyScenario(options);
  edit?.(scenario);
  return createWorld(compileModel(scenario, { days: 60 }), createStreams(1, 0));
}

/** Runs the step on each day from `from` to `to` (both included), calling `before` first each day. */
function runDays(w: World, from: number, to: number, before?: (day: number) => void): void {
  for (let d = from; d <= to; d++) {
    w.day = d;
    // Flows a test writes stand for a new equilibrium, and the routing step always gives one a new array.
    if (before) {
      w.flows = Float64Array.from(w.flows);
      before(d);
    }
    networkStateStep(w);
  }
}

const net = (w: World) => w.model.network;
const events = (w: World, kind: string) => w.log.events.filter((e) => e.kind === kind);

/** The toy with an actant at `at` (a crossing or a zone), fields as given. */
const withActant = (fields: Data, at = "main_gate"): ToyOptions => ({
  extra: { actants: [{ id: "scan", name: "scanner", kind: "scanner", at, ...fields }] },
});

describe("network state: investments that mature", () => {
  it("adds capacity on the day due (not before), with the cost cut priced at the next revision", () => {
    const w = toyWorld();
    w.pendingCapacity.push(
      { day: 1, element: GATE, vehiclesPerDay: 250, costReductionUsd: 4, cause: 7 },
      { day: 2, element: 0, vehiclesPerDay: 99, cause: 8 },
    );
    runDays(w, 0, 0);
    expect(net(w).capacity[G1]).toBe(1000);
    expect(w.pendingCapacity).toHaveLength(2);
    w.dirty = false;
    const epoch = w.networkEpoch;
    runDays(w, 1, 1);
    // Day 1: only the first item is due. 1,000 + 250 on both gate links; the toll keeps 10 USD until day 7.
    expect(w.pendingCapacity.map((p) => p.day)).toEqual([2]);
    expect(w.addedCapacity[GATE]).toBe(250);
    expect(w.costReduction[GATE]).toBe(4);
    expect([net(w).capacity[G1], net(w).capacity[G2]]).toEqual([1250, 1250]);
    expect(net(w).toll[G1]).toBe(10);
    expect(w.dirty).toBe(true);
    expect(w.networkEpoch).toBe(epoch + 1);
    const [added] = events(w, "capacity-added");
    expect(added).toMatchObject({
      day: 1,
      target: "main_gate",
      values: { "vehicles/day added": 250 },
      text: "main_gate gained 250 vehicles/day of capacity",
      parent: 7,
    });
    expect(added!.cause).toBe("investment in an alternative route, after its construction lag");
    // Day 2: the road's 99 vehicles (5,000 + 99), without a cost cut; day 7: the gate's toll 10 − 4 = 6.
    runDays(w, 2, 6);
    expect(w.pendingCapacity).toEqual([]);
    expect(net(w).capacity[0]).toBe(5099);
    expect(w.costReduction[0]).toBe(0);
    expect(net(w).toll[G1]).toBe(10);
    runDays(w, 7, 7);
    expect([net(w).toll[G1], net(w).toll[G2]]).toEqual([6, 6]);
    expect(events(w, "capacity-added").map((e) => [e.day, e.target])).toEqual([
      [1, "main_gate"],
      [2, "west_road"],
    ]);
  });

  it("matures two items due the same day, the first one listed included", () => {
    const w = toyWorld();
    w.pendingCapacity.push(
      { day: 0, element: GATE, vehiclesPerDay: 100, cause: 0 },
      { day: 0, element: GATE, vehiclesPerDay: 30.4, cause: 0 },
    );
    runDays(w, 0, 0);
    expect(w.pendingCapacity).toEqual([]);
    expect(net(w).capacity[G1]).toBeCloseTo(1130.4, 9);
    // Listed last first (the list is walked backwards); the text rounds 30.4 to 30.
    expect(events(w, "capacity-added").map((e) => e.text)).toEqual([
      "main_gate gained 30 vehicles/day of capacity",
      "main_gate gained 100 vehicles/day of capacity",
    ]);
  });
});

describe("network state: overload failures (tolerance 0.5, 3 days, out for 2 days)", () => {
  it("fails a link over 1,000 × 1.5 on its third day, closed days 2–3 and open on day 4", () => {
    const w = toyWorld();
    runDays(w, 0, 1, () => {
      w.flows[G1] = 1501;
    });
    expect(w.overloadStreak[G1]).toBe(2);
    expect(w.failedUntil[GATE]).toBe(-1);
    const epoch = w.networkEpoch;
    w.dirty = false;
    runDays(w, 2, 2, () => {
      w.flows[G1] = 1501;
    });
    // Failed on day 2 for 2 days: out until day 2 + 2 − 1 = 3.
    expect(w.overloadStreak[G1]).toBe(0);
    expect(w.failedUntil[GATE]).toBe(3);
    expect(w.networkEpoch).toBe(epoch + 1);
    expect(w.dirty).toBe(true);
    expect([net(w).closed[G1], net(w).closed[G2], net(w).closed[0]]).toEqual([1, 1, 0]);
    const [failure] = events(w, "overload-failure");
    expect(failure).toMatchObject({
      day: 2,
      target: "main_gate",
      cause: "flow above capacity × (1 + 0.5) for 3 days",
      values: { flow: 1501, capacity: 1000, "failure days": 2 },
      text: "main_gate failed under overload and is out for 2 days",
    });
    runDays(w, 3, 3, () => {
      w.flows[G1] = 0;
    });
    expect(net(w).closed[G1]).toBe(1);
    runDays(w, 4, 4);
    expect(net(w).closed[G1]).toBe(0);
    // Closure history of the gate: days 2 and 3 of the five.
    expect(w.closedHistory[0]!.sum(5, 5)).toBe(2);
    expect(w.closedHistory[0]!.sum(3, 1)).toBe(1);
    expect(events(w, "overload-failure")).toHaveLength(1);
  });

  it("does not count a flow of exactly 1,500 as over", () => {
    const w = toyWorld();
    runDays(w, 0, 4, () => {
      w.flows[G1] = 1500;
    });
    expect(w.overloadStreak[G1]).toBe(0);
    expect(events(w, "overload-failure")).toEqual([]);
  });

  it("keeps counting while the same equilibrium holds, and stops looking once none is over", () => {
    // One equilibrium over capacity from day 0, no re-solve after: the streak still grows to a failure.
    const w = toyWorld();
    w.flows = Float64Array.from(w.flows);
    w.flows[G1] = 1501;
    runDays(w, 0, 2);
    expect(w.failedUntil[GATE]).toBe(3);
    // Within capacity again (a new equilibrium): no streak, and the same flows keep it at 0.
    runDays(w, 5, 5, () => {
      w.flows[G1] = 900;
    });
    runDays(w, 6, 9);
    expect(w.overloadStreak[G1]).toBe(0);
    expect(w.overloadScan.anyOver).toBe(false);
  });

  it("starts the count again after a day within capacity", () => {
    const w = toyWorld();
    runDays(w, 0, 3, (d) => {
      w.flows[G1] = d === 1 ? 1000 : 1501;
    });
    expect(w.overloadStreak[G1]).toBe(2);
    expect(w.failedUntil[GATE]).toBe(-1);
  });

  it("counts nothing on a link already closed, nor on connectors (capacity 1)", () => {
    const w = toyWorld();
    w.crossingStatus[0] = CROSSING_CLOSED;
    const connectors: number[] = [];
    for (let l = 0; l < net(w).linkCount; l++) if (w.model.linkElement[l]! < 0) connectors.push(l);
    runDays(w, 0, 5, () => {
      w.flows[G1] = 5000;
      for (const l of connectors) w.flows[l] = 400;
    });
    // Day 0 counted (the link was open the day before); from day 1 it is closed and the count stays 0.
    expect(w.overloadStreak[G1]).toBe(0);
    for (const l of connectors) expect(w.overloadStreak[l]).toBe(0);
    expect(events(w, "overload-failure")).toEqual([]);
  });

  it("follows the scenario's tolerance, days and failure days", () => {
    const w = toyWorld({ model: { overload: { tolerance: 0, days: 1, failureDays: 4 } } });
    runDays(w, 0, 0, () => {
      w.flows[G2] = 1000.5;
    });
    // Over 1,000 × (1 + 0) on day 0 with days 1: out until day 0 + 4 − 1 = 3.
    expect(w.failedUntil[GATE]).toBe(3);
    expect(events(w, "overload-failure")[0]!.cause).toBe("flow above capacity × (1 + 0) for 1 days");
  });
});

describe("network state: traders' risk premium", () => {
  // halfLifeDays 1: the memory keeps half of yesterday's risk and adds half of today's disruption.
  const halfDay = { riskPremium: { halfLifeDays: 1, delayDays: 5 } };

  it("prices one closed day as risk 0.5: 10 steps of 0.05 × 1,200 = 600 USD on top of the 10 USD fee", () => {
    const w = toyWorld({ model: halfDay });
    runDays(w, 0, 0, () => {
      w.crossingStatus[0] = CROSSING_CLOSED;
    });
    expect(w.risk[GATE]).toBe(0.5);
    expect(w.risk[0]).toBe(0);
    expect([net(w).toll[G1], net(w).toll[G2]]).toEqual([610, 610]);
    expect([net(w).toll[0], net(w).closed[G1], net(w).closed[0]]).toEqual([0, 1, 0]);
    // Reopened: the memory halves daily, the toll waits for day 7 (risk 0.5⁸ ≈ 0.004 rounds to 0 steps).
    runDays(w, 1, 6, () => {
      w.crossingStatus[0] = 0;
    });
    expect(w.risk[GATE]).toBe(0.5 ** 7);
    expect(net(w).toll[G1]).toBe(610);
    expect(net(w).closed[G1]).toBe(0);
    runDays(w, 7, 7);
    expect(net(w).toll[G1]).toBe(10);
  });

  it("rounds the risk to steps of 0.05: two closed days of half-life 2 days give 0.5, 3 closed days 0.646 → 0.65", () => {
    // Memory m = 1 − 2^(−1/2); after n closed days the risk is 1 − (1 − m)^n = 1 − 2^(−n/2).
    const w = toyWorld({ model: { riskPremium: { halfLifeDays: 2, delayDays: 5 } } });
    runDays(w, 0, 1, () => {
      w.crossingStatus[0] = CROSSING_CLOSED;
    });
    expect(w.risk[GATE]).toBeCloseTo(0.5, 12);
    runDays(w, 2, 2);
    expect(w.risk[GATE]).toBeCloseTo(1 - 2 ** -1.5, 12);
    // Days 3–6 closed too: risk 1 − 2^(−3.5) = 0.9116 on day 6; day 7 closed: 1 − 2^(−4) = 0.9375 → 19 steps.
    runDays(w, 3, 7);
    expect(w.risk[GATE]).toBeCloseTo(0.9375, 12);
    expect(net(w).toll[G1]).toBeCloseTo(10 + 19 * 0.05 * 1200, 9);
  });

  it("scales the premium with delayDays and the value of time", () => {
    // delayDays 2 at 10 USD/h: 480 USD per unit of risk; risk 0.5 → 240 USD.
    const w = toyWorld({ model: { riskPremium: { halfLifeDays: 1, delayDays: 2 } } });
    runDays(w, 0, 0, () => {
      w.crossingStatus[0] = CROSSING_CLOSED;
    });
    expect(net(w).toll[G1]).toBe(250);
  });

  it("learns no risk from a crossing still to be built, and records no closure for it", () => {
    // The north gate (element 5, links 10–11) is built by a project; it is closed by status too.
    const w = toyWorld({ twoCrossings: true, model: halfDay }, (s) => {
      s.projects.push(buildingProject());
      s.crossings[1]!.project = "north";
    });
    const north = w.model.crossingElement[1]!;
    const [n1] = w.model.elements[north]!.links;
    runDays(w, 0, 0, () => {
      w.crossingStatus[1] = CROSSING_CLOSED;
    });
    expect(w.risk[north]).toBe(0);
    expect(net(w).closed[n1!]).toBe(1);
    expect(w.closedHistory[1]!.sum(1, 1)).toBe(0);
    expect(w.elementOpen(north)).toBe(false);
    // Built: now the closure counts, in the memory and in the history.
    w.projectPhase[0] = "operational";
    w.networkEpoch += 1;
    runDays(w, 1, 1);
    expect(w.risk[north]).toBe(0.5);
    expect(w.closedHistory[1]!.sum(2, 1)).toBe(1);
    w.crossingStatus[1] = 0;
    runDays(w, 2, 2);
    expect(net(w).closed[n1!]).toBe(0);
    expect(w.elementOpen(north)).toBe(true);
  });
});

function buildingProject(): Scenario["projects"][number] {
  const s = toyScenario({
    twoCrossings: true,
    extra: {
      projects: [
        {
          id: "north",
          name: "north",
          kind: "road",
          announced: "2020-01-01",
          declaredCapacity: 100,
          capacityUnit: "vehicles/day",
          status: "building",
          constructionDays: 400,
          sponsors: ["xa"],
        },
      ],
    },
  });
  return s.projects[0]!;
}

describe("network state: attacks in the risk memory (attackRiskWeight)", () => {
  const halfDay = { riskPremium: { halfLifeDays: 1, delayDays: 5 } };

  it("adds weight × incidents to an open element's disruption, kept apart as risk from attacks", () => {
    const w = toyWorld({ model: halfDay });
    w.modifiers.attackRiskWeight = 0.2;
    runDays(w, 0, 0, () => {
      w.incidentsToday[0] = 2;
    });
    // Disruption 0.2 × 2 = 0.4; memory 0.5: risk 0.2, all of it from attacks. The roads lie in no zone.
    expect(w.risk[GATE]).toBeCloseTo(0.2, 15);
    expect(w.riskFromAttacks[GATE]).toBeCloseTo(0.2, 15);
    expect([w.risk[0], w.riskFromAttacks[0]]).toEqual([0, 0]);
    // Closed the next day with 3 incidents: disruption min(1, 1 + 0.6) = 1, none of it from attacks.
    runDays(w, 1, 1, () => {
      w.incidentsToday[0] = 3;
      w.crossingStatus[0] = CROSSING_CLOSED;
    });
    expect(w.risk[GATE]).toBeCloseTo(0.6, 15);
    expect(w.riskFromAttacks[GATE]).toBeCloseTo(0.1, 15);
  });

  it("leaves the attack memory alone while the weight is 0", () => {
    const w = toyWorld({ model: halfDay });
    w.riskFromAttacks[GATE] = 0.5;
    runDays(w, 0, 0, () => {
      w.incidentsToday[0] = 2;
    });
    expect(w.risk[GATE]).toBe(0);
    expect(w.riskFromAttacks[GATE]).toBe(0.5);
  });

  it("counts no attack on a crossing still to be built", () => {
    const w = toyWorld({ model: halfDay }, (s) => {
      s.projects.push({ ...buildingProject(), id: "gate" });
      s.crossings[0]!.project = "gate";
    });
    w.modifiers.attackRiskWeight = 0.2;
    runDays(w, 0, 0, () => {
      w.incidentsToday[0] = 2;
    });
    expect([w.risk[GATE], w.riskFromAttacks[GATE]]).toEqual([0, 0]);
  });
});

describe("network state: capacity and free-flow time of a crossing", () => {
  it("cuts capacity to the open hours of a restricted crossing and counts restricted days", () => {
    const w = toyWorld();
    w.setCrossingStatus(0, CROSSING_RESTRICTED, 6);
    runDays(w, 0, 1);
    // 1,000 × 6 / 24 = 250; restricted is not closed.
    expect([net(w).capacity[G1], net(w).capacity[G2], net(w).capacity[0]]).toEqual([250, 250, 5000]);
    expect(w.restrictedDays[0]).toBe(2);
    expect(w.closedHistory[0]!.sum(2, 2)).toBe(0);
    expect(net(w).closed[G1]).toBe(0);
  });

  it("takes the damaged share away until the damage's last day, then restores it", () => {
    const w = toyWorld();
    w.damagedUntil[GATE] = 1;
    w.damageShare[GATE] = 0.4;
    runDays(w, 0, 1);
    expect(net(w).capacity[G1]).toBe(600);
    runDays(w, 2, 2);
    expect(net(w).capacity[G1]).toBe(1000);
    // Damage is not a closure: open, no risk learned.
    expect(w.risk[GATE]).toBe(0);
    expect(net(w).closed[G1]).toBe(0);
  });

  it("reads capacity and processing overrides in place of the base values", () => {
    const w = toyWorld();
    w.capacityOverride[0] = 300;
    w.processingOverride[0] = 5;
    runDays(w, 0, 0);
    expect([net(w).capacity[G1], net(w).freeFlowTime[G1]]).toEqual([300, 50]);
    expect([net(w).capacity[0], net(w).freeFlowTime[0]]).toEqual([5000, 10]);
  });

  it("scales capacity and adds processing time by an actant's completion", () => {
    // Capacity factor 1 + (0.5 − 1) × 0.5 = 0.75; processing 20 USD + 1 h × 0.5 × 10 USD/h = 25 USD.
    const w = toyWorld(withActant({ capacityFactor: 0.5, processingHoursAdded: 1, completion: 0.5 }));
    runDays(w, 0, 0);
    expect([net(w).capacity[G1], net(w).freeFlowTime[G1]]).toEqual([750, 25]);
    expect([net(w).capacity[0], net(w).freeFlowTime[0]]).toEqual([5000, 10]);
  });

  it("adds an actant's processing time to an override, and combines with restricted hours", () => {
    // (5 h + 0.5 h) × 10 = 55 USD; capacity 300 × 12/24 × 0.75 = 112.5.
    const w = toyWorld(withActant({ capacityFactor: 0.5, processingHoursAdded: 1, completion: 0.5 }));
    w.capacityOverride[0] = 300;
    w.processingOverride[0] = 5;
    w.setCrossingStatus(0, CROSSING_RESTRICTED, 12);
    runDays(w, 0, 0);
    expect([net(w).capacity[G1], net(w).freeFlowTime[G1]]).toEqual([112.5, 55]);
  });

  it("never lets a faster regime take the free-flow time below 0", () => {
    const w = toyWorld(withActant({ processingHoursAdded: -3 }));
    runDays(w, 0, 0);
    expect(net(w).freeFlowTime[G1]).toBe(0);
    const v = toyWorld(withActant({ processingHoursAdded: -3 }));
    v.processingOverride[0] = 1;
    runDays(v, 0, 0);
    expect(v.model.network.freeFlowTime[G1]).toBe(0);
  });

  it("keeps an actant in a zone off the crossing's capacity", () => {
    const w = toyWorld(withActant({ capacityFactor: 0.5, processingHoursAdded: 1 }, "border"));
    runDays(w, 0, 0);
    expect([net(w).capacity[G1], net(w).freeFlowTime[G1]]).toEqual([1000, 20]);
  });

  it("applies an actant from the day it takes effect, a day that is no toll revision", () => {
    const w = toyWorld(withActant({ capacityFactor: 0.5, since: "2025-01-03" }));
    runDays(w, 0, 1);
    expect(net(w).capacity[G1]).toBe(1000);
    runDays(w, 2, 2);
    expect(net(w).capacity[G1]).toBe(500);
  });

  it("never lets capacity fall to 0 (1e-6 vehicles/day at the least)", () => {
    const w = toyWorld();
    w.damagedUntil[GATE] = 5;
    w.damageShare[GATE] = 1;
    runDays(w, 0, 0);
    expect(net(w).capacity[G1]).toBe(1e-6);
  });
});

describe("network state: tolls", () => {
  it("adds the priced queue wait and takes off the investment's cost cut, never below 0", () => {
    const w = toyWorld();
    w.queueToll[G1] = 25;
    w.costReduction[GATE] = 30;
    runDays(w, 0, 0);
    // Link 4: 10 + 25 − 30 = 5; link 5: max(0, 10 − 30) = 0.
    expect([net(w).toll[G1], net(w).toll[G2]]).toEqual([5, 0]);
  });
});

describe("network state: what counts as a change (changeThreshold 0.01)", () => {
  // Thresholds: capacity 0.01 × 1,000 = 10 vehicles/day; cost 0.01 × (20 + 10 + 0 + 1) = 0.31 USD.
  const small = (edit: (w: World) => void) => {
    const w = toyWorld({ model: { routing: { gap: 1e-9, changeThreshold: 0.01 } } });
    edit(w);
    runDays(w, 0, 0);
    return [net(w).capacity[G1], net(w).freeFlowTime[G1], net(w).toll[G1]];
  };

  it("keeps a link's attributes when every change is within the threshold", () => {
    expect(small((w) => (w.capacityOverride[0] = 1009))).toEqual([1000, 20, 10]);
    expect(small((w) => (w.processingOverride[0] = 2.03))).toEqual([1000, 20, 10]);
    expect(small((w) => (w.queueToll[G1] = 0.3))).toEqual([1000, 20, 10]);
  });

  it("writes all three attributes when any one moves past it", () => {
    expect(small((w) => (w.capacityOverride[0] = 1011))).toEqual([1011, 20, 10]);
    const [, time] = small((w) => (w.processingOverride[0] = 2.04));
    expect(time).toBeCloseTo(20.4, 12);
    expect(small((w) => (w.queueToll[G1] = 0.32))).toEqual([1000, 20, 10.32]);
    const [capacity, freeFlow, toll] = small((w) => {
      w.capacityOverride[0] = 1011;
      w.processingOverride[0] = 2.03;
      w.queueToll[G1] = 0.3;
    });
    expect([capacity, toll]).toEqual([1011, 10.3]);
    expect(freeFlow).toBeCloseTo(20.3, 12);
  });

  it("counts the link's length at the cost per km in the cost scale", () => {
    // west_road 100 km at 1 USD/km: scale 10 + 0 + 100 + 1 = 111, threshold 1.11 USD.
    const road = (queueToll: number) => {
      const w = toyWorld({ model: { routing: { gap: 1e-9, changeThreshold: 0.01 } } }, (s) => {
        s.links[0]!.lengthKm = 100;
        s.generalizedCost.costPerKmUsd = 1;
      });
      w.queueToll[0] = queueToll;
      runDays(w, 0, 0);
      return net(w).toll[0];
    };
    expect(road(1.1)).toBe(0);
    expect(road(1.12)).toBe(1.12);
  });
});

describe("network state: when the routing must be solved again", () => {
  /** A world after day 0, the gate carrying `flow` one way, the routing marked clean. */
  const settled = (flow: number) => {
    const w = toyWorld();
    runDays(w, 0, 0);
    w.flows = Float64Array.from(w.flows);
    w.flows[G1] = flow;
    w.dirty = false;
    w.day = 1;
    return w;
  };

  it("needs no new equilibrium when an unused link closes or gets narrower or slower", () => {
    const closed = settled(0);
    closed.crossingStatus[0] = CROSSING_CLOSED;
    networkStateStep(closed);
    expect(closed.model.network.closed[G1]).toBe(1);
    expect(closed.dirty).toBe(false);
    const narrow = settled(0);
    narrow.damagedUntil[GATE] = 5;
    narrow.damageShare[GATE] = 0.5;
    networkStateStep(narrow);
    expect(narrow.model.network.capacity[G1]).toBe(500);
    expect(narrow.dirty).toBe(false);
    const slower = settled(0);
    slower.processingOverride[0] = 3;
    slower.networkEpoch += 1;
    networkStateStep(slower);
    expect(slower.model.network.freeFlowTime[G1]).toBe(30);
    expect(slower.dirty).toBe(false);
  });

  it("needs one when a used link closes or narrows", () => {
    const closed = settled(400);
    closed.crossingStatus[0] = CROSSING_CLOSED;
    networkStateStep(closed);
    expect(closed.dirty).toBe(true);
    const narrow = settled(400);
    narrow.damagedUntil[GATE] = 5;
    narrow.damageShare[GATE] = 0.5;
    networkStateStep(narrow);
    expect(narrow.dirty).toBe(true);
  });

  it("needs one when an unused link reopens, gets faster or cheaper", () => {
    const w = toyWorld();
    w.crossingStatus[0] = CROSSING_CLOSED;
    runDays(w, 0, 0);
    w.dirty = false;
    w.crossingStatus[0] = 0;
    runDays(w, 1, 1);
    expect(w.dirty).toBe(true);
    const faster = settled(0);
    faster.processingOverride[0] = 1;
    faster.networkEpoch += 1;
    networkStateStep(faster);
    expect(faster.model.network.freeFlowTime[G1]).toBe(10);
    expect(faster.dirty).toBe(true);
    // Cheaper: a cost cut priced on day 7.
    const cheaper = settled(0);
    runDays(cheaper, 1, 6);
    cheaper.costReduction[GATE] = 5;
    cheaper.dirty = false;
    runDays(cheaper, 7, 7);
    expect(cheaper.model.network.toll[G1]).toBe(5);
    expect(cheaper.dirty).toBe(true);
  });

  it("keeps yesterday's attributes when nothing behind them moved, and recomputes on an epoch or revision", () => {
    const w = toyWorld();
    runDays(w, 0, 0);
    net(w).capacity[G1] = 123;
    runDays(w, 1, 1);
    expect(net(w).capacity[G1]).toBe(123);
    w.networkEpoch += 1;
    runDays(w, 2, 2);
    expect(net(w).capacity[G1]).toBe(1000);
    net(w).capacity[G1] = 123;
    runDays(w, 3, 6);
    expect(net(w).capacity[G1]).toBe(123);
    runDays(w, 7, 7);
    expect(net(w).capacity[G1]).toBe(1000);
  });

  it("recomputes an element whose open or damaged state changed, though no epoch moved", () => {
    const w = toyWorld();
    runDays(w, 0, 0);
    w.damageShare[GATE] = 0.5;
    w.damagedUntil[GATE] = 1;
    runDays(w, 1, 1);
    expect(net(w).capacity[G1]).toBe(500);
    runDays(w, 2, 2);
    expect(net(w).capacity[G1]).toBe(1000);
    // A closed element that is also damaged is a state of its own (3): the damage still shows.
    w.crossingStatus[0] = CROSSING_CLOSED;
    runDays(w, 3, 3);
    w.damagedUntil[GATE] = 5;
    runDays(w, 4, 4);
    expect(net(w).capacity[G1]).toBe(500);
  });

  it("bumps the epoch once on the first day for the actant count and then only when it changes", () => {
    const w = toyWorld();
    runDays(w, 0, 0);
    expect([w.networkEpoch, w.lastNetworkEpoch, w.lastActantCount]).toEqual([1, 1, 0]);
    runDays(w, 1, 3);
    expect([w.networkEpoch, w.lastNetworkEpoch]).toEqual([1, 1]);
  });
});
