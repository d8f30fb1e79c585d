/**
 * The files of a run folder (described in docs/outputs.md), written all-or-nothing by `writeRunFolder`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SimulationResult } from "../../core/engine/types.js";
import { MANIFEST, type OutputFolder, prepareOutputFolder } from "../output/index.js";
import { eventsJsonl } from "./events.js";
import { networkGeoJsonText } from "./geojson.js";
import { outcomesJson, type RunInfo, runInfoJson } from "./outcomes.js";
import { seriesCsv } from "./series-csv.js";
import { writeSeriesParquet } from "./series-parquet.js";

export { eventsJsonl, parseEventsJsonl } from "./events.js";
export { type NetworkGeoJson, networkGeoJson } from "./geojson.js";
export { outcomesJson, type RunInfo, readRunInfo } from "./outcomes.js";
export { seriesCsv } from "./series-csv.js";
export { writeSeriesParquet } from "./series-parquet.js";

export const RUN_FILES = [
  "outcomes.json",
  "run.json",
  "series.csv",
  "series.parquet",
  "events.jsonl",
  "network.geojson",
  MANIFEST,
] as const;

/**
 * Writes every file of a run into `folder` (prepared by the command, or a new path, e.g. inside a
 * comparison's folder), which appears (or replaces an earlier run) only when all are done.
 */
export async function writeRunFolder(
  folder: OutputFolder | string,
  result: SimulationResult,
  info: RunInfo,
): Promise<void> {
  const target =
    typeof folder === "string"
      ? prepareOutputFolder({ out: folder, defaultPath: folder, kind: "run" })
      : folder;
  await target.write(async (temporary) => {
    const write = (name: Exclude<(typeof RUN_FILES)[number], typeof MANIFEST>, text: string) =>
      writeFileSync(join(temporary, name), text);
    write("outcomes.json", outcomesJson(result.outcomes));
    write("series.csv", seriesCsv(result.series));
    await writeSeriesParquet(
      join(temporary, "series.csv"),
      result.series.columns,
      join(temporary, "series.parquet"),
    );
    write("events.jsonl", eventsJsonl(result.events));
    write("network.geojson", networkGeoJsonText(result.scenario, result.flows, result.outcomes));
    // run.json last: its presence marks a complete run folder.
    write("run.json", runInfoJson(info));
  });
}
