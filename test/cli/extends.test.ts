import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors/index.js";
import { loadScenarioFile } from "../../src/node/load-scenario.js";

const BASE = `
name: Base
start: 2025-01-01
nodes:
  - { id: a, name: A, kind: city, country: XA, lon: 60, lat: 33, zone: true }
  - { id: b, name: B, kind: city, country: XB, lon: 61, lat: 33, zone: true }
links:
  - { id: road, from: a, to: b, mode: road, lengthKm: 100, freeFlowHours: 2, capacityVehPerDay: 1000 }
`;

function files(child: string, base = BASE) {
  const dir = mkdtempSync(join(tmpdir(), "corridor-extends-"));
  writeFileSync(join(dir, "base.yaml"), base);
  writeFileSync(join(dir, "child.yaml"), child);
  return join(dir, "child.yaml");
}

describe("scenario files that extend another", () => {
  it("keep the base's sections and replace those the child sets", () => {
    const { scenario, files: read } = loadScenarioFile(
      files("extends: base.yaml\nname: Child\nstart: 2021-09-01\n"),
    );
    expect(scenario.name).toBe("Child");
    expect(scenario.start).toBe("2021-09-01");
    expect(scenario.links.map((l) => l.id)).toEqual(["road"]);
    expect(read).toHaveLength(2);
  });

  it("report a mistake in the base with the base file's name and line", () => {
    const broken = BASE.replace("capacityVehPerDay: 1000", "capacityVehPerDay: -5");
    try {
      loadScenarioFile(files("extends: base.yaml\n", broken));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const issue = (error as InputError).issues[0]!;
      expect(issue.file).toMatch(/base\.yaml$/);
      expect(issue.line).toBe(8); // the template starts with a newline
    }
  });

  it("refuse a cycle of files", () => {
    const child = files("extends: base.yaml\n", "extends: child.yaml\nname: loop\n");
    expect(() => loadScenarioFile(child)).toThrow(/→/);
  });

  it("name a missing base file", () => {
    expect(() => loadScenarioFile(files("extends: nowhere.yaml\n"))).toThrow(/nowhere\.yaml/);
  });
});
