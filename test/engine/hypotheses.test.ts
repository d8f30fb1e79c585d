/**
 * Each mechanism of the hypotheses alone on the two-state toy (test/engine/scenarios.ts), against an
 * answer worked out by hand, and switched off by strength 0 without a trace.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import { HYPOTHESES } from "../../src/core/scenario/index.js";
import { toyScenario } from "./scenarios.js";

type Data = Record<string, unknown>;

const states = (xa: Data = {}, xb: Data = {}, more: Data[] = []) => [
  { id: "xa", name: "State A", kind: "state", country: "XA", ...xa },
  { id: "xb", name: "State B", kind: "state", country: "XB", ...xb },
  ...more,
];

/** The toy's border zone (in XA), optionally sustained from XB. */
const zone = (extra: Data = {}) => ({
  id: "border",
  name: "Border zone",
  country: "XA",
  baselinePerDay: 0,
  excitationPerDay: 0,
  decayPerDay: 1,
  linkHitProbability: 0,
  majorFatalities: 1000,
  ...extra,
});

const sanctuary = { actor: "xb", share: 0.8 };

const contribution = (r: ReturnType<typeof simulate>, key: string, name: string) =>
  r.outcomes.mechanisms.find((m) => m.hypothesis === key)?.contributions[name];

describe("strength 0", () => {
  // A busy toy: incidents from a sustained zone, a closure with coercion, a strike, a mediator.
  const busy = (hypotheses: Data) =>
    toyScenario({
      model: { trust: { relaxPerDay: 0.01 } },
      extra: {
        zones: [zone({ baselinePerDay: 0.3, excitationPerDay: 0.3, sanctuary, majorFatalities: 2 })],
        actors: states({ policy: "hard", patienceDays: 20, complianceCostUsd: 1e5 }, {}, [
          { id: "um", name: "Mediator", kind: "mediator" },
        ]),
        relations: [{ a: "xa", b: "xb", mediators: ["um"], verification: 0.3 }],
        policies: [
          {
            id: "hard",
            actor: "xa",
            rules: [
              "when day() == 10 then close(main_gate); deport(xb, 2000)",
              "when day() == 60 then open(main_gate); invite_monitor(um)",
              "when fatalities(border, 7) >= 6 then strike(xb)",
            ],
          },
        ],
        hypotheses,
      },
    });
  // Run by each test that reads it, not once for the block: mutation testing credits a test only with
  // the code run inside it, so a shared run would leave these assertions out of every mutant's check.
  const baseline = () => {
    const none = simulate(busy({}), { seed: 5, days: 400 });
    return { none };
  };

  for (const h of HYPOTHESES) {
    it(`switches ${h.key} off exactly: the run is bit-identical to one without the section`, () => {
      const { none } = baseline();
      const off = simulate(busy({ [h.key]: { strength: 0 } }), { seed: 5, days: 400 });
      expect(JSON.stringify(off.outcomes)).toBe(JSON.stringify(none.outcomes));
      expect(JSON.stringify(off.events)).toBe(JSON.stringify(none.events));
      for (const c of none.series.columns)
        expect(Array.from(off.series.values[c]!)).toEqual(Array.from(none.series.values[c]!));
      expect(off.outcomes.mechanisms).toEqual([]);
    });
  }

  // The mechanisms this toy exercises (trade, coercion, projects and announcements are tested with
  // toys of their own in test/engine/).
  const EXERCISED = [
    "opennessRisk",
    "stakeRestraint",
    "coercionBackfire",
    "monitorsDeter",
    "ladderConsequences",
    "ceasefireDurability",
    "trustMemory",
  ];

  it("has an effect at a small strength for each mechanism this toy exercises (so the checks above are not vacuous)", () => {
    const { none } = baseline();
    const small: Record<string, number> = { ladderConsequences: -0.5 };
    for (const h of HYPOTHESES.filter((x) => EXERCISED.includes(x.key))) {
      const on = simulate(busy({ [h.key]: { strength: small[h.key] ?? 0.5 } }), { seed: 5, days: 400 });
      expect(JSON.stringify(on.series.values), h.key).not.toBe(JSON.stringify(none.series.values));
    }
  });
});

describe("openness carries risk, alone", () => {
  const toy = (strength: number, extra: Data = {}) =>
    toyScenario({ extra: { zones: [zone()], hypotheses: { opennessRisk: { strength } }, ...extra } });

  it("adds s·r·(flow/1000) incidents a day to the crossing's zone: 2 × 0.05 × 0.4 = 0.04", () => {
    const days = 1500;
    const runs = [1, 2, 3, 4].map((seed) => simulate(toy(2), { seed, days }));
    for (const r of runs) expect(contribution(r, "opennessRisk", "incidents")).toBeCloseTo(0.04 * days, 9);
    const mean = runs.reduce((s, r) => s + r.outcomes.incidents, 0) / runs.length;
    // Poisson with mean 60: the mean of four runs is within 3 standard errors (√(60/4) ≈ 3.9).
    expect(Math.abs(mean - 60)).toBeLessThan(12);
  });

  it("is halved by a scanner that detects half of what crosses, and gone when the crossing is closed", () => {
    const scanned = toy(2, {
      actants: [{ id: "scan", name: "Scanner", kind: "scanner", at: "main_gate", detection: 0.5 }],
    });
    expect(contribution(simulate(scanned, { days: 100 }), "opennessRisk", "incidents")).toBeCloseTo(2, 9);
    const closed = toyScenario({ extra: { zones: [zone()], hypotheses: { opennessRisk: { strength: 2 } } } });
    closed.crossings[0]!.status = "closed";
    const r = simulate(closed, { days: 100 });
    expect(contribution(r, "opennessRisk", "incidents")).toBe(0);
    expect(r.outcomes.incidents).toBe(0);
  });

  it("logs the change of the zone's baseline as an event naming the hypothesis", () => {
    const r = simulate(toy(2), { days: 5 });
    const event = r.events.find((e) => e.kind === "baseline-change")!;
    expect(event.cause).toContain("hypothesis opennessRisk");
    expect(event.values["added now (incidents/day)"]).toBeCloseTo(0.04, 12);
  });
});

describe("stake and restraint, alone", () => {
  it("moves the host's enforcement toward e(0) + s·w·(stake − stake₀) with the half-life: a closure cuts the stake to 0", () => {
    // xa closes the only crossing on day 0: xb's trade (all through XA) stops, its stake falls 1 → 0, so
    // its target is 0.6 + 1·0.5·(0 − 1) = 0.1; after 100 days of half-life 100, e = 0.1 + 0.5·0.5 = 0.35.
    const scenario = toyScenario({
      model: { trust: { relaxPerDay: 0 } },
      extra: {
        zones: [zone({ sanctuary })],
        actors: states({ policy: "shut", patienceDays: 10_000 }, { enforcement: 0.6 }),
        policies: [{ id: "shut", actor: "xa", rules: ["when day() == 0 then close(main_gate)"] }],
        hypotheses: { stakeRestraint: { strength: 1, halfLifeDays: 100, trustWeight: 0 } },
      },
    });
    const r = simulate(scenario, { days: 100 });
    expect(r.series.values["enforcement.xb"]![99]).toBeCloseTo(0.35, 9);
    expect(contribution(r, "stakeRestraint", "enforcementChange")).toBeCloseTo(0.35 - 0.6, 9);
    expect(r.events.some((e) => e.kind === "enforcement-change" && e.actor === "xb")).toBe(true);
  });

  it("replaces the one-way ratchet: compliance enters as a remembered incentive that fades", () => {
    const scenario = (on: boolean) =>
      toyScenario({
        model: { trust: { relaxPerDay: 0 }, coercion: { enforcementGain: 0.2 } },
        extra: {
          zones: [zone({ sanctuary })],
          actors: states({ policy: "squeeze", patienceDays: 5 }, { complianceCostUsd: 1 }),
          policies: [
            {
              id: "squeeze",
              actor: "xa",
              rules: ["when day() == 0 then deport(xb, 100000)", "when day() == 10 then stop_deport(xb)"],
            },
          ],
          ...(on
            ? {
                hypotheses: {
                  stakeRestraint: {
                    strength: 1,
                    halfLifeDays: 10,
                    memoryHalfLifeDays: 50,
                    stakeWeight: 0,
                    trustWeight: 0,
                    cooperationWeight: 0,
                    coercionWeight: 0.4,
                  },
                },
              }
            : {}),
        },
      });
    const ratchet = simulate(scenario(false), { seed: 1, days: 400 }).series.values["enforcement.xb"]!;
    expect(ratchet[399]).toBeCloseTo(0.4, 12); // v0: +0.2 for good
    const choice = simulate(scenario(true), { seed: 1, days: 400 }).series.values["enforcement.xb"]!;
    const peak = Math.max(...choice);
    expect(peak).toBeGreaterThan(0.35);
    expect(choice[399]).toBeLessThan(0.22); // the memory of compliance (half-life 50 days) has faded
  });
});

describe("coercion backfires, alone", () => {
  it("builds grievance G_t = Σ_{k ≤ t−L} f^k after a closure, raising the target's zones' baseline by s·r·G and eroding its trust", () => {
    const [s, r, k, lag, half] = [2, 0.001, 1e-4, 10, 50];
    const scenario = toyScenario({
      model: { trust: { relaxPerDay: 0 } },
      extra: {
        zones: [zone({ sanctuary })],
        actors: states({ policy: "shut", patienceDays: 10_000 }),
        policies: [{ id: "shut", actor: "xa", rules: ["when day() == 0 then close(main_gate)"] }],
        hypotheses: {
          coercionBackfire: {
            strength: s,
            lagDays: lag,
            halfLifeDays: half,
            incidentsPerGrievance: r,
            trustErosionPerGrievance: k,
          },
        },
      },
    });
    const days = 200;
    const result = simulate(scenario, { days });
    // By hand: one closed crossing is 1 unit of pressure a day from day 0; the stock of day d is
    // Σ_{j=0}^{d−L} f^j, and day d's baseline carries the stock of day d − 1.
    const f = 2 ** (-1 / half);
    let stock = 0;
    let incidents = 0;
    let trust = 0.5;
    for (let d = 0; d < days; d++) {
      incidents += s * r * stock;
      stock = stock * f + (d >= lag ? 1 : 0);
      trust *= 1 - s * k * stock;
    }
    expect(contribution(result, "coercionBackfire", "incidents")).toBeCloseTo(incidents, 6);
    expect(result.outcomes.pairs[0]!.trustBAEnd).toBeCloseTo(trust, 9);
    expect(result.events.some((e) => e.kind === "grievance-change")).toBe(true);
  });
});

describe("monitors make acts visible and deter, alone", () => {
  it("lets a monitor of no strength of its own detect with s·m, and deters by −μ·share·s·δ·Δv a day while it watches", () => {
    // v0 = 0.2, m = 0.3: Δv = 0.8 × 0.3 = 0.24; Δe = 0.5 × 0.24 = 0.12; a = −0.3 × 0.8 × 0.12 = −0.0288
    // incidents/day on each of the 90 days the invited monitor watches (days 1–90).
    const scenario = toyScenario({
      extra: {
        zones: [zone({ sanctuary, baselinePerDay: 0.3 })],
        actors: states({ policy: "watch" }, {}, [{ id: "um", name: "Monitor", kind: "international-body" }]),
        relations: [{ a: "xa", b: "xb", verification: 0.2 }],
        policies: [{ id: "watch", actor: "xa", rules: ["when day() == 0 then invite_monitor(um)"] }],
        hypotheses: { monitorsDeter: { strength: 1, monitorStrength: 0.3, deterrence: 0.5 } },
      },
    });
    const r = simulate(scenario, { days: 200 });
    expect(contribution(r, "monitorsDeter", "incidents")).toBeCloseTo(-0.0288 * 90, 9);
    expect(contribution(r, "monitorsDeter", "verificationAdded")).toBeCloseTo(0.24 * 90, 9);
  });
});

describe("the ladder has consequences, alone", () => {
  const atRung = (rung: string, strength: number, params: Data = {}) =>
    toyScenario({
      model: { escalation: { calmDays: 100_000 } },
      extra: {
        zones: [zone({ sanctuary, baselinePerDay: 0.3, fatalityScale: 0.001 })],
        relations: [{ a: "xa", b: "xb", ladder: rung }],
        hypotheses: { ladderConsequences: { strength, ...params } },
      },
    });

  it("kills Poisson(|s|·f) people a day at strikes and moves the sanctuary zone's baseline by s·c·μ(1 − share·e)", () => {
    // μ(1 − share·e) = 0.3 × (1 − 0.8 × 0.2) = 0.252; c = 0.5: ±0.126 incidents/day.
    for (const s of [1, -1]) {
      const r = simulate(atRung("strikes", s, { fatalitiesPerDayStrikes: 0.3 }), { seed: 2, days: 2000 });
      expect(contribution(r, "ladderConsequences", "incidents")).toBeCloseTo(s * 0.126 * 2000, 6);
      const deaths = contribution(r, "ladderConsequences", "fatalities")!;
      expect(Math.abs(deaths - 600)).toBeLessThan(3 * Math.sqrt(600));
      expect(r.outcomes.fatalities).toBeGreaterThanOrEqual(deaths);
    }
  });

  it("closes the pair's crossings during clashes and reopens them once the fighting has stopped", () => {
    const shut = simulate(atRung("clashes", 1, { closurePerDayClashes: 1 }), { days: 10 });
    expect(shut.series.values["open_share.main_gate"]![0]).toBe(0);
    expect(shut.events.find((e) => e.kind === "ladder-closure")!.cause).toContain("ladderConsequences");
    const calm = toyScenario({
      model: { escalation: { calmDays: 5 } },
      extra: {
        zones: [zone()],
        relations: [{ a: "xa", b: "xb", ladder: "clashes" }],
        hypotheses: { ladderConsequences: { strength: 1, closurePerDayClashes: 1 } },
      },
    });
    const r = simulate(calm, { days: 30 });
    // clashes → strikes → tension → normal, 5 quiet days each: reopened the day it is normal again.
    const open = r.series.values["open_share.main_gate"]!;
    expect(open[3]).toBe(0);
    expect(open[29]).toBe(1);
    expect(r.events.some((e) => e.kind === "ladder-reopening")).toBe(true);
  });
});

describe("some settlements hold, alone", () => {
  const ceasefire = (strength: number, params: Data = {}) =>
    toyScenario({
      model: { escalation: { hazard0: 0.02, holdDays: 1000 } },
      extra: {
        zones: [zone()],
        actors: states({}, {}, [{ id: "um", name: "Guarantor", kind: "mediator" }]),
        relations: [{ a: "xa", b: "xb", ladder: "ceasefire", trustAB: 0, trustBA: 0, mediators: ["um"] }],
        events: [
          {
            date: "2025-01-05",
            incident: { zone: "border", fatalities: 2000, attributedTo: "xb" },
            note: "spoiler attack",
          },
        ],
        hypotheses: { ceasefireDurability: { strength, ...params } },
      },
    });

  it("divides the hazard by 1 + s·(ω·monitored + leverage): a guarantor of leverage 1 halves it", () => {
    const r = simulate(ceasefire(1, { guarantors: [{ actor: "um", leverage: 1 }], absorption: 100 }), {
      days: 3,
    });
    const event = r.events.find((e) => e.kind === "ceasefire-hazard")!;
    expect(event.values["hazard factor now"]).toBe(0.5);
  });

  it("survives an attributed attack with probability 1 − e^(−s·absorption); at strength 0 the attack breaks it", () => {
    const ladder = (s: number) =>
      simulate(ceasefire(s, { absorption: 100 }), { days: 6 }).series.values["ladder.xa.xb"]!;
    expect(ladder(1)[4]).toBe(1); // still a ceasefire
    const base = simulate(ceasefire(0), { days: 6 }).series.values["ladder.xa.xb"]!;
    expect(base[4]).toBe(2); // broken: tension
  });
});

describe("trust has memory, alone", () => {
  it("slows relaxation to ρ(1 − s): T(t) = b + (T₀ − b)·e^(−ρ(1−s)t)", () => {
    const scenario = toyScenario({
      model: { trust: { relaxPerDay: 0.01, baseline: 0.3 } },
      extra: { zones: [zone()], hypotheses: { trustMemory: { strength: 0.5 } } },
    });
    const r = simulate(scenario, { days: 100 });
    // Recorded after day d's relaxation: d + 1 days of it.
    expect(r.series.values["trust.xa.xb"]![99]).toBeCloseTo(0.3 + 0.2 * Math.exp(-0.005 * 100), 9);
    expect(r.outcomes.pairs[0]!.trustABMean).toBeGreaterThan(r.outcomes.pairs[0]!.trustABEnd);
  });
});
