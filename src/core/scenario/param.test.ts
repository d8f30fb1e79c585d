import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { InputError } from "../errors/index.js";
import {
  collectParameters,
  formatPath,
  loadScenario,
  ParamValue,
  param,
  resolveParameters,
} from "./index.js";

const EXAMPLE = readFileSync(new URL("../../../scenarios/examples/two-routes.yaml", import.meta.url), "utf8");

describe("param", () => {
  const capacity = z.strictObject({ c: param(z.number().positive()), b: param(z.number().min(0), 0.15) });

  it("reads the bare, cited and assumed forms as the same number with its provenance", () => {
    const bare = capacity.parse({ c: 800 });
    const cited = capacity.parse({ c: { value: 800, source: "The Nation", date: "2023-10-31" } });
    const assumed = capacity.parse({
      c: { value: 800, assumption: true, range: [500, 1200], note: "guess" },
    });
    expect(bare.c).toEqual(new ParamValue(800, { kind: "bare" }));
    expect(cited.c).toEqual(new ParamValue(800, { kind: "cited", source: "The Nation", date: "2023-10-31" }));
    expect(assumed.c).toEqual(new ParamValue(800, { kind: "assumed", range: [500, 1200], note: "guess" }));
  });

  it("records a left-out field as its default", () => {
    expect(capacity.parse({ c: 1 }).b).toEqual(new ParamValue(0.15, { kind: "default" }));
  });

  it("accepts a bare year as the date of a source and keeps it as text", () => {
    expect(capacity.parse({ c: { value: 1, source: "s", date: 1964 } }).c.info.date).toBe("1964");
    expect(capacity.safeParse({ c: { value: 1, source: "s", date: "31/10/2023" } }).success).toBe(false);
  });

  it("applies the value's constraint to the number and to both ends of an assumption range", () => {
    expect(capacity.safeParse({ c: -1 }).success).toBe(false);
    expect(capacity.safeParse({ c: { value: -1, source: "s", date: 2020 } }).success).toBe(false);
    expect(capacity.safeParse({ c: { value: 1, assumption: true, range: [0, 2] } }).success).toBe(false);
  });

  it("rejects an assumed value outside its range and a reversed range", () => {
    const outside = capacity.safeParse({ c: { value: 3, assumption: true, range: [1, 2] } });
    expect(outside.error?.issues[0]).toMatchObject({ code: "custom", path: ["c", "value"] });
    const reversed = capacity.safeParse({ c: { value: 1.5, assumption: true, range: [2, 1] } });
    expect(reversed.error?.issues[0]).toMatchObject({ code: "custom", path: ["c", "range"] });
  });

  it("refuses a default that breaks its own constraint", () => {
    expect(() => param(z.number().positive(), 0)).toThrow();
  });
});

describe("resolveParameters", () => {
  it("replaces parameters by numbers and lists them with their paths", () => {
    const data = {
      links: [{ id: "a", len: new ParamValue(5, { kind: "assumed", range: [4, 6] }) }],
      gc: { vot: new ParamValue(10, { kind: "default" }) },
    };
    const { value, parameters } = resolveParameters(data);
    expect(value).toEqual({ links: [{ id: "a", len: 5 }], gc: { vot: 10 } });
    expect(parameters).toEqual([
      { path: "links[0].len", value: 5, kind: "assumed", range: [4, 6] },
      { path: "gc.vot", value: 10, kind: "default" },
    ]);
  });

  it("formats paths with dots for fields and brackets for indices", () => {
    expect(formatPath(["links", 3, "capacityVehPerDay"])).toBe("links[3].capacityVehPerDay");
    expect(formatPath([0, "a"])).toBe("[0].a");
    expect(formatPath([])).toBe("");
  });
});

describe("collectParameters", () => {
  it("lists the example's cited, assumed, bare and default numbers in file order", () => {
    const parameters = collectParameters(parseYaml(EXAMPLE));
    const byPath = new Map(parameters.map((p) => [p.path, p]));
    expect(byPath.get("crossings[0].capacityVehPerDay")).toEqual({
      path: "crossings[0].capacityVehPerDay",
      value: 800,
      kind: "cited",
      source: "https://www.nation.com.pk/31-Oct-2023/visa-made-compulsory-for-pak-bound-truckers-at-torkham",
      date: "2023-10-31",
      note: "trucks crossing Torkham daily, both directions, borrowed for scale",
    });
    expect(byPath.get("links[0].bprB")).toMatchObject({ kind: "cited", value: 0.15, date: "1964" });
    expect(byPath.get("links[2].capacityVehPerDay")).toMatchObject({ kind: "assumed", range: [300, 900] });
    expect(byPath.get("links[1].capacityVehPerDay")).toEqual({
      path: "links[1].capacityVehPerDay",
      value: 3000,
      kind: "bare",
    });
    expect(byPath.get("links[1].bprPower")).toEqual({ path: "links[1].bprPower", value: 4, kind: "default" });
    const count = (section: string) => parameters.filter((p) => p.path.startsWith(`${section}[`)).length;
    // 2 coordinates per node, 6 numbers per link, 5 per crossing (6 with hoursOpenPerDay), 3 per demand
    // (4 with reservationCostUsd), 9 per zone (10 with a sanctuary), 6 per actant, 4 per actor, 3 per
    // relation, 3 per project, 1 per returns programme, 1 per event incident.
    expect([count("nodes"), count("links"), count("crossings"), count("demand")]).toEqual([10, 24, 11, 7]);
    expect([count("zones"), count("actants"), count("actors"), count("relations")]).toEqual([19, 6, 16, 3]);
    expect([count("projects"), count("returns"), count("events")]).toEqual([3, 1, 1]);
    // Every model parameter is listed, the one set in the file as assumed and the rest as defaults.
    const model = parameters.filter((p) => p.path.startsWith("model."));
    expect(model).toHaveLength(31);
    expect(model.filter((p) => p.kind !== "default").map((p) => p.path)).toEqual([
      "model.riskPremium.halfLifeDays",
    ]);
    expect(parameters).toHaveLength(2 + 10 + 24 + 11 + 7 + 19 + 6 + 16 + 3 + 3 + 1 + 1 + 31);
    expect(parameters.filter((p) => p.kind === "cited")).toHaveLength(6);
    // 12 in the network and demand, 13 in the new sections (cargo terminal 2, reservation cost 1, zones 4,
    // actant 1, relation 2, project 1, returns 1, model 1).
    expect(parameters.filter((p) => p.kind === "assumed")).toHaveLength(12 + 13);
    expect(parameters[0]!.path).toBe("generalizedCost.valueOfTimeUsdPerHour");
  });

  it("gives the same list as loading the file", () => {
    expect(loadScenario(EXAMPLE, "two-routes.yaml").parameters).toEqual(
      collectParameters(parseYaml(EXAMPLE)),
    );
  });

  it("throws an InputError with paths but no lines for invalid data", () => {
    try {
      collectParameters({ name: "x", nodes: [{ id: "a" }] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const issues = (error as InputError).issues;
      expect(issues.map((i) => i.path)).toContain("nodes[0].kind");
      expect(issues.every((i) => i.line === undefined)).toBe(true);
    }
  });
});
