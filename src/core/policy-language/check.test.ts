import { describe, expect, it } from "vitest";
import { formatIssue } from "../errors/index.js";
import { checkActions, checkExpression } from "./check.js";
import { parseExpression } from "./parser.js";
import { parseActions } from "./rules.js";
import { DEFAULT_LANGUAGE, type KnownIds } from "./tables.js";

const ids: KnownIds = {
  zones: ["kp_border", "balochistan", "spin-boldak"],
  actors: ["pk", "af", "ir"],
  crossings: ["torkham", "chaman"],
  projects: ["casa1000"],
};

const check = (text: string, expect: "boolean" | "number" | "any" = "boolean") =>
  checkExpression(parseExpression(text), ids, { expect });
const only = (text: string, expect: "boolean" | "number" | "any" = "boolean") => {
  const issues = check(text, expect);
  if (issues.length !== 1)
    throw new Error(`expected one issue, found ${issues.length}: ${issues.map((i) => i.code)}`);
  return issues[0]!;
};

describe("checkExpression accepts well-formed conditions", () => {
  it("finds nothing wrong in conditions over every shipped function", () => {
    for (const text of [
      "incidents(kp_border, 30) < 5 and fatalities(balochistan, 7) == 0",
      'incidents("spin-boldak", 90) <= 2',
      "trust(pk, af) > 0.5 or dependence(af, pk) < 0.3",
      "closed_days(torkham, 30) >= 10 and flow(chaman, 7) > 200",
      "stage(pk) >= 2 and ladder(pk, af) == ceasefire and day() > 365",
      "min(trust(pk, af), trust(af, pk)) > 0.4 and abs(-3) == max(3, 1)",
      "not (ladder(pk, af) >= strikes)",
      "(trust(pk, af) > 0.5) == true",
    ]) {
      expect(check(text), text).toEqual([]);
    }
  });

  it("checks number expressions when asked for a number", () => {
    expect(check("incidents(kp_border, 30) / 30", "number")).toEqual([]);
  });
});

describe("checkExpression reports each kind of mistake at its column", () => {
  it("suggests the closest function for a misspelt one", () => {
    expect(only("incidnets(kp_border, 30) < 5")).toMatchObject({
      code: "unknown-function",
      column: 1,
      suggestion: "incidents",
    });
  });

  it("suggests the closest zone for an unknown zone", () => {
    expect(only("incidents(kp_bordr, 30) < 5")).toMatchObject({
      code: "unknown-id",
      column: 11,
      suggestion: "kp_border",
    });
    expect(only("trust(pk, afg) > 0.5")).toMatchObject({ code: "unknown-id", column: 11, suggestion: "af" });
    expect(only("flow(torkam, 7) > 0")).toMatchObject({
      code: "unknown-id",
      column: 6,
      suggestion: "torkham",
    });
  });

  it("says when an id is of another kind", () => {
    const issue = only("incidents(torkham, 30) > 0");
    expect(issue).toMatchObject({ code: "wrong-id-kind", column: 11 });
    expect(issue.message).toContain('"torkham" is a crossing');
  });

  it("asks for quotes around an id with dashes and suggests the id", () => {
    expect(only("incidents(spin-boldak, 30) < 2")).toMatchObject({
      code: "unquoted-id",
      column: 11,
      suggestion: "spin-boldak",
    });
  });

  it("reports a wrong number of arguments over the whole call", () => {
    const issue = only("incidents(kp_border) > 1");
    expect(issue).toMatchObject({ code: "argument-count", column: 1 });
    expect(issue.message).toContain("incidents(zone, days) takes 2 arguments, found 1");
    expect(only("day(3) > 1")).toMatchObject({ code: "argument-count", column: 1 });
  });

  it("reports a number where an id belongs and an id where a number belongs", () => {
    expect(only("incidents(3, 30) > 1")).toMatchObject({ code: "argument-kind", column: 11 });
    expect(only("incidents(kp_border, torkham) > 1")).toMatchObject({ code: "argument-kind", column: 22 });
  });

  it("reports a true/false value passed as a number", () => {
    expect(only("max(true, 1) > 0")).toMatchObject({ code: "argument-type", column: 5 });
  });

  it("requires look-back windows to be written as numbers", () => {
    expect(only("incidents(kp_border, 10 * 3) > 1")).toMatchObject({
      code: "argument-not-literal",
      column: 22,
    });
  });

  it("rejects windows that are not whole numbers of days ≥ 1", () => {
    expect(only("incidents(kp_border, 0) > 1")).toMatchObject({ code: "argument-range", column: 22 });
    expect(only("incidents(kp_border, 7.5) > 1")).toMatchObject({ code: "argument-range", column: 22 });
    expect(only("incidents(kp_border, -7) > 1")).toMatchObject({ code: "argument-range", column: 22 });
  });

  it("suggests the closest constant for an unknown name", () => {
    expect(only("ladder(pk, af) == tenison")).toMatchObject({
      code: "unknown-name",
      column: 19,
      suggestion: "tension",
    });
    expect(only("(trust(pk, af) > 0.5) == True")).toMatchObject({
      code: "unknown-name",
      column: 26,
      suggestion: "true",
    });
  });

  it("explains that ids go inside function calls", () => {
    const issue = only("kp_border > 2");
    expect(issue).toMatchObject({ code: "id-outside-call", column: 1 });
    expect(issue.message).toContain("e.g. incidents(kp_border, 30)");
    expect(only('"spin-boldak" > 2')).toMatchObject({ code: "id-outside-call", column: 1 });
  });

  it("tells that a function name needs its parentheses", () => {
    expect(only("day > 3")).toMatchObject({ code: "missing-call", column: 1, suggestion: "day()" });
  });

  it("tells that an action does not belong in a condition", () => {
    expect(only("close(torkham)")).toMatchObject({ code: "action-in-condition", column: 1 });
  });

  it("reports both operands of trust(a, b) and 3 as not true/false", () => {
    const issues = check("trust(pk, af) and 3");
    expect(issues.map((i) => [i.code, i.column])).toEqual([
      ["type-mismatch", 1],
      ["type-mismatch", 19],
    ]);
  });

  it("reports type errors in arithmetic, comparison, equality and unary operators", () => {
    expect(only("true + 1 > 0")).toMatchObject({ code: "type-mismatch", column: 1 });
    expect(only("(1 < 2) < 3")).toMatchObject({ code: "type-mismatch", column: 1 });
    expect(only("1 == true")).toMatchObject({ code: "type-mismatch", column: 1 });
    expect(only("not 3")).toMatchObject({ code: "type-mismatch", column: 5 });
    expect(only("-true == 1")).toMatchObject({ code: "type-mismatch", column: 2 });
  });

  it("rejects a written division by zero", () => {
    expect(only("incidents(kp_border, 30) / 0 > 1")).toMatchObject({ code: "division-by-zero", column: 28 });
    expect(only("1 / -0 > 1")).toMatchObject({ code: "division-by-zero", column: 5 });
  });

  it("asks for a comparison when a condition is a number", () => {
    expect(only("trust(pk, af)")).toMatchObject({ code: "not-a-condition", column: 1 });
  });

  it("reports every problem in one pass", () => {
    expect(
      check("incidnets(kp, 30) < 5 and trust(pk, afg) > 0.5 and ladder(pk, af) == tenison").map(
        (i) => i.code,
      ),
    ).toEqual(["unknown-function", "unknown-id", "unknown-name"]);
  });

  it("does not check ids of a kind the caller did not list", () => {
    expect(checkExpression(parseExpression("incidents(anywhere, 30) > 1"), { actors: ["pk"] })).toEqual([]);
  });

  it("treats names inherited from Object.prototype as unknown", () => {
    expect(only("constructor(kp_border, 30) > 1")).toMatchObject({ code: "unknown-function" });
    expect(only("toString == 1")).toMatchObject({ code: "unknown-name" });
  });

  it("formats an issue with the caret under the typo and the suggestion after it", () => {
    const issue = only("incidnets(kp_border, 30) < 5");
    expect(formatIssue({ ...issue, file: "scenario.yaml", line: 12, path: "actors.pk.rules[0]" })).toBe(
      [
        'scenario.yaml:12:1: actors.pk.rules[0]: unknown function "incidnets"',
        "  incidnets(kp_border, 30) < 5",
        '  ^^^^^^^^^ (did you mean "incidents"?)',
      ].join("\n"),
    );
  });
});

describe("checkActions", () => {
  const checkText = (text: string) => checkActions(parseActions(text), ids);

  it("accepts every shipped action with well-formed arguments", () => {
    const text = [
      "open(torkham)",
      "close(chaman)",
      "restrict(chaman, 12)",
      "set_processing(torkham, 6)",
      "set_capacity(torkham, 1500)",
      "deport(af, 2000)",
      "stop_deport(af)",
      "strike(af)",
      "propose_cbm(af)",
      "invite_monitor(ir)",
      "invest_route(ir, 5e8)",
      "announce_project(casa1000)",
      "suspend_transit(af)",
      "resume_transit(af)",
      "mediate(pk, af)",
      "transit_fee(af, 0.1)",
    ].join("; ");
    expect(checkText(text)).toEqual([]);
    expect(Object.keys(DEFAULT_LANGUAGE.actions)).toHaveLength(16);
  });

  it("suggests the closest action for a misspelt one, at its column in the text", () => {
    expect(checkText("open(torkham); restirct(chaman, 12)")).toMatchObject([
      { code: "unknown-action", column: 16, suggestion: "restrict" },
    ]);
  });

  it("checks argument kinds, ids and ranges of actions", () => {
    expect(checkText("open(kp_border)")).toMatchObject([{ code: "wrong-id-kind", column: 6 }]);
    expect(checkText("restrict(chaman, 30)")).toMatchObject([{ code: "argument-range", column: 18 }]);
    expect(checkText("deport(af)")).toMatchObject([{ code: "argument-count", column: 1 }]);
    expect(checkText("announce_project(casa100)")).toMatchObject([
      { code: "unknown-id", suggestion: "casa1000" },
    ]);
  });

  it("tells that a condition function is not an action", () => {
    expect(checkText("incidents(kp_border, 30)")).toMatchObject([{ code: "function-as-action", column: 1 }]);
  });
});
