import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { edit, issuesOf, onlyIssue, V1, where } from "../../../test/helpers/scenario-v1.js";
import { loadScenario, MODEL_DEFAULTS, parseScenario } from "./index.js";

const V0 = `name: Network only
nodes:
  - { id: a, name: A, kind: city, country: XA, lon: 1, lat: 2, zone: true }
  - { id: b, name: B, kind: city, country: XB, lon: 2, lat: 2, zone: true }
links:
  - { id: ab, from: a, to: b, mode: road, lengthKm: 5, freeFlowHours: 1, capacityVehPerDay: 9, zone: any label }
demand:
  - { origin: a, destination: b, vehiclesPerDay: 1, valueUsdPerVehicle: 1, owner: XA }
`;

describe("scenario sections of format v1", () => {
  it("reads a file using every section with no issues", () => {
    const s = parseScenario(V1, "v1.yaml");
    expect(s.zones.map((z) => z.id)).toEqual(["pass", "border"]);
    expect(s.actants.map((a) => a.id)).toEqual(["fence", "scan"]);
    expect(s.actors.map((a) => a.kind)).toEqual(["state", "state", "armed-group", "mediator"]);
    expect(s.policies.map((p) => p.id)).toEqual(["xa_open", "xa_hard"]);
    expect(s.crossings[1]!.project).toBe("new_gate_works");
    expect(s.demand[0]).toMatchObject({ owner: "xa", transitVia: "xb" });
    expect(s.events[0]!.incident).toEqual({ zone: "pass", fatalities: 3, attributedTo: "front" });
  });

  it("fills the documented defaults of zones, actants and actors", () => {
    const s = parseScenario(V1, "v1.yaml");
    expect(s.zones[1]).toEqual({
      id: "border",
      name: "Border",
      country: "XA",
      baselinePerDay: 0.01,
      excitationPerDay: 0,
      decayPerDay: 1,
      fatalityShape: 2,
      fatalityScale: 1,
      majorFatalities: 10,
      linkHitProbability: 0.05,
      damageShare: 0.5,
      damageDays: 3,
    });
    expect(s.actants[1]).toEqual({
      id: "scan",
      name: "Scanner",
      kind: "scanner",
      at: "gate",
      completion: 1,
      interdiction: 0,
      detection: 0,
      processingHoursAdded: 0,
      capacityFactor: 1,
      costUsdPerDay: 0,
    });
    expect(s.actors[1]).toEqual({
      id: "xb",
      name: "XB",
      kind: "state",
      country: "XB",
      patienceDays: 90,
      enforcement: 0.2,
      monitorStrength: 0,
      complianceCostUsd: 1e8,
    });
  });

  it("fills the defaults of policies, stages, relations, projects and events", () => {
    const s = parseScenario(V1, "v1.yaml");
    expect(s.policies[1]).toEqual({
      id: "xa_hard",
      actor: "xa",
      description: "",
      rules: ["when trust(xa, xb) < 0.2 then close(gate); deport(xb, 100)"],
    });
    expect(s.policies[0]!.programme!.stages[0]).toEqual({
      name: "first",
      description: "",
      enter: "incidents(pass, 30) < 2 for 30 days",
      actions: ["open(gate)"],
      exitActions: [],
    });
    expect(s.relations[0]).toEqual({
      a: "xa",
      b: "xb",
      trustAB: 0.5,
      trustBA: 0.5,
      ladder: "normal",
      verification: 0.3,
      mediators: ["broker"],
    });
    expect(s.projects[0]).toMatchObject({ status: "announced", builtDays: 0, sponsors: ["xa"] });
    const bare = parseScenario(
      edit("    sponsors: [xa]\n", "").replace(
        "actions: [close(gate)], incident: { zone: pass, fatalities: 3, attributedTo: front }, ",
        "",
      ),
      "v1.yaml",
    );
    expect(bare.projects[0]!.sponsors).toEqual([]);
    expect(bare.events[0]).toEqual({ date: "2024-02-01", actor: "xa", actions: [], note: "An attack." });
  });

  it("keeps a v0 file valid: no zones (so free zone labels), free demand owners, empty sections, default model", () => {
    const { scenario, parameters } = loadScenario(V0, "v0.yaml");
    expect(scenario.links[0]!.zone).toBe("any label");
    expect(scenario.demand[0]!.owner).toBe("XA");
    for (const key of [
      "zones",
      "actants",
      "actors",
      "policies",
      "relations",
      "projects",
      "returns",
      "events",
    ])
      expect(scenario[key as keyof typeof scenario], key).toEqual([]);
    expect(scenario.model).toEqual(MODEL_DEFAULTS);
    const model = parameters.filter((p) => p.path.startsWith("model."));
    expect(model.length).toBeGreaterThan(0);
    expect(model.every((p) => p.kind === "default")).toBe(true);
  });

  it("fills the rest of a model group when a file sets one of its parameters", () => {
    const text = `${V0}model:\n  trust: { etaUp: { value: 0.1, assumption: true, range: [0.02, 0.2] } }\n`;
    const { scenario, parameters } = loadScenario(text, "v0.yaml");
    expect(scenario.model.trust).toEqual({ ...MODEL_DEFAULTS.trust, etaUp: 0.1 });
    expect(scenario.model.queue).toEqual(MODEL_DEFAULTS.queue);
    expect(parameters.find((p) => p.path === "model.trust.etaUp")).toMatchObject({ kind: "assumed" });
    expect(parameters.find((p) => p.path === "model.trust.etaDown")).toMatchObject({ kind: "default" });
  });
});

describe("the two-routes example", () => {
  it("loads with no issues and shows every section of the format", () => {
    const text = readFileSync(
      new URL("../../../scenarios/examples/two-routes.yaml", import.meta.url),
      "utf8",
    );
    const s = parseScenario(text, "two-routes.yaml");
    expect(s.zones.map((z) => z.id)).toEqual(["pass_zone", "gate_zone"]);
    expect(s.actants).toHaveLength(1);
    expect(s.actors.map((a) => [a.id, a.kind])).toEqual([
      ["xa", "state"],
      ["xb", "state"],
      ["hill_front", "armed-group"],
      ["broker", "mediator"],
    ]);
    expect(s.policies.filter((p) => p.actor === "xa")).toHaveLength(2);
    expect(s.policies.find((p) => p.id === s.actors[0]!.policy)!.programme!.stages.length).toBeGreaterThan(1);
    expect(s.relations).toHaveLength(1);
    const built = s.crossings.find((c) => c.project !== undefined)!;
    expect(s.projects.map((p) => p.id)).toEqual([built.project]);
    expect(s.returns).toHaveLength(1);
    expect(s.events).toHaveLength(1);
  });
});

describe("numbers and dates of the v1 sections", () => {
  it("rejects a negative capacity", () => {
    const text = edit("capacityVehPerDay: 1000, zone: pass", "capacityVehPerDay: -40, zone: pass");
    expect(onlyIssue(text)).toMatchObject({
      code: "out-of-range",
      path: "links[0].capacityVehPerDay",
      ...where(text, "-40"),
      expected: "a positive number (vehicles/day)",
      found: "-40",
    });
  });

  it("rejects a probability of 1.5, naming the interval", () => {
    const text = edit("decayPerDay: 1 }", "decayPerDay: 1, linkHitProbability: 1.5 }");
    expect(onlyIssue(text)).toMatchObject({
      code: "out-of-range",
      path: "zones[1].linkHitProbability",
      ...where(text, "1.5"),
      expected: "a number from 0 to 1",
      found: "1.5",
    });
  });

  it("rejects a share above 1 in a nested object and in the model parameters", () => {
    expect(onlyIssue(edit("share: 0.5", "share: 2"))).toMatchObject({
      code: "out-of-range",
      path: "zones[0].sanctuary.share",
    });
    expect(onlyIssue(`${V1}model: { queue: { joinShare: 1.2 } }\n`)).toMatchObject({
      code: "out-of-range",
      path: "model.queue.joinShare",
      found: "1.2",
    });
  });

  it("rejects an explosive Hawkes zone: branching ratio excitation/decay of 1 or more", () => {
    const text = edit("excitationPerDay: 0.2, decayPerDay: 0.5", "excitationPerDay: 0.5, decayPerDay: 0.5");
    expect(onlyIssue(text)).toMatchObject({
      code: "branching-ratio",
      path: "zones[0].excitationPerDay",
      ...where(text, "0.5, decayPerDay"),
      found: "0.5/0.5 = 1",
    });
    expect(onlyIssue(edit("excitationPerDay: 0.2,", "excitationPerDay: 0.9,")).found).toBe("0.9/0.5 = 1.8");
  });

  it("rejects assumption ranges that allow an explosive zone, though the values themselves do not", () => {
    const text = edit(
      "decayPerDay: 0.5,",
      "decayPerDay: { value: 0.5, assumption: true, range: [0.15, 1] },",
    );
    expect(onlyIssue(text)).toMatchObject({
      code: "branching-ratio",
      path: "zones[0].excitationPerDay",
      found: "highest excitationPerDay / lowest decayPerDay = 0.2/0.15 = 1.333",
    });
  });

  it("rejects an impossible date and a returns programme that ends before it starts", () => {
    expect(onlyIssue(edit("start: 2024-01-01", "start: 2024-02-30"))).toMatchObject({
      code: "invalid-format",
      path: "returns[0].start",
      expected: "a date as YYYY-MM-DD",
    });
    const text = edit("end: 2024-06-30", "end: 2023-12-31");
    expect(onlyIssue(text)).toMatchObject({
      code: "date-order",
      path: "returns[0].end",
      ...where(text, "2023-12-31"),
      expected: "a date on or after start (2024-01-01)",
      found: "2023-12-31",
    });
  });

  it("rejects more construction days built than the project takes", () => {
    expect(
      onlyIssue(edit("    constructionDays: 365\n", "    constructionDays: 365\n    builtDays: 400\n")),
    ).toMatchObject({ code: "out-of-range", path: "projects[0].builtDays", found: "400" });
  });

  it("rejects ladder rungs, kinds and statuses outside their sets, with the nearest suggested", () => {
    expect(onlyIssue(edit("{ a: xa, b: xb,", "{ a: xa, b: xb, ladder: clash,"))).toMatchObject({
      code: "invalid-value",
      path: "relations[0].ladder",
      suggestion: "clashes",
    });
    expect(onlyIssue(edit("kind: armed-group", "kind: armed_group"))).toMatchObject({
      code: "invalid-value",
      path: "actors[2].kind",
      suggestion: "armed-group",
    });
  });

  it("suggests exitActions for the policy language's spelling exit_actions", () => {
    const text = edit("exitActions:", "exit_actions:");
    expect(onlyIssue(text)).toMatchObject({
      code: "unknown-field",
      path: "policies[0].programme.stages[1].exit_actions",
      ...where(text, "exit_actions"),
      suggestion: "exitActions",
    });
  });

  it("requires at least one stage in a programme and the fields without defaults", () => {
    const empty = edit('    rules: ["when trust', '    programme: { stages: [] }\n    rules: ["when trust');
    expect(onlyIssue(empty)).toMatchObject({
      code: "too-few-items",
      path: "policies[1].programme.stages",
      expected: "a non-empty list of stages",
      found: "an empty list",
    });
    const issues = issuesOf(edit("baselinePerDay: 0.01, ", ""));
    expect(issues.map((i) => [i.code, i.path])).toEqual([["missing-field", "zones[1].baselinePerDay"]]);
  });
});

describe("units in the messages about the v1 sections", () => {
  it.each([
    ["patienceDays", "policy: xa_open }", "policy: xa_open, patienceDays: -1 }", "a number ≥ 0 (days)"],
    ["baselinePerDay", "baselinePerDay: 0.01,", "baselinePerDay: -0.01,", "a number ≥ 0 (incidents/day)"],
    ["peoplePerDay", "peoplePerDay: 100", "peoplePerDay: -5", "a number ≥ 0 (people/day)"],
    ["fatalities", "fatalities: 3,", "fatalities: -3,", "a whole number ≥ 0 (people)"],
  ])("gives the unit of %s when it is out of range", (_, from, to, expected) => {
    expect(onlyIssue(edit(from, to))).toMatchObject({ code: "out-of-range", expected });
  });
});
