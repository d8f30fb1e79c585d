/** Scenarios that extend another, as the workbench loads them (web/src/layers.ts). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors/index.js";
import { loadLayers } from "../../src/core/scenario/index.js";
import { loadScenarioFile } from "../../src/node/load-scenario.js";
import { chainOf, joinRelative, setParameterInLayers } from "../../web/src/layers.js";

const read = (name: string) => readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), "utf8");
const hindcast = read("af-pak-hindcast.yaml");
const bases = [{ file: "af-pak.yaml", text: read("af-pak.yaml") }];

describe("layered scenarios in the workbench", () => {
  it("resolves a base against the folder of the file that names it", () => {
    expect(joinRelative("af-pak-hindcast.yaml", "af-pak.yaml")).toBe("af-pak.yaml");
    expect(joinRelative("examples/c.yaml", "../a.yaml")).toBe("a.yaml");
    expect(joinRelative("x/y/z.yaml", "./w.yaml")).toBe("x/y/w.yaml");
  });

  it("loads the hindcast from its text and its base as corridor run does", () => {
    const page = loadLayers(chainOf("af-pak-hindcast.yaml", hindcast, bases));
    const cli = loadScenarioFile("scenarios/af-pak-hindcast.yaml");
    expect(page.scenario).toEqual(cli.scenario);
    expect(page.scenario.end).toBe("2025-12-31");
  });

  it("names a base the workbench does not have at the extends field", () => {
    const renamed = hindcast.replace("extends: af-pak.yaml", "extends: elsewhere.yaml");
    try {
      chainOf("af-pak-hindcast.yaml", renamed, bases);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const issue = (error as InputError).issues[0]!;
      expect(issue.path).toBe("extends");
      expect(issue.found).toBe('"elsewhere.yaml"');
    }
  });

  it("moves a slider of a base's number by copying that section into the user's own file", () => {
    const path = "generalizedCost.valueOfTimeUsdPerHour";
    expect(hindcast).not.toMatch(/^generalizedCost:/m);
    const changed = setParameterInLayers(hindcast, bases, path, 7.5);
    expect(changed).toMatch(/^generalizedCost:/m);
    const loaded = loadLayers(chainOf("af-pak-hindcast.yaml", changed, bases));
    expect(loaded.scenario.generalizedCost.valueOfTimeUsdPerHour).toBe(7.5);
    // The rest of the section is the base's, so nothing else moved.
    const before = loadLayers(chainOf("af-pak-hindcast.yaml", hindcast, bases)).scenario.generalizedCost;
    expect({ ...loaded.scenario.generalizedCost, valueOfTimeUsdPerHour: 0 }).toEqual({
      ...before,
      valueOfTimeUsdPerHour: 0,
    });
    // A section the file has itself is edited in place.
    expect(setParameterInLayers("name: x\nstart: 2026-01-01\n", [], "start", 3)).toMatch(/start: 3/);
  });
});
