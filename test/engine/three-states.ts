/**
 * A three-state toy for coercion and diversification: XB's trade to a world market leaves either
 * through XA (the "ab" gate, 50 USD a vehicle) or through XC (the "cb" gate, 260 USD, dearer than the
 * trade's reservation cost of 250, so closing the ab gate cuts the trade off). Constant link costs
 * (BPR b = 0) and no risk premium, so every cost can be worked out by hand.
 */
import { validateScenario } from "../../src/core/scenario/index.js";
import type { Scenario } from "../../src/core/scenario/types.js";

type Data = Record<string, unknown>;

export interface ThreeStateOptions {
  /** Rules of XA's policy (the coercer). */
  rules?: string[];
  /** XA's patience, days. */
  patienceDays?: number;
  /** Model parameter overrides, merged per section. */
  model?: Record<string, Data>;
  /** The hypotheses section. */
  hypotheses?: Record<string, Data>;
  /** Extra top-level sections or replacements. */
  extra?: Data;
}

const road = (id: string, from: string, to: string, hours = 1) => ({
  id,
  from,
  to,
  mode: "road",
  lengthKm: 0,
  freeFlowHours: hours,
  capacityVehPerDay: 5000,
  bprB: 0,
});

export function threeStates(options: ThreeStateOptions = {}): Scenario {
  const data: Data = {
    name: "Three states",
    description: "a target, a coercer and an alternative partner",
    start: "2025-01-01",
    generalizedCost: { valueOfTimeUsdPerHour: 10, costPerKmUsd: 0 },
    nodes: [
      { id: "b_city", name: "B city", kind: "city", country: "XB", lon: 60, lat: 33, zone: true },
      { id: "ab_b", name: "AB gate (XB)", kind: "crossing-side", country: "XB", lon: 61, lat: 33 },
      { id: "ab_a", name: "AB gate (XA)", kind: "crossing-side", country: "XA", lon: 61.1, lat: 33 },
      { id: "cb_b", name: "CB gate (XB)", kind: "crossing-side", country: "XB", lon: 60, lat: 34 },
      { id: "cb_c", name: "CB gate (XC)", kind: "crossing-side", country: "XC", lon: 60, lat: 34.1 },
      { id: "market", name: "World market", kind: "port", country: "XM", lon: 62, lat: 34, zone: true },
    ],
    links: [
      road("b_ab", "b_city", "ab_b"),
      road("a_market", "ab_a", "market"),
      road("b_cb", "b_city", "cb_b"),
      road("c_market", "cb_c", "market"),
    ],
    crossings: [
      {
        id: "ab_gate",
        name: "AB gate",
        from: "ab_b",
        to: "ab_a",
        capacityVehPerDay: 1000,
        processingHours: 2,
        feeUsd: 10,
        bprB: 0,
      },
      {
        id: "cb_gate",
        name: "CB gate",
        from: "cb_b",
        to: "cb_c",
        capacityVehPerDay: 1000,
        processingHours: 1,
        feeUsd: 230,
        bprB: 0,
      },
    ],
    demand: [
      {
        origin: "b_city",
        destination: "market",
        vehiclesPerDay: 400,
        valueUsdPerVehicle: 20000,
        perishable: false,
        owner: "xb",
        reservationCostUsd: 250,
      },
    ],
    zones: [],
    actors: [
      {
        id: "xa",
        name: "State A",
        kind: "state",
        country: "XA",
        patienceDays: options.patienceDays ?? 20,
        ...(options.rules ? { policy: "press" } : {}),
      },
      { id: "xb", name: "State B", kind: "state", country: "XB", complianceCostUsd: 1e7 },
      { id: "xc", name: "State C", kind: "state", country: "XC" },
    ],
    policies: options.rules ? [{ id: "press", actor: "xa", rules: options.rules }] : [],
    relations: [{ a: "xa", b: "xb" }],
    model: {
      routing: { gap: 1e-9, changeThreshold: 1e-6 },
      riskPremium: { delayDays: 0 },
      queue: { joinShare: 0 },
      coercion: { alternativePremium: 0.05 },
      ...options.model,
    },
    ...(options.hypotheses ? { hypotheses: options.hypotheses } : {}),
    ...options.extra,
  };
  return validateScenario(data, "three-states.yaml").scenario;
}
