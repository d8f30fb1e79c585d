import { describe, expect, it } from "vitest";
import { InputError } from "../errors/index.js";
import { createStream } from "../random/index.js";
import { parseClaim } from "./claim-parser.js";
import { checkClaim, evaluateClaim, evaluateClaims, type OutcomeTable } from "./claims.js";

/** Futures where one input decides which policy has fewer fatalities. */
function table(n: number) {
  const random = createStream(8, 0, "test/claims");
  const threat = new Float64Array(n);
  const noise = new Float64Array(n);
  const data: Record<string, Record<string, Float64Array>> = {
    fatalities: { "phased-conditional": new Float64Array(n), "open-now": new Float64Array(n) },
    trade: { "phased-conditional": new Float64Array(n), "open-now": new Float64Array(n) },
    escalation_cycles: { coercive: new Float64Array(n), "open-now": new Float64Array(n) },
  };
  for (let f = 0; f < n; f++) {
    threat[f] = random.next();
    noise[f] = random.next();
    // Phasing saves lives unless the threat is high (> 0.7).
    data["fatalities"]!["open-now"]![f] = 100;
    data["fatalities"]!["phased-conditional"]![f] = threat[f]! > 0.7 ? 120 : 80;
    data["trade"]!["open-now"]![f] = 1000;
    data["trade"]!["phased-conditional"]![f] = 960 + 10 * noise[f]!;
    data["escalation_cycles"]!["coercive"]![f] = threat[f]! > 0.4 ? 3 : 1;
    data["escalation_cycles"]!["open-now"]![f] = 0;
  }
  const t: OutcomeTable = {
    futures: n,
    outcomes: Object.keys(data),
    policies: ["phased-conditional", "open-now", "coercive"],
    values: (o, p) => data[o]![p] ?? new Float64Array(n).fill(Number.NaN),
  };
  return { t, inputs: { names: ["threat", "noise"], columns: [threat, noise] } };
}

describe("claim parsing", () => {
  it("reads policy ids with dashes inside brackets, arithmetic, P(…) and 'and'", () => {
    const tree = parseClaim(
      "fatalities[phased-conditional] < fatalities[open-now] and trade[a] >= 0.95 * trade[b]",
    );
    expect(tree).toMatchObject({
      kind: "binary",
      op: "and",
      left: { op: "<", left: { kind: "ref", outcome: "fatalities", policy: "phased-conditional" } },
      right: { op: ">=", right: { op: "*", left: { value: 0.95 } } },
    });
    expect(parseClaim("P(x[a] >= 2) > 0.5")).toMatchObject({ op: ">", left: { kind: "prob" } });
  });

  it("reports syntax errors with a caret at the position", () => {
    const r = checkClaim("fatalities[a] < ", { outcomes: ["fatalities"], policies: ["a"] });
    expect(r.issues[0]).toMatchObject({ code: "unexpected-token", column: 17 });
    expect(r.issues[0]!.message).toContain("the end of the claim");
    const amp = checkClaim("x[a] > 1 && x[a] < 3", { outcomes: ["x"], policies: ["a"] });
    expect(amp.issues[0]).toMatchObject({ code: "foreign-operator", column: 10, suggestion: "and" });
    expect(checkClaim("x > 1", { outcomes: ["x"], policies: ["a"] }).issues[0]).toMatchObject({
      code: "missing-policy",
    });
    expect(checkClaim("1 < 2 < 3", { outcomes: [], policies: [] }).issues[0]!.code).toBe(
      "chained-comparison",
    );
  });

  it("names an unknown outcome or policy with a suggestion, and rejects non-statements", () => {
    const r = checkClaim("fatalites[open-now] < fatalities[opn-now]", {
      outcomes: ["fatalities"],
      policies: ["open-now"],
    });
    expect(r.issues.map((i) => [i.code, i.suggestion, i.column])).toEqual([
      ["unknown-outcome", "fatalities", 1],
      ["unknown-policy", "open-now", 34],
    ]);
    expect(checkClaim("x[a] + 1", { outcomes: ["x"], policies: ["a"] }).issues[0]!.code).toBe(
      "claim-not-boolean",
    );
    expect(checkClaim("P(x[a]) > 0.5", { outcomes: ["x"], policies: ["a"] }).issues[0]!.code).toBe(
      "type-mismatch",
    );
  });
});

describe("claim evaluation", () => {
  const { t, inputs } = table(2000);

  it("gives the share of futures where a paired claim holds, with a Wilson interval, and where it breaks", () => {
    const r = evaluateClaim(
      { name: "security first saves lives", text: "fatalities[phased-conditional] < fatalities[open-now]" },
      t,
      { inputs, prim: { threshold: 0.99 } },
    );
    expect(r.kind).toBe("per-future");
    expect(r.share).toBeCloseTo(0.7, 1);
    expect(r.interval.low).toBeLessThan(r.share);
    expect(r.interval.high).toBeGreaterThan(r.share);
    // PRIM finds the failures where threat > 0.7, and only there.
    const box = r.breaks!.box;
    expect(box.density).toBeGreaterThan(0.95);
    expect(box.coverage).toBeGreaterThan(0.95);
    expect(r.breaks!.restrictions.map((x) => x.name)).toEqual(["threat"]);
    expect(box.box.lo[0]).toBeCloseTo(0.7, 1);
  });

  it("evaluates arithmetic with 'and', and aggregate P(…) claims with a verdict", () => {
    const both = evaluateClaim(
      {
        name: "cheap safety",
        text: "fatalities[phased-conditional] < fatalities[open-now] and trade[phased-conditional] >= 0.95 * trade[open-now]",
      },
      t,
    );
    expect(both.share).toBeCloseTo(0.7, 1);
    const strict = evaluateClaim(
      { name: "too cheap", text: "trade[phased-conditional] >= 0.97 * trade[open-now]" },
      t,
    );
    expect(strict.share).toBe(0);
    const p = evaluateClaim(
      { name: "coercion escalates", text: "P(escalation_cycles[coercive] >= 2) > 0.5" },
      t,
      { inputs },
    );
    expect(p.kind).toBe("aggregate");
    expect(p.verdict).toBe("holds");
    expect(p.probabilities[0]!.estimate).toBeCloseTo(0.6, 1);
    expect(p.probabilities[0]!.text).toBe("P(escalation_cycles[coercive] >= 2)");
    expect(p.breaks!.restrictions.map((x) => x.name)).toEqual(["threat"]);
    const close = evaluateClaim({ name: "coin", text: "P(escalation_cycles[coercive] >= 2) > 0.6" }, t);
    expect(close.verdict).toBe("uncertain");
  });

  it("leaves out futures with a missing outcome and counts them", () => {
    const broken: OutcomeTable = {
      ...t,
      values: (o, p) => {
        const v = Float64Array.from(t.values(o, p));
        v[0] = Number.NaN;
        return v;
      },
    };
    const r = evaluateClaim({ name: "x", text: "fatalities[open-now] > 0" }, broken);
    expect(r.excluded).toBe(1);
    expect(r.futures).toBe(1999);
  });

  it("refuses a set of claims with an unknown policy before evaluating any", () => {
    expect(() =>
      evaluateClaims(
        [
          { name: "ok", text: "fatalities[open-now] > 0" },
          { name: "typo", text: "fatalities[open_now] > 0" },
        ],
        t,
      ),
    ).toThrow(InputError);
    try {
      evaluateClaims([{ name: "typo", text: "fatalities[open_now] > 0" }], t);
    } catch (e) {
      expect((e as InputError).issues[0]).toMatchObject({
        code: "unknown-policy",
        suggestion: "open-now",
        path: "claims[0] (typo)",
      });
    }
  });
});
