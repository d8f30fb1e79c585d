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
import {
  extendsOf,
  type LoadedScenario,
  layerData,
  loadLayers,
  type ScenarioLayer,
} from "../core/scenario/index.js";
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

/** The files of a scenario's `extends:` chain, the scenario first, each read under the rules above. */
function readChain(path: string): ScenarioLayer[] {
  const layers: ScenarioLayer[] = [];
  const seen = [resolve(path)];
  let file = path;
  for (;;) {
    const text = readScenarioText(file, layers.length > 0 ? { file: layers.at(-1)!.file } : undefined);
    const layer = { file, text };
    layers.push(layer);
    const base = extendsOf(layerData(layer));
    if (base === undefined) return layers;
    const bad = (expected: string, found: string): never => {
      throw new InputError({ code: "bad-extends", file, path: "extends", expected, found });
    };
    if (typeof base !== "string" || base.trim() === "")
      bad("the path of a base scenario file", JSON.stringify(base));
    const name = base as string;
    if (isAbsolute(name))
      bad("a path relative to this file's folder", `an absolute path, ${JSON.stringify(name)}`);
    if (!SCENARIO_EXTENSIONS.includes(extname(name).toLowerCase()))
      bad(`a scenario file ending in ${SCENARIO_EXTENSIONS.join(", ")}`, JSON.stringify(name));
    const basePath = resolve(dirname(file), name);
    if (seen.includes(basePath) || seen.length >= MAX_DEPTH) {
      throw new InputError({
        code: "extends-cycle",
        file,
        path: "extends",
        expected: `a chain of at most ${MAX_DEPTH} files without repeats`,
        found: [...seen, basePath].join(" → "),
      });
    }
    seen.push(basePath);
    file = basePath;
  }
}

export function loadScenarioFile(path: string): LoadedScenarioFile {
  const layers = readChain(path);
  return {
    ...loadLayers(layers),
    text: layers.map((l) => l.text).join("\n"),
    files: layers.map((l) => l.file),
  };
}
