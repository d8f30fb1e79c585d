import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstIssue } from "../../../test/support/input-issue.js";
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

const pathOf = (fn: () => unknown) => firstIssue(fn)?.path;

/** Rates with η⁻ > η⁺, both in (0, 1). */
const asymmetricRates = fc
  .tuple(fc.double({ min: 0.001, max: 0.99, noNaN: true }), fc.double({ min: 0.001, max: 0.99, noNaN: true }))
  .filter(([a, b]) => a !== b)
  .map(
    ([a, b]): TrustParams => ({
      etaUp: Math.min(a, b),
      etaDown: Math.max(a, b),
      relaxRate: 0,
      baseline: 0.5,
    }),
  );

describe("trust updates", () => {
  it("moves by η⁺(1 − T) on a verified cooperative act and by η⁻T on a verified hostile one", () => {
    expect(applyVerifiedAct(0.5, "cooperative", params)).toBeCloseTo(0.55, 15);
    expect(applyVerifiedAct(0.5, "hostile", params)).toBeCloseTo(0.35, 15);
  });

  it("leaves trust lower after one good and one bad verified act, in either order (hand-checked)", () => {
    const goodThenBad = applyVerifiedAct(applyVerifiedAct(0.5, "cooperative", params), "hostile", params);
    const badThenGood = applyVerifiedAct(applyVerifiedAct(0.5, "hostile", params), "cooperative", params);
    expect(goodThenBad).toBeCloseTo(0.385, 15); // 0.55 × 0.7
    expect(badThenGood).toBeCloseTo(0.415, 15); // 0.35 + 0.1 × 0.65
  });

  it("leaves trust lower after equal numbers of alternating good and bad acts whenever T > T*", () => {
    fc.assert(
      fc.property(
        asymmetricRates,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        (p, position, pairs, goodFirst) => {
          const balance = pairBalanceTrust(p);
          // Start anywhere strictly above the balance level.
          const t0 = balance + (1 - balance) * Math.max(position, 1e-6);
          let t = t0;
          for (let i = 0; i < pairs; i++) {
            t = applyVerifiedAct(t, goodFirst ? "cooperative" : "hostile", p);
            t = applyVerifiedAct(t, goodFirst ? "hostile" : "cooperative", p);
          }
          expect(t).toBeLessThan(t0);
        },
      ),
      { numRuns: 300, seed: 1993 },
    );
  });

  it("puts the balance level T* where bad-then-good returns trust exactly to its start", () => {
    const balance = pairBalanceTrust(params); // 0.1 / 0.37
    expect(balance).toBeCloseTo(0.1 / 0.37, 15);
    const back = applyVerifiedAct(applyVerifiedAct(balance, "hostile", params), "cooperative", params);
    expect(back).toBeCloseTo(balance, 14);
    // Below it, a pair can raise trust: the asymmetry holds only above T*.
    expect(applyVerifiedAct(applyVerifiedAct(0.1, "hostile", params), "cooperative", params)).toBeGreaterThan(
      0.1,
    );
  });

  it("ends higher after a block of ten hostile acts then ten cooperative ones: old acts are forgotten", () => {
    let t = 0.5;
    for (let i = 0; i < 10; i++) t = applyVerifiedAct(t, "hostile", params);
    for (let i = 0; i < 10; i++) t = applyVerifiedAct(t, "cooperative", params);
    // 1 − (1 − 0.5 × 0.7¹⁰) × 0.9¹⁰
    expect(t).toBeCloseTo(1 - (1 - 0.5 * 0.7 ** 10) * 0.9 ** 10, 14);
    expect(t).toBeGreaterThan(0.65);
  });

  it("moves nothing when an act is not verified", () => {
    for (const kind of ["cooperative", "hostile"] as const) {
      expect(expectedActUpdate(0.37, kind, 0, params)).toBe(0.37);
      expect(stochasticActUpdate(0.37, kind, 0.6, 0.6, params)).toEqual({ trust: 0.37, verified: false });
      expect(stochasticActUpdate(0.37, kind, 0.6, 0.59, params).verified).toBe(true);
    }
  });

  it("moves the expected trust by v times the verified change", () => {
    expect(expectedActUpdate(0.5, "cooperative", 0.4, params)).toBeCloseTo(0.5 + 0.4 * 0.05, 15);
    expect(expectedActUpdate(0.5, "hostile", 0.4, params)).toBeCloseTo(0.5 - 0.4 * 0.15, 15);
  });

  it("keeps trust in [0, 1] under any sequence of acts and relaxation", () => {
    const step = fc.record({
      kind: fc.constantFrom("cooperative" as const, "hostile" as const),
      v: fc.double({ min: 0, max: 1, noNaN: true }),
      u: fc.double({ min: 0, max: 0.999999, noNaN: true }),
      days: fc.double({ min: 0, max: 1000, noNaN: true }),
    });
    const anyParams = fc.record({
      etaUp: fc.double({ min: 0, max: 1, noNaN: true }),
      etaDown: fc.double({ min: 0, max: 1, noNaN: true }),
      relaxRate: fc.double({ min: 0, max: 5, noNaN: true }),
      baseline: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(anyParams, fc.double({ min: 0, max: 1, noNaN: true }), fc.array(step), (p, t0, steps) => {
        let t = t0;
        for (const s of steps) {
          t =
            s.u < 0.5
              ? expectedActUpdate(t, s.kind, s.v, p)
              : stochasticActUpdate(t, s.kind, s.v, s.u, p).trust;
          t = relaxTrust(t, s.days, p);
          expect(t).toBeGreaterThanOrEqual(0);
          expect(t).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it("relaxes toward the baseline exactly: half the gap closes in ln 2 / ρ days", () => {
    const halfLife = Math.log(2) / params.relaxRate;
    expect(relaxTrust(0.8, halfLife, params)).toBeCloseTo(0.6, 12);
    expect(relaxTrust(0.8, 0, params)).toBe(0.8);
    // Ten one-day steps equal one ten-day step.
    let t = 0.9;
    for (let d = 0; d < 10; d++) t = relaxTrust(t, 1, params);
    expect(t).toBeCloseTo(relaxTrust(0.9, 10, params), 14);
  });

  it("rejects rates, trust and draws outside their ranges", () => {
    expect(pathOf(() => validateTrustParams({ ...params, etaUp: 1.2 }))).toBe("trust.etaUp");
    expect(pathOf(() => validateTrustParams({ ...params, etaDown: -0.1 }))).toBe("trust.etaDown");
    expect(pathOf(() => validateTrustParams({ ...params, relaxRate: Number.NaN }))).toBe("trust.relaxRate");
    expect(pathOf(() => validateTrustParams({ ...params, baseline: 2 }))).toBe("trust.baseline");
    expect(pathOf(() => applyVerifiedAct(1.5, "hostile", params))).toBe("trust");
    expect(pathOf(() => stochasticActUpdate(0.5, "hostile", 0.5, 1, params))).toBe("u");
    expect(pathOf(() => relaxTrust(0.5, -1, params))).toBe("days");
    // η⁻ ≤ η⁺ is allowed, so symmetric learning can be explored.
    expect(validateTrustParams({ ...params, etaUp: 0.3, etaDown: 0.1 }).etaUp).toBe(0.3);
  });
});

describe("verification", () => {
  it("combines own capacity and monitors as independent channels: v = 1 − (1 − v₀)Π(1 − mₖ)", () => {
    expect(verificationProbability(0.3)).toBeCloseTo(0.3, 15);
    expect(verificationProbability(0.3, [0.5])).toBeCloseTo(0.65, 15);
    expect(verificationProbability(0.3, [0.5, 0.2])).toBeCloseTo(1 - 0.7 * 0.5 * 0.8, 15);
    expect(verificationProbability(0, [1])).toBe(1);
    expect(isVerified(0.65, 0.64)).toBe(true);
    expect(isVerified(0.65, 0.65)).toBe(false);
    expect(pathOf(() => verificationProbability(0.3, [0.5, 1.1]))).toBe("monitors[1]");
  });

  it("needs fewer cooperative acts to reach trust 0.8 with more monitors", () => {
    const monitorSets = [[], [0.3], [0.3, 0.3], [0.3, 0.3, 0.5]];
    const acts = monitorSets.map((m) =>
      expectedActsToReach(0.3, 0.8, verificationProbability(0.2, m), params),
    );
    for (let i = 1; i < acts.length; i++) expect(acts[i]).toBeLessThan(acts[i - 1]!);
    // The closed form agrees with iterating the expected update.
    monitorSets.forEach((m, i) => {
      const v = verificationProbability(0.2, m);
      let t = 0.3;
      let n = 0;
      while (t < 0.8) {
        t = expectedActUpdate(t, "cooperative", v, params);
        n++;
      }
      expect(n).toBe(acts[i]);
    });
    // v = 0.2: 1 − Tₙ = 0.7 × 0.98ⁿ ≤ 0.2 first at n = ⌈ln(2/7) / ln 0.98⌉ = 63.
    expect(acts[0]).toBe(63);
    expect(expectedActsToReach(0.3, 0.8, 0, params)).toBe(Number.POSITIVE_INFINITY);
    expect(expectedActsToReach(0.9, 0.8, 0.5, params)).toBe(0);
  });
});
