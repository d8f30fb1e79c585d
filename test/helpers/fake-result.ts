/**
 * A small hand-built SimulationResult on the two-route example, for unit tests of the run-folder
 * writers and the summary table only. End-to-end tests run the real engine.
 */
import { readFileSync } from "node:fs";
import type { SimEvent } from "../../src/core/engine/events.js";
import type { Outcomes, SimulationResult } from "../../src/core/engine/types.js";
import { loadScenario } from "../../src/core/scenario/index.js";
import type { Scenario } from "../../src/core/scenario/types.js";

export const TWO_ROUTES = "scenarios/examples/two-routes.yaml";

export function fakeScenario(): Scenario {
  const { scenario } = loadScenario(readFileSync(TWO_ROUTES, "utf8"), TWO_ROUTES);
  return {
    ...scenario,
    policies: [
      { id: "open_gate", actor: "xa", description: "keep the gate open", rules: [] },
      { id: "close_on_attack", actor: "xa", description: "close after attacks", rules: [] },
    ],
  };
}

/** Values chosen to need full precision, so a writer that rounds fails. */
export const FAKE_SERIES = {
  "trade.served_usd": [0.1 + 0.2, 1 / 3, 1e21],
  "crossing.flow.friendship_gate": [0, 449.5, 5e-324],
  "trust.xa.xb": [0.5, 0.25, -1e-7],
};

export function fakeOutcomes(): Outcomes {
  return {
    scenario: "Two routes, one crossing",
    seed: 7,
    run: 0,
    days: 3,
    start: "2024-01-01",
    end: "2024-01-03",
    policies: { xa: "open_gate" },
    finalWindowDays: 3,
    trade: {
      servedUsd: 1_234_567.891,
      unservedUsd: 2_500_000,
      spoiledUsd: 1_000.4,
      servedShare: 0.33,
      vehiclesQueued: 42,
    },
    crossings: [
      {
        id: "friendship_gate",
        name: "Friendship Gate",
        meanFlow: 449.5,
        closedDays: 2,
        restrictedDays: 1,
        maxQueue: 120,
      },
    ],
    zones: [{ id: "pass_zone", incidents: 3, fatalities: 7, linkHits: 1 }],
    incidents: 3,
    fatalities: 7,
    pairs: [
      {
        a: "xa",
        b: "xb",
        trustABStart: 0.5,
        trustABEnd: 0.25,
        trustBAStart: 0.6,
        trustBAEnd: 0.4,
        trustABFinal: 0.3,
        trustBAFinal: 0.45,
        trustABMean: 0.375,
        trustBAMean: 0.5,
        daysPerRung: { normal: 1, tension: 1, strikes: 1 },
        escalationCycles: 1,
        ceasefires: 1,
        ceasefiresFailed: 0,
      },
    ],
    dependence: [{ actor: "xb", on: "xa", start: 0.9, end: 0.8, final: 0.85, open: 0.9 }],
    concentration: [{ actor: "xb", herfindahlStart: 1, herfindahlEnd: 0.62, herfindahlFinal: 0.7 }],
    coercion: { attempts: 2, complied: 1, defied: 1, complianceRate: 0.5, episodes: [] },
    resilience: {
      reference: "open-network",
      referenceServedShare: 1,
      shocks: [{ start: 1, date: "2024-01-02", minimum: 40, recoveryDays: 1, lossArea: 60 }],
      totalLossArea: 60,
      meanRecoveryDays: 1,
      unrecovered: 0,
    },
    connectivity: {
      declared: 2,
      operational: 1,
      gap: 0.5,
      announcementsPerOperational: 2,
      projects: [],
    },
    actors: [],
    peopleReturned: 1500,
    indicators: {
      borderCrossings: [
        { crossing: "gate", from: "a", to: "b", vehicles: 4000, hours: 5.5, hoursWithQueues: 7, costUsd: 20 },
      ],
      routes: [
        {
          origin: "a",
          destination: "b",
          vehicles: 4000,
          distanceKm: 200,
          speedWithoutDelayKmh: 40,
          speedWithDelayKmh: 20,
          borderHours: 5,
        },
      ],
    },
    mechanisms: [
      {
        hypothesis: "opennessRisk",
        title: "Openness carries risk",
        strength: 1,
        claim: "Opening crossings before screening lets arms move with the goods.",
        contributions: { incidents: 0.5, unscreenedVehicles: 10 },
      },
    ],
    expectedIncidents: { baseline: 2.5, byMechanism: { opennessRisk: 0.5 } },
  };
}

export function fakeEvents(): SimEvent[] {
  return [
    {
      id: 1,
      day: 0,
      date: "2024-01-01",
      kind: "incident",
      target: "pass_zone",
      cause: "Hawkes incidents in pass_zone",
      values: { intensity: 0.123456, fatalities: 5 },
      text: "An attack in the pass zone killed 5 people.",
    },
    {
      id: 2,
      day: 0,
      date: "2024-01-01",
      kind: "closure",
      actor: "xa",
      target: "friendship_gate",
      cause: "when incidents(pass_zone, 30) >= 1 then close(friendship_gate)",
      values: { "incidents(pass_zone, 30)": 1 },
      text: "XA closed the Friendship Gate.",
      parent: 1,
    },
    {
      id: 3,
      day: 1,
      date: "2024-01-02",
      kind: "ladder",
      actor: "xb",
      target: "xa",
      cause: "escalation ladder",
      values: { trust: 0.25, retaliate: true },
      text: "Relations between XA and XB moved to tension.",
      parent: 2,
    },
    {
      id: 4,
      day: 2,
      date: "2024-01-03",
      kind: "reopening",
      actor: "xa",
      target: "friendship_gate",
      cause: "when days_closed(friendship_gate) >= 2 then open(friendship_gate)",
      values: {},
      text: "XA reopened the Friendship Gate.",
    },
  ];
}

export function fakeResult(): SimulationResult {
  const columns = Object.keys(FAKE_SERIES);
  return {
    scenario: fakeScenario(),
    outcomes: fakeOutcomes(),
    series: {
      days: 3,
      dates: ["2024-01-01", "2024-01-02", "2024-01-03"],
      columns,
      values: Object.fromEntries(
        Object.entries(FAKE_SERIES).map(([name, v]) => [name, Float64Array.from(v)]),
      ),
    },
    events: fakeEvents(),
    flows: {
      links: [
        { id: "valley_road", kind: "link", from: "westtown", to: "gate_xa", meanFlow: 300 },
        { id: "pass_road_west", kind: "link", from: "westtown", to: "pass_foot", meanFlow: 100 },
        { id: "pass_road_west", kind: "link", from: "pass_foot", to: "westtown", meanFlow: 50 },
        { id: "friendship_gate", kind: "crossing", from: "gate_xa", to: "gate_xb", meanFlow: 300 },
        { id: "friendship_gate", kind: "crossing", from: "gate_xb", to: "gate_xa", meanFlow: 149.5 },
      ],
    },
  };
}
