import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import { toyScenario } from "./scenarios.js";

// Route costs in the toy (USD/vehicle, VOT 10 USD/h, constant costs):
// main: 1 h + 2 h processing + 1 h = 40 USD of time + 10 USD fee = 50; north: 3 + 2 + 3 h = 80 + 30 fee = 110.
const MAIN = 50;
const NORTH = 110;

describe("routing under closure", () => {
  it("moves all flow to the other crossing and raises the cost by demand × the cost difference", () => {
    const scenario = toyScenario({
      twoCrossings: true,
      model: { queue: { joinShare: 0 } },
      extra: {
        events: [
          { date: "2025-01-11", actor: "xa", actions: ["close(main_gate)"], note: "test closure" },
          { date: "2025-01-21", actor: "xa", actions: ["open(main_gate)"], note: "test reopening" },
        ],
      },
    });
    const { series } = simulate(scenario, { days: 15 });
    const cost = series.values["trade.transport_cost_usd"]!;
    const main = series.values["flow.main_gate"]!;
    const north = series.values["flow.north_gate"]!;
    expect(main[5]).toBeCloseTo(400, 6);
    expect(north[5]).toBeCloseTo(0, 6);
    expect(cost[5]).toBeCloseTo(400 * MAIN, 4);
    // Day 10 is 2025-01-11: the main gate is closed from then on.
    expect(main[12]).toBeCloseTo(0, 6);
    expect(north[12]).toBeCloseTo(400, 6);
    expect(cost[12]! - cost[5]!).toBeCloseTo(400 * (NORTH - MAIN), 4);
    expect(series.values["trade.unserved_usd"]![12]).toBeCloseTo(0, 2);
  });

  it("keeps joinShare of the closed crossing's traffic waiting there, and reroutes the rest", () => {
    const scenario = toyScenario({
      twoCrossings: true,
      model: { queue: { joinShare: 0.25 } },
      extra: {
        events: [{ date: "2025-01-11", actor: "xa", actions: ["close(main_gate)"], note: "closure" }],
      },
    });
    const { series } = simulate(scenario, { days: 13 });
    expect(series.values["flow.north_gate"]![12]).toBeCloseTo(300, 6);
    expect(series.values["queue.main_gate"]![12]).toBeCloseTo(3 * 100, 6);
    expect(series.values["trade.unserved_usd"]![12]).toBeCloseTo(0, 2);
  });

  it("leaves demand unserved when the only route costs more than the reservation cost", () => {
    const scenario = toyScenario({ demand: { reservationCostUsd: MAIN - 1 } });
    const { outcomes } = simulate(scenario, { days: 3 });
    expect(outcomes.trade.servedUsd).toBeCloseTo(0, 3);
    expect(outcomes.trade.unservedUsd).toBeCloseTo(3 * 400 * 20000, 0);
  });
});

describe("queues at a closed crossing", () => {
  const closeDays = 5;
  const scenario = toyScenario({
    model: { queue: { joinShare: 0.5, maxWaitDays: 20, spoilagePerDay: 0.05 } },
    extra: {
      events: [
        { date: "2025-01-11", actor: "xa", actions: ["close(main_gate)"], note: "closure" },
        { date: "2025-01-16", actor: "xa", actions: ["open(main_gate)"], note: "reopening" },
      ],
    },
  });
  // Run by each test that reads it, not once for the block: mutation testing credits a test only with
  // the code run inside it, so a shared run would leave these assertions out of every mutant's check.
  const run = () => {
    const { series, outcomes } = simulate(scenario, { days: 20 });
    const queue = series.values["queue.main_gate"]!;
    return { series, outcomes, queue };
  };

  it("grows by joinShare × the last open day's flow for each closed day", () => {
    const { outcomes, queue } = run();
    for (let d = 0; d < closeDays; d++) expect(queue[10 + d]).toBeCloseTo(200 * (d + 1), 6);
    expect(outcomes.crossings[0]!.maxQueue).toBeCloseTo(1000, 6);
    expect(outcomes.crossings[0]!.closedDays).toBe(closeDays);
  });

  it("spoils perishable value at the stated daily rate while vehicles wait", () => {
    const { outcomes } = run();
    // Cohort i (arrived on closed day i) waits 4 − i further closed days; each loses 5 % a day.
    const cohortValue = 200 * 20000;
    let expected = 0;
    for (let i = 0; i < closeDays; i++) expected += cohortValue * (1 - 0.95 ** (closeDays - 1 - i));
    expect(outcomes.trade.spoiledUsd).toBeCloseTo(expected, 2);
  });

  it("drains the backlog at the capacity left over once the crossing reopens", () => {
    const { series, outcomes, queue } = run();
    // Both directions: 2 × 1000 capacity − 400 flow = 1600 spare ≥ 1000 waiting: cleared on the first open day.
    expect(queue[15]).toBeCloseTo(0, 6);
    const served = series.values["trade.served_usd"]!;
    const spoiled = outcomes.trade.spoiledUsd;
    expect(served[15]! - served[16]!).toBeCloseTo(1000 * 20000 - spoiled, 2);
    // While closed, only those who did not join the queue are lost that day.
    expect(series.values["trade.unserved_usd"]![11]).toBeCloseTo(200 * 20000, 2);
  });
});

describe("corridor performance indicators", () => {
  it("report TFI1 as the crossing's processing time and SWD/SWOD from route length and times", () => {
    const scenario = toyScenario();
    scenario.links[0]!.lengthKm = 60; // west_road
    scenario.links[1]!.lengthKm = 40; // east_road
    const { indicators } = simulate(scenario, { days: 10 }).outcomes;
    const outbound = indicators.borderCrossings.find((b) => b.from === "gate_a")!;
    expect(outbound.hours).toBeCloseTo(2, 9);
    expect(outbound.costUsd).toBe(10);
    expect(outbound.vehicles).toBeCloseTo(4000, 6);
    const route = indicators.routes[0]!;
    expect(route.distanceKm).toBeCloseTo(100, 9);
    expect(route.speedWithoutDelayKmh).toBeCloseTo(100 / 2, 9);
    expect(route.speedWithDelayKmh).toBeCloseTo(100 / 4, 9);
  });
});

describe("dependence and route concentration", () => {
  it("give HHI 0.5 for trade split evenly over two crossings, and full dependence on the state it crosses", () => {
    const scenario = toyScenario({ twoCrossings: true });
    // Make the north route cost the same as the main one (1 h roads, 10 USD fee), so the split is even.
    for (const link of scenario.links) if (link.id.startsWith("north_road")) link.freeFlowHours = 1;
    scenario.crossings[1]!.feeUsd = 10;
    for (const c of scenario.crossings) {
      c.bprB = 0.15;
      c.bprPower = 4;
    }
    const { series, outcomes } = simulate(scenario, { days: 3 });
    expect(series.values["flow.main_gate"]![1]).toBeCloseTo(200, 3);
    expect(series.values["hhi.xb"]![1]).toBeCloseTo(0.5, 6);
    expect(series.values["dependence.xb.xa"]![1]).toBeCloseTo(1, 12);
    expect(outcomes.concentration.find((c) => c.actor === "xb")!.herfindahlEnd).toBeCloseTo(0.5, 6);
  });
});
