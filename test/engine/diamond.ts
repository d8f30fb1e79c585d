/**
 * The diamond: Westtown (XA) to Easttown (XB) through the territory of XP (crossings ap and pb, 1 h
 * each) or of XQ (aq and qb, 3 h each), constant costs (BPR b = 0), value of time 10 USD an hour, so
 * the two routes cost 20 and 60 USD a trip. XB's trade of 100 vehicles a day is demand entry 0.
 */
import { validateScenario } from "../../src/core/scenario/index.js";
import type { Scenario } from "../../src/core/scenario/types.js";

type Data = Record<string, unknown>;

export interface DiamondOptions {
  /** Fields of XB's trade (100 vehicles of 10,000 USD, reservation 1,000 USD). */
  trade?: Data;
  /** Further demand entries. */
  more?: Data[];
  /** Fields of each crossing, by id. */
  crossings?: Record<string, Data>;
  /** Fields of each actor, by id (e.g. a policy). */
  actors?: Record<string, Data>;
  /** The policies section. */
  policies?: Data[];
  /** The model section, in place of the default (near-exact routing, no risk premium, no queues). */
  model?: Data;
}

export function diamond(options: DiamondOptions = {}): Scenario {
  const node = (id: string, country: string, lon: number, zone = false) => ({
    id,
    name: id,
    kind: zone ? "city" : "junction",
    country,
    lon,
    lat: 33,
    zone,
  });
  const crossing = (id: string, from: string, to: string, hours: number) => ({
    id,
    name: id,
    from,
    to,
    capacityVehPerDay: 1000,
    processingHours: hours,
    bprB: 0,
    ...options.crossings?.[id],
  });
  return validateScenario(
    {
      name: "Diamond",
      start: "2025-01-01",
      generalizedCost: { valueOfTimeUsdPerHour: 10, costPerKmUsd: 0 },
      nodes: [
        node("west", "XA", 60, true),
        node("p", "XP", 61),
        node("q", "XQ", 61),
        node("east", "XB", 62, true),
      ],
      crossings: [
        crossing("ap", "west", "p", 1),
        crossing("pb", "p", "east", 1),
        crossing("aq", "west", "q", 3),
        crossing("qb", "q", "east", 3),
      ],
      demand: [
        {
          origin: "west",
          destination: "east",
          vehiclesPerDay: 100,
          valueUsdPerVehicle: 10000,
          owner: "xb",
          reservationCostUsd: 1000,
          ...options.trade,
        },
        ...(options.more ?? []),
      ],
      actors: [
        { id: "xa", name: "A", kind: "state", country: "XA" },
        { id: "xb", name: "B", kind: "state", country: "XB" },
        { id: "xp", name: "P", kind: "state", country: "XP" },
        { id: "xq", name: "Q", kind: "state", country: "XQ" },
      ].map((actor) => ({ ...actor, ...options.actors?.[actor.id] })),
      ...(options.policies ? { policies: options.policies } : {}),
      model: options.model ?? {
        routing: { gap: 1e-10, changeThreshold: 1e-6 },
        riskPremium: { delayDays: 0 },
        queue: { joinShare: 0 },
      },
    },
    "diamond.yaml",
  ).scenario;
}
