/**
 * Exact bookkeeping of the queues-and-economy step (src/core/engine/steps/economy.ts), worked out by
 * hand on the two-state toy (test/engine/scenarios.ts): constant link costs, so every trip takes the
 * cheapest route (main gate 50 USD, north gate 110 USD, reservation cost 1000 USD), and no risk
 * premium, so a closure changes nothing but the closed links. The steps are driven one day at a time
 * as simulate() runs them (network state → routing → economy). Actors: xa = 0, xb = 1.
 */
import { describe, expect, it } from "vitest";
import { compileModel } from "../../src/core/engine/model.js";
import { economyStep } from "../../src/core/engine/steps/economy.js";
import { networkStateStep } from "../../src/core/engine/steps/network-state.js";
import { routingStep } from "../../src/core/engine/steps/routing.js";
import { CROSSING_CLOSED, CROSSING_OPEN, createWorld, type World } from "../../src/core/engine/world.js";
import { createStreams } from "../../src/core/random/index.js";
import { validateScenario } from "../../src/core/scenario/index.js";
import { dayZeroWorld } from "./day-zero.js";
import { toyData } from "./scenarios.js";

type Data = Record<string, unknown>;

const XA = 0;
const XB = 1;
const NA = 2;

/** West → east, 300 vehicles of perishable 20,000 USD cargo owned by XB. */
const WEST_EAST: Data = {
  origin: "west",
  destination: "east",
  vehiclesPerDay: 300,
  valueUsdPerVehicle: 20000,
  perishable: true,
  owner: "xb",
  reservationCostUsd: 1000,
};
/** East → west, 100 vehicles of durable 4,000 USD cargo owned by XA. */
const EAST_WEST: Data = {
  origin: "east",
  destination: "west",
  vehiclesPerDay: 100,
  valueUsdPerVehicle: 4000,
  perishable: false,
  owner: "xa",
  reservationCostUsd: 1000,
};

interface ToyOptions {
  demand?: Data[];
  twoCrossings?: boolean;
  /** Main gate capacity per direction (vehicles/day). */
  capacity?: number;
  queue?: Data;
  extra?: Data;
  days?: number;
  /** The north gate is built by a project still under construction. */
  northProject?: boolean;
}

/** A world on day 0 after its first network state, equilibrium and economy step. */
function toyWorld(options: ToyOptions = {}): World {
  const data = toyData({
    ...(options.twoCrossings ? { twoCrossings: true } : {}),
    model: {
      riskPremium: { delayDays: 0 },
      queue: { joinShare: 0.5, maxWaitDays: 3, spoilagePerDay: 0.1, ...options.queue },
    },
    ...(options.extra ? { extra: options.extra } : {}),
  });
  data["demand"] = options.demand ?? [WEST_EAST, EAST_WEST];
  if (options.capacity !== undefined) {
    (data["crossings"] as Data[])[0]!["capacityVehPerDay"] = options.capacity;
  }
  if (options.northProject) {
    (data["crossings"] as Data[])[1]!["project"] = "north";
    data["projects"] = [
      {
        id: "north",
        name: "north gate",
        kind: "road",
        announced: "2020-01-01",
        declaredCapacity: 1000,
        capacityUnit: "vehicles/day",
        status: "building",
        constructionDays: 100,
        sponsors: ["xa"],
      },
    ];
  }
  const scenario = validateScenario(data, "toy.yaml").scenario;
  return dayZeroWorld(scenario, options.days ?? 400);
}

/** Runs the next day (or the given one) through network state, routing and economy. */
function step(w: World, day = w.day + 1): void {
  w.day = day;
  networkStateStep(w);
  routingStep(w);
  economyStep(w);
}

const close = (w: World, crossing = 0) => w.setCrossingStatus(crossing, CROSSING_CLOSED);
const open = (w: World, crossing = 0) => w.setCrossingStatus(crossing, CROSSING_OPEN);
const today = (w: World) => ({ ...w.today });
const row = (a: Float64Array) => Array.from(a);

describe("economy step on an open day", () => {
  it("books the day's served value to each owner and counts nothing lost", () => {
    // West → east 300 × 20,000 = 6e6 (XB); east → west 100 × 4,000 = 4e5 (XA): two pairs of one entry.
    const w = toyWorld();
    expect(w.today).toEqual({
      served: 6.4e6,
      unserved: 0,
      spoiled: 0,
      potential: 6.4e6,
      queued: 0,
      returned: 0,
    });
    expect(row(w.accounts.served)).toEqual([4e5, 6e6]);
    expect(row(w.accounts.unserved)).toEqual([0, 0]);
    expect(row(w.routedToday)).toEqual([4e5, 6e6]);
    expect(row(w.lossToday)).toEqual([0, 0]);
  });

  it("adds each day to the accounts and the totals", () => {
    const w = toyWorld();
    step(w);
    step(w);
    expect(row(w.accounts.served)).toEqual([3 * 4e5, 3 * 6e6]);
    expect(w.totals.served).toBe(3 * 6.4e6);
    expect(w.totals.potential).toBe(3 * 6.4e6);
    // The day's routed value is today's, not the running sum.
    expect(row(w.routedToday)).toEqual([4e5, 6e6]);
  });

  it("adds the people returned today (set by the diplomacy step) to the run's total", () => {
    const w = toyWorld();
    w.day = 1;
    networkStateStep(w);
    routingStep(w);
    w.today.returned = 7;
    economyStep(w);
    expect(w.totals.returned).toBe(7);
    expect(w.totals.queued).toBe(0);
  });

  it("books the fee to the state on the entry side of each direction", () => {
    // 300 vehicles enter XB (gate_b) at 10 USD, 100 enter XA (gate_a) at 10 USD, each day.
    const w = toyWorld();
    expect(row(w.accounts.fees)).toEqual([1000, 3000]);
    step(w);
    expect(row(w.accounts.fees)).toEqual([2000, 6000]);
  });

  it("records each crossing's flow, both directions together, in its history", () => {
    const w = toyWorld({ twoCrossings: true });
    step(w);
    // Main gate: 300 + 100 a day on days 0 and 1; the north gate (110 USD) carries nothing.
    expect(w.flowHistory[0]!.sum(2, 2)).toBeCloseTo(800, 9);
    expect(w.flowHistory[0]!.sum(2, 1)).toBeCloseTo(400, 9);
    expect(w.flowHistory[1]!.sum(2, 2)).toBeCloseTo(0, 9);
  });

  it("books the running cost of an actant to its owner, from its start date, and of none without owner", () => {
    const actant = (id: string, fields: Data) => ({
      id,
      name: id,
      kind: "fence",
      at: "main_gate",
      ...fields,
    });
    const w = toyWorld({
      extra: {
        actants: [
          actant("fence", { owner: "xa", costUsdPerDay: 700 }),
          actant("scanner", { owner: "xb", costUsdPerDay: 50, since: "2025-01-03" }),
          actant("wall", { costUsdPerDay: 9999 }),
        ],
      },
    });
    expect(row(w.accounts.security)).toEqual([700, 0]);
    step(w); // day 1
    expect(row(w.accounts.security)).toEqual([1400, 0]);
    step(w); // day 2 = 2025-01-03: the scanner starts
    expect(row(w.accounts.security)).toEqual([2100, 50]);
  });

  it("leaves out a crossing whose project is not yet operational", () => {
    // The north gate is built by a project 100 days from done: no queue is kept there, open or closed.
    const w = toyWorld({
      twoCrossings: true,
      northProject: true,
    });
    expect(w.queues.has(0)).toBe(true);
    expect(w.queues.has(1)).toBe(false);
    close(w, 1);
    step(w);
    expect(w.queues.has(1)).toBe(false);
    expect(w.today.queued).toBe(0);
  });
});

describe("pair values, perishable shares and owners (weighted by each entry's vehicles)", () => {
  // One pair, two entries: 300 × 20,000 USD perishable (XB, no growth) and 100 × 4,000 USD durable
  // (XA, +100 % a year). Month 0: 400 vehicles of (6e6 + 4e5)/400 = 16,000 USD, XB owns 3/4.
  // Month 12 (day 366): XA's entry is 200 vehicles, the pair 500 vehicles of (6e6 + 8e5)/500 = 13,600
  // USD, XB owns 3/5 and XA 2/5.
  const mixed = [
    { ...WEST_EAST },
    {
      ...WEST_EAST,
      vehiclesPerDay: 100,
      valueUsdPerVehicle: 4000,
      perishable: false,
      owner: "xa",
      growthPerYear: 1,
    },
  ];

  it("values the pair at its vehicle-weighted mean and splits it by vehicle shares", () => {
    const w = toyWorld({ demand: mixed });
    expect(w.today.served).toBeCloseTo(6.4e6, 6);
    // 400 × 16,000 × 1/4 and × 3/4.
    expect(w.accounts.served[XA]).toBeCloseTo(1.6e6, 6);
    expect(w.accounts.served[XB]).toBeCloseTo(4.8e6, 6);
  });

  it("weights the entries by this month's grown demand", () => {
    const w = toyWorld({ demand: mixed });
    step(w, 366);
    expect(w.monthApplied).toBe(12);
    expect(w.today.served).toBeCloseTo(6.8e6, 5);
    expect(w.routedToday[XA]).toBeCloseTo(500 * 13600 * 0.4, 5);
    expect(w.routedToday[XB]).toBeCloseTo(500 * 13600 * 0.6, 5);
  });

  it("values a pair with no vehicles at nothing", () => {
    // An east → west entry of 0 vehicles/day: its pair has no weight and adds 0, not 0/0.
    const w = toyWorld({ demand: [WEST_EAST, { ...EAST_WEST, vehiclesPerDay: 0 }] });
    expect(w.today.served).toBe(6e6);
    expect(w.today.potential).toBe(6e6);
    expect(row(w.accounts.served)).toEqual([0, 6e6]);
  });

  it("counts trade without an owner in the totals but in nobody's account", () => {
    const w = toyWorld({ demand: [{ ...WEST_EAST, owner: undefined }] });
    expect(w.today.served).toBe(6e6);
    expect(row(w.accounts.served)).toEqual([0, 0]);
  });

  it("gives each closed-crossing cohort the perishable share of the value it carries", () => {
    // Queue of the mixed pair: 16,000 USD a vehicle, perishable share 300/400 = 0.75 (by vehicles, on
    // the pair's mean value). 200 join on the closed day: 3.2e6 USD, of it 2.4e6 perishable.
    const w = toyWorld({ demand: mixed });
    close(w);
    step(w);
    const q = w.queues.get(0)!;
    expect(q.cohorts[0]).toBeCloseTo(200, 9);
    expect(q.cohortValue[0]).toBeCloseTo(3.2e6, 6);
    expect(q.cohortPerishable[0]).toBeCloseTo(2.4e6, 6);
    // One pair: owners by vehicles (3/4 XB), and the perishable value split the same way.
    expect(row(q.owners)).toEqual([0.25, 0.75]);
    expect(row(q.perishableOwners)).toEqual([0.25, 0.75]);
    step(w);
    // Day 2: 10 % of 2.4e6 spoils, 1/4 booked to XA.
    expect(w.accounts.spoiled[XA]).toBeCloseTo(6e4, 6);
    expect(w.accounts.spoiled[XB]).toBeCloseTo(1.8e5, 6);
  });
});

/**
 * The closure worked through: main gate at 450 vehicles/day a direction, joinShare 0.5, maxWait 3
 * days, 10 % spoilage a day. Pairs W→E 300 × 20,000 (perishable, XB) and E→W 100 × 4,000 (XA): on the
 * last open day the crossing carries 400 vehicles of 16,000 USD on average, 6e6 of the 6.4e6 USD
 * perishable (share 0.9375), owners 3/4 XB and 1/4 XA by vehicles, perishable value all XB's.
 * Closed on days 1–4: 150 + 50 vehicles a day join the queue (200, 3.2e6 USD, 3e6 perishable), the
 * other 150 + 50 have no route and go unserved (150 × 20,000 + 50 × 4,000 = 3.2e6 USD).
 */
function closure() {
  const w = toyWorld({ capacity: 450 });
  const days: ReturnType<typeof today>[] = [];
  close(w);
  for (let d = 1; d <= 4; d++) {
    step(w);
    days.push(today(w));
  }
  return { w, days, q: w.queues.get(0)! };
}

describe("queue at a closed crossing", () => {
  it("records the crossing's last open day: value per vehicle, perishable share, owners, pairs", () => {
    const w = toyWorld({ capacity: 450 });
    const q = w.queues.get(0)!;
    expect(q.valuePerVehicle).toBe(16000);
    expect(q.perishableShare).toBe(0.9375);
    expect(row(q.owners)).toEqual([0.25, 0.75]);
    expect(row(q.perishableOwners)).toEqual([0, 1]);
    expect(row(q.pairVehicles)).toEqual([300, 100]);
    expect(q.preparedKey).toBe(w.routesKey());
  });

  it("puts the joiners in a cohort and books the rest as unserved", () => {
    const { days } = closure();
    expect(days[0]).toEqual({
      served: 0,
      unserved: 3.2e6,
      spoiled: 0,
      potential: 6.4e6,
      queued: 200,
      returned: 0,
    });
  });

  it("spoils 10 % of each cohort's perishable value a day, booked to the perishable owners", () => {
    // Day 2: the day-1 cohort loses 3e5; day 3: 2.7e5 + 3e5; day 4: 2.43e5 + 2.7e5 + 3e5.
    const { w, days } = closure();
    expect(days.map((d) => d.spoiled)).toEqual([0, 3e5, 5.7e5, 8.13e5].map((x) => expect.closeTo(x, 6)));
    expect(w.accounts.spoiled[XA]).toBe(0);
    expect(w.accounts.spoiled[XB]).toBeCloseTo(3e5 + 5.7e5 + 8.13e5, 6);
    expect(w.totals.spoiled).toBeCloseTo(1.683e6, 6);
  });

  it("gives up the oldest cohort after the maximum wait, booking its remaining value as unserved", () => {
    // Day 4: the day-1 cohort (3.2e6 − 3e5 − 2.7e5 − 2.43e5 = 2.387e6 USD) gives up, split 1/4 : 3/4.
    const { w, days, q } = closure();
    expect(days.map((d) => d.unserved)).toEqual(
      [3.2e6, 3.2e6, 3.2e6, 3.2e6 + 2.387e6].map((x) => expect.closeTo(x, 6)),
    );
    // Routed but unserved 4 × (50 × 4,000) = 8e5 for XA and 4 × 3e6 for XB, plus the give-up.
    expect(w.accounts.unserved[XA]).toBeCloseTo(8e5 + 0.25 * 2.387e6, 6);
    expect(w.accounts.unserved[XB]).toBeCloseTo(1.2e7 + 0.75 * 2.387e6, 6);
    // The day-4 arrivals took the freed slot: 600 waiting, the oldest now in slot 1.
    expect(q.waiting).toBeCloseTo(600, 9);
    expect(q.maxWaiting).toBeCloseTo(600, 9);
    expect(q.head).toBe(1);
    expect(row(q.cohorts)).toEqual([200, 200, 200].map((x) => expect.closeTo(x, 9)));
    expect(q.cohortValue[0]).toBeCloseTo(3.2e6, 6);
    expect(q.cohortPerishable[0]).toBeCloseTo(3e6, 6);
    expect(w.totals.queued).toBeCloseTo(800, 9);
    expect(w.totals.unserved).toBeCloseTo(4 * 3.2e6 + 2.387e6, 6);
  });

  it("counts today's loss per actor as the unserved and spoiled value booked today", () => {
    // Day 4: XA 50 × 4,000 routed unserved + 1/4 of the give-up; XB 3e6 + 3/4 of it + 8.13e5 spoiled.
    const { w } = closure();
    expect(w.lossToday[XA]).toBeCloseTo(2e5 + 0.25 * 2.387e6, 6);
    expect(w.lossToday[XB]).toBeCloseTo(3e6 + 0.75 * 2.387e6 + 8.13e5, 6);
  });

  it("drains the backlog oldest first at the capacity left over, then clears it", () => {
    // Day 5, reopened: 2 × 450 − 400 = 500 vehicles of room. Slot 1 (arrived day 2, 3.2e6 − 3e5 − 2.7e5
    // = 2.63e6 USD) and slot 2 (day 3, 2.9e6) leave whole, then 100 of slot 0's 200 (day 4, 3.2e6 → 1.6e6).
    const { w, q } = closure();
    const unservedBefore = row(w.accounts.unserved);
    open(w);
    step(w);
    expect(w.today.served).toBeCloseTo(6.4e6 + 2.63e6 + 2.9e6 + 1.6e6, 6);
    expect(w.today.unserved).toBe(0);
    expect(w.today.queued).toBe(0);
    expect(q.waiting).toBeCloseTo(100, 9);
    expect(row(q.cohorts)).toEqual([100, 0, 0].map((x) => expect.closeTo(x, 9)));
    expect(q.cohortValue[0]).toBeCloseTo(1.6e6, 6);
    expect(q.cohortPerishable[0]).toBeCloseTo(1.5e6, 6);
    // Served from the queue, split by vehicles 1/4 : 3/4 on top of the day's 4e5 and 6e6.
    const fromQueue = 2.63e6 + 2.9e6 + 1.6e6;
    expect(w.routedToday[XA]).toBe(4e5);
    expect(row(w.accounts.unserved)).toEqual(unservedBefore);
    // Vehicle-hours waited: 24 h × (200 × 3 + 200 × 2 + 100 × 1) slots behind the head.
    const e = w.model.crossingElement[0]!;
    expect(w.indicators.queueHours[e]).toBeCloseTo(24 * 1100, 9);
    expect(w.log.events.filter((x) => x.kind === "queue-cleared")).toEqual([]);
    const servedBefore = row(w.accounts.served);
    // Day 6: the last 100 (1.6e6 USD) leave; the queue is empty and its record reset.
    step(w);
    expect(w.today.served).toBeCloseTo(6.4e6 + 1.6e6, 6);
    expect(w.accounts.served[XA]! - servedBefore[XA]!).toBeCloseTo(4e5 + 0.25 * 1.6e6, 6);
    expect(w.accounts.served[XB]! - servedBefore[XB]!).toBeCloseTo(6e6 + 0.75 * 1.6e6, 6);
    expect(w.indicators.queueHours[e]).toBeCloseTo(24 * 1100 + 24 * 100 * 1, 9);
    expect(q.waiting).toBe(0);
    expect(row(q.cohorts)).toEqual([0, 0, 0]);
    expect(row(q.cohortValue)).toEqual([0, 0, 0]);
    expect(row(q.cohortPerishable)).toEqual([0, 0, 0]);
    expect(q.maxWaiting).toBe(0);
    const cleared = w.log.events.filter((x) => x.kind === "queue-cleared");
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatchObject({
      day: 6,
      target: "main_gate",
      cause: "backlog drained at the capacity left over after reopening",
      text: "the backlog at Main gate has cleared",
    });
    expect(cleared[0]!.values!["largest queue (vehicles)"]).toBeCloseTo(600, 9);
    expect(fromQueue).toBeCloseTo(7.13e6, 6);
    // Day 7: nothing waits and nothing is drained.
    step(w);
    expect(w.today.served).toBe(6.4e6);
    expect(w.log.events.filter((x) => x.kind === "queue-cleared")).toHaveLength(1);
  });

  it("splits the value served from the queue between owners by their vehicle shares", () => {
    const { w } = closure();
    const before = row(w.accounts.served);
    open(w);
    step(w);
    expect(w.accounts.served[XA]! - before[XA]!).toBeCloseTo(4e5 + 0.25 * 7.13e6, 6);
    expect(w.accounts.served[XB]! - before[XB]!).toBeCloseTo(6e6 + 0.75 * 7.13e6, 6);
  });

  it("clears a backlog smaller than the room on the first open day", () => {
    // Closed on day 1 only: 200 wait (3.2e6 USD), 500 of room on day 2: all leave, event on day 2.
    const w = toyWorld({ capacity: 450 });
    close(w);
    step(w);
    open(w);
    step(w);
    expect(w.today.served).toBeCloseTo(6.4e6 + 3.2e6, 6);
    expect(w.queues.get(0)!.waiting).toBe(0);
    const cleared = w.log.events.filter((x) => x.kind === "queue-cleared");
    expect(cleared.map((x) => [x.day, x.values!["largest queue (vehicles)"]])).toEqual([[2, 200]]);
  });

  it("drains nothing while the open crossing is full", () => {
    // Capacity 200 a direction: 400 of room minus 400 of flow leaves none; the backlog waits.
    const w = toyWorld({ capacity: 200 });
    close(w);
    step(w);
    open(w);
    step(w);
    step(w);
    expect(w.queues.get(0)!.waiting).toBeCloseTo(200, 9);
    expect(w.today.served).toBe(6.4e6);
  });

  it("refreshes what it remembers once the queue is empty and the equilibrium changes", () => {
    // After the backlog clears (day 2), the next new equilibrium (EAST_WEST cut to 0 vehicles on day 3)
    // leaves only XB's perishable pair: 20,000 USD a vehicle, all perishable, all XB's.
    const w = toyWorld({ capacity: 450 });
    close(w);
    step(w);
    open(w);
    step(w);
    w.model.entries[1]!.vehiclesPerDay = 0;
    // Demand is read from the entries at the start of a month: make this day one.
    w.monthApplied = -1;
    step(w);
    const q = w.queues.get(0)!;
    expect(q.valuePerVehicle).toBe(20000);
    expect(q.perishableShare).toBe(1);
    expect(row(q.owners)).toEqual([0, 1]);
    expect(row(q.pairVehicles)).toEqual([300, 0]);
    expect(q.preparedKey).toBe(w.routesKey());
  });

  it("keeps a single-day ring when the maximum wait rounds to less than a day", () => {
    // maxWait = max(1, round(0.2)) = 1: each closed day's arrivals replace (and give up) yesterday's.
    const w = toyWorld({ queue: { maxWaitDays: 0.2, spoilagePerDay: 0 } });
    close(w);
    step(w);
    step(w);
    const q = w.queues.get(0)!;
    expect(q.cohorts.length).toBe(1);
    expect(q.waiting).toBeCloseTo(200, 9);
    // Day 2: the 200 of day 1 give up (3.2e6 USD) on top of the 3.2e6 routed unserved.
    expect(w.today.unserved).toBeCloseTo(6.4e6, 6);
  });

  it("keeps nothing and spoils nothing at a closed crossing that carried no trade", () => {
    // The north gate (110 USD) carries nothing: closing it queues no one and spoils no value.
    const w = toyWorld({ twoCrossings: true });
    close(w, 1);
    for (let d = 0; d < 4; d++) step(w);
    const q = w.queues.get(1)!;
    expect(q.valuePerVehicle).toBe(0);
    expect(q.perishableShare).toBe(0);
    expect(row(q.owners)).toEqual([0, 0]);
    expect(row(q.perishableOwners)).toEqual([0, 0]);
    expect(q.waiting).toBe(0);
    expect(w.totals.spoiled).toBe(0);
    expect(w.totals.unserved).toBe(0);
    expect(w.totals.served).toBe(5 * 6.4e6);
  });

  it("records the second crossing's share of each pair once the first one closes", () => {
    // Main gate closed with joinShare 0.5: 150 + 50 wait there, the other 150 + 50 take the north
    // gate, whose queue now remembers 150 and 50 vehicles, (3e6 + 2e5)/200 = 16,000 USD each.
    const w = toyWorld({ twoCrossings: true });
    close(w, 0);
    step(w);
    const north = w.queues.get(1)!;
    expect(row(north.pairVehicles)).toEqual([150, 50].map((x) => expect.closeTo(x, 6)));
    expect(north.valuePerVehicle).toBeCloseTo(16000, 6);
    expect(north.perishableShare).toBeCloseTo(3e6 / 3.2e6, 9);
    expect(row(north.owners)).toEqual([0.25, 0.75].map((x) => expect.closeTo(x, 9)));
    expect(w.queues.get(0)!.arrivalsToday).toBeCloseTo(200, 9);
  });

  it("starts no queue at a crossing that is closed before any open day", () => {
    const w = toyWorld({ twoCrossings: true });
    w.queues.clear();
    close(w, 1);
    step(w);
    expect(w.queues.has(1)).toBe(false);
    expect(w.queues.has(0)).toBe(true);
  });
});

/**
 * A chain for dependence and concentration: XB's 100 vehicles of 1,000 USD cross into XA at the BA
 * gate (declared from its XA side to its XB side) and on into XC at the AC gate (XA to XC), to a
 * market in XC. 1 h roads, 1 h processing, no fees: 50 USD a trip, under the 1,000 USD reservation.
 */
function chainWorld(demand: Data = {}): World {
  const side = (id: string, country: string, lat: number) => ({
    id,
    name: id,
    kind: "crossing-side",
    country,
    lon: 61,
    lat,
  });
  const road = (id: string, from: string, to: string) => ({
    id,
    from,
    to,
    mode: "road",
    lengthKm: 0,
    freeFlowHours: 1,
    capacityVehPerDay: 5000,
    bprB: 0,
  });
  const gate = (id: string, from: string, to: string) => ({
    id,
    name: id,
    from,
    to,
    capacityVehPerDay: 1000,
    processingHours: 1,
    feeUsd: 0,
    bprB: 0,
  });
  const data: Data = {
    name: "Chain",
    description: "B through A to C",
    start: "2025-01-01",
    generalizedCost: { valueOfTimeUsdPerHour: 10, costPerKmUsd: 0 },
    nodes: [
      { id: "b_city", name: "B city", kind: "city", country: "XB", lon: 60, lat: 33, zone: true },
      side("ba_b", "XB", 33),
      side("ba_a", "XA", 33.1),
      side("ac_a", "XA", 33.2),
      side("ac_c", "XC", 33.3),
      { id: "market", name: "Market", kind: "city", country: "XC", lon: 62, lat: 34, zone: true },
    ],
    links: [
      road("b_road", "b_city", "ba_b"),
      road("a_road", "ba_a", "ac_a"),
      road("c_road", "ac_c", "market"),
    ],
    crossings: [gate("ba_gate", "ba_a", "ba_b"), gate("ac_gate", "ac_a", "ac_c")],
    demand: [
      {
        origin: "b_city",
        destination: "market",
        vehiclesPerDay: 100,
        valueUsdPerVehicle: 1000,
        perishable: false,
        owner: "xb",
        reservationCostUsd: 1000,
        ...demand,
      },
    ],
    zones: [],
    actors: [
      { id: "xa", name: "State A", kind: "state", country: "XA" },
      { id: "xb", name: "State B", kind: "state", country: "XB" },
      { id: "xc", name: "State C", kind: "state", country: "XC" },
    ],
    relations: [{ a: "xa", b: "xb" }],
    model: {
      routing: { gap: 1e-9, changeThreshold: 1e-6 },
      riskPremium: { delayDays: 0 },
      queue: { joinShare: 0 },
    },
  };
  return dayZeroWorld(validateScenario(data, "chain.yaml").scenario, 60);
}

const XC = 2;

describe("dependence and route concentration", () => {
  it("makes the owner fully dependent on every state its trade crosses, and not on itself", () => {
    const w = chainWorld();
    const na = 3;
    expect(w.dependence[XB * na + XA]).toBe(1);
    expect(w.dependence[XB * na + XC]).toBe(1);
    expect(w.dependence[XB * na + XB]).toBe(0);
    // USD a day of XB's trade through each territory (100 × 1,000), and none of it transit.
    const { routed, through, transitThrough } = w.dependenceScratch;
    expect(row(routed)).toEqual([0, 1e5, 0]);
    expect(through[XB * na + XA]).toBe(1e5);
    expect(through[XB * na + XC]).toBe(1e5);
    expect(row(transitThrough)).toEqual(new Array(9).fill(0));
  });

  it("counts only the crossings on the owner's own border in its concentration index", () => {
    // The BA gate touches XB (on its "to" side), the AC gate does not: one crossing, HHI 1.
    const w = chainWorld();
    expect(w.herfindahl[XB]).toBe(1);
    const ne = w.model.elements.length;
    const byCrossing = w.dependenceScratch.byCrossing;
    expect(byCrossing[XB * ne + w.model.crossingElement[0]!]).toBe(1e5);
    expect(byCrossing[XB * ne + w.model.crossingElement[1]!]).toBe(0);
  });

  it("books transit trade through each territory it crosses", () => {
    const w = chainWorld({ transitVia: "xa" });
    const { transitThrough } = w.dependenceScratch;
    expect(transitThrough[XB * 3 + XA]).toBe(1e5);
    expect(transitThrough[XB * 3 + XC]).toBe(1e5);
    expect(transitThrough[XB * 3 + XB]).toBe(1e5);
    expect(transitThrough[XA * 3 + XB]).toBe(0);
  });

  it("keeps the last dependence and concentration of an owner with nothing routed", () => {
    // XA and XC own nothing: their rows keep what they held. Closing the BA gate cuts XB's trade off
    // (no other route): its row keeps the open day's values.
    const w = chainWorld();
    w.dependence[XA * 3 + XB] = 0.7;
    w.herfindahl[XA] = 0.3;
    close(w, 0);
    step(w);
    expect(w.pairServed[0]).toBe(0);
    expect(w.today.served).toBe(0);
    expect(w.today.unserved).toBe(1e5);
    expect(w.dependence[XA * 3 + XB]).toBe(0.7);
    expect(w.herfindahl[XA]).toBe(0.3);
    expect(w.dependence[XB * 3 + XA]).toBe(1);
    expect(w.herfindahl[XB]).toBe(1);
    expect(w.dependenceScratch.routed[XB]).toBe(0);
  });

  it("fills each owner's row with its own trade only, transit trade apart", () => {
    // Toy: XB's 6e6 USD west → east (not transit), XA's 4e5 east → west in transit via XB; both cross
    // both territories.
    const w = toyWorld({ demand: [WEST_EAST, { ...EAST_WEST, transitVia: "xb" }] });
    const { routed, through, transitThrough } = w.dependenceScratch;
    expect(row(routed)).toEqual([4e5, 6e6]);
    expect(row(through)).toEqual([4e5, 4e5, 6e6, 6e6]);
    expect(row(transitThrough)).toEqual([4e5, 4e5, 0, 0]);
    expect(w.dependence[XA * NA + XB]).toBe(1);
    expect(w.dependence[XB * NA + XA]).toBe(1);
    expect(row(w.herfindahl)).toEqual([1, 1]);
  });

  it("keeps each owner's concentration to its own crossings when the first element is a crossing", () => {
    // No roads: the gate (east XB → west XA) is network element 0. XA sends 100 × 1,000 USD west →
    // east, XB 50 × 1,000 east → west; each has one crossing, HHI 1.
    const trade = (origin: string, destination: string, vehiclesPerDay: number, owner: string) => ({
      origin,
      destination,
      vehiclesPerDay,
      valueUsdPerVehicle: 1000,
      owner,
      reservationCostUsd: 1000,
    });
    const node = (id: string, country: string, lon: number) => ({
      id,
      name: id,
      kind: "city",
      country,
      lon,
      lat: 33,
      zone: true,
    });
    const data: Data = {
      name: "One gate",
      start: "2025-01-01",
      generalizedCost: { valueOfTimeUsdPerHour: 10, costPerKmUsd: 0 },
      nodes: [node("west", "XA", 60), node("east", "XB", 61)],
      crossings: [
        {
          id: "gate",
          name: "gate",
          from: "east",
          to: "west",
          capacityVehPerDay: 1000,
          processingHours: 1,
          bprB: 0,
        },
      ],
      demand: [trade("west", "east", 100, "xa"), trade("east", "west", 50, "xb")],
      actors: [
        { id: "xa", name: "A", kind: "state", country: "XA" },
        { id: "xb", name: "B", kind: "state", country: "XB" },
      ],
      model: { routing: { gap: 1e-9, changeThreshold: 1e-6 } },
    };
    const w = createWorld(
      compileModel(validateScenario(data, "gate.yaml").scenario, { days: 5 }),
      createStreams(1, 0),
    );
    networkStateStep(w);
    routingStep(w);
    economyStep(w);
    expect(w.model.crossingElement[0]).toBe(0);
    const ne = w.model.elements.length;
    expect(w.dependenceScratch.byCrossing[XA * ne]).toBe(1e5);
    expect(w.dependenceScratch.byCrossing[XB * ne]).toBe(5e4);
    expect(row(w.herfindahl)).toEqual([1, 1]);
  });

  it("splits dependence and concentration by the value over each route", () => {
    // The two-crossing toy with a split of XB's pair set by hand (the routing step would write these):
    // 3/4 over the main gate, 1/4 over the north gate (both on XB's border), half of it through XA.
    // XA's pair (east → west) split evenly by hand too: HHI 0.5.
    const w = toyWorld({ twoCrossings: true });
    const nc = w.model.crossingElement.length;
    w.pairCrossingShare[0 * nc + 0] = 0.75;
    w.pairCrossingShare[0 * nc + 1] = 0.25;
    w.pairCrossingShare[1 * nc + 0] = 0.5;
    w.pairCrossingShare[1 * nc + 1] = 0.5;
    w.pairTerritory[0 * NA + XA] = 0.5;
    w.solves += 1; // a new equilibrium, as the routing step would count it
    economyStep(w);
    // HHI (3/4)² + (1/4)² = 0.625; dependence on XA 0.5, on itself 0.
    expect(w.herfindahl[XB]).toBeCloseTo(0.625, 12);
    expect(w.dependence[XB * NA + XA]).toBe(0.5);
    expect(w.dependence[XB * NA + XB]).toBe(0);
    expect(w.herfindahl[XA]).toBeCloseTo(0.5, 12);
    expect(w.dependence[XA * NA + XB]).toBe(1);
  });
});
