import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import { InputError } from "../../src/core/errors/index.js";
import { expectedCount } from "../../src/core/security/index.js";
import { toyScenario } from "./scenarios.js";

const violentZone = (extra: Record<string, unknown> = {}) => ({
  id: "border",
  name: "Border zone",
  country: "XA",
  baselinePerDay: 0.3,
  excitationPerDay: 0.5,
  decayPerDay: 1,
  linkHitProbability: 0,
  ...extra,
});

describe("reproducibility", () => {
  const scenario = toyScenario({ extra: { zones: [violentZone({ linkHitProbability: 0.2 })] } });

  it("gives identical series and events for the same seed", () => {
    const a = simulate(scenario, { seed: 7, days: 400 });
    const b = simulate(scenario, { seed: 7, days: 400 });
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
    for (const column of a.series.columns)
      expect(Array.from(a.series.values[column]!)).toEqual(Array.from(b.series.values[column]!));
    expect(a.outcomes).toEqual(b.outcomes);
  });

  it("gives different incident histories for different seeds and different run indices", () => {
    const a = simulate(scenario, { seed: 7, days: 400 }).series.values["incidents.border"]!;
    const b = simulate(scenario, { seed: 8, days: 400 }).series.values["incidents.border"]!;
    const c = simulate(scenario, { seed: 7, run: 1, days: 400 }).series.values["incidents.border"]!;
    expect(Array.from(a)).not.toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
});

describe("incidents in the engine", () => {
  it("match the Hawkes expected count μT/(1−n) (with its transient) within 3 standard errors over seeds", () => {
    const scenario = toyScenario({ extra: { zones: [violentZone()] } });
    const T = 1500;
    const counts = Array.from(
      { length: 8 },
      (_, seed) => simulate(scenario, { seed: seed + 1, days: T }).outcomes.incidents,
    );
    const mean = counts.reduce((s, x) => s + x, 0) / counts.length;
    const expected = expectedCount({ mu: 0.3, alpha: 0.5, beta: 1 }, T);
    // Var N(T) ≈ μT/(1−n)³ for a stationary Hawkes process (Hawkes 1971).
    const se = Math.sqrt((0.3 * T) / 0.5 ** 3 / counts.length);
    expect(Math.abs(mean - expected)).toBeLessThan(3 * se);
  });

  it("shrink with the sanctuary host's enforcement", () => {
    const zone = violentZone({ sanctuary: { actor: "xb", share: 0.8 } });
    const low = toyScenario({ extra: { zones: [zone] } });
    const data = toyScenario({ extra: { zones: [zone] } });
    data.actors[1]!.enforcement = 1;
    const weak = simulate(low, { seed: 3, days: 2000 }).outcomes.incidents;
    const strong = simulate(data, { seed: 3, days: 2000 }).outcomes.incidents;
    expect(strong).toBeLessThan(weak * 0.5);
  });
});

describe("policies", () => {
  it("fire a rule and log the action with the values that fired it", () => {
    const scenario = toyScenario({
      extra: {
        policies: [
          { id: "shut", actor: "xa", rules: ["when fatalities(border, 7) >= 10 then close(main_gate)"] },
        ],
        actors: [
          { id: "xa", name: "State A", kind: "state", country: "XA", policy: "shut" },
          { id: "xb", name: "State B", kind: "state", country: "XB" },
        ],
        events: [{ date: "2025-01-04", incident: { zone: "border", fatalities: 12 }, note: "forced attack" }],
      },
    });
    const { events, series } = simulate(scenario, { days: 10 });
    const action = events.find((e) => e.kind === "policy-action");
    expect(action).toBeDefined();
    expect(action!.day).toBe(3);
    expect(action!.text).toContain("close(main_gate)");
    expect(action!.values["fatalities(border, 7)"]).toBe(12);
    expect(series.values["open_share.main_gate"]![2]).toBe(1);
    expect(series.values["open_share.main_gate"]![3]).toBe(0);
  });

  it("advances a staged programme when its benchmark has held for the stated days", () => {
    const scenario = toyScenario({
      extra: {
        policies: [
          {
            id: "phased",
            actor: "xa",
            programme: {
              stages: [
                {
                  name: "pilot",
                  enter: "incidents(border, 30) == 0 for 10 days",
                  actions: ["restrict(main_gate, 12)"],
                },
              ],
            },
          },
        ],
        actors: [
          { id: "xa", name: "State A", kind: "state", country: "XA", policy: "phased" },
          { id: "xb", name: "State B", kind: "state", country: "XB" },
        ],
      },
    });
    const { series, events } = simulate(scenario, { days: 15 });
    const stage = series.values["stage.xa"]!;
    expect(stage[8]).toBe(0);
    expect(stage[9]).toBe(1);
    expect(series.values["open_share.main_gate"]![9]).toBe(0.5);
    expect(events.some((e) => e.kind === "stage" && e.text.includes("pilot"))).toBe(true);
  });

  it("rejects an unknown policy id before the run starts, suggesting the closest", () => {
    const scenario = toyScenario({ extra: { policies: [{ id: "open-now", actor: "xa", rules: [] }] } });
    expect(() => simulate(scenario, { policies: ["open-nwo"] })).toThrow(InputError);
    try {
      simulate(scenario, { policies: ["open-nwo"] });
    } catch (error) {
      expect((error as InputError).issues[0]!.suggestion).toBe("open-now");
    }
  });
});

describe("trust in the engine", () => {
  const withStrike = (verification: number) =>
    toyScenario({
      model: { trust: { baseline: 0.5, etaDown: 0.2, relaxPerDay: 0 } },
      extra: {
        relations: [{ a: "xa", b: "xb", trustAB: 0.5, trustBA: 0.5, verification }],
        policies: [{ id: "hit", actor: "xa", rules: ["when day() == 2 then strike(xb)"] }],
        actors: [
          { id: "xa", name: "State A", kind: "state", country: "XA", policy: "hit" },
          { id: "xb", name: "State B", kind: "state", country: "XB" },
        ],
      },
    });

  it("does not move on an unverified act, and rises by η⁺(1−T) on a verified one", () => {
    const cbm = (verification: number) =>
      toyScenario({
        model: { trust: { baseline: 0.5, etaUp: 0.1, relaxPerDay: 0 } },
        extra: {
          relations: [{ a: "xa", b: "xb", trustAB: 0.5, trustBA: 0.5, verification }],
          policies: [{ id: "reach", actor: "xa", rules: ["when day() == 2 then propose_cbm(xb)"] }],
          actors: [
            { id: "xa", name: "State A", kind: "state", country: "XA", policy: "reach" },
            { id: "xb", name: "State B", kind: "state", country: "XB" },
          ],
        },
      });
    expect(simulate(cbm(0), { days: 5 }).series.values["trust.xb.xa"]![4]).toBe(0.5);
    expect(simulate(cbm(1), { days: 5 }).series.values["trust.xb.xa"]![4]).toBeCloseTo(0.5 + 0.1 * 0.5, 12);
  });

  it("falls by η⁻·T on a strike, which the state struck sees without outside verification", () => {
    const { series } = simulate(withStrike(0), { days: 5 });
    expect(series.values["trust.xb.xa"]![4]).toBeCloseTo(0.5 - 0.2 * 0.5, 12);
    // The strike also counts as an attributed incident on the ladder: normal → tension.
    expect(series.values["ladder.xa.xb"]![2]).toBe(2); // tension: 2 in the escalation-ordered code
  });
});

describe("coercion in the engine", () => {
  const coercion = (dependent: boolean, seed: number) => {
    const scenario = toyScenario({
      extra: {
        actors: [
          {
            id: "xa",
            name: "State A",
            kind: "state",
            country: "XA",
            policy: dependent ? "squeeze" : undefined,
            patienceDays: 10,
            complianceCostUsd: 1e6,
          },
          { id: "xb", name: "State B", kind: "state", country: "XB", complianceCostUsd: 1e6 },
          {
            id: "xc",
            name: "State C",
            kind: "state",
            country: "XC",
            policy: dependent ? undefined : "squeeze",
            patienceDays: 10,
          },
        ],
        policies: [
          { id: "squeeze", actor: dependent ? "xa" : "xc", rules: ["when day() == 1 then deport(xb, 1000)"] },
        ],
      },
    });
    return simulate(scenario, { seed, days: 20 }).outcomes.coercion;
  };

  it("never succeeds when the target does not depend on the coercer at all (zero-cost alternative)", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const c = coercion(false, seed);
      expect(c.attempts).toBe(1);
      expect(c.complied).toBe(0);
    }
  });

  it("succeeds sometimes when the target's trade all crosses the coercer's territory", () => {
    const complied = Array.from({ length: 10 }, (_, i) => coercion(true, i + 1).complied);
    expect(complied.reduce((s, x) => s + x, 0)).toBeGreaterThan(0);
  });
});

describe("projects", () => {
  it("open their links after the construction time and count as declared, then operational", () => {
    const scenario = toyScenario({
      twoCrossings: true,
      model: { queue: { joinShare: 0 } },
      extra: {
        projects: [
          {
            id: "north",
            name: "North gate",
            kind: "crossing",
            announced: "2024-06-01",
            declaredCapacity: 1000,
            capacityUnit: "vehicles/day",
            constructionDays: 30,
          },
        ],
        events: [{ date: "2025-01-02", actor: "xa", actions: ["close(main_gate)"], note: "closure" }],
      },
    });
    (scenario.crossings[1] as { project?: string }).project = "north";
    const { series, outcomes } = simulate(scenario, { days: 40 });
    expect(series.values["projects.declared"]![0]).toBe(1);
    expect(series.values["projects.operational"]![29]).toBe(0);
    expect(series.values["projects.operational"]![30]).toBe(1);
    // Before it operates, closing the main gate leaves the trade unserved; after, it goes north.
    expect(series.values["flow.north_gate"]![20]).toBe(0);
    expect(series.values["flow.north_gate"]![32]).toBeCloseTo(400, 6);
    expect(outcomes.connectivity.gap).toBe(0);
    expect(outcomes.connectivity.projects[0]!.operatingFrom).toBe("2025-01-31");
  });
});
