/**
 * Every argument check of the diplomacy library, one bad value each: the error names the argument and
 * says what was expected, in the library's own words (the caller's message shows both). Plus the edge
 * cases of the closed forms, worked out by hand.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../errors/index.js";
import { complianceProbability, leverage, switchingCostFromDependence } from "./coercion.js";
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

/** The one issue an InputError carries, as [path, expected]. */
function issueOf(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const issue = error.issues[0]!;
    return [issue.path ?? "", issue.expected ?? ""];
  }
  throw new Error("no error");
}

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
];

describe("the diplomacy library's argument checks", () => {
  it.each(cases)("%s names the argument and what it expects", (_name, call, path, expected) => {
    expect(issueOf(call)).toEqual([path, expected]);
  });
});

describe("edge cases of the closed forms", () => {
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
