/**
 * Each mechanism can come out either way: a headline comparison of two policies on the two-state toy
 * flips with the mechanism's strength. Same seeds for both policies; totals over a few seeds.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import { toyScenario } from "./scenarios.js";

type Data = Record<string, unknown>;
const SEEDS = [1, 2, 3, 4];

const zone = (extra: Data = {}) => ({
  id: "border",
  name: "Border zone",
  country: "XA",
  baselinePerDay: 0.3,
  excitationPerDay: 0,
  decayPerDay: 1,
  linkHitProbability: 0,
  fatalityShape: 4,
  fatalityScale: 3,
  majorFatalities: 1000,
  sanctuary: { actor: "xb", share: 0.8 },
  ...extra,
});

/** Total fatalities over the seeds of the toy under xa's `policy`. */
function fatalities(options: {
  policy: string;
  policies: Data[];
  hypotheses: Data;
  days: number;
  xa?: Data;
  xb?: Data;
  extra?: Data;
  model?: Record<string, Data>;
}): number {
  const scenario = toyScenario({
    ...(options.model ? { model: options.model } : {}),
    extra: {
      zones: [zone()],
      actors: [
        { id: "xa", name: "State A", kind: "state", country: "XA", policy: options.policy, ...options.xa },
        { id: "xb", name: "State B", kind: "state", country: "XB", ...options.xb },
        { id: "um", name: "Monitor", kind: "international-body" },
      ],
      policies: options.policies,
      hypotheses: options.hypotheses,
      ...options.extra,
    },
  });
  return SEEDS.reduce(
    (sum, seed) => sum + simulate(scenario, { seed, days: options.days }).outcomes.fatalities,
    0,
  );
}

const NO_RULES = { id: "open-now", actor: "xa", rules: [] as string[] };

describe("openness carries risk vs stake and restraint", () => {
  const policies = [
    NO_RULES,
    // Closed until a scanner is in place (day 1,000 of 1,500), then open.
    {
      id: "phased",
      actor: "xa",
      rules: ["when day() == 0 then close(main_gate)", "when day() == 1000 then open(main_gate)"],
    },
  ];
  const run = (policy: string, hypotheses: Data) =>
    fatalities({
      policy,
      policies,
      hypotheses,
      days: 1500,
      xa: { patienceDays: 100_000 },
      xb: { enforcement: 0.5 },
      extra: {
        actants: [
          {
            id: "scan",
            name: "Scanner",
            kind: "scanner",
            at: "main_gate",
            detection: 0.2,
            since: "2027-09-28",
          },
        ],
      },
      model: { trust: { relaxPerDay: 0 } },
    });

  it("with openness strong and screening weak, the phased policy has fewer fatalities than opening now", () => {
    const h = { opennessRisk: { strength: 5 } };
    expect(run("phased", h)).toBeLessThan(run("open-now", h));
  });

  it("with openness off and stake and restraint strong, opening now has fewer fatalities", () => {
    const h = { stakeRestraint: { strength: 2, trustWeight: 0 } };
    expect(run("open-now", h)).toBeLessThan(run("phased", h));
  });
});

describe("coercion backfires", () => {
  const policies = [
    NO_RULES,
    {
      id: "coerce",
      actor: "xa",
      rules: [
        "when day() == 0 then close(main_gate); deport(xb, 5000)",
        "when day() == 120 then open(main_gate); stop_deport(xb)",
      ],
    },
  ];
  const run = (policy: string, hypotheses: Data) =>
    fatalities({
      policy,
      policies,
      hypotheses,
      days: 1500,
      xa: { patienceDays: 30 },
      xb: { complianceCostUsd: 1 },
      model: { coercion: { enforcementGain: 0.5 } },
    });

  it("without backfire, coercion that is complied with leaves fewer fatalities than none (the v0 ratchet)", () => {
    expect(run("coerce", {})).toBeLessThan(run("open-now", {}));
  });

  it("with backfire strong, coercion leaves more fatalities than none", () => {
    const h = { coercionBackfire: { strength: 3 } };
    expect(run("coerce", h)).toBeGreaterThan(run("open-now", h));
  });
});

describe("monitors make acts visible and deter", () => {
  // A monitor watches for 90 days per invitation: invite it again every 90 days.
  const invitations = Array.from({ length: 17 }, (_, i) => `when day() == ${90 * i} then invite_monitor(um)`);
  const policies = [NO_RULES, { id: "invite", actor: "xa", rules: invitations }];
  const run = (policy: string, hypotheses: Data) =>
    fatalities({
      policy,
      policies,
      hypotheses: { ladderConsequences: { strength: 1, closurePerDayClashes: 0 }, ...hypotheses },
      days: 1500,
      extra: {
        // Every attack with a death is major, and the host's territory sustains all of the baseline.
        zones: [zone({ majorFatalities: 1, sanctuary: { actor: "xb", share: 1 } })],
        relations: [{ a: "xa", b: "xb", trustAB: 0.3, trustBA: 0.3, verification: 0.1 }],
        actors: [
          { id: "xa", name: "State A", kind: "state", country: "XA", policy },
          { id: "xb", name: "State B", kind: "state", country: "XB" },
          { id: "um", name: "Monitor", kind: "international-body", monitorStrength: 0.5 },
        ],
      },
    });

  it("without deterrence, inviting monitors only makes attacks attributable and escalation costlier", () => {
    expect(run("invite", {})).toBeGreaterThan(run("open-now", {}));
  });

  it("with deterrence strong, inviting monitors leaves fewer fatalities", () => {
    const h = { monitorsDeter: { strength: 1, deterrence: 2 } };
    expect(run("invite", h)).toBeLessThan(run("open-now", h));
  });
});

describe("the ladder has consequences, of either sign", () => {
  const policies = [
    NO_RULES,
    { id: "strike-back", actor: "xa", rules: ["when fatalities(border, 7) >= 3 then strike(xb)"] },
  ];
  const run = (policy: string, strength: number) =>
    fatalities({
      policy,
      policies,
      hypotheses: {
        ladderConsequences: {
          strength,
          fatalitiesPerDayStrikes: 0,
          fatalitiesPerDayClashes: 0,
          closurePerDayClashes: 0,
        },
      },
      days: 1500,
      extra: { relations: [{ a: "xa", b: "xb", trustAB: 0.3, trustBA: 0.3 }] },
    });

  it("with provocation (s > 0), striking back costs more lives than restraint", () => {
    expect(run("strike-back", 1)).toBeGreaterThan(run("open-now", 1));
  });

  it("with deterrence (s < 0), striking back costs fewer", () => {
    expect(run("strike-back", -1)).toBeLessThan(run("open-now", -1));
  });
});

describe("some settlements hold", () => {
  const held = (strength: number) => {
    const scenario = toyScenario({
      extra: {
        zones: [
          zone({ baselinePerDay: 0.05, majorFatalities: 1, sanctuary: undefined, perpetrator: undefined }),
        ],
        actors: [
          { id: "xa", name: "State A", kind: "state", country: "XA" },
          { id: "xb", name: "State B", kind: "state", country: "XB" },
          { id: "um", name: "Guarantor", kind: "mediator" },
        ],
        relations: [{ a: "xa", b: "xb", ladder: "clashes", verification: 1, mediators: ["um"] }],
        events: Array.from({ length: 20 }, (_, i) => ({
          date: `2025-${String(1 + (i % 12)).padStart(2, "0")}-${String(5 + Math.floor(i / 12) * 10).padStart(2, "0")}`,
          incident: { zone: "border", fatalities: 3, attributedTo: "xb" },
          note: "spoiler attack",
        })),
        hypotheses: {
          ceasefireDurability: { strength, absorption: 2, guarantors: [{ actor: "um", leverage: 1 }] },
        },
      },
    });
    let count = 0;
    for (const seed of SEEDS) {
      const pair = simulate(scenario, { seed, days: 730 }).outcomes.pairs[0]!;
      count += pair.ceasefires - pair.ceasefiresFailed;
    }
    return count;
  };

  it("at strength 0 a spoiler attack breaks every mediated ceasefire; with strong guarantors and absorption some hold", () => {
    expect(held(0)).toBeLessThan(held(3));
  });
});

describe("trust has memory", () => {
  const endTrust = (policy: string, strength: number) => {
    const scenario = toyScenario({
      model: { trust: { relaxPerDay: 0.01 } },
      extra: {
        zones: [zone({ baselinePerDay: 0 })],
        actors: [
          { id: "xa", name: "State A", kind: "state", country: "XA", policy, patienceDays: 100_000 },
          { id: "xb", name: "State B", kind: "state", country: "XB" },
        ],
        policies: [
          NO_RULES,
          {
            id: "deport",
            actor: "xa",
            rules: ["when day() == 0 then deport(xb, 5000)", "when day() == 60 then stop_deport(xb)"],
          },
        ],
        hypotheses: strength > 0 ? { trustMemory: { strength } } : {},
      },
    });
    return simulate(scenario, { days: 1500 }).outcomes.pairs[0]!.trustBAEnd;
  };

  it("without memory the damage of deportations is gone by the end; with full memory it stays", () => {
    expect(Math.abs(endTrust("deport", 0) - endTrust("open-now", 0))).toBeLessThan(1e-3);
    expect(endTrust("open-now", 1) - endTrust("deport", 1)).toBeGreaterThan(0.05);
  });
});
