import { describe, expect, it } from "vitest";
import { InputError } from "../../errors/index.js";
import { loadScenario, scenarioJsonSchema } from "../index.js";
import { HYPOTHESES } from "./index.js";

const BASE = `name: Two states
generalizedCost: { valueOfTimeUsdPerHour: 10, costPerKmUsd: 0 }
nodes:
  - { id: a, name: A, kind: city, country: XA, lon: 0, lat: 0, zone: true }
  - { id: b, name: B, kind: city, country: XB, lon: 1, lat: 0, zone: true }
crossings:
  - { id: gate, name: Gate, from: a, to: b, capacityVehPerDay: 100, processingHours: 1, zone: border }
zones:
  - { id: border, name: Border, country: XA, baselinePerDay: 0.1, excitationPerDay: 0, decayPerDay: 1 }
actors:
  - { id: xa, name: State A, kind: state, country: XA }
  - { id: xb, name: State B, kind: state, country: XB }
`;

function issues(text: string) {
  try {
    loadScenario(text, "two.yaml");
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("the hypotheses section", () => {
  it("is optional and empty by default", () => {
    expect(loadScenario(BASE, "two.yaml").scenario.hypotheses).toEqual({});
  });

  it("fills the claim and the mechanism's parameters with their defaults and lists the strength's provenance", () => {
    const { scenario, parameters } = loadScenario(
      `${BASE}hypotheses:\n  opennessRisk:\n    strength: { value: 0.5, assumption: true, range: [0, 2] }\n`,
      "two.yaml",
    );
    const entry = scenario.hypotheses.opennessRisk!;
    expect(entry.strength).toBe(0.5);
    expect(entry.claim).toBe(HYPOTHESES.find((h) => h.key === "opennessRisk")!.claim);
    expect(entry.incidentsPerThousandVehicles).toBe(0.05);
    const strength = parameters.find((p) => p.path === "hypotheses.opennessRisk.strength")!;
    expect(strength).toMatchObject({ kind: "assumed", range: [0, 2] });
  });

  it("accepts a cited strength and a negative one where the hypothesis allows the effect to reverse", () => {
    const { scenario } = loadScenario(
      `${BASE}hypotheses:\n  ladderConsequences:\n    strength: -0.5\n  trustMemory:\n    strength: { value: 0.4, source: "https://example.org/study", date: 2024 }\n`,
      "two.yaml",
    );
    expect(scenario.hypotheses.ladderConsequences!.strength).toBe(-0.5);
    expect(scenario.hypotheses.trustMemory!.strength).toBe(0.4);
  });

  it("rejects an unknown hypothesis name with file, line and the closest name", () => {
    const [issue] = issues(`${BASE}hypotheses:\n  opennesRisk:\n    strength: 1\n`);
    expect(issue).toMatchObject({
      code: "unknown-hypothesis",
      file: "two.yaml",
      line: 14,
      path: "hypotheses.opennesRisk",
      suggestion: "opennessRisk",
    });
  });

  it("rejects a strength outside the hypothesis's domain, and a negative one where it has no sign", () => {
    const found = issues(
      `${BASE}hypotheses:\n  monitorsDeter:\n    strength: 1.5\n  stakeRestraint:\n    strength: -1\n`,
    );
    expect(found.map((i) => [i.code, i.path, i.line])).toEqual([
      ["out-of-range", "hypotheses.monitorsDeter.strength", 15],
      ["out-of-range", "hypotheses.stakeRestraint.strength", 17],
    ]);
  });

  it("rejects a reference to an undeclared actor with the line of the field", () => {
    const found = issues(
      `${BASE}hypotheses:\n  stakeRestraint:\n    strength: 1\n    aid:\n      - from: xc\n  ceasefireDurability:\n    strength: 1\n    guarantors:\n      - actor: xbb\n`,
    );
    expect(found.map((i) => [i.code, i.path, i.line, i.suggestion])).toEqual([
      ["dangling-reference", "hypotheses.stakeRestraint.aid[0].from", 17, "xa"],
      ["dangling-reference", "hypotheses.ceasefireDurability.guarantors[0].actor", 21, "xb"],
    ]);
  });

  it("rejects an unknown parameter of a hypothesis", () => {
    const [issue] = issues(
      `${BASE}hypotheses:\n  opennessRisk:\n    strength: 1\n    incidentsPerThousandVehicle: 2\n`,
    );
    expect(issue).toMatchObject({ code: "unknown-field", suggestion: "incidentsPerThousandVehicles" });
  });

  it("appears in the JSON Schema with every hypothesis and its strength's domain", () => {
    const schema = scenarioJsonSchema() as {
      properties: Record<string, { properties: Record<string, unknown> }>;
    };
    const section = schema.properties["hypotheses"]!;
    expect(Object.keys(section.properties).sort()).toEqual(HYPOTHESES.map((h) => h.key).sort());
    expect(JSON.stringify(section.properties["ladderConsequences"])).toContain('"minimum":-1');
  });

  it("declares a strength domain containing 0 for every hypothesis, so each can be switched off", () => {
    for (const h of HYPOTHESES) expect(h.domain[0] <= 0 && 0 <= h.domain[1]).toBe(true);
  });
});
