/**
 * Scenarios that extend another (`extends: <path>`) in the workbench: the server sends the files of the
 * chain with the scenario (GET /api/scenario), and the worker loads them with the core's `loadLayers`,
 * as `corridor run` does. Paths are relative to the scenarios folder, with forward slashes.
 */
import { parseDocument } from "yaml";
import { InputError } from "../../src/core/errors/index.js";
import { extendsOf, layerData, type ScenarioLayer } from "../../src/core/scenario/index.js";
import { pathKeys, setParameterInText } from "./view-model.js";

/** `name` resolved against the folder of `file` ("a/b.yaml" + "../c.yaml" → "c.yaml"). */
export function joinRelative(file: string, name: string): string {
  const parts = file.split("/").slice(0, -1);
  for (const part of name.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

/**
 * The chain of layers for a scenario text (the scenario first), from the bases the workbench has.
 * A base it does not have (renamed in the editor, or outside the scenarios folder) is an error at the
 * `extends` field.
 */
export function chainOf(file: string, text: string, bases: readonly ScenarioLayer[]): ScenarioLayer[] {
  const chain: ScenarioLayer[] = [{ file, text }];
  for (;;) {
    const layer = chain.at(-1)!;
    const name = extendsOf(layerData(layer));
    if (typeof name !== "string") return chain;
    const wanted = joinRelative(layer.file, name);
    const base = bases.find((b) => b.file === wanted);
    if (!base || chain.some((l) => l.file === wanted)) {
      throw new InputError({
        code: "bad-extends",
        file: layer.file,
        path: "extends",
        expected:
          "a base scenario the workbench has loaded from its scenarios folder (open the file again to load a new base)",
        found: JSON.stringify(name),
      });
    }
    chain.push(base);
  }
}

/**
 * The scenario text with the number at `path` set to `value`. A section the text does not have comes
 * from a base: it is first copied from the nearest base that has it into the text (which then
 * replaces the base's section, as `extends` has it), so the change stays in the user's own file.
 */
export function setParameterInLayers(
  text: string,
  bases: readonly ScenarioLayer[],
  path: string,
  value: number,
): string {
  const section = pathKeys(path)[0]!;
  const own = parseDocument(text);
  if (own.has(section) || bases.length === 0) return setParameterInText(text, path, value);
  const from = bases.find((b) => parseDocument(b.text).has(section));
  if (!from) return setParameterInText(text, path, value);
  own.set(section, parseDocument(from.text).get(section, true));
  return setParameterInText(own.toString({ lineWidth: 0 }), path, value);
}
