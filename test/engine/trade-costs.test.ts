import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import { validateScenario } from "../../src/core/scenario/index.js";
import { toyData } from "./scenarios.js";

type Data = Record<string, unknown>;

// Two crossings between XA and XB: the main gate costs 50 USD a vehicle (2 h of road, 2 h to clear at
// 10 USD/h, fee 10), the north gate 110 (6 h of road, 2 h, fee 30); 400 vehicles a day, constant costs.
function toy(options: {
  hypotheses?: Data;
  mainCapacity?: number;
  zone?: Data;
  events?: Data[];
  model?: Data;
}) {
  const data = toyData({ twoCrossings: true, model: options.model as Record<string, Data> });
  const crossings = data["crossings"] as Data[];
  if (options.mainCapacity !== undefined) crossings[0]!["capacityVehPerDay"] = options.mainCapacity;
  data["zones"] = [
    {
      id: "border",
      name: "Border zone",
      country: "XA",
      baselinePerDay: 0,
      excitationPerDay: 0,
      decayPerDay: 1,
      linkHitProbability: 0,
      ...options.zone,
    },
  ];
  if (options.events) data["events"] = options.events;
  if (options.hypotheses) data["hypotheses"] = options.hypotheses;
  return validateScenario(data, "toy.yaml").scenario;
}

const total = (series: Float64Array) => series.reduce((s, x) => s + x, 0);

describe("attacks reach trade (two-crossing toy)", () => {
  // Two attacks in the main gate's zone on day 0; traders' memory has a half-life of one day.
  const attacked = (strength: number) =>
    toy({
      model: { riskPremium: { halfLifeDays: 1, delayDays: 5 } },
      events: [
        { date: "2025-01-01", incident: { zone: "border", fatalities: 1 }, note: "first attack" },
        { date: "2025-01-01", incident: { zone: "border", fatalities: 1 }, note: "second attack" },
      ],
      ...(strength > 0 ? { hypotheses: { attacksReachTrade: { strength } } } : {}),
    });

  it("prices two attacks at a = 0.2 into the main gate's toll and moves its trade north until the memory fades", () => {
    // D = min(1, 0.2 × 2) = 0.4; r = ½ × 0.4 = 0.2; premium 0.2 × 5 days × 24 h × 10 USD = 240 USD:
    // main gate 290 > north gate 110 from day 0; by the next quote (day 7) r = 0.2 × 2^−7 rounds to 0.
    const { series, outcomes } = simulate(attacked(0.2), { days: 15 });
    expect(series.values["flow.main_gate"]![0]).toBe(0);
    expect(series.values["flow.north_gate"]![0]).toBeCloseTo(400, 6);
    expect(series.values["flow.main_gate"]![6]).toBe(0);
    expect(series.values["flow.main_gate"]![7]).toBeCloseTo(400, 6);
    // Premium learned from attacks paid from day 7 to 14: Σ 0.2 × 2^−d × 1,200 × 400.
    const paid = outcomes.mechanisms.find((m) => m.hypothesis === "attacksReachTrade")!.contributions;
    expect(paid["attackPremiumUsd"]).toBeCloseTo(96_000 * (2 ** -6 - 2 ** -14), 6);
  });

  it("leaves closures as the only lesson at strength 0 (bit-identical to no hypothesis)", () => {
    const none = simulate(attacked(0), { days: 15 });
    const zero = simulate(
      toy({
        model: { riskPremium: { halfLifeDays: 1, delayDays: 5 } },
        events: [
          { date: "2025-01-01", incident: { zone: "border", fatalities: 1 }, note: "first attack" },
          { date: "2025-01-01", incident: { zone: "border", fatalities: 1 }, note: "second attack" },
        ],
        hypotheses: { attacksReachTrade: { strength: 0 } },
      }),
      { days: 15 },
    );
    expect(JSON.stringify(zero.events)).toBe(JSON.stringify(none.events));
    expect(zero.outcomes).toEqual(none.outcomes);
    expect(none.series.values["flow.main_gate"]![0]).toBeCloseTo(400, 6);
  });

  it("flips which gate carries more of a year's trade under steady violence at the main gate", () => {
    const violent = (strength: number) =>
      toy({
        zone: { baselinePerDay: 0.5 },
        ...(strength > 0 ? { hypotheses: { attacksReachTrade: { strength } } } : {}),
      });
    const off = simulate(violent(0), { seed: 3, days: 365 }).series.values;
    expect(total(off["flow.main_gate"]!)).toBeGreaterThan(total(off["flow.north_gate"]!));
    const on = simulate(violent(0.2), { seed: 3, days: 365 }).series.values;
    expect(total(on["flow.main_gate"]!)).toBeLessThan(total(on["flow.north_gate"]!));
  });
});

describe("congestion queues (two-crossing toy, main gate cut to 150 vehicles a day)", () => {
  // Overload failures are switched off (tolerance 100) so that only the queue acts.
  const cut = (strength: number, section = strength > 0) =>
    toy({
      mainCapacity: 150,
      model: { overload: { tolerance: 100 } },
      ...(section ? { hypotheses: { congestionQueues: { strength, cargoTimeCostPerDay: 0.01 } } } : {}),
    });

  it("builds the queue by hand and shifts trade north while it lasts", () => {
    // 250 a day join the queue on days 0–6 (1,750 waiting); quoted on day 7 at 1,750/150 days ×
    // (24 × 10 + 0.01 × 20,000) = 5,133 USD: all go north and the queue drains 150 a day; quoted on day
    // 14 at 700/150 × 440 = 2,053 USD, still north; empty by day 18, quoted 0 on day 21: back to main.
    const { series, outcomes } = simulate(cut(1), { days: 21 });
    const main = series.values["flow.main_gate"]!;
    expect(main[6]).toBeCloseTo(400, 6);
    expect(main[7]).toBe(0);
    expect(main[14]).toBe(0);
    expect(main[20]).toBe(0);
    const c = outcomes.mechanisms.find((m) => m.hypothesis === "congestionQueues")!.contributions;
    // Vehicle-days waiting: 250 × (1 + … + 7) + (1,600 + 1,450 + … + 700) + (550 + 400 + 250 + 100).
    expect(c["vehicleDaysQueued"]).toBeCloseTo(7000 + 8050 + 1300, 6);
    expect(c["queueDelayCostUsd"]).toBeCloseTo(16_350 * 440, 3);
    const next = simulate(cut(1), { days: 22 }).series.values["flow.main_gate"]!;
    expect(next[21]).toBeCloseTo(400, 6);
  });

  it("changes nothing at strength 0 (bit-identical to no hypothesis)", () => {
    const none = simulate(cut(0), { days: 60 });
    const zero = simulate(cut(0, true), { days: 60 });
    expect(JSON.stringify(zero.events)).toBe(JSON.stringify(none.events));
    expect(zero.outcomes).toEqual(none.outcomes);
    expect(Array.from(zero.series.values["flow.main_gate"]!)).toEqual(
      Array.from(none.series.values["flow.main_gate"]!),
    );
  });

  it("flips which gate carries more trade after the capacity cut", () => {
    const off = simulate(cut(0), { days: 84 }).series.values;
    expect(total(off["flow.main_gate"]!)).toBeGreaterThan(total(off["flow.north_gate"]!));
    const on = simulate(cut(1), { days: 84 }).series.values;
    expect(total(on["flow.main_gate"]!)).toBeLessThan(total(on["flow.north_gate"]!));
  });
});
