import { describe, expect, it } from "vitest";
import { type SimEvent, simulate } from "../../src/core/engine/index.js";
import { threeStates } from "./three-states.js";

type Section = Record<string, Record<string, unknown>>;

const review = (events: SimEvent[]) =>
  events.find((e) => e.kind === "coercion-complied" || e.kind === "coercion-defied")!;
const probability = (events: SimEvent[]) => review(events).values["compliance probability"] as number;

// XA closes the AB gate on day 0 and keeps it shut; XB loses 400 × 20,000 = 8e6 USD a day.
const closeForever = ["when day() == 0 then close(ab_gate)"];

/** Diversification by XB that cuts XC's gate cost by 10 USD a vehicle per million USD. */
const strategy = (strength: number, counterPressure: number): Section => ({
  neighbourStrategy: {
    strength,
    actors: ["xb"],
    halfLifeDays: 10,
    reviewDays: 10,
    discountPerYear: 0,
    costReductionUsdPerVehiclePerMillionUsd: 10,
    counterPressure: [{ actor: "xc", value: counterPressure }],
  },
});

/** Investments arrive 30 days after the decision. */
const lag = { adaptation: { constructionDays: 30 } };

function run(patienceDays: number, hypotheses: Section, rules = closeForever) {
  return simulate(threeStates({ rules, patienceDays, model: lag, hypotheses }), { days: patienceDays + 2 });
}

describe("coercion by current leverage (three-state toy)", () => {
  it("gives the outside-option probability worked out by hand", () => {
    // Review on day 20 after 21 days: C = 21 × 8e6 = 1.68e8, V = 1.68e8, S = 1 × V × 0.05 = 8.4e6,
    // L = min(C, S) = 8.4e6, p = 8.4e6 / (8.4e6 + 1e7).
    const short = run(20, {});
    expect(probability(short.events)).toBeCloseTo(8.4e6 / 18.4e6, 10);
    // With the dependence now (every crossing open on today's network: still all through XA) the same.
    const current = run(20, { currentLeverage: { strength: 1 } });
    expect(probability(current.events)).toBeCloseTo(8.4e6 / 18.4e6, 10);
    expect(review(current.events).values["dependence used (currentLeverage)"]).toBe(1);
    expect(current.outcomes.coercion.episodes).toEqual([
      {
        date: "2025-01-21",
        coercer: "xa",
        target: "xb",
        dependenceAtStart: 1,
        dependenceUsed: 1,
        costImposedUsd: 1.68e8,
        returnsCostUsd: 0,
        switchingCostUsd: 8.4e6,
        leverageUsd: 8.4e6,
        complianceProbability: expect.closeTo(8.4e6 / 18.4e6, 10),
      },
    ]);
  });

  it("counts the cost of returns outside the cap only when the hypothesis is on", () => {
    // 100 people a day at 500 USD: C_u = 21 × 5e4 = 1.05e6 over the episode.
    const rules = ["when day() == 0 then close(ab_gate); deport(xb, 100)"];
    expect(probability(run(20, {}, rules).events)).toBeCloseTo(8.4e6 / 18.4e6, 10);
    const separated = run(20, { currentLeverage: { strength: 1, returnsOutsideCap: 1 } }, rules);
    // L = min(C_t, S) + C_u = 8.4e6 + 1.05e6
    expect(probability(separated.events)).toBeCloseTo(9.45e6 / 19.45e6, 10);
    const mechanism = separated.outcomes.mechanisms.find((m) => m.hypothesis === "currentLeverage")!;
    expect(mechanism.contributions["returnsOutsideCapUsd"]).toBeCloseTo(1.05e6, 3);
    expect(mechanism.contributions["leverageUsd"]).toBeCloseTo(9.45e6, 3);
  });

  it("changes nothing at strength 0 (bit-identical runs)", () => {
    const off = run(120, { currentLeverage: { strength: 0 }, ...strategy(0, 0) });
    const none = run(120, {});
    expect(JSON.stringify(off.events)).toBe(JSON.stringify(none.events));
    expect(off.outcomes).toEqual(none.outcomes);
  });
});

describe("the dependent neighbour's own strategy (three-state toy)", () => {
  it("invests the expected loss on each review and opens the cheaper route after the lag", () => {
    const result = run(120, { ...strategy(1, 0), currentLeverage: { strength: 1 } });
    const first = result.events.find((e) => e.kind === "diversification-investment")!;
    expect(first.day).toBe(9);
    // Ten days at exposure 1 with half-life 10: π = 1 − 2^(−1) = 0.5; ΣV = 10 × 8e6; I = 1 × π × ΣV.
    expect(first.values["remembered loss share π"]).toBeCloseTo(0.5, 10);
    expect(first.values["budget I (USD)"]).toBeCloseTo(0.5 * 8e7, 0);
    // Shared by attractiveness: XA's shut gate has χ = 0.5 after ten days, XC's 0: 0.5 : 1.
    expect(first.values["share to xa"]).toBeCloseTo(1 / 3, 10);
    expect(first.values["share to xc"]).toBeCloseTo(2 / 3, 10);
    // 2/3 × 4e7 USD cut XC's fee by 267 USD > 230: the route via XC costs 30 < 250 once the capacity and
    // the cut arrive (day 39) and traders' quotes are next revised (day 42).
    expect(result.series.values["flow.cb_gate"]![41]).toBe(0);
    expect(result.series.values["flow.cb_gate"]![42]).toBeCloseTo(400, 6);
    expect(first.cause).toContain("hypothesis neighbourStrategy");
  });

  it("flips which coercion works better, a short or a long closure, with its strength and the counter-pressure", () => {
    const compare = (hypotheses: Section) => ({
      short: probability(run(20, hypotheses).events),
      long: probability(run(120, hypotheses).events),
    });
    const current = { currentLeverage: { strength: 1 } };
    // Off: the longer closure imposes more and is complied with more often.
    const off = compare({ ...current, ...strategy(0, 0) });
    expect(off.long).toBeGreaterThan(off.short);
    // On: during the long closure B builds its way round A, so at review A has no leverage left.
    const on = compare({ ...current, ...strategy(1, 0) });
    expect(on.long).toBeLessThan(on.short);
    expect(on.long).toBe(0);
    // On, but the route via C is ruled out by counter-pressure (sanctions): back to the first ordering.
    const sanctioned = compare({ ...current, ...strategy(1, 1) });
    expect(sanctioned.long).toBeGreaterThan(sanctioned.short);
    // With the leverage frozen at day 0 (currentLeverage off), diversification cannot weaken it either.
    const frozen = compare(strategy(1, 0));
    expect(frozen.long).toBeGreaterThan(frozen.short);
  });
});
