/**
 * Every argument check of the diplomacy library, one bad value each: the error names the argument and
 * says what was expected, in the library's own words (the caller's message shows both). Plus the edge
 * cases of the closed forms, worked out by hand.
 */
import { describe, expect, it } from "vitest";
import { firstIssue } from "../../../test/support/input-issue.js";
import { checkDraw } from "./check.js";
import { complianceProbability, leverage, switchingCostFromDependence } from "./coercion.js";
import {
  ceasefireHoldProbability,
  type EscalationParams,
  expectedCeasefireDays,
  type Rung,
  stepEscalation,
  validateEscalationParams,
} from "./escalation.js";
import {
  applyVerifiedAct,
  expectedActsToReach,
  expectedActUpdate,
  pairBalanceTrust,
  relaxTrust,
  stochasticActUpdate,
  type TrustParams,
  validateTrustParams,
} from "./trust.js";
import { isVerified, verificationProbability } from "./verification.js";

const params: TrustParams = { etaUp: 0.1, etaDown: 0.3, relaxRate: 0.01, baseline: 0.4 };

const ladder: EscalationParams = {
  retaliationTrust: 0.4,
  calmDays: 30,
  holdDays: 90,
  hazard0: 0.02,
  hazardExponent: 2,
};
const day = { attributedIncidents: 0, trust: 0.5, mediation: false, u: 0.5 };
const normal = { rung: "normal" as Rung, daysInRung: 0, quietDays: 0 };

/** The argument an error names and what it expected. */
const pathAndExpected = (fn: () => unknown) => {
  const issue = firstIssue(fn);
  return issue && [issue.path, issue.expected];
};

const unit = "a number in [0, 1]";
const probability = "a verification probability in [0, 1]";
const cases: [string, () => unknown, string, string][] = [
  ["leverage: C < 0", () => leverage(-1, 5), "costImposed", "a cost ≥ 0"],
  [
    "leverage: S negative",
    () => leverage(1, -1),
    "switchingCost",
    "a cost ≥ 0 (Infinity when there is no alternative)",
  ],
  [
    "compliance: K = 0",
    () => complianceProbability({ costImposed: 1, switchingCost: 1, complianceCost: 0 }),
    "complianceCost",
    "a cost of complying > 0",
  ],
  [
    "compliance: γ = 0",
    () => complianceProbability({ costImposed: 1, switchingCost: 1, complianceCost: 1, steepness: 0 }),
    "steepness",
    "a steepness γ > 0",
  ],
  [
    "switching: d > 1",
    () => switchingCostFromDependence(1.5, 10, 0.1),
    "dependence",
    "a dependence share in [0, 1]",
  ],
  ["switching: V < 0", () => switchingCostFromDependence(0.5, -10, 0.1), "routedValue", "a routed value ≥ 0"],
  [
    "switching: premium < 0",
    () => switchingCostFromDependence(0.5, 10, -0.1),
    "premium",
    "an alternative-route premium ≥ 0 per unit of value",
  ],
  ["verification: v0 > 1", () => verificationProbability(2), "v0", probability],
  [
    "verification: a monitor > 1",
    () => verificationProbability(0.5, [0.2, 3]),
    "monitors[1]",
    "a detection probability in [0, 1]",
  ],
  ["isVerified: v < 0", () => isVerified(-0.1, 0.5), "v", probability],
  [
    "trust: η⁺ > 1",
    () => validateTrustParams({ ...params, etaUp: 2 }),
    "trust.etaUp",
    "a learning rate η⁺ in [0, 1]",
  ],
  [
    "trust: η⁻ > 1",
    () => validateTrustParams({ ...params, etaDown: 2 }, "r"),
    "r.etaDown",
    "a learning rate η⁻ in [0, 1]",
  ],
  [
    "trust: ρ < 0",
    () => validateTrustParams({ ...params, relaxRate: -1 }),
    "trust.relaxRate",
    "a relaxation rate ρ ≥ 0 per day",
  ],
  [
    "trust: baseline > 1",
    () => validateTrustParams({ ...params, baseline: 2 }),
    "trust.baseline",
    "a baseline trust in [0, 1]",
  ],
  ["act: trust > 1", () => applyVerifiedAct(1.5, "cooperative", params), "trust", unit],
  ["expected act: v > 1", () => expectedActUpdate(0.5, "cooperative", 2, params), "v", probability],
  ["stochastic act: v > 1", () => stochasticActUpdate(0.5, "cooperative", 2, 0.5, params), "v", probability],
  ["relax: trust < 0", () => relaxTrust(-0.5, 1, params), "trust", unit],
  ["relax: days < 0", () => relaxTrust(0.5, -1, params), "days", "a number of days ≥ 0"],
  ["acts to reach: T₀ > 1", () => expectedActsToReach(2, 0.5, 1, params), "trust0", unit],
  ["acts to reach: target > 1", () => expectedActsToReach(0.5, 2, 1, params), "target", unit],
  ["acts to reach: v > 1", () => expectedActsToReach(0.5, 0.6, 2, params), "v", probability],
  ["draw: u = 1", () => checkDraw(1), "u", "a uniform draw in [0, 1)"],
  ["draw: u < 0", () => checkDraw(-0.1, "draw"), "draw", "a uniform draw in [0, 1)"],
  [
    "ladder: retaliation trust > 1",
    () => validateEscalationParams({ ...ladder, retaliationTrust: 2 }),
    "escalation.retaliationTrust",
    "a trust level in [0, 1]",
  ],
  [
    "ladder: calm days < 1",
    () => validateEscalationParams({ ...ladder, calmDays: 0.5 }, "e"),
    "e.calmDays",
    "a number of days ≥ 1",
  ],
  [
    "ladder: hold days < 1",
    () => validateEscalationParams({ ...ladder, holdDays: 0 }),
    "escalation.holdDays",
    "a number of days ≥ 1",
  ],
  [
    "ladder: h₀ > 1",
    () => validateEscalationParams({ ...ladder, hazard0: 2 }),
    "escalation.hazard0",
    "a daily probability in [0, 1]",
  ],
  [
    "ladder: k < 0",
    () => validateEscalationParams({ ...ladder, hazardExponent: -1 }),
    "escalation.hazardExponent",
    "an exponent k ≥ 0",
  ],
  ["ladder: trust > 1", () => expectedCeasefireDays(2, ladder), "trust", unit],
  [
    "ladder: 1.5 incidents",
    () => stepEscalation(normal, { ...day, attributedIncidents: 1.5 }, ladder),
    "attributedIncidents",
    "a whole number of incidents ≥ 0",
  ],
  [
    "ladder: an unknown rung",
    () => stepEscalation({ ...normal, rung: "clash" as Rung }, day, ladder),
    "rung",
    "one of normal, ceasefire, tension, strikes, clashes",
  ],
];

describe("the diplomacy library's argument checks", () => {
  it.each(cases)("%s names the argument and what it expects", (_name, call, path, expected) => {
    expect(pathAndExpected(call)).toEqual([path, expected]);
  });
});

describe("what an argument error carries", () => {
  it("has the code out-of-range and the value found; an unknown rung suggests the nearest", () => {
    expect(firstIssue(() => checkDraw(1))).toMatchObject({ code: "out-of-range", found: "1" });
    expect(firstIssue(() => validateEscalationParams({ ...ladder, calmDays: 0 }))).toMatchObject({
      code: "out-of-range",
      found: "0",
    });
    expect(
      firstIssue(() => stepEscalation(normal, { ...day, attributedIncidents: -1 }, ladder)),
    ).toMatchObject({
      code: "out-of-range",
      found: "-1",
    });
    expect(firstIssue(() => stepEscalation({ ...normal, rung: "clash" as Rung }, day, ladder))).toMatchObject(
      {
        code: "unknown-name",
        found: "clash",
        suggestion: "clashes",
      },
    );
    const far = firstIssue(() => stepEscalation({ ...normal, rung: "zzzzzz" as Rung }, day, ladder));
    expect(far).toMatchObject({ code: "unknown-name", found: "zzzzzz" });
    expect(far).not.toHaveProperty("suggestion");
  });

  it("accepts the edges of each range: a draw of 0, one calm day", () => {
    expect(() => checkDraw(0)).not.toThrow();
    expect(() => validateEscalationParams({ ...ladder, calmDays: 1, holdDays: 1 })).not.toThrow();
  });
});

describe("edge cases of the closed forms", () => {
  it("a ceasefire with no hazard lasts for ever and surely holds; at trust 0 it lasts 1/h₀ days", () => {
    expect(expectedCeasefireDays(1, ladder)).toBe(Number.POSITIVE_INFINITY);
    expect(ceasefireHoldProbability(1, ladder)).toBe(1);
    expect(expectedCeasefireDays(0, ladder)).toBeCloseTo(50, 12);
    expect(ceasefireHoldProbability(0, ladder)).toBeCloseTo(0.98 ** 90, 12);
  });

  it("fails a ceasefire when the draw is below the hazard, not at it", () => {
    // At trust 0.5 h = 0.02 · 0.25 = 0.005.
    const ceasefire = { rung: "ceasefire" as Rung, daysInRung: 0, quietDays: 0 };
    expect(stepEscalation(ceasefire, { ...day, u: 0.004 }, ladder).state.rung).toBe("tension");
    expect(stepEscalation(ceasefire, { ...day, u: 0.005 }, ladder).state.rung).toBe("ceasefire");
  });

  it("complies with probability 0 when the leverage is 0, and ½ when min(C, S) = K", () => {
    expect(complianceProbability({ costImposed: 0, switchingCost: 5, complianceCost: 1 })).toBe(0);
    expect(complianceProbability({ costImposed: 3, switchingCost: 2, complianceCost: 2 })).toBe(0.5);
  });

  it("gives a pair balance of 0 when neither rate moves trust", () => {
    expect(pairBalanceTrust({ ...params, etaUp: 0, etaDown: 0 })).toBe(0);
    // η⁺ = 0.1, η⁻ = 0.3: T* = 0.1 / (0.1 + 0.3 − 0.03) = 0.27027…
    expect(pairBalanceTrust(params)).toBeCloseTo(0.1 / 0.37, 12);
  });

  it("counts the acts to reach a target: none when already there, one when a single act suffices", () => {
    expect(expectedActsToReach(0.6, 0.6, 1, params)).toBe(0);
    expect(expectedActsToReach(0.7, 0.6, 1, params)).toBe(0);
    // Trust 0.5 needs 0.6: one act of v·η⁺ = 1 takes it to 1 at once.
    expect(expectedActsToReach(0.5, 0.6, 1, { ...params, etaUp: 1 })).toBe(1);
    expect(expectedActsToReach(0.5, 1, 1, params)).toBe(Number.POSITIVE_INFINITY);
    expect(expectedActsToReach(0.5, 0.6, 0, params)).toBe(Number.POSITIVE_INFINITY);
    // 1 − Tₙ = 0.5 · 0.9ⁿ ≤ 0.5 · 0.81 exactly at n = 2 (ln ratio an integer multiple): 2, not 3.
    expect(expectedActsToReach(0.5, 1 - 0.5 * 0.81, 1, params)).toBe(2);
  });
});
