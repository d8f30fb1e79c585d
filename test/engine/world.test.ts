/**
 * The state of a run on day 0 and the small operations every step shares (src/core/engine/world.ts),
 * checked on a toy built here: the two-crossing toy corridor of test/engine/scenarios.ts with a third,
 * closed crossing (the ferry, gate_a → gate_b), the north gate restricted to 12 hours, two roads built
 * by projects, four actors (xa, xb, xc states; broker a mediator), two relations and six projects whose
 * statuses and announcement dates cover every initial phase. The run starts on 2025-01-01 (day 0).
 */
import { describe, expect, it } from "vitest";
import { compileModel } from "../../src/core/engine/model.js";
import {
  CROSSING_CLOSED,
  CROSSING_OPEN,
  CROSSING_RESTRICTED,
  createWorld,
  crossingClosed,
  History,
  World,
} from "../../src/core/engine/world.js";
import { createStreams, type Random, type Streams } from "../../src/core/random/index.js";
import { validateScenario } from "../../src/core/scenario/index.js";
import type { Scenario } from "../../src/core/scenario/types.js";
import { toyData } from "./scenarios.js";

type Data = Record<string, unknown>;

const DAYS = 40;
const [XA, XB, XC, BROKER] = [0, 1, 2, 3];
const NA = 4;
// Crossings: main_gate (open), north_gate (restricted, 12 h), ferry (closed).
const [MAIN, NORTH, FERRY] = [0, 1, 2];

const project = (id: string, status: string, announced: string, builtDays = 0): Data => ({
  id,
  name: id,
  kind: "road",
  announced,
  declaredCapacity: 100,
  capacityUnit: "vehicles/day",
  status,
  constructionDays: 30,
  builtDays,
  sponsors: ["xa"],
});

/** The toy described at the top; `edit` changes the data before validation. */
function richData(edit?: (data: Data) => void): Data {
  const data = toyData({ twoCrossings: true, model: { trust: { baseline: 0.25 } } });
  const crossings = data["crossings"] as Data[];
  Object.assign(crossings[1]!, { status: "restricted", hoursOpenPerDay: 12 });
  crossings.push({
    id: "ferry",
    name: "Ferry",
    from: "gate_a",
    to: "gate_b",
    capacityVehPerDay: 200,
    processingHours: 5,
    feeUsd: 0,
    bprB: 0,
    status: "closed",
  });
  const links = data["links"] as Data[];
  const road = (id: string, built: string) => ({
    id,
    from: "west",
    to: "gate_a",
    mode: "road",
    lengthKm: 0,
    freeFlowHours: 2,
    capacityVehPerDay: 500,
    bprB: 0,
    project: built,
  });
  // Links 4 and 5: built by project 0 (building) and project 1 (operational).
  links.push(road("bypass", "p_building"), road("ring", "p_operating"));
  data["projects"] = [
    project("p_building", "building", "2020-01-01", 3), // day −1,827: phase building
    project("p_operating", "operational", "2024-12-01"), // day −31: operational
    project("p_stalled", "stalled", "2025-01-01"), // day 0: not after the start, stalled
    project("p_later", "announced", "2025-01-11"), // day 10: unannounced
    project("p_later_building", "building", "2025-02-01"), // day 31: unannounced although building
    project("p_announced", "announced", "2024-12-31", 2), // day −1: announced
  ];
  data["demand"] = [
    {
      origin: "west",
      destination: "east",
      vehiclesPerDay: 400,
      valueUsdPerVehicle: 20000,
      owner: "xb",
      reservationCostUsd: 1000,
    },
    {
      origin: "east",
      destination: "west",
      vehiclesPerDay: 100,
      valueUsdPerVehicle: 5000,
      owner: "xa",
      reservationCostUsd: 1000,
    },
  ];
  data["zones"] = [
    { id: "border", name: "Border", country: "XA", baselinePerDay: 0, excitationPerDay: 0, decayPerDay: 1 },
    { id: "north", name: "North", country: "XB", baselinePerDay: 0, excitationPerDay: 0, decayPerDay: 1 },
  ];
  data["actors"] = [
    { id: "xa", name: "State A", kind: "state", country: "XA", enforcement: 0.4, policy: "watch" },
    { id: "xb", name: "State B", kind: "state", country: "XB", enforcement: 0.6 },
    { id: "xc", name: "State C", kind: "state", country: "XC" },
    { id: "broker", name: "Broker", kind: "mediator" },
  ];
  data["policies"] = [
    {
      id: "watch",
      actor: "xa",
      rules: ["when day() == 5 then close(main_gate)", "when day() == 9 then open(main_gate)"],
    },
  ];
  data["relations"] = [
    {
      a: "xb",
      b: "xa",
      trustAB: 0.7,
      trustBA: 0.2,
      ladder: "tension",
      verification: 0.4,
      mediators: ["broker"],
    },
    { a: "xb", b: "xc" },
  ];
  edit?.(data);
  return data;
}

const scenarioOf = (data: Data): Scenario => validateScenario(data, "world.yaml").scenario;

function worldOf(data: Data = richData(), streams: Streams = createStreams(1, 0)): World {
  return createWorld(compileModel(scenarioOf(data), { days: DAYS }), streams);
}

const list = (a: ArrayLike<number>) => Array.from(a);
const filled = (n: number, v: number) => new Array<number>(n).fill(v);

describe("History: cumulative daily sums", () => {
  it("sums the days before `end`, clipped at day 0", () => {
    // Days 0, 1, 2 hold 1, 2, 4: cumulative 0, 1, 3, 7.
    const h = new History(3);
    h.set(0, 1);
    h.set(1, 2);
    h.set(2, 4);
    expect(list(h.cumulative)).toEqual([0, 1, 3, 7]);
    expect(h.sum(3, 3)).toBe(7);
    expect(h.sum(3, 1)).toBe(4);
    expect(h.sum(3, 2)).toBe(6);
    expect(h.sum(2, 1)).toBe(2);
    // 5 days before day 2 reach back past day 0: only days 0 and 1 count.
    expect(h.sum(2, 5)).toBe(3);
    expect(h.sum(0, 4)).toBe(0);
  });
});

describe("world on day 0: crossings and elements", () => {
  it("reads each crossing's status and hours (24 unless restricted)", () => {
    const w = worldOf();
    expect(list(w.crossingStatus)).toEqual([CROSSING_OPEN, CROSSING_RESTRICTED, CROSSING_CLOSED]);
    expect([CROSSING_OPEN, CROSSING_CLOSED, CROSSING_RESTRICTED]).toEqual([0, 1, 2]);
    expect(list(w.crossingHours)).toEqual([24, 12, 24]);
    expect(list(w.capacityOverride)).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    expect(list(w.processingOverride)).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    expect(list(w.restrictedDays)).toEqual([0, 0, 0]);
    expect(list(w.closedBy)).toEqual([-1, -1, -1]);
  });

  it("sizes the element arrays (6 links then 3 crossings) with nothing damaged or failed", () => {
    const w = worldOf();
    const ne = w.model.elements.length;
    expect(ne).toBe(9);
    expect(list(w.damagedUntil)).toEqual(filled(ne, -1));
    expect(list(w.failedUntil)).toEqual(filled(ne, -1));
    expect(list(w.elementState)).toEqual(filled(ne, -1));
    for (const a of [w.damageShare, w.addedCapacity, w.risk, w.riskFromAttacks, w.costReduction])
      expect(list(a)).toEqual(filled(ne, 0));
    expect(w.pendingCapacity).toEqual([]);
  });

  it("sizes the network link arrays", () => {
    const w = worldOf();
    const nl = w.model.network.linkCount;
    expect(nl).toBeGreaterThan(ne(w));
    for (const a of [w.overloadStreak, w.backlog, w.queueToll, w.flows])
      expect(list(a)).toEqual(filled(nl, 0));
    expect(w.indicators.linkHours).toHaveLength(nl);
    expect(w.indicators.queueHours).toHaveLength(ne(w));
  });

  it("prices a vehicle at the vehicle-weighted mean cargo value", () => {
    // (400 · 20,000 + 100 · 5,000) / 500 = 8,500,000 / 500 = 17,000 USD.
    expect(worldOf().meanValuePerVehicle).toBe(17_000);
  });

  it("prices a vehicle at 0 when no vehicle travels", () => {
    const w = worldOf(
      richData((d) => {
        for (const e of d["demand"] as Data[]) e["vehiclesPerDay"] = 0;
      }),
    );
    expect(w.meanValuePerVehicle).toBe(0);
  });
});

const ne = (w: World) => w.model.elements.length;

describe("world on day 0: zones, actors and relations", () => {
  it("starts each zone with an empty Hawkes state, histories of the run's length and scale 1", () => {
    const w = worldOf();
    expect(w.hawkes).toEqual([
      { time: 0, excitation: 0, count: 0 },
      { time: 0, excitation: 0, count: 0 },
    ]);
    expect(w.hawkes[0]).not.toBe(w.hawkes[1]);
    for (const a of [w.incidentsToday, w.fatalitiesToday, w.linkHitsTotal]) expect(list(a)).toEqual([0, 0]);
    for (const hs of [w.incidents, w.fatalities]) {
      expect(hs).toHaveLength(2);
      for (const h of hs) expect(list(h.cumulative)).toEqual(filled(DAYS + 1, 0));
    }
    for (const hs of [w.closedHistory, w.flowHistory]) {
      expect(hs).toHaveLength(3);
      for (const h of hs) expect(h.cumulative).toHaveLength(DAYS + 1);
    }
    expect(w.incidents[0]).not.toBe(w.fatalities[0]);
    expect(list(w.zoneScale)).toEqual([1, 1]);
    expect(list(w.modifiers.baselineAdd)).toEqual([0, 0]);
  });

  it("takes enforcement from the actors and trust from the relations, the baseline elsewhere", () => {
    const w = worldOf();
    // Enforcement 0.4 and 0.6 as given, the default 0.2 for xc and the broker.
    expect(list(w.enforcement)).toEqual([0.4, 0.6, 0.2, 0.2]);
    // Relation 0 has a = xb, b = xa: trust xb → xa 0.7, xa → xb 0.2; relation 1 (xb, xc) the defaults 0.5.
    const t = filled(NA * NA, 0.25);
    t[XB * NA + XA] = 0.7;
    t[XA * NA + XB] = 0.2;
    t[XB * NA + XC] = 0.5;
    t[XC * NA + XB] = 0.5;
    expect(list(w.trust)).toEqual(t);
    expect(w.trustOf(XB, XA)).toBe(0.7);
    expect(w.trustOf(XA, XB)).toBe(0.2);
    expect(w.trustOf(XA, XC)).toBe(0.25);
    expect(w.trustOf(BROKER, BROKER)).toBe(0.25);
  });

  it("indexes each relation both ways, −1 for pairs without one", () => {
    const w = worldOf();
    const index = filled(NA * NA, -1);
    index[XB * NA + XA] = 0;
    index[XA * NA + XB] = 0;
    index[XB * NA + XC] = 1;
    index[XC * NA + XB] = 1;
    expect(list(w.relationIndex)).toEqual(index);
  });

  it("builds each relation from the scenario, nothing counted yet", () => {
    const w = worldOf();
    const fresh = {
      monitors: new Map(),
      monitoredUntil: -1,
      attributedToday: 0,
      mediatedToday: false,
      daysPerRung: new Float64Array(5),
      rungHistory: [],
      ceasefires: 0,
      ceasefiresFailed: 0,
    };
    expect(w.relations).toEqual([
      {
        a: XB,
        b: XA,
        ladder: { rung: "tension", daysInRung: 0, quietDays: 0 },
        verification: 0.4,
        mediators: [BROKER],
        ...fresh,
      },
      {
        a: XB,
        b: XC,
        ladder: { rung: "normal", daysInRung: 0, quietDays: 0 },
        verification: 0.3,
        mediators: [],
        ...fresh,
      },
    ]);
    expect(w.relations[0]!.ceasefireStream).toBeUndefined();
    expect(list(w.modifiers.hazardFactor)).toEqual([1, 1]);
  });

  it("sizes the actor-pair arrays and the accounts, all zero", () => {
    const w = worldOf();
    for (const a of [
      w.transitSuspended,
      w.transitFee,
      w.deportRate,
      w.returnRate,
      w.dependence,
      w.diversified,
      w.dependenceScratch.through,
      w.dependenceScratch.transitThrough,
    ])
      expect(list(a)).toEqual(filled(NA * NA, 0));
    for (const a of [w.herfindahl, w.lossToday, w.routedToday, w.dependenceScratch.routed])
      expect(list(a)).toEqual(filled(NA, 0));
    expect(list(w.dependenceScratch.byCrossing)).toEqual(filled(NA * ne(w), 0));
    expect(Object.keys(w.accounts)).toEqual([
      "served",
      "unserved",
      "spoiled",
      "fees",
      "security",
      "humanitarian",
      "returned",
      "received",
    ]);
    for (const a of Object.values(w.accounts)) expect(list(a)).toEqual(filled(NA, 0));
  });

  it("starts each policy's programme and one streak per rule", () => {
    const w = worldOf();
    expect(w.programmeState).toHaveLength(1);
    expect(w.ruleStreaks.map(list)).toEqual([[0, 0]]);
    const none = worldOf(
      richData((d) => {
        d["policies"] = [];
        delete (d["actors"] as Data[])[0]!["policy"];
      }),
    );
    expect(none.programmeState).toEqual([]);
  });
});

describe("world on day 0: projects", () => {
  it("sets each project's phase from its status and announcement date", () => {
    const w = worldOf();
    expect(w.projectPhase).toEqual([
      "building",
      "operational",
      "stalled",
      "unannounced",
      "unannounced",
      "announced",
    ]);
    expect(list(w.projectBuilt)).toEqual([3, 0, 0, 0, 0, 2]);
    // Building from day 0 when the status is building (even before its announcement), else −1.
    expect(list(w.projectBuildingDay)).toEqual([0, -1, -1, -1, 0, -1]);
    expect(list(w.projectOperatingDay)).toEqual([-1, 0, -1, -1, -1, -1]);
    // The announcement day (2020-01-01 is 1,827 days before 2025-01-01), −1 while still to come.
    expect(list(w.projectAnnouncedDay)).toEqual([-1827, -31, 0, -1, -1, -1]);
    expect(list(w.benchmarkStreak)).toEqual(filled(6, 0));
    expect(list(w.announcements)).toEqual(filled(6, 0));
  });
});

describe("world on day 0: routing, economy and counters", () => {
  it("sizes the pair arrays (2 demand pairs)", () => {
    const w = worldOf();
    const np = w.model.demand.pairCount;
    expect(np).toBe(2);
    expect(list(w.pairServed)).toEqual([0, 0]);
    expect(list(w.pairDemand)).toEqual([0, 0]);
    expect(list(w.pairTerritory)).toEqual(filled(np * NA, 0));
    expect(list(w.pairCrossingShare)).toEqual(filled(np * 3, 0));
    expect(w.pairPaths).toEqual([]);
    expect(w.indicators.pairVehicles).toHaveLength(np);
    expect(w.assigner).toBeDefined();
    expect(w.counterfactualAssigner).toBeUndefined();
  });

  it("starts with nothing solved, applied or counted", () => {
    const w = worldOf();
    expect(w.day).toBe(0);
    expect(w.dirty).toBe(true);
    expect(w.solves).toBe(0);
    expect(w.networkEpoch).toBe(0);
    expect(w.lastNetworkEpoch).toBe(-1);
    expect(w.lastActantCount).toBe(-1);
    expect(w.transportCost).toBe(0);
    expect(w.monthApplied).toBe(-1);
    expect(w.actantCache).toEqual({ day: -1, until: -1, list: [] });
    expect(w.today).toEqual({ served: 0, unserved: 0, spoiled: 0, potential: 0, queued: 0, returned: 0 });
    expect(w.totals).toEqual({ served: 0, unserved: 0, spoiled: 0, potential: 0, queued: 0, returned: 0 });
    expect(w.coercion).toEqual({ attempts: 0, complied: 0, defied: 0 });
    for (const a of [w.cbms, w.episodes, w.leverageLog, w.acts, w.verifiedToday, w.compliedToday])
      expect(a).toEqual([]);
    for (const m of [w.transitBlock, w.transitSurcharge, w.territoryMasks, w.returnedBetween, w.queues])
      expect(m.size).toBe(0);
    expect(w.log.events).toEqual([]);
    expect(w.economyCache).toEqual({
      month: -1,
      pairs: [],
      routesKey: -1,
      day: {
        served: 0,
        unserved: 0,
        potential: 0,
        ownerServed: new Float64Array(NA),
        ownerUnserved: new Float64Array(NA),
      },
      lossBefore: new Float64Array(NA),
    });
  });

  it("leaves every mechanism's term neutral", () => {
    const { modifiers } = worldOf();
    expect({ ...modifiers, baselineAdd: undefined, hazardFactor: undefined }).toEqual({
      baselineAdd: undefined,
      monitorFloor: 0,
      relaxFactor: 1,
      enforcementByCompliance: true,
      hazardFactor: undefined,
      leverageWeight: 0,
      returnsOutsideCap: 0,
      attackRiskWeight: 0,
      benchmarkDays: 0,
    });
  });

  it("keys the routes by equilibrium and month", () => {
    const w = worldOf();
    // No solve, no month: 0 · 10,000 − 1.
    expect(w.routesKey()).toBe(-1);
    w.solves = 3;
    w.monthApplied = 5;
    expect(w.routesKey()).toBe(30_005);
  });
});

/** Streams that record the names asked for and hand out a tagged stand-in. */
function recordingStreams() {
  const names: string[] = [];
  const streams: Streams = {
    seed: 1,
    run: 0,
    stream: (name: string) => {
      names.push(name);
      return { name } as unknown as Random;
    },
  };
  return { names, streams };
}

describe("world operations", () => {
  it("hands out named streams", () => {
    const { names, streams } = recordingStreams();
    const w = worldOf(richData(), streams);
    expect(w.stream("ceasefire/xb-xa")).toEqual({ name: "ceasefire/xb-xa" });
    expect(names).toEqual(["ceasefire/xb-xa"]);
    expect(w.streams).toBe(streams);
  });

  it("looks a zone's four streams up once, by its id", () => {
    const { names, streams } = recordingStreams();
    const w = worldOf(richData(), streams);
    const north = w.zoneStreams(1);
    expect(north).toEqual({
      incidents: { name: "incidents/north" },
      fatalities: { name: "fatalities/north" },
      damage: { name: "damage/north" },
      attribution: { name: "attribution/north" },
    });
    expect(w.zoneStreams(1)).toBe(north);
    expect(names).toEqual(["incidents/north", "fatalities/north", "damage/north", "attribution/north"]);
    expect(w.zoneStreams(0).incidents).toEqual({ name: "incidents/border" });
    expect(names).toHaveLength(8);
  });

  it("names actors, (none) for a negative index", () => {
    const w = worldOf();
    expect(w.actorId(XA)).toBe("xa");
    expect(w.actorId(BROKER)).toBe("broker");
    expect(w.actorId(-1)).toBe("(none)");
  });

  it("sets directed trust", () => {
    const w = worldOf();
    w.setTrust(XC, XB, 0.9);
    expect(w.trustOf(XC, XB)).toBe(0.9);
    expect(w.trust[XC * NA + XB]).toBe(0.9);
    expect(w.trustOf(XB, XC)).toBe(0.5);
  });

  it("finds a relation in either order, none for a pair without one or an index out of range", () => {
    const w = worldOf();
    expect(w.relation(XA, XB)).toBe(w.relations[0]);
    expect(w.relation(XB, XA)).toBe(w.relations[0]);
    expect(w.relation(XC, XB)).toBe(w.relations[1]);
    expect(w.relation(XA, XC)).toBeUndefined();
    expect(w.relation(XA, XA)).toBeUndefined();
    // Out of range, though a·4 + b would land on a relation: (0, 4) → 4 = (xb, xa); (2, −2) → 6 = (xb, xc);
    // (−1, 5) → 1 = (xa, xb); (4, −10) → 6.
    expect(w.relation(0, 4)).toBeUndefined();
    expect(w.relation(2, -2)).toBeUndefined();
    expect(w.relation(-1, 5)).toBeUndefined();
    expect(w.relation(4, -10)).toBeUndefined();
    expect(w.relation(-1, 0)).toBeUndefined();
  });

  it("finds the state of a country, −1 for none", () => {
    const w = worldOf();
    expect(w.stateOf("XA")).toBe(XA);
    expect(w.stateOf("XC")).toBe(XC);
    expect(w.stateOf("ZZ")).toBe(-1);
  });

  it("records events on the current day with its date, numbered in order", () => {
    const w = worldOf();
    w.day = 5;
    const first = w.record({
      kind: "crossing-closed",
      target: "main_gate",
      text: "closed",
      cause: "test",
      values: {},
    });
    expect(first).toBe(1);
    expect(w.log.events[0]).toMatchObject({ id: 1, day: 5, date: "2025-01-06", kind: "crossing-closed" });
    w.day = 6;
    w.record({ kind: "crossing-closed", target: "ferry", text: "closed", cause: "test", values: {} });
    w.record({ kind: "crossing-opened", target: "ferry", text: "opened", cause: "test", values: {} });
    expect(w.log.events.map((e) => [e.id, e.day, e.date])).toEqual([
      [1, 5, "2025-01-06"],
      [2, 6, "2025-01-07"],
      [3, 6, "2025-01-07"],
    ]);
  });

  it("queues acts", () => {
    const w = worldOf();
    const act = { from: XA, to: XB, kind: "hostile" as const, cause: 0, what: "a strike" };
    w.act(act);
    expect(w.acts).toEqual([act]);
  });
});

describe("setting a crossing's status", () => {
  it("marks the routing dirty and bumps the epoch only when the status or the hours change", () => {
    const w = worldOf();
    w.dirty = false;
    // Same status and default 24 hours: nothing changes.
    w.setCrossingStatus(MAIN, CROSSING_OPEN);
    expect([w.dirty, w.networkEpoch]).toEqual([false, 0]);
    w.setCrossingStatus(NORTH, CROSSING_RESTRICTED, 12);
    expect([w.dirty, w.networkEpoch]).toEqual([false, 0]);
    // New status.
    w.setCrossingStatus(MAIN, CROSSING_CLOSED);
    expect([w.dirty, w.networkEpoch, w.crossingStatus[MAIN], w.crossingHours[MAIN]]).toEqual([
      true,
      1,
      1,
      24,
    ]);
    // Same status, new hours.
    w.dirty = false;
    w.setCrossingStatus(NORTH, CROSSING_RESTRICTED, 8);
    expect([w.dirty, w.networkEpoch, w.crossingStatus[NORTH], w.crossingHours[NORTH]]).toEqual([
      true,
      2,
      2,
      8,
    ]);
    // Hours default to 24 when a restricted crossing opens.
    w.setCrossingStatus(NORTH, CROSSING_OPEN);
    expect([w.networkEpoch, w.crossingStatus[NORTH], w.crossingHours[NORTH]]).toEqual([3, 0, 24]);
  });
});

describe("open and closed elements", () => {
  // Elements: links 0–5 (4: bypass, project 0 building; 5: ring, project 1 operational), crossings 6–8.
  const [BYPASS, RING] = [4, 5];
  const [MAIN_E, NORTH_E, FERRY_E] = [6, 7, 8];

  it("keeps unbuilt project links and closed crossings out of the network", () => {
    const w = worldOf();
    expect(w.model.crossingElement).toEqual([MAIN_E, NORTH_E, FERRY_E]);
    expect([0, 1, 2, 3].map((e) => w.elementOpen(e))).toEqual([true, true, true, true]);
    expect(w.elementOpen(BYPASS)).toBe(false);
    expect(w.elementOpen(RING)).toBe(true);
    expect(w.elementOpen(MAIN_E)).toBe(true);
    // Restricted is open; the ferry (crossing 2) is closed, while link 2 (same index) is open.
    expect(w.elementOpen(NORTH_E)).toBe(true);
    expect(w.elementOpen(FERRY_E)).toBe(false);
    w.projectPhase[0] = "operational";
    expect(w.elementOpen(BYPASS)).toBe(true);
  });

  it("closes an element through the day its failure lasts", () => {
    const w = worldOf();
    w.day = 7;
    w.failedUntil[MAIN_E] = 7;
    w.failedUntil[2] = 6;
    expect(w.elementOpen(MAIN_E)).toBe(false);
    expect(w.elementOpen(2)).toBe(true);
    expect(crossingClosed(w, MAIN, MAIN_E)).toBe(true);
    w.failedUntil[MAIN_E] = 6;
    expect(w.elementOpen(MAIN_E)).toBe(true);
    expect(crossingClosed(w, MAIN, MAIN_E)).toBe(false);
  });

  it("counts a crossing closed by its status, not when restricted", () => {
    const w = worldOf();
    expect(crossingClosed(w, FERRY, FERRY_E)).toBe(true);
    expect(crossingClosed(w, NORTH, NORTH_E)).toBe(false);
    expect(crossingClosed(w, MAIN, MAIN_E)).toBe(false);
  });

  it("builds the same world through the constructor", () => {
    const model = compileModel(scenarioOf(richData()), { days: DAYS });
    const w = new World(model, createStreams(1, 0));
    expect(w.model).toBe(model);
    expect(list(w.crossingStatus)).toEqual([0, 2, 1]);
  });
});
