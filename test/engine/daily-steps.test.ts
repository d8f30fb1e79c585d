/**
 * Exact, hand-computed values for the engine's daily steps on the toy corridor (test/engine/scenarios.ts:
 * constant link costs, one west→east flow of 400 vehicles/day worth 20,000 USD each). Each test pins a
 * value a one-line slip in a step would change: the queue draining at the capacity left after today's
 * flow, spoilage only on perishable cargo, the sanctuary share in the incident baseline, damage lasting
 * exactly its days, distinct random streams per zone, the ladder reading the lower trust direction, and
 * the cost of coercion counting only the losses the episode adds.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import { compileModel } from "../../src/core/engine/model.js";
import { effectiveBaseline } from "../../src/core/engine/queries.js";
import { recordIncident } from "../../src/core/engine/steps/incidents.js";
import { World } from "../../src/core/engine/world.js";
import { createStreams } from "../../src/core/random/index.js";
import { toyScenario } from "./scenarios.js";

const closure = (from: string, to: string) => [
  { date: from, actor: "xa", actions: ["close(main_gate)"], note: "closure" },
  { date: to, actor: "xa", actions: ["open(main_gate)"], note: "reopening" },
];

describe("queues: the backlog drains at the capacity left over after today's flow", () => {
  it("takes 2 × 300 − 400 = 200 vehicles a day off a 1,000-vehicle backlog", () => {
    // Closed days 10–14 with joinShare 0.5: 200 join each day, 1,000 wait on day 14. The crossing carries
    // 400 a day in one direction of its two 300-vehicle links, leaving 200 a day for the backlog.
    const scenario = toyScenario({
      model: { queue: { joinShare: 0.5, maxWaitDays: 20, spoilagePerDay: 0 } },
      extra: { events: closure("2025-01-11", "2025-01-16") },
    });
    scenario.crossings[0]!.capacityVehPerDay = 300;
    const queue = simulate(scenario, { days: 22 }).series.values["queue.main_gate"]!;
    expect(queue[14]).toBeCloseTo(1000, 9);
    for (let d = 15; d <= 19; d++) expect(queue[d]).toBeCloseTo(1000 - 200 * (d - 14), 9);
    expect(queue[20]).toBe(0);
  });
});

describe("spoilage", () => {
  const run = (perishableShare: number) => {
    // Two entries on one pair, 400 vehicles a day in all; only `perishableShare` of them perishable.
    const scenario = toyScenario({
      demand: { vehiclesPerDay: 400 * perishableShare, perishable: true },
      model: { queue: { joinShare: 0.5, maxWaitDays: 20, spoilagePerDay: 0.05 } },
      extra: { events: closure("2025-01-11", "2025-01-16") },
    });
    scenario.demand.push({
      ...scenario.demand[0]!,
      vehiclesPerDay: 400 * (1 - perishableShare),
      perishable: false,
    });
    if (perishableShare === 0) scenario.demand.shift();
    return simulate(scenario, { days: 20 }).outcomes.trade.spoiledUsd;
  };

  it("charges nothing on cargo that is not perishable", () => {
    expect(run(0)).toBe(0);
  });

  it("charges the daily rate on the perishable share only", () => {
    // Cohort i (200 vehicles on closed day i) waits 4 − i further closed days; a quarter of its value spoils.
    let expected = 0;
    for (let i = 0; i < 5; i++) expected += 0.25 * 200 * 20000 * (1 - 0.95 ** (4 - i));
    expect(run(0.25)).toBeCloseTo(expected, 3);
  });
});

describe("incident baseline", () => {
  it("is μ·(1 − share·enforcement): 2 × (1 − 0.6 × 0.5) = 1.4 a day", () => {
    const scenario = toyScenario();
    const zone = scenario.zones[0]!;
    zone.baselinePerDay = 2;
    zone.sanctuary = { actor: "xb", share: 0.6 };
    scenario.actors[1]!.enforcement = 0.5;
    const world = new World(compileModel(scenario, { days: 5 }), createStreams(1, 0));
    expect(effectiveBaseline(world, 0)).toBeCloseTo(1.4, 12);
    world.enforcement[1] = 0;
    expect(effectiveBaseline(world, 0)).toBeCloseTo(2, 12);
  });
});

describe("damage from an incident", () => {
  it("lasts exactly damageDays days from the day of the attack", () => {
    // The main gate congests (BPR b > 0); an attack on day 10 that surely hits it halves its capacity
    // for 3 days, which shows in the transport cost on days 10, 11 and 12 and on no other day.
    const scenario = toyScenario({
      extra: {
        events: [{ date: "2025-01-11", incident: { zone: "border", fatalities: 1 }, note: "attack" }],
      },
    });
    scenario.crossings[0]!.bprB = 0.15;
    Object.assign(scenario.zones[0]!, { linkHitProbability: 1, damageShare: 0.5, damageDays: 3 });
    const cost = simulate(scenario, { days: 16 }).series.values["trade.transport_cost_usd"]!;
    const changed = [...cost].flatMap((c, d) => (Math.abs(c - cost[0]!) > 1e-6 ? [d] : []));
    expect(changed).toEqual([10, 11, 12]);
  });

  it("leaves the decision to re-solve to the network step: a hit alone marks nothing", () => {
    // The network step re-solves when a damaged element carries flow (steps-network-state.test.ts);
    // the incident itself only records the damage.
    const scenario = toyScenario();
    Object.assign(scenario.zones[0]!, { linkHitProbability: 1, damageShare: 0.5, damageDays: 3 });
    const world = new World(compileModel(scenario, { days: 5 }), createStreams(7, 0));
    world.dirty = false;
    expect(recordIncident(world, 0, 1)).toBe(true);
    expect(world.damagedUntil.some((d) => d === 2)).toBe(true);
    expect(world.dirty).toBe(false);
  });
});

describe("random streams", () => {
  it("give every zone four streams of its own: no two of eight streams start alike", () => {
    const scenario = toyScenario();
    scenario.zones.push({ ...scenario.zones[0]!, id: "hills", name: "Hills" });
    const world = new World(compileModel(scenario, { days: 5 }), createStreams(7, 0));
    const firsts = [0, 1].flatMap((z) => Object.values(world.zoneStreams(z)).map((s) => s.next()));
    expect(new Set(firsts).size).toBe(8);
  });
});

describe("escalation ladder", () => {
  it("reads the lower of the two trust directions", () => {
    // A ceasefire between a trusting XA (0.9) and a distrustful XB (0.1); trust held still (no relaxation).
    const scenario = toyScenario({ model: { trust: { relaxPerDay: 0 } } });
    Object.assign(scenario.relations[0]!, { trustAB: 0.9, trustBA: 0.1, ladder: "ceasefire" });
    const { events } = simulate(scenario, { days: 70 });
    const moves = events.filter((e) => e.kind === "ladder");
    expect(moves.length).toBeGreaterThan(0);
    for (const e of moves) expect(e.values!["trust (lower direction)"]).toBe(0.1);
  });
});

describe("coercion", () => {
  it("counts only the losses the episode adds, not those the target bore before it", () => {
    // XB already loses 50 vehicles × 20,000 USD a day on a flow no route can serve (reservation cost
    // below the route cost). XA closes the only crossing on day 10: XB then loses the 400 × 20,000 USD
    // of its west→east trade each day. Patience 10 days: the episode counts days 10 to 20, 11 days.
    const scenario = toyScenario({ model: { queue: { joinShare: 0 } } });
    scenario.demand.push({
      ...scenario.demand[0]!,
      origin: "east",
      destination: "west",
      vehiclesPerDay: 50,
      reservationCostUsd: 1,
    });
    scenario.actors[0]!.patienceDays = 10;
    scenario.events.push({
      date: "2025-01-11",
      actor: "xa",
      actions: ["close(main_gate)"],
      note: "closure",
    } as never);
    const { events } = simulate(scenario, { days: 30 });
    const judged = events.find(
      (e) => e.kind === "coercion-end" || (e.kind.startsWith("coercion-") && e.kind !== "coercion-start"),
    );
    expect(judged, JSON.stringify(events.map((e) => e.kind))).toBeDefined();
    expect(judged!.values!["cost imposed C (USD)"]).toBeCloseTo(11 * 400 * 20000, 0);
  });
});
