import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeOutcomes } from "../../../test/helpers/fake-result.js";
import { InputError } from "../../core/errors/index.js";
import { outcomesJson, readRunInfo } from "./outcomes.js";

describe("outcomes.json and run.json", () => {
  it("writes the outcomes as pretty JSON that reads back equal", () => {
    const outcomes = fakeOutcomes();
    const text = outcomesJson(outcomes);
    expect(JSON.parse(text)).toEqual(outcomes);
    expect(text).toContain('\n  "trade": {\n');
  });

  it("writes a non-finite ratio as null rather than invalid JSON", () => {
    const outcomes = fakeOutcomes();
    outcomes.connectivity.announcementsPerOperational = Number.POSITIVE_INFINITY;
    expect(JSON.parse(outcomesJson(outcomes)).connectivity.announcementsPerOperational).toBeNull();
  });

  it("reads no run.json as undefined and a broken one as an InputError", () => {
    const dir = mkdtempSync(join(tmpdir(), "corridor-runinfo-"));
    expect(readRunInfo(dir)).toBeUndefined();
    writeFileSync(join(dir, "run.json"), "{ not json");
    expect(() => readRunInfo(dir)).toThrow(InputError);
  });
});
