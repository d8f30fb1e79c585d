/**
 * Reads a scenario file for the CLI. A file may start from another with `extends: <path>` (relative to
 * itself): its top-level sections replace the base's (e.g. a hindcast that keeps the network and
 * changes the start, the relations and the dated events). The base is checked on its own first, so
 * its mistakes are reported with their lines; the merged scenario is then validated as a whole.
 */
import { dirname, resolve } from "node:path";
import { parse } from "yaml";
import { InputError } from "../core/errors/index.js";
import { type LoadedScenario, loadScenario, validateScenario } from "../core/scenario/index.js";
import { readUserFile } from "./files.js";

const MAX_DEPTH = 5;

export interface LoadedScenarioFile extends LoadedScenario {
  /** The text of the file and of every file it extends, joined: what a run's checksum covers. */
  text: string;
  /** The files read, base last. */
  files: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function readLayer(
  path: string,
  seen: string[],
): { data: Record<string, unknown>; text: string; files: string[] } {
  const text = readUserFile(path, "scenario file");
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    loadScenario(text, path); // reports the syntax error with its line and column
  }
  if (!isRecord(data) || data.extends === undefined) {
    loadScenario(text, path); // the base must be valid on its own
    return { data: isRecord(data) ? data : {}, text, files: [path] };
  }
  const base = data.extends;
  if (typeof base !== "string" || base.trim() === "") {
    throw new InputError({
      code: "wrong-type",
      file: path,
      path: "extends",
      expected: "the path of a base scenario file",
      found: JSON.stringify(base),
    });
  }
  const basePath = resolve(dirname(path), base);
  if (seen.includes(basePath) || seen.length >= MAX_DEPTH) {
    throw new InputError({
      code: "extends-cycle",
      file: path,
      path: "extends",
      expected: `a chain of at most ${MAX_DEPTH} files without repeats`,
      found: [...seen, basePath].join(" → "),
    });
  }
  const layer = readLayer(basePath, [...seen, basePath]);
  const { extends: _ignored, ...own } = data;
  return { data: { ...layer.data, ...own }, text: `${text}\n${layer.text}`, files: [path, ...layer.files] };
}

export function loadScenarioFile(path: string): LoadedScenarioFile {
  const layer = readLayer(path, [resolve(path)]);
  if (layer.files.length === 1)
    return { ...loadScenario(layer.text, path), text: layer.text, files: layer.files };
  return { ...validateScenario(layer.data, path), text: layer.text, files: layer.files };
}
