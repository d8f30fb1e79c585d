import type { Command } from "commander";
import type { ScenarioParameter } from "../../core/scenario/index.js";
import type { Io } from "../io.js";
import { loadScenarioFile } from "../load-scenario.js";

export interface SourcesSummary {
  cited: number;
  assumed: number;
  bare: number;
  /** Numbers the file leaves out, filled by documented defaults. */
  defaults: number;
  total: number;
  /** Of the total, the policies' levers (`levers.<name>`): the numbers policy text refers to by name. */
  levers: number;
  parameters: ScenarioParameter[];
}

function summarizeSources(parameters: ScenarioParameter[]): SourcesSummary {
  const count = (kind: ScenarioParameter["kind"]) => parameters.filter((p) => p.kind === kind).length;
  return {
    cited: count("cited"),
    assumed: count("assumed"),
    bare: count("bare"),
    defaults: count("default"),
    total: parameters.length,
    levers: parameters.filter((p) => p.path.startsWith("levers.")).length,
    parameters,
  };
}

function describe(p: ScenarioParameter): string {
  if (p.kind === "cited") return `${p.source}${p.date ? ` (${p.date})` : ""}`;
  if (p.kind === "assumed")
    return `assumption, range ${p.range ? `[${p.range[0]}, ${p.range[1]}]` : "not given"}`;
  if (p.kind === "default") return "default (not in the file)";
  return "BARE: no source and not marked as an assumption";
}

export function registerSources(program: Command, io: Io): void {
  program
    .command("sources")
    .description("list every number of a scenario with its source, or its assumption range, and count them")
    .argument("<scenario>", "scenario file (.yaml, .yml or .json)")
    .option("--json", "print {cited, assumed, bare, defaults, total, levers, parameters} as JSON")
    .option("--bare", "list only bare numbers (no source, no assumption)")
    .action((path: string, options: { json?: boolean; bare?: boolean }) => {
      const { parameters } = loadScenarioFile(path);
      const summary = summarizeSources(parameters);
      if (options.json) {
        io.out(`${JSON.stringify(summary, null, 2)}\n`);
        return;
      }
      const shown = options.bare ? parameters.filter((p) => p.kind === "bare") : parameters;
      const width = Math.max(4, ...shown.map((p) => p.path.length));
      for (const p of shown) {
        const note = p.note ? ` — ${p.note}` : "";
        io.out(`${p.path.padEnd(width)}  ${String(p.value).padStart(12)}  ${describe(p)}${note}\n`);
      }
      io.out(
        `\n${summary.total} numbers: ${summary.cited} cited, ${summary.assumed} assumed (with a range), ` +
          `${summary.bare} bare, ${summary.defaults} left to defaults; ${summary.levers} of them are policy levers\n`,
      );
    });
}
