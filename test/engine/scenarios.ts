/**
 * Small scenarios for engine tests, built as data and validated like a file. Two states, XA and XB,
 * trade between Westtown and Easttown over one or two crossings; numbers are chosen so equilibria
 * and queue arithmetic can be worked out by hand (constant link costs: BPR b = 0).
 */
import { validateScenario } from "../../src/core/scenario/index.js";
import type { Scenario } from "../../src/core/scenario/types.js";

type Data = Record<string, unknown>;

export interface ToyOptions {
  /** Add a second crossing (the "north gate"), dearer than the main one. */
  twoCrossings?: boolean;
  /** Extra top-level sections or replacements. */
  extra?: Data;
  /** Demand overrides for the single west→east flow. */
  demand?: Data;
  /** Model parameter overrides, merged per section. */
  model?: Record<string, Data>;
}

export const VOT = 10;

export function toyData(options: ToyOptions = {}): Data {
  const nodes = [
    { id: "west", name: "Westtown", kind: "city", country: "XA", lon: 60, lat: 33, zone: true },
    { id: "gate_a", name: "Main gate (XA)", kind: "crossing-side", country: "XA", lon: 61, lat: 33 },
    { id: "gate_b", name: "Main gate (XB)", kind: "crossing-side", country: "XB", lon: 61.1, lat: 33 },
    { id: "east", name: "Easttown", kind: "city", country: "XB", lon: 62, lat: 33, zone: true },
  ];
  const links = [
    {
      id: "west_road",
      from: "west",
      to: "gate_a",
      mode: "road",
      lengthKm: 0,
      freeFlowHours: 1,
      capacityVehPerDay: 5000,
      bprB: 0,
    },
    {
      id: "east_road",
      from: "gate_b",
      to: "east",
      mode: "road",
      lengthKm: 0,
      freeFlowHours: 1,
      capacityVehPerDay: 5000,
      bprB: 0,
    },
  ];
  const crossings: Data[] = [
    {
      id: "main_gate",
      name: "Main gate",
      from: "gate_a",
      to: "gate_b",
      capacityVehPerDay: 1000,
      processingHours: 2,
      feeUsd: 10,
      bprB: 0,
      zone: "border",
    },
  ];
  if (options.twoCrossings) {
    nodes.push(
      { id: "north_a", name: "North gate (XA)", kind: "crossing-side", country: "XA", lon: 61, lat: 34 },
      { id: "north_b", name: "North gate (XB)", kind: "crossing-side", country: "XB", lon: 61.1, lat: 34 },
    );
    links.push(
      {
        id: "north_road_a",
        from: "west",
        to: "north_a",
        mode: "road",
        lengthKm: 0,
        freeFlowHours: 3,
        capacityVehPerDay: 5000,
        bprB: 0,
      },
      {
        id: "north_road_b",
        from: "north_b",
        to: "east",
        mode: "road",
        lengthKm: 0,
        freeFlowHours: 3,
        capacityVehPerDay: 5000,
        bprB: 0,
      },
    );
    crossings.push({
      id: "north_gate",
      name: "North gate",
      from: "north_a",
      to: "north_b",
      capacityVehPerDay: 1000,
      processingHours: 2,
      feeUsd: 30,
      bprB: 0,
    });
  }
  const model: Record<string, Data> = { routing: { gap: 1e-9, changeThreshold: 1e-6 }, ...options.model };
  return {
    name: "Toy corridor",
    description: "two states, one or two crossings",
    start: "2025-01-01",
    generalizedCost: { valueOfTimeUsdPerHour: VOT, costPerKmUsd: 0 },
    nodes,
    links,
    crossings,
    demand: [
      {
        origin: "west",
        destination: "east",
        vehiclesPerDay: 400,
        valueUsdPerVehicle: 20000,
        perishable: true,
        owner: "xb",
        reservationCostUsd: 1000,
        ...options.demand,
      },
    ],
    zones: [
      {
        id: "border",
        name: "Border zone",
        country: "XA",
        baselinePerDay: 0,
        excitationPerDay: 0,
        decayPerDay: 1,
      },
    ],
    actors: [
      { id: "xa", name: "State A", kind: "state", country: "XA" },
      { id: "xb", name: "State B", kind: "state", country: "XB" },
    ],
    relations: [{ a: "xa", b: "xb" }],
    model,
    ...options.extra,
  };
}

export function toyScenario(options: ToyOptions = {}): Scenario {
  return validateScenario(toyData(options), "toy.yaml").scenario;
}
