import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import { diamond } from "./diamond.js";

// XB's trade transits XP (the short way) or XQ; XA's own 50 vehicles a day take the same roads.
function scenario() {
  return diamond({
    trade: { transitVia: "xp" },
    more: [
      {
        origin: "west",
        destination: "east",
        vehiclesPerDay: 50,
        valueUsdPerVehicle: 10000,
        owner: "xa",
        reservationCostUsd: 1000,
      },
    ],
    actors: { xp: { policy: "squeeze" } },
    policies: [
      {
        id: "squeeze",
        actor: "xp",
        rules: ["when day() == 3 then suspend_transit(xb)", "when day() == 6 then resume_transit(xb)"],
      },
    ],
    model: { routing: { gap: 1e-9, changeThreshold: 1e-6 } },
  });
}

describe("suspended transit", () => {
  it("reroutes the owner's transit trade around the transit state, leaving other trade on its route", () => {
    const { series, outcomes } = simulate(scenario(), { days: 9 });
    const via = (c: string, day: number) => series.values[`flow.${c}`]![day]!;
    expect(via("ap", 1)).toBeCloseTo(150, 6);
    // Suspended from day 3 to day 5: XB's 100 vehicles go through XQ; XA's 50 still cross XP.
    expect(via("ap", 4)).toBeCloseTo(50, 6);
    expect(via("aq", 4)).toBeCloseTo(100, 6);
    expect(series.values["trade.unserved_usd"]![4]).toBeCloseTo(0, 3);
    // The detour shows in XB's dependence on XP, which drops to zero while transit is barred.
    expect(series.values["dependence.xb.xp"]![4]).toBeCloseTo(0, 9);
    expect(series.values["dependence.xb.xq"]![4]).toBeCloseTo(1, 9);
    // Resumed on day 6: back through XP.
    expect(via("ap", 7)).toBeCloseTo(150, 6);
    expect(outcomes.trade.unservedUsd).toBeCloseTo(0, 2);
  });
});

describe("a transit fee", () => {
  const withFee = (rules: string[]) => {
    const s = scenario();
    return { ...s, policies: [{ id: "squeeze", actor: "xp", description: "", rules }] };
  };

  it("moves the owner's transit trade around the transit state only when it costs more than the detour", () => {
    // Via XP: 2 h × $10 = $20; via XQ: 6 h = $60. A fee of 0.5 % of $10,000 ($50) beats the $40
    // detour; 0.3 % ($30) does not; 0 lifts it.
    const s = withFee([
      "when day() == 3 then transit_fee(xb, 0.005)",
      "when day() == 6 then transit_fee(xb, 0.003)",
      "when day() == 8 then transit_fee(xb, 0)",
    ]);
    const { series } = simulate(s, { days: 10, policies: ["squeeze"] });
    const via = (c: string, day: number) => series.values[`flow.${c}`]![day]!;
    expect(via("ap", 1)).toBeCloseTo(150, 6);
    expect(via("ap", 4)).toBeCloseTo(50, 6); // XA's own trade pays nothing and stays
    expect(via("aq", 4)).toBeCloseTo(100, 6);
    expect(via("ap", 7)).toBeCloseTo(150, 6);
    expect(via("ap", 9)).toBeCloseTo(150, 6);
    expect(series.values["trade.unserved_usd"]![4]).toBeCloseTo(0, 3);
  });

  it("charges only the listed part of a class's value, and classes off the list keep their route", () => {
    // XB's 100 vehicles split: 60 on the fee's list (exposure 1), 40 off it (exposure 0.2). A fee of
    // 1 % ($100 listed, $20 for the others) beats the $40 detour for the listed class only.
    const base = withFee(["when day() == 3 then transit_fee(xb, 0.01)"]);
    const transit = base.demand[0]!;
    const s = {
      ...base,
      demand: [
        { ...transit, vehiclesPerDay: 60, transitFeeExposure: 1 },
        { ...transit, vehiclesPerDay: 40, transitFeeExposure: 0.2 },
        base.demand[1]!,
      ],
    };
    const { series } = simulate(s, { days: 6, policies: ["squeeze"] });
    const via = (c: string, day: number) => series.values[`flow.${c}`]![day]!;
    expect(via("ap", 1)).toBeCloseTo(150, 6);
    expect(via("ap", 4)).toBeCloseTo(90, 6); // 40 off the list + XA's 50
    expect(via("aq", 4)).toBeCloseTo(60, 6);
    expect(series.values["transit_usd.xb.xp"]![4]).toBeCloseTo(40 * 10000, 3);
    expect(series.values["transit_usd.xb.xq"]![4]).toBeCloseTo(60 * 10000, 3);
    expect(series.values["via_usd.xb.xp"]![4]).toBeCloseTo(40 * 10000, 3);
    expect(series.values["trade_usd.xb"]![4]).toBeCloseTo(100 * 10000, 3);
  });
});
