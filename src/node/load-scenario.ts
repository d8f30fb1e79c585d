/**
 * Reads a scenario file for the CLI. A file may start from another with `extends: <path>`: its
 * top-level sections replace the base's (e.g. a hindcast that keeps the network and changes the start,
 * the relations and the dated events). The base is checked on its own first, so its mistakes are
 * reported with their lines; the merged scenario is then validated as a whole.
 *
 * What a scenario may name (SECURITY.md): `extends:` is a relative path, resolved against the folder
 * of the file that names it, to a `.yaml`, `.yml` or `.json` file; the scenario and every base must be
 * ordinary files (links are followed to one) of at most MAX_SCENARIO_BYTES, never devices or files
 * under /dev, /proc or /sys (see files.ts). A base that is not a scenario is reported without quoting it.
 */
import { readdirSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError, suggestName } from "../core/errors/index.js";
import { type LoadedScenario, loadScenario, readSource, validateScenario } from "../core/scenario/index.js";
import { MAX_SCENARIO_BYTES, readUserFile } from "./files.js";

const MAX_DEPTH = 5;
const SCENARIO_EXTENSIONS = [".yaml", ".yml", ".json"];
/** The scenarios shipped with the package, searched for a "did you mean". */
const SHIPPED = fileURLToPath(new URL("../../scenarios/", import.meta.url));

export interface LoadedScenarioFile extends LoadedScenario {
  /** The text of the file and of every file it extends, joined: what a run's checksum covers. */
  text: string;
  /** The files read, base last. */
  files: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function scenarioFilesIn(folder: string): string[] {
  try {
    return readdirSync(folder).filter((f) => SCENARIO_EXTENSIONS.includes(extname(f).toLowerCase()));
  } catch {
    return [];
  }
}

/**
 * The scenario file a mistyped path most likely meant: the path with an extension added, or a
 * similarly named scenario file beside it, in ./scenarios, ./scenarios/examples or the shipped ones.
 */
export function suggestScenarioPath(path: string): string | undefined {
  const stem = basename(path, extname(path));
  const folders = [
    dirname(path),
    "scenarios",
    join("scenarios", "examples"),
    SHIPPED,
    join(SHIPPED, "examples"),
  ];
  const candidates = new Map<string, string>(); // file name without extension → path to show
  for (const folder of folders) {
    for (const file of scenarioFilesIn(folder)) {
      const full = join(folder, file);
      const shown = isAbsolute(full) ? relative(process.cwd(), full) || full : full;
      const key = basename(file, extname(file));
      if (!candidates.has(key)) candidates.set(key, shown.startsWith("..") ? full : shown);
      if (basename(full) === basename(path) || key === stem) return candidates.get(key);
    }
  }
  const best = suggestName(stem, [...candidates.keys()]);
  return best === undefined ? undefined : candidates.get(best);
}

function readScenarioText(path: string, base?: { file: string }): string {
  try {
    return readUserFile(path, base ? "base scenario file" : "scenario file", MAX_SCENARIO_BYTES);
  } catch (error) {
    if (!(error instanceof InputError) || base) throw error;
    const issue = error.issues[0]!;
    if (issue.found !== "no such file or folder") throw error;
    const suggestion = suggestScenarioPath(path);
    throw new InputError({ ...issue, ...(suggestion && suggestion !== path ? { suggestion } : {}) });
  }
}

function readLayer(
  path: string,
  seen: string[],
  from?: { file: string },
): { data: Record<string, unknown>; text: string; files: string[] } {
  const text = readScenarioText(path, from);
  const read = readSource(text, path);
  // Syntax messages give the line and column, never the text itself.
  if (!read.ok) throw new InputError(read.issues);
  const data = read.source.data;
  if (from && !isRecord(data)) {
    throw new InputError({
      code: "extends-not-a-scenario",
      file: from.file,
      path: "extends",
      expected: "a scenario file (a YAML mapping of sections)",
      found: `${path}, which is not one`,
    });
  }
  if (!isRecord(data) || data.extends === undefined) {
    loadScenario(text, path); // the base must be valid on its own
    return { data: isRecord(data) ? data : {}, text, files: [path] };
  }
  const base = data.extends;
  const bad = (expected: string, found: string): never => {
    throw new InputError({ code: "bad-extends", file: path, path: "extends", expected, found });
  };
  if (typeof base !== "string" || base.trim() === "")
    bad("the path of a base scenario file", JSON.stringify(base));
  const name = base as string;
  if (isAbsolute(name))
    bad("a path relative to this file's folder", `an absolute path, ${JSON.stringify(name)}`);
  if (!SCENARIO_EXTENSIONS.includes(extname(name).toLowerCase()))
    bad(`a scenario file ending in ${SCENARIO_EXTENSIONS.join(", ")}`, JSON.stringify(name));
  const basePath = resolve(dirname(path), name);
  if (seen.includes(basePath) || seen.length >= MAX_DEPTH) {
    throw new InputError({
      code: "extends-cycle",
      file: path,
      path: "extends",
      expected: `a chain of at most ${MAX_DEPTH} files without repeats`,
      found: [...seen, basePath].join(" → "),
    });
  }
  const layer = readLayer(basePath, [...seen, basePath], { file: path });
  const { extends: _ignored, ...own } = data;
  return { data: { ...layer.data, ...own }, text: `${text}\n${layer.text}`, files: [path, ...layer.files] };
}

export function loadScenarioFile(path: string): LoadedScenarioFile {
  const layer = readLayer(path, [resolve(path)]);
  if (layer.files.length === 1)
    return { ...loadScenario(layer.text, path), text: layer.text, files: layer.files };
  return { ...validateScenario(layer.data, path), text: layer.text, files: layer.files };
}
