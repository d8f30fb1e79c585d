import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError, type InputIssue } from "../errors/index.js";
import { parseScenario } from "./index.js";

const EXAMPLE = new URL("../../../scenarios/examples/two-routes.yaml", import.meta.url);

// A small valid scenario. The error tests below edit one line of it and rely on these line numbers:
// 8 `- id: west_road`, 12 lengthKm, 14 capacityVehPerDay, 15 east_road, 17 the crossing, 19 the demand.
const BASE = `name: Test
nodes:
  - { id: west, name: West, kind: city, country: XA, lon: 60, lat: 33, zone: true }
  - { id: gate_xa, name: Gate XA, kind: crossing-side, country: XA, lon: 61, lat: 33 }
  - { id: gate_xb, name: Gate XB, kind: crossing-side, country: XB, lon: 61.1, lat: 33 }
  - { id: east, name: East, kind: city, country: XB, lon: 62, lat: 33, zone: true }
links:
  - id: west_road
    from: west
    to: gate_xa
    mode: road
    lengthKm: 100
    freeFlowHours: 2
    capacityVehPerDay: 1000
  - { id: east_road, from: gate_xb, to: east, mode: road, lengthKm: 50, freeFlowHours: 1, capacityVehPerDay: 1000 }
crossings:
  - { id: gate, name: Gate, from: gate_xa, to: gate_xb, capacityVehPerDay: 500, processingHours: 3 }
demand:
  - { origin: west, destination: east, vehiclesPerDay: 100, valueUsdPerVehicle: 20000 }
`;

/** BASE with one exact piece of text replaced (the piece must occur). */
function edit(from: string, to: string, text = BASE): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

function issuesOf(text: string, file = "test.yaml"): InputIssue[] {
  try {
    parseScenario(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues;
  }
  throw new Error("expected an InputError");
}

function onlyIssue(text: string): InputIssue {
  const issues = issuesOf(text);
  expect(issues).toHaveLength(1);
  return issues[0]!;
}

describe("parseScenario on valid files", () => {
  it("parses the two-routes example with no issues and resolves every number", () => {
    const s = parseScenario(readFileSync(EXAMPLE, "utf8"), "two-routes.yaml");
    expect(s.name).toBe("Two routes, one crossing");
    expect(s.start).toBe("2024-01-01");
    expect(s.nodes.map((n) => n.id)).toEqual(["westtown", "pass_foot", "gate_xa", "gate_xb", "easttown"]);
    expect(s.links.map((l) => l.id)).toEqual([
      "valley_road",
      "pass_road_west",
      "pass_road_east",
      "east_highway",
    ]);
    expect(s.generalizedCost).toEqual({ valueOfTimeUsdPerHour: 10, costPerKmUsd: 1 });
    expect(s.crossings[0]).toEqual({
      id: "friendship_gate",
      name: "Friendship Gate",
      from: "gate_xa",
      to: "gate_xb",
      status: "restricted",
      hoursOpenPerDay: 12,
      capacityVehPerDay: 800,
      processingHours: 4,
      feeUsd: 20,
      mode: "road",
      bprB: 0.15,
      bprPower: 4,
      zone: "gate_zone",
      bidirectional: true,
    });
    expect(s.crossings[1]).toMatchObject({
      id: "cargo_terminal",
      status: "closed",
      project: "cargo_terminal_works",
    });
    expect(s.demand[1]).toEqual({
      origin: "easttown",
      destination: "westtown",
      vehiclesPerDay: 150,
      valueUsdPerVehicle: 9000,
      perishable: true,
      growthPerYear: 0,
      owner: "xb",
      reservationCostUsd: 3000,
    });
  });

  it("fills documented defaults for fields left out", () => {
    const s = parseScenario(BASE, "base.yaml");
    expect(s.description).toBe("");
    expect(s.generalizedCost).toEqual({ valueOfTimeUsdPerHour: 10, costPerKmUsd: 1 });
    expect(s.nodes[1]).toMatchObject({ zone: false, noThrough: false });
    expect(s.links[0]).toMatchObject({ bprB: 0.15, bprPower: 4, feeUsd: 0, bidirectional: true });
    expect(s.links[0]).not.toHaveProperty("zone");
    expect(s.crossings[0]).toMatchObject({ status: "open", mode: "road", feeUsd: 0 });
    expect(s.crossings[0]).not.toHaveProperty("hoursOpenPerDay");
    expect(s.demand[0]).toMatchObject({ perishable: false, growthPerYear: 0 });
  });

  it("reads JSON through the same parser", () => {
    const json = JSON.stringify({
      name: "J",
      nodes: [
        { id: "a", name: "A", kind: "city", country: "XA", lon: 1, lat: 2, zone: true },
        { id: "b", name: "B", kind: "city", country: "XA", lon: 2, lat: 2, zone: true },
      ],
      links: [
        { id: "ab", from: "a", to: "b", mode: "rail", lengthKm: 5, freeFlowHours: 0.1, capacityVehPerDay: 9 },
      ],
    });
    const s = parseScenario(json, "j.json");
    expect(s.links[0]).toMatchObject({ mode: "rail", lengthKm: 5, capacityVehPerDay: 9 });
    expect(s.crossings).toEqual([]);
    expect(s.demand).toEqual([]);
  });
});

describe("parseScenario on invalid files", () => {
  it("names an unknown field, where it is, and the field meant, without echoing it as missing", () => {
    const issue = onlyIssue(edit("    capacityVehPerDay: 1000\n", "    capacity: 1000\n"));
    expect(issue).toMatchObject({
      code: "unknown-field",
      file: "test.yaml",
      line: 14,
      column: 5,
      path: "links[0].capacity",
      suggestion: "capacityVehPerDay",
    });
  });

  it("still reports a missing field when the unknown field next to it is something else", () => {
    const issues = issuesOf(edit("    capacityVehPerDay: 1000\n", "    colour: red\n"));
    expect(issues.map((i) => [i.code, i.path, i.line, i.column])).toEqual([
      ["missing-field", "links[0].capacityVehPerDay", 8, 5],
      ["unknown-field", "links[0].colour", 14, 5],
    ]);
  });

  it("suggests the closest field name for a typo inside a cited number", () => {
    const issues = issuesOf(edit("lengthKm: 100", "lengthKm: { value: 100, sourse: report, date: 2020 }"));
    expect(issues.find((i) => i.code === "unknown-field")).toMatchObject({
      path: "links[0].lengthKm.sourse",
      suggestion: "source",
      line: 12,
      column: 29,
    });
  });

  it("reports a link to an undeclared node with the closest existing id", () => {
    const issue = onlyIssue(edit("    to: gate_xa\n", "    to: gate_xc\n"));
    expect(issue).toMatchObject({
      code: "dangling-reference",
      path: "links[0].to",
      line: 10,
      column: 9,
      found: '"gate_xc"',
      suggestion: "gate_xa",
    });
  });

  it("reports demand from an unknown node", () => {
    const issue = onlyIssue(edit("origin: west,", "origin: wset,"));
    expect(issue).toMatchObject({
      code: "dangling-reference",
      path: "demand[0].origin",
      line: 19,
      column: 15,
      suggestion: "west",
    });
  });

  it("rejects a negative capacity with the unit in the expectation", () => {
    const issue = onlyIssue(edit("    capacityVehPerDay: 1000\n", "    capacityVehPerDay: -40\n"));
    expect(issue).toMatchObject({
      code: "out-of-range",
      path: "links[0].capacityVehPerDay",
      line: 14,
      column: 24,
      expected: "a positive number (vehicles/day)",
      found: "-40",
    });
    expect(new InputError(issue).message).toBe(
      "test.yaml:14:24: links[0].capacityVehPerDay: expected a positive number (vehicles/day), found -40",
    );
  });

  it("rejects text where a number is expected", () => {
    const issue = onlyIssue(edit("lengthKm: 100", 'lengthKm: "100 km"'));
    expect(issue).toMatchObject({ code: "wrong-type", path: "links[0].lengthKm", line: 12, column: 15 });
    expect(issue.expected).toMatch(/^a number ≥ 0 \(km\)/);
    expect(issue.found).toBe('"100 km"');
  });

  it("rejects a value outside its allowed interval, naming the interval", () => {
    const issue = onlyIssue(edit("lon: 62,", "lon: 200,"));
    expect(issue).toMatchObject({
      code: "out-of-range",
      path: "nodes[3].lon",
      line: 6,
      expected: "a number from -180 to 180 (degrees)",
      found: "200",
    });
  });

  it("rejects a word outside an enumeration and suggests the nearest one", () => {
    const issue = onlyIssue(edit("    mode: road\n", "    mode: raod\n"));
    expect(issue).toMatchObject({
      code: "invalid-value",
      path: "links[0].mode",
      line: 11,
      suggestion: "road",
    });
  });

  it("reports duplicate node ids and a link id reused by a crossing", () => {
    const text = edit(
      "id: gate_xb, name",
      "id: gate_xa, name",
      edit("id: gate, name", "id: west_road, name"),
    );
    const issues = issuesOf(text).filter((i) => i.code === "duplicate-id");
    expect(issues.map((i) => [i.path, i.line])).toEqual([
      ["nodes[2].id", 5],
      ["crossings[0].id", 17],
    ]);
    expect(issues[1]!.found).toBe('"west_road", already used by links[0]');
  });

  it("rejects an assumed value outside its own range, pointing at the value", () => {
    const issue = onlyIssue(
      edit("lengthKm: 100", "lengthKm: { value: 100, assumption: true, range: [20, 80] }"),
    );
    expect(issue).toMatchObject({
      code: "outside-assumption-range",
      path: "links[0].lengthKm.value",
      line: 12,
      column: 24,
      expected: "a value within [20, 80]",
      found: "100",
    });
  });

  it("rejects an assumption range whose ends are reversed or break the field's constraint", () => {
    expect(
      onlyIssue(edit("lengthKm: 100", "lengthKm: { value: 50, assumption: true, range: [80, 20] }")),
    ).toMatchObject({
      code: "invalid-range",
      path: "links[0].lengthKm.range",
    });
    expect(
      onlyIssue(edit("lengthKm: 100", "lengthKm: { value: 50, assumption: true, range: [-5, 80] }")),
    ).toMatchObject({ code: "out-of-range", path: "links[0].lengthKm.range[0]" });
  });

  it("explains a number object that is neither cited nor assumed", () => {
    const issue = onlyIssue(edit("lengthKm: 100", "lengthKm: { value: 100 }"));
    expect(issue.code).toBe("wrong-type");
    expect(issue.expected).toContain(
      "{ value, source, date } or { value, assumption: true, range: [low, high] }",
    );
    expect(issue.found).toBe("an object with fields value");
  });

  it("reports a YAML syntax error with its line and column and nothing else", () => {
    const issues = issuesOf(edit("    from: west\n", "    from: [west\n"));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.code === "yaml-syntax")).toBe(true);
    expect(issues[0]).toMatchObject({ file: "test.yaml", line: 10 });
    expect(issues[0]!.column).toBeGreaterThan(0);
  });

  it("reports a key given twice as a YAML error at the second one", () => {
    const issue = onlyIssue(edit("    mode: road\n", "    mode: road\n    mode: rail\n"));
    expect(issue).toMatchObject({ code: "yaml-syntax", line: 12, column: 5 });
    expect(issue.message).toContain("DUPLICATE_KEY");
  });

  it("reports every issue of a file at once, in file order", () => {
    const text = [
      ["lon: 60,", 'lon: "west",'],
      ["    to: gate_xa\n", "    to: nowhere\n"],
      ["    capacityVehPerDay: 1000\n", "    capacityVehPerDay: 0\n"],
      ["processingHours: 3 }", "processingHours: 3, colour: red }"],
      ["valueUsdPerVehicle: 20000", "valueUsdPerVehicle: -1"],
    ].reduce((t, [a, b]) => edit(a!, b!, t), BASE);
    const issues = issuesOf(text);
    expect(issues.map((i) => [i.code, i.path, i.line])).toEqual([
      ["wrong-type", "nodes[0].lon", 3],
      ["dangling-reference", "links[0].to", 10],
      ["out-of-range", "links[0].capacityVehPerDay", 14],
      ["unknown-field", "crossings[0].colour", 17],
      ["out-of-range", "demand[0].valueUsdPerVehicle", 19],
    ]);
    const message = new InputError(issues).message.split("\n");
    expect(message).toHaveLength(5);
    expect(message[1]).toBe(
      'test.yaml:10:9: links[0].to: unknown node: expected the id of a declared node, found "nowhere"',
    );
  });

  it("gives JSON files line and column too", () => {
    const json = `{
  "name": "J",
  "nodes": [
    { "id": "a", "name": "A", "kind": "city", "country": "XA", "lon": 1, "lat": 95 }
  ]
}`;
    const issue = onlyIssue(json);
    expect(issue).toMatchObject({ code: "out-of-range", path: "nodes[0].lat", line: 4, column: 81 });
  });

  it("reports a missing required field at the entry that lacks it", () => {
    const issue = onlyIssue(edit(", processingHours: 3 }", " }"));
    expect(issue).toMatchObject({
      code: "missing-field",
      path: "crossings[0].processingHours",
      line: 17,
      column: 5,
    });
  });

  it("rejects a crossing whose two sides are in the same country", () => {
    const issue = onlyIssue(edit("to: gate_xb, capacityVehPerDay: 500", "to: west, capacityVehPerDay: 500"));
    expect(issue).toMatchObject({ code: "crossing-same-country", path: "crossings[0].to", line: 17 });
  });

  it("requires hoursOpenPerDay exactly when a crossing is restricted", () => {
    expect(onlyIssue(edit("processingHours: 3 }", "processingHours: 3, status: restricted }"))).toMatchObject(
      {
        code: "missing-field",
        path: "crossings[0].hoursOpenPerDay",
      },
    );
    expect(onlyIssue(edit("processingHours: 3 }", "processingHours: 3, hoursOpenPerDay: 8 }"))).toMatchObject(
      {
        code: "not-applicable",
        path: "crossings[0].hoursOpenPerDay",
      },
    );
  });

  it("requires demand to run between two zones and links to join two nodes", () => {
    expect(onlyIssue(edit("destination: east,", "destination: gate_xb,"))).toMatchObject({
      code: "not-a-zone",
      path: "demand[0].destination",
    });
    expect(onlyIssue(edit("    to: gate_xa\n", "    to: west\n"))).toMatchObject({
      code: "self-loop",
      path: "links[0].to",
    });
  });

  it("says what it found when the file is empty or not a mapping", () => {
    expect(onlyIssue("")).toMatchObject({ code: "wrong-type", line: 1, column: 1, found: "an empty file" });
    expect(onlyIssue("- a\n- b\n")).toMatchObject({ code: "wrong-type", found: "a list of 2 items" });
  });
});

describe("parseScenario on YAML aliases", () => {
  it("reports an alias without its anchor as bad input with its line and column, not a crash", () => {
    try {
      parseScenario("name: x\nnodes: *missing\n", "alias.yaml");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const issue = (error as InputError).issues[0]!;
      expect(issue).toMatchObject({ code: "yaml-syntax", file: "alias.yaml", line: 2, column: 8 });
    }
  });
});
