import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors/index.js";
import { MAX_SCENARIO_BYTES } from "../../src/node/files.js";
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

describe("what extends: may name", () => {
  const reject = (extendsLine: string) => {
    try {
      loadScenarioFile(files(`${extendsLine}\nname: Child\n`));
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as InputError).message;
    }
    return expect.unreachable();
  };

  it("is confined to scenario files by a relative path: no absolute path, no other kind of file", () => {
    expect(reject("extends: /etc/passwd")).toContain(
      'extends: expected a path relative to this file\'s folder, found an absolute path, "/etc/passwd"',
    );
    expect(reject("extends: ../../../../../../proc/self/environ")).toContain(
      "expected a scenario file ending in .yaml, .yml, .json",
    );
  });

  it("never quotes another file's contents, and never reads a device or a system file", () => {
    const dir = mkdtempSync(join(tmpdir(), "corridor-extends-"));
    writeFileSync(join(dir, "secret.yaml"), "- SECRET-TOKEN-1234\n");
    symlinkSync("/dev/zero", join(dir, "zero.yaml"));
    symlinkSync("/proc/self/environ", join(dir, "environ.yaml"));
    writeFileSync(join(dir, "a.yaml"), "extends: secret.yaml\n");
    writeFileSync(join(dir, "b.yaml"), "extends: zero.yaml\n");
    writeFileSync(join(dir, "c.yaml"), "extends: environ.yaml\n");
    const message = (file: string) => {
      try {
        loadScenarioFile(join(dir, file));
      } catch (error) {
        return (error as InputError).message;
      }
      return expect.unreachable();
    };
    expect(message("a.yaml")).toContain("extends: expected a scenario file (a YAML mapping of sections)");
    expect(message("a.yaml")).not.toContain("SECRET");
    expect(message("b.yaml")).toContain("a system file (/dev/zero)");
    expect(message("c.yaml")).toMatch(/a system file \(\/proc\/\d+\/environ\)/);
    // The same rule for a scenario that is itself a link.
    expect(message("zero.yaml")).toContain(
      "zero.yaml: expected a readable scenario file, found a system file",
    );
  });

  it("is bounded in size, as the scenario itself is", () => {
    const dir = mkdtempSync(join(tmpdir(), "corridor-extends-"));
    writeFileSync(join(dir, "huge.yaml"), Buffer.alloc(MAX_SCENARIO_BYTES + 1, 0x20));
    writeFileSync(join(dir, "child.yaml"), "extends: huge.yaml\n");
    expect(() => loadScenarioFile(join(dir, "child.yaml"))).toThrow(
      /huge\.yaml: expected a readable base scenario file, found 16 MiB, more than the limit of 16 MiB/,
    );
    expect(() => loadScenarioFile(join(dir, "huge.yaml"))).toThrow(/more than the limit of 16 MiB/);
  });

  it("reports a symbolic-link loop in plain words", () => {
    const dir = mkdtempSync(join(tmpdir(), "corridor-extends-"));
    symlinkSync(join(dir, "b.yaml"), join(dir, "a.yaml"));
    symlinkSync(join(dir, "a.yaml"), join(dir, "b.yaml"));
    expect(() => loadScenarioFile(join(dir, "a.yaml"))).toThrow(
      /a\.yaml: expected a readable scenario file, found a loop of symbolic links$/,
    );
  });
});
