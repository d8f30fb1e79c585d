import { describe, expect, it } from "vitest";
import { edit, issuesOf, onlyIssue, V1, where } from "../../../test/helpers/scenario-v1.js";
import { InputError } from "../errors/index.js";
import { parseScenario } from "./index.js";

/** One misspelt reference: the edit, the path of the issue, the bad id and the id suggested. */
const DANGLING: [what: string, from: string, to: string, path: string, typo: string, suggestion: string][] = [
  [
    "a link's zone",
    "capacityVehPerDay: 1000, zone: pass",
    "capacityVehPerDay: 1000, zone: pas",
    "links[0].zone",
    "pas",
    "pass",
  ],
  ["a crossing's zone", "zone: border }", "zone: bordr }", "crossings[0].zone", "bordr", "border"],
  [
    "a link or crossing's project",
    "project: new_gate_works }",
    "project: new_gate_work }",
    "crossings[1].project",
    "new_gate_work",
    "new_gate_works",
  ],
  ["an actant's place", "at: gate }", "at: gat }", "actants[1].at", "gat", "gate"],
  ["an actant's owner", "owner: xa }", "owner: xaa }", "actants[0].owner", "xaa", "xa"],
  [
    "a sanctuary's host",
    "{ actor: xb, share",
    "{ actor: xbb, share",
    "zones[0].sanctuary.actor",
    "xbb",
    "xb",
  ],
  [
    "a zone's perpetrator",
    "perpetrator: front }",
    "perpetrator: frnt }",
    "zones[0].perpetrator",
    "frnt",
    "front",
  ],
  ["an actor's policy", "policy: xa_open }", "policy: xa_opne }", "actors[0].policy", "xa_opne", "xa_open"],
  [
    "a policy's actor",
    "    actor: xa\n    rules: [",
    "    actor: xq\n    rules: [",
    "policies[1].actor",
    "xq",
    "xa",
  ],
  ["a relation's first actor", "{ a: xa, b: xb", "{ a: ax, b: xb", "relations[0].a", "ax", "xa"],
  ["a relation's second actor", "{ a: xa, b: xb", "{ a: xa, b: xbq", "relations[0].b", "xbq", "xb"],
  [
    "a relation's mediator",
    "mediators: [broker]",
    "mediators: [brocker]",
    "relations[0].mediators[0]",
    "brocker",
    "broker",
  ],
  ["a project's sponsor", "sponsors: [xa]", "sponsors: [xx]", "projects[0].sponsors[0]", "xx", "xa"],
  [
    "a returns programme's sender",
    "{ id: ret, from: xa,",
    "{ id: ret, from: xc,",
    "returns[0].from",
    "xc",
    "xa",
  ],
  ["a returns programme's receiver", "to: xb, start", "to: xbx, start", "returns[0].to", "xbx", "xb"],
  [
    "an event's actor",
    "date: 2024-02-01, actor: xa,",
    "date: 2024-02-01, actor: ax,",
    "events[0].actor",
    "ax",
    "xa",
  ],
  [
    "an event incident's zone",
    "{ zone: pass, fatalities",
    "{ zone: paas, fatalities",
    "events[0].incident.zone",
    "paas",
    "pass",
  ],
  [
    "an event incident's attribution",
    "attributedTo: front }",
    "attributedTo: fron }",
    "events[0].incident.attributedTo",
    "fron",
    "front",
  ],
  ["a demand's owner", "owner: xa, transitVia", "owner: xaa, transitVia", "demand[0].owner", "xaa", "xa"],
  ["a demand's transit actor", "transitVia: xb }", "transitVia: xbb }", "demand[0].transitVia", "xbb", "xb"],
];

describe("references between the sections of a scenario", () => {
  it.each(DANGLING)(
    "reports a misspelt id in %s once, where it is, with the id meant",
    (_, from, to, path, typo, suggestion) => {
      const text = edit(from, to);
      const issue = onlyIssue(text);
      expect(issue).toMatchObject({
        code: "dangling-reference",
        file: "v1.yaml",
        path,
        found: `"${typo}"`,
        suggestion,
      });
      expect(issue.expected).toMatch(/^the id of a declared /);
      // The position is that of the misspelt value itself.
      const line = text.split("\n")[issue.line! - 1]!;
      expect(line.slice(issue.column! - 1).startsWith(typo)).toBe(true);
    },
  );

  it("accepts an actant standing in a zone as well as at a crossing", () => {
    const s = parseScenario(V1, "v1.yaml");
    expect(s.actants.map((a) => a.at)).toEqual(["pass", "gate"]);
  });

  it("says when the kind referred to is not declared at all", () => {
    const text = V1.replace(/actors:\n(?: {2}- .*\n){4}/, "");
    expect(text).not.toContain("actors:");
    const issues = issuesOf(text).filter((i) => i.path === "returns[0].from");
    expect(issues).toHaveLength(1);
    expect(issues[0]!.expected).toBe("the id of a declared actor, but the scenario declares no actors");
  });

  const DUPLICATES: [what: string, change: (text: string) => string, path: string, first: string][] = [
    [
      "zone",
      (t) =>
        edit(
          "actants:\n",
          "  - { id: pass, name: Other, country: XB, baselinePerDay: 0, excitationPerDay: 0, decayPerDay: 1 }\nactants:\n",
          t,
        ),
      "zones[2].id",
      "zones[0]",
    ],
    ["actant", (t) => edit("{ id: scan, name", "{ id: fence, name", t), "actants[1].id", "actants[0]"],
    [
      "actor",
      (t) => edit("policies:\n", "  - { id: front, name: Other front, kind: armed-group }\npolicies:\n", t),
      "actors[4].id",
      "actors[2]",
    ],
    ["policy", (t) => edit("  - id: xa_hard\n", "  - id: xa_open\n", t), "policies[1].id", "policies[0]"],
    [
      "project",
      (t) =>
        edit(
          "projects:\n",
          "projects:\n  - { id: new_gate_works, name: Road, kind: road, announced: 2024-01-01, declaredCapacity: 1, capacityUnit: km, constructionDays: 1 }\n",
          t,
        ),
      "projects[1].id",
      "projects[0]",
    ],
    [
      "returns programme",
      (t) =>
        edit(
          "events:\n",
          "  - { id: ret, from: xb, to: xa, start: 2024-01-01, peoplePerDay: 5 }\nevents:\n",
          t,
        ),
      "returns[1].id",
      "returns[0]",
    ],
  ];

  it.each(DUPLICATES)("reports a %s id used twice, at the second use", (what, change, path, first) => {
    expect(onlyIssue(change(V1))).toMatchObject({
      code: "duplicate-id",
      path,
      message: `duplicate ${what} id`,
      found: expect.stringContaining(`already used by ${first}`),
    });
  });

  it("keeps ids of different kinds apart: a zone and an actor may share an id", () => {
    const text = edit("{ id: broker, name: Broker", "{ id: border, name: Broker").replace(
      "mediators: [broker]",
      "mediators: [border]",
    );
    expect(parseScenario(text, "v1.yaml").actors[3]!.id).toBe("border");
  });

  it("requires an actor's default policy to be one of its own, suggesting its closest own policy", () => {
    const text = edit(
      "{ id: xb, name: XB, kind: state, country: XB }",
      "{ id: xb, name: XB, kind: state, country: XB, policy: xa_hard }",
    ).replace("policies:\n", "policies:\n  - { id: xb_hard, actor: xb }\n");
    const issue = onlyIssue(text);
    expect(issue).toMatchObject({
      code: "policy-of-another-actor",
      path: "actors[1].policy",
      ...where(text, "xa_hard }"),
      found: '"xa_hard"',
      expected: "one of xb's policies: xb_hard",
      suggestion: "xb_hard",
    });
    expect(issue.message).toContain('belongs to actor "xa"');
  });

  it("rejects a relation of an actor with itself, a pair given twice in either order, and a party as mediator", () => {
    expect(onlyIssue(edit("{ a: xa, b: xb", "{ a: xa, b: xa"))).toMatchObject({
      code: "self-loop",
      path: "relations[0].b",
    });
    const twice = edit(
      "  - { a: xa, b: xb, mediators: [broker] }\n",
      "  - { a: xa, b: xb, mediators: [broker] }\n  - { a: xb, b: xa }\n",
    );
    expect(onlyIssue(twice)).toMatchObject({
      code: "duplicate-relation",
      path: "relations[1]",
      found: '"xb" and "xa", already given by relations[0]',
    });
    expect(onlyIssue(edit("mediators: [broker]", "mediators: [broker, xb]"))).toMatchObject({
      code: "mediator-is-party",
      path: "relations[0].mediators[1]",
    });
  });

  it("rejects returns sent by an actor to itself", () => {
    expect(onlyIssue(edit("from: xa, to: xb, start", "from: xa, to: xa, start"))).toMatchObject({
      code: "self-loop",
      path: "returns[0].to",
    });
  });

  it("reports every broken reference of a file at once, in file order, each with line and column", () => {
    const text = [
      ["capacityVehPerDay: 1000, zone: pass", "capacityVehPerDay: 1000, zone: pas"],
      ["at: gate }", "at: gat }"],
      ["sponsors: [xa]", "sponsors: [xx]"],
      ["attributedTo: front }", "attributedTo: fron }"],
    ].reduce((t, [a, b]) => edit(a!, b!, t), V1);
    let error: unknown;
    try {
      parseScenario(text, "v1.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const issues = (error as InputError).issues;
    expect(issues.map((i) => [i.path, i.suggestion])).toEqual([
      ["links[0].zone", "pass"],
      ["actants[1].at", "gate"],
      ["projects[0].sponsors[0]", "xa"],
      ["events[0].incident.attributedTo", "front"],
    ]);
    const lines = (error as InputError).message.split("\n");
    expect(lines[1]).toBe(
      `v1.yaml:${where(text, "at: gat").line}:${where(text, "gat }").column}: actants[1].at: unknown crossing or zone: expected the id of a declared crossing or zone, found "gat" (did you mean "gate"?)`,
    );
  });
});
