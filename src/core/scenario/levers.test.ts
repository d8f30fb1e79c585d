import { describe, expect, it } from "vitest";
import { toyData } from "../../../test/engine/scenarios.js";
import { simulate } from "../engine/index.js";
import { InputError, type InputIssue } from "../errors/index.js";
import { validateScenario } from "./parse.js";

const withPolicy = (levers: Record<string, unknown>, rules: string[]) =>
  toyData({ extra: { levers, policies: [{ id: "p", actor: "xa", rules }] } });

function issues(data: unknown): InputIssue[] {
  try {
    validateScenario(data);
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  return [];
}

describe("scenario levers", () => {
  it("let policy text name a number that carries its range, and count it as a parameter", () => {
    const data = withPolicy({ shut_after: { value: 3, assumption: true, range: [1, 10] }, hold: 2 }, [
      "when day() >= shut_after for hold days then close(main_gate)",
    ]);
    const { scenario, parameters } = validateScenario(data);
    expect(scenario.levers).toEqual({ shut_after: 3, hold: 2 });
    expect(parameters.find((p) => p.path === "levers.shut_after")).toMatchObject({
      kind: "assumed",
      range: [1, 10],
    });
    // Closed from day 4 (day 3 and day 4 hold the condition).
    const open = simulate(scenario, { seed: 1, days: 8, policies: ["p"] }).series.values[
      "open_share.main_gate"
    ]!;
    expect(Array.from(open)).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
    const later = validateScenario(
      withPolicy({ shut_after: 5, hold: 2 }, [
        "when day() >= shut_after for hold days then close(main_gate)",
      ]),
    ).scenario;
    const open2 = simulate(later, { seed: 1, days: 8, policies: ["p"] }).series.values[
      "open_share.main_gate"
    ]!;
    expect(Array.from(open2)).toEqual([1, 1, 1, 1, 1, 1, 0, 0]);
  });

  it("reports an unknown lever in policy text at its path, with the closest lever suggested", () => {
    const found = issues(withPolicy({ shut_after: 3 }, ["when day() >= shut_aftre then close(main_gate)"]));
    expect(found[0]).toMatchObject({
      path: "policies[0].rules[0]",
      code: "unknown-name",
      suggestion: "shut_after",
    });
  });

  it("rejects lever names that policy text could not write bare or that shadow the language", () => {
    const found = issues(withPolicy({ "two words": 1, close: 2, tension: 3, border: 4 }, []));
    expect(found.map((i) => [i.path, i.code])).toEqual([
      ["levers.two words", "bad-lever-name"],
      ["levers.close", "lever-name-taken"],
      ["levers.tension", "lever-name-taken"],
      ["levers.border", "lever-name-taken"],
    ]);
  });
});
