import { describe, expect, it } from "vitest";
import { InputError, type InputIssue } from "../errors/index.js";
import { shapeOf } from "./ast.js";
import type { EvaluationContext } from "./compile.js";
import {
  checkRule,
  compileRule,
  parseActions,
  parseRule,
  parseTimedCondition,
  printRule,
  stepStreak,
} from "./rules.js";
import { DEFAULT_LANGUAGE, type KnownIds, withLevers } from "./tables.js";

function issuesOf(fn: () => unknown): InputIssue[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error("expected an InputError");
}

const ids: KnownIds = { zones: ["kp", "kp_border"], actors: ["pk", "af"], crossings: ["torkham", "chaman"] };
const EXAMPLE = "when incidents(kp, 30) < 5 for 60 days then open(torkham); restrict(chaman, 12)";

describe("parseRule", () => {
  it("splits a rule into its condition, its days and its actions", () => {
    const rule = parseRule(EXAMPLE);
    expect(rule.forDays).toBe(60);
    expect(shapeOf(rule.condition)).toEqual({
      kind: "binary",
      op: "<",
      left: {
        kind: "call",
        name: "incidents",
        args: [
          { kind: "name", name: "kp" },
          { kind: "number", value: 30 },
        ],
      },
      right: { kind: "number", value: 5 },
    });
    expect(rule.actions.map(shapeOf)).toEqual([
      { kind: "call", name: "open", args: [{ kind: "name", name: "torkham" }] },
      {
        kind: "call",
        name: "restrict",
        args: [
          { kind: "name", name: "chaman" },
          { kind: "number", value: 12 },
        ],
      },
    ]);
  });

  it("gives each action its span in the rule text", () => {
    const rule = parseRule(EXAMPLE);
    const spans = rule.actions.map((a) => EXAMPLE.slice(a.span.start, a.span.end));
    expect(spans).toEqual(["open(torkham)", "restrict(chaman, 12)"]);
    expect(EXAMPLE.slice(rule.condition.span.start, rule.condition.span.end)).toBe("incidents(kp, 30) < 5");
  });

  it("needs the condition for one day when there is no for clause, and reads for 1 day", () => {
    expect(parseRule("when trust(pk, af) > 0.5 then propose_cbm(af)").forDays).toBe(1);
    expect(parseRule("when trust(pk, af) > 0.5 for 1 day then propose_cbm(af)").forDays).toBe(1);
  });

  it("accepts a trailing semicolon and line breaks", () => {
    const rule = parseRule("when stage(pk) >= 2\n  then open(torkham);\n       open(chaman);");
    expect(rule.actions.map((a) => a.name)).toEqual(["open", "open"]);
  });

  it("reports each syntax mistake with its code and column", () => {
    const cases: [string, string, number][] = [
      ["incidents(kp, 30) < 5 then open(torkham)", "expected-when", 1],
      ["when incidents(kp, 30) < 5 open(torkham)", "expected-then", 28],
      ["when incidents(kp, 30) < 5 for 0 days then open(torkham)", "bad-for-days", 32],
      ["when incidents(kp, 30) < 5 for 2.5 days then open(torkham)", "bad-for-days", 32],
      ["when incidents(kp, 30) < 5 for and days then open(torkham)", "bad-for-days", 32],
      ["when incidents(kp, 30) < 5 for 60 then open(torkham)", "bad-for-days", 35],
      ["when incidents(kp, 30) < 5 for 60 days then", "expected-action", 44],
      ["when incidents(kp, 30) < 5 then open torkham", "expected-action", 38],
      ["when incidents(kp, 30) < 5 then open(torkham), close(chaman)", "action-separator", 46],
      ["when then open(torkham)", "unexpected-token", 6],
    ];
    for (const [text, code, column] of cases) {
      expect(issuesOf(() => parseRule(text))[0], text).toMatchObject({ code, column });
    }
  });
});

describe("levers in rules", () => {
  const language = withLevers(DEFAULT_LANGUAGE, { reopen_after: 60, hold: 30, rate: 2500, half: 0.5 });

  it("reads for <lever> days and resolves the days when compiling", () => {
    const rule = parseRule(
      "when closed_days(torkham, 60) >= reopen_after for hold days then deport(af, rate)",
    );
    expect(rule.forDaysName?.name).toBe("hold");
    expect(checkRule(rule, {}, { language })).toEqual([]);
    expect(compileRule(rule, language).forDays).toBe(30);
    expect(printRule(rule)).toBe(
      "when closed_days(torkham, 60) >= reopen_after for hold days then deport(af, rate)",
    );
  });

  it("uses a lever's value as an action's number and where a literal window is required", () => {
    const rule = parseRule("when incidents(kp, hold) > 3 then deport(af, rate)");
    expect(checkRule(rule, {}, { language })).toEqual([]);
    const compiled = compileRule(rule, language);
    const calls: unknown[][] = [];
    const ctx = { call: (name: string, args: readonly unknown[]) => (calls.push([name, ...args]), 5) };
    expect(compiled.condition(ctx as never)).toBe(true);
    expect(calls).toEqual([["incidents", "kp", 30]]);
    expect(compiled.actions[0]!.args(ctx as never)).toEqual(["af", 2500]);
  });

  it("rejects an unknown lever after for, a lever that is not a whole number of days, and one out of an action's range", () => {
    const unknown = checkRule(parseRule("when day() > 1 for hodl days then open(t)"), {}, { language });
    expect(unknown[0]).toMatchObject({ code: "unknown-lever", suggestion: "hold" });
    const fraction = checkRule(parseRule("when day() > 1 for half days then open(t)"), {}, { language });
    expect(fraction[0]).toMatchObject({ code: "bad-for-days" });
    const range = checkRule(parseRule("when day() > 1 then restrict(t, rate)"), {}, { language });
    expect(range[0]).toMatchObject({ code: "argument-range" });
    expect(range[0]!.message).toContain('"rate" = 2500');
    // Without the scenario's levers the name is unknown.
    expect(checkRule(parseRule("when day() > rate then open(t)"))[0]).toMatchObject({ code: "unknown-name" });
  });
});

describe("parseTimedCondition and parseActions", () => {
  it("reads a benchmark with and without for N days", () => {
    expect(parseTimedCondition("closed_days(torkham, 30) == 0 for 90 days").forDays).toBe(90);
    expect(parseTimedCondition("closed_days(torkham, 30) == 0").forDays).toBe(1);
    expect(issuesOf(() => parseTimedCondition("x < 1 for 3 days then open(t)"))[0]).toMatchObject({
      code: "unexpected-token",
      column: 18,
    });
  });

  it("reads an action list, and none from empty text", () => {
    expect(parseActions("open(torkham); set_capacity(torkham, 800)").map((a) => a.name)).toEqual([
      "open",
      "set_capacity",
    ]);
    expect(parseActions("  ")).toEqual([]);
  });
});

describe("checkRule", () => {
  it("finds nothing wrong in a rule over known ids", () => {
    expect(checkRule(parseRule(EXAMPLE), ids)).toEqual([]);
  });

  it("reports condition and action problems together, at their columns in the rule text", () => {
    const issues = checkRule(
      parseRule("when incidents(kb, 30) < 5 then opne(torkham); restrict(chaman, 30)"),
      ids,
    );
    expect(issues).toMatchObject([
      { code: "unknown-id", column: 16, suggestion: "kp" },
      { code: "unknown-action", column: 33, suggestion: "open" },
      { code: "argument-range", column: 65 },
    ]);
  });
});

describe("printRule", () => {
  it("prints a rule that parses back to the same rule", () => {
    const rule = parseRule("when  incidents(kp,30)<5 for 60 days then open( torkham ) ;restrict(chaman,12)");
    expect(printRule(rule)).toBe(EXAMPLE);
    expect(printRule(parseRule(printRule(rule)))).toBe(EXAMPLE);
  });
});

describe("compileRule", () => {
  it("compiles the condition and the actions", () => {
    const state: Record<string, number> = { "incidents(kp, 30)": 2, "flow(torkham, 7)": 100 };
    const ctx: EvaluationContext = { call: (name, args) => state[`${name}(${args.join(", ")})`]! };
    const compiled = compileRule(
      parseRule("when incidents(kp, 30) < 5 for 3 days then set_capacity(torkham, flow(torkham, 7) + 50)"),
    );
    expect(compiled.forDays).toBe(3);
    expect(compiled.condition(ctx)).toBe(true);
    expect(compiled.actions.map((a) => [a.name, a.args(ctx)])).toEqual([["set_capacity", ["torkham", 150]]]);
  });

  it("throws one InputError listing every problem", () => {
    const issues = issuesOf(() => compileRule(parseRule("when trust(pk, af) then opne(torkham)")));
    expect(issues.map((i) => i.code)).toEqual(["not-a-condition", "unknown-action"]);
  });
});

describe("stepStreak", () => {
  it("fires once, on the day the condition has held for N days, and re-arms after it fails", () => {
    const days = [true, true, true, true, false, true, true, true];
    let streak = 0;
    const fired: number[] = [];
    days.forEach((holds, day) => {
      const step = stepStreak(streak, holds, 3);
      streak = step.streak;
      if (step.fires) fired.push(day);
    });
    expect(fired).toEqual([2, 7]);
  });

  it("fires on the first day it holds when N = 1", () => {
    expect(stepStreak(0, true, 1)).toEqual({ streak: 1, fires: true });
    expect(stepStreak(1, true, 1)).toEqual({ streak: 2, fires: false });
  });
});
