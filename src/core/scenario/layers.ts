/**
 * A scenario that starts from another (`extends: <path>`): its top-level sections replace the base's.
 * Reading the files is the caller's (the CLI reads them from disk with its path rules, the web
 * workbench gets them from its server); this module only checks and merges texts already read, so the
 * CLI and the browser load a layered scenario alike.
 */
import { InputError } from "../errors/index.js";
import { type LoadedScenario, loadScenario, validateScenario } from "./parse.js";
import { readSource } from "./source.js";

/** One file of a chain: the scenario itself first, then the file it extends, and so on. */
export interface ScenarioLayer {
  file: string;
  text: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Parsed data of one layer; syntax messages give line and column, never the text itself. */
export function layerData(layer: ScenarioLayer): unknown {
  const read = readSource(layer.text, layer.file);
  if (!read.ok) throw new InputError(read.issues);
  return read.source.data;
}

/** The `extends:` a layer names, or undefined. */
export function extendsOf(data: unknown): unknown {
  return isRecord(data) ? data.extends : undefined;
}

/**
 * Loads a chain of layers (the scenario first, its base last). The last layer must be a valid
 * scenario on its own, so its mistakes are reported with their lines; a chain of one is an ordinary
 * scenario text. Each layer above it replaces the sections it names.
 */
export function loadLayers(layers: readonly ScenarioLayer[]): LoadedScenario {
  const last = layers.at(-1);
  if (!last) throw new Error("loadLayers needs at least one layer");
  if (layers.length === 1) return loadScenario(last.text, last.file);
  const data = layers.map((layer, i) => {
    const value = layerData(layer);
    // A base that is not a mapping is named, never quoted (it may be any file).
    if (i > 0 && !isRecord(value)) {
      throw new InputError({
        code: "extends-not-a-scenario",
        file: layers[i - 1]!.file,
        path: "extends",
        expected: "a scenario file (a YAML mapping of sections)",
        found: `${layer.file}, which is not one`,
      });
    }
    return value as Record<string, unknown>;
  });
  loadScenario(last.text, last.file);
  let merged: Record<string, unknown> = {};
  for (let i = data.length - 1; i >= 0; i--) {
    const { extends: _ignored, ...own } = data[i]!;
    merged = { ...merged, ...own };
  }
  return validateScenario(merged, layers[0]!.file);
}
