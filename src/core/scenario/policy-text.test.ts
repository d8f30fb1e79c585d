import { describe, expect, it } from "vitest";
import { edit, issuesOf, onlyIssue, V1, where } from "../../../test/helpers/scenario-v1.js";
import { InputError } from "../errors/index.js";
import { parseScenario, validateScenario } from "./index.js";

describe("policy text in a scenario", () => {
  it("points a typo in a rule's condition at its line and column in the file, suggesting the zone meant", () => {
    const text = edit("when incidents(pass, 30) > 5", "when incidents(pas, 30) > 5");
    const issue = onlyIssue(text);
    expect(issue).toMatchObject({
      code: "unknown-id",
      file: "v1.yaml",
      path: "policies[0].rules[0]",
      ...where(text, "pas, 30"),
      suggestion: "pass",
    });
    expect(new InputError(issue).message).toBe(
      [
        `v1.yaml:${where(text, "pas, 30").line}:${where(text, "pas, 30").column}: policies[0].rules[0]: incidents(zone, days): argument 1 (zone): unknown zone "pas"`,
        "  when incidents(pas, 30) > 5 then close(gate)",
        '                 ^^^ (did you mean "pass"?)',
      ].join("\n"),
    );
  });

  it("finds the position inside a quoted rule and inside a rule folded over several lines", () => {
    const quoted = edit("when trust(xa, xb) < 0.2", "when trust(xa, xc) < 0.2");
    expect(onlyIssue(quoted)).toMatchObject({
      code: "unknown-id",
      path: "policies[1].rules[0]",
      ...where(quoted, "xc) < 0.2"),
      suggestion: "xa",
    });
    const folded = edit(
      "      - when incidents(pass, 30) > 5 then close(gate)\n",
      "      - >-\n        when incidents(pass, 30) > 5\n        then close(gat)\n",
    );
    expect(onlyIssue(folded)).toMatchObject({
      code: "unknown-id",
      path: "policies[0].rules[0]",
      ...where(folded, "gat)"),
      suggestion: "gate",
    });
  });

  it("keeps the language's caret snippet for a syntax error, under the rule's path", () => {
    const text = edit("when incidents(pass, 30) > 5", "when incidents(pass, 30) >");
    const issue = onlyIssue(text);
    const at = where(text, "> then close");
    expect(issue).toMatchObject({
      code: "unexpected-token",
      path: "policies[0].rules[0]",
      line: at.line,
      column: at.column + "> ".length,
    });
    expect(issue.message).toContain("\n  when incidents(pass, 30) > then close(gate)\n");
    expect(issue.message).toMatch(/\n {29}\^{4}$/);
  });

  it("checks stage benchmarks and actions, naming the stage and its exitActions as the file spells them", () => {
    const text = edit('exitActions: ["restrict(gate, 12)"]', 'exitActions: ["restrict(gaet, 30)"]');
    const issues = issuesOf(text);
    expect(issues.map((i) => [i.code, i.path, i.suggestion])).toEqual([
      ["unknown-id", "policies[0].programme.stages[1].exitActions[0]", "gate"],
      ["argument-range", "policies[0].programme.stages[1].exitActions[0]", undefined],
    ]);
    expect(issues[0]).toMatchObject(where(text, "gaet"));
    const at = where(text, "gaet, 30)");
    expect(issues[1]).toMatchObject({ line: at.line, column: at.column + "gaet, ".length });
  });

  it("still checks the names in the other stages when one stage has a syntax error", () => {
    const text = edit(
      "enter: incidents(pass, 30) < 2 for 30 days",
      "enter: incidents(pass, 30) < 2 for 30",
    ).replace("enter: trust(xa, xb) > 0.6", "enter: trust(xa, bx) > 0.6");
    expect(issuesOf(text).map((i) => [i.code, i.path])).toEqual([
      ["bad-for-days", "policies[0].programme.stages[0].enter"],
      ["unknown-id", "policies[0].programme.stages[1].enter"],
    ]);
  });

  it("reports two stages of one programme with the same name", () => {
    expect(onlyIssue(edit("        - name: second", "        - name: first"))).toMatchObject({
      code: "duplicate-stage",
      path: "policies[0].programme.stages[1].name",
    });
  });

  it("checks a project's condition, which takes no `for N days` clause", () => {
    const typo = edit("condition: trust(xa, xb) > 0.5", "condition: trust(xa, xbb) > 0.5");
    expect(onlyIssue(typo)).toMatchObject({
      code: "unknown-id",
      path: "projects[0].condition",
      ...where(typo, "xbb"),
      suggestion: "xb",
    });
    const timed = edit("condition: trust(xa, xb) > 0.5", "condition: trust(xa, xb) > 0.5 for 30 days");
    expect(onlyIssue(timed)).toMatchObject({ code: "unexpected-token", path: "projects[0].condition" });
  });

  it("checks a forced event's actions, and says when an id is of the wrong kind", () => {
    const text = edit("actions: [close(gate)]", "actions: [close(gatte)]");
    expect(onlyIssue(text)).toMatchObject({
      code: "unknown-id",
      path: "events[0].actions[0]",
      ...where(text, "gatte)]"),
      suggestion: "gate",
    });
    const kind = onlyIssue(edit("actions: [close(gate)]", "actions: [close(pass)]"));
    expect(kind).toMatchObject({ code: "wrong-id-kind", path: "events[0].actions[0]" });
    expect(kind.message).toContain('"pass" is a zone');
  });

  it("rejects a forced event without an actor whose action needs one, and accepts those that do not", () => {
    const text = edit("actor: xa, actions: [close(gate)]", 'actions: [close(gate), "deport(xb, 100)"]');
    expect(onlyIssue(text)).toMatchObject({
      code: "needs-actor",
      path: "events[0].actions[1]",
      ...where(text, 'gate), "deport'),
      column: where(text, 'gate), "deport').column + 8,
    });
    expect(onlyIssue(text).message).toContain("give the event an actor");
    // Closing a crossing needs no one: without deport the same event is valid.
    expect(() =>
      parseScenario(edit("actor: xa, actions: [close(gate)]", "actions: [close(gate)]"), "s.yaml"),
    ).not.toThrow();
    expect(() =>
      parseScenario(edit("actions: [close(gate)]", 'actions: ["deport(xb, 100)"]'), "s.yaml"),
    ).not.toThrow();
  });

  it("reports default programmes that wait on each other's stages, at the first actor's policy", () => {
    const cyclic = edit("enter: trust(xa, xb) > 0.6", "enter: stage(xb) >= 1")
      .replace(
        "{ id: xb, name: XB, kind: state, country: XB }",
        "{ id: xb, name: XB, kind: state, country: XB, policy: xb_wait }",
      )
      .replace(
        "relations:\n",
        '  - { id: xb_wait, actor: xb, programme: { stages: [{ name: one, enter: "stage(xa) >= 2" }] } }\nrelations:\n',
      );
    const issue = onlyIssue(cyclic);
    expect(issue).toMatchObject({ code: "stage-cycle", path: "policies[0].programme" });
    expect(issue.message).toContain("xa → xb → xa");
    // The same programmes are fine when xb does not follow its programme by default.
    const notDefault = cyclic.replace(", policy: xb_wait }", " }");
    expect(parseScenario(notDefault, "v1.yaml").policies[2]!.id).toBe("xb_wait");
  });

  it("reports policy-text issues with paths but no lines for data given in memory", () => {
    const data = JSON.parse(JSON.stringify(parseScenario(V1, "v1.yaml"))) as {
      policies: { rules: string[] }[];
    };
    data.policies[0]!.rules[0] = "when incidents(pas, 30) > 5 then close(gate)";
    try {
      validateScenario(data);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const [issue] = (error as InputError).issues;
      expect(issue).toMatchObject({ code: "unknown-id", path: "policies[0].rules[0]", suggestion: "pass" });
      expect(issue).not.toHaveProperty("line");
      expect(issue!.message).toContain("^^^");
    }
  });
});

describe("policy text left blank", () => {
  it("is reported once, by the schema, not again as a syntax error", () => {
    const text = edit("      - when incidents(pass, 30) > 5 then close(gate)\n", '      - "  "\n');
    expect(onlyIssue(text)).toMatchObject({ code: "invalid-format", path: "policies[0].rules[0]" });
    expect(onlyIssue(edit("enter: trust(xa, xb) > 0.6", 'enter: ""'))).toMatchObject({
      code: "invalid-format",
      path: "policies[0].programme.stages[1].enter",
    });
  });
});
