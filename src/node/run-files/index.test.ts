import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeResult } from "../../../test/helpers/fake-result.js";
import { RUN_FILES, type RunInfo, writeRunFolder } from "./index.js";

describe("writeRunFolder", () => {
  it("writes every run file, each matching its writer's content", async () => {
    const result = fakeResult();
    const dir = join(mkdtempSync(join(tmpdir(), "corridor-runfolder-")), "two-routes-seed7");
    const info = { scenario: result.outcomes.scenario, seed: 7, days: 3 } as RunInfo;
    await writeRunFolder(dir, result, info);
    expect(readdirSync(dir).sort()).toEqual([...RUN_FILES].sort());
    const read = (name: string) => readFileSync(join(dir, name), "utf8");
    expect(JSON.parse(read("outcomes.json"))).toEqual(result.outcomes);
    expect(JSON.parse(read("run.json"))).toEqual(info);
    expect(read("events.jsonl").trimEnd().split("\n")).toHaveLength(result.events.length);
    expect(read("series.csv").trimEnd().split("\n")).toHaveLength(result.series.days + 1);
    expect(JSON.parse(read("network.geojson")).features).toHaveLength(
      result.scenario.nodes.length + result.scenario.links.length + result.scenario.crossings.length,
    );
  });
});
