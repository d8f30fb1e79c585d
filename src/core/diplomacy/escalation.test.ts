import { describe, expect, it } from "vitest";
import { firstIssue } from "../../../test/support/input-issue.js";
import {
  ceasefireHazard,
  ceasefireHoldProbability,
  type EscalationInput,
  type EscalationParams,
  expectedCeasefireDays,
  initialLadderState,
  type LadderState,
  type Rung,
  stepEscalation,
} from "./escalation.js";

const params: EscalationParams = {
  retaliationTrust: 0.5,
  calmDays: 30,
  holdDays: 90,
  hazard0: 0.2,
  hazardExponent: 2,
};

const quietDay: EscalationInput = { attributedIncidents: 0, trust: 0.3, mediation: false, u: 0.99 };
const at = (rung: Rung, daysInRung = 0, quietDays = 0): LadderState => ({ rung, daysInRung, quietDays });
const step = (rung: Rung, input: Partial<EscalationInput>, state?: Partial<LadderState>) => {
  const r = stepEscalation({ ...at(rung), ...state }, { ...quietDay, ...input }, params);
  return `${r.from} → ${r.state.rung} (${r.reason})`;
};

/** Park–Miller style LCG (Lewis, Goodman & Miller 1969) for a reproducible Monte Carlo check. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

describe("escalation ladder", () => {
  it("follows each row of the transition table", () => {
    const incident = { attributedIncidents: 1 };
    const lowTrust = { trust: 0.2 };
    const highTrust = { trust: 0.8 };
    const calm = { quietDays: 29 };
    expect(step("normal", incident)).toBe("normal → tension (incident)");
    expect(step("normal", { mediation: true })).toBe("normal → normal (none)");
    expect(step("tension", { ...incident, mediation: true })).toBe("tension → normal (mediation)");
    expect(step("tension", { ...incident, ...lowTrust })).toBe("tension → strikes (retaliation)");
    expect(step("tension", { ...incident, ...highTrust })).toBe("tension → tension (none)");
    expect(step("tension", {}, calm)).toBe("tension → normal (quiet)");
    expect(step("tension", {}, { quietDays: 28 })).toBe("tension → tension (none)");
    expect(step("strikes", { ...incident, mediation: true })).toBe("strikes → ceasefire (mediation)");
    expect(step("strikes", { ...incident, ...lowTrust })).toBe("strikes → clashes (retaliation)");
    expect(step("strikes", { ...incident, ...highTrust })).toBe("strikes → strikes (none)");
    expect(step("strikes", {}, calm)).toBe("strikes → tension (quiet)");
    expect(step("clashes", { mediation: true })).toBe("clashes → ceasefire (mediation)");
    expect(step("clashes", { ...incident, ...lowTrust })).toBe("clashes → clashes (none)");
    expect(step("clashes", {}, calm)).toBe("clashes → strikes (quiet)");
    expect(step("ceasefire", incident)).toBe("ceasefire → tension (ceasefire-broken)");
    // h(0.3) = 0.2 × 0.49 = 0.098.
    expect(step("ceasefire", { u: 0.0979 })).toBe("ceasefire → tension (ceasefire-failed)");
    expect(step("ceasefire", { u: 0.098 })).toBe("ceasefire → ceasefire (none)");
    expect(step("ceasefire", {}, { daysInRung: 89 })).toBe("ceasefire → normal (ceasefire-held)");
    expect(step("ceasefire", {}, { daysInRung: 88 })).toBe("ceasefire → ceasefire (none)");
  });

  it("counts days on the rung and quiet days, resetting both on a change of rung and quiet on an incident", () => {
    let s = initialLadderState();
    s = stepEscalation(s, quietDay, params).state;
    expect(s).toEqual({ rung: "normal", daysInRung: 1, quietDays: 1 });
    s = stepEscalation(s, { ...quietDay, attributedIncidents: 2 }, params).state;
    expect(s).toEqual({ rung: "tension", daysInRung: 0, quietDays: 0 });
    s = stepEscalation(s, quietDay, params).state;
    s = stepEscalation(s, { ...quietDay, attributedIncidents: 1, trust: 0.9 }, params).state;
    expect(s).toEqual({ rung: "tension", daysInRung: 2, quietDays: 0 });
    // Tension calms down after exactly calmDays quiet days.
    let days = 0;
    while (s.rung === "tension") {
      s = stepEscalation(s, quietDay, params).state;
      days++;
    }
    expect(days).toBe(params.calmDays);
    expect(s.rung).toBe("normal");
  });

  it("gives a longer expected ceasefire at higher trust: mean lifetime 1/h with h = h₀(1 − T)^k", () => {
    expect(ceasefireHazard(0.3, params)).toBeCloseTo(0.098, 15);
    expect(expectedCeasefireDays(0, params)).toBeCloseTo(5, 12);
    expect(expectedCeasefireDays(0.5, params)).toBeCloseTo(20, 12);
    expect(expectedCeasefireDays(1, params)).toBe(Number.POSITIVE_INFINITY);
    const trusts = [0, 0.2, 0.4, 0.6, 0.8, 0.95];
    const means = trusts.map((t) => expectedCeasefireDays(t, params));
    for (let i = 1; i < means.length; i++) expect(means[i]).toBeGreaterThan(means[i - 1]!);
    expect(ceasefireHoldProbability(0.5, params)).toBeCloseTo(0.95 ** 90, 15);
  });

  it("draws ceasefire lifetimes whose sample mean matches the geometric mean 1/h", () => {
    const never = { ...params, holdDays: Number.POSITIVE_INFINITY };
    const random = lcg(20250101);
    for (const trust of [0, 0.5]) {
      const runs = 20_000;
      let total = 0;
      for (let i = 0; i < runs; i++) {
        let s = at("ceasefire");
        let days = 0;
        do {
          s = stepEscalation(s, { ...quietDay, trust, u: random() }, never).state;
          days++;
        } while (s.rung === "ceasefire");
        total += days;
      }
      const mean = expectedCeasefireDays(trust, params);
      // Standard error of the mean is √(1 − h)/h/√runs: about 0.03 and 0.14 days here; allow 4.
      const se = (Math.sqrt(1 - 1 / mean) * mean) / Math.sqrt(runs);
      expect(Math.abs(total / runs - mean)).toBeLessThan(4 * se);
    }
  });

  it("rejects bad parameters, inputs and rung names", () => {
    const pathOf = (fn: () => unknown) => {
      const issue = firstIssue(fn);
      return issue && `${issue.path} ${issue.suggestion ?? ""}`.trim();
    };
    expect(
      pathOf(() => stepEscalation(at("normal"), { ...quietDay, attributedIncidents: 0.5 }, params)),
    ).toBe("attributedIncidents");
    expect(pathOf(() => stepEscalation(at("normal"), { ...quietDay, trust: 1.1 }, params))).toBe("trust");
    expect(pathOf(() => stepEscalation(at("normal"), quietDay, { ...params, calmDays: 0 }))).toBe(
      "escalation.calmDays",
    );
    expect(pathOf(() => stepEscalation(at("normal"), quietDay, { ...params, hazard0: 2 }))).toBe(
      "escalation.hazard0",
    );
    expect(pathOf(() => stepEscalation(at("tensoin" as Rung), quietDay, params))).toBe("rung tension");
  });
});
