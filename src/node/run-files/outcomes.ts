/**
 * outcomes.json (the run's summary figures) and run.json (everything needed to repeat the run).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Outcomes, SimulationOptions } from "../../core/engine/types.js";
import { InputError } from "../../core/errors/index.js";

/** What run.json holds. `options` passed back to `simulate` with the same scenario file repeats the run. */
export interface RunInfo {
  corridorVersion: string;
  scenario: string;
  /** The scenario file as the user named it, and the SHA-256 of its text (to notice a changed file). */
  file: string;
  fileSha256: string;
  seed: number;
  run: number;
  days: number;
  start: string;
  end: string;
  /** Policy followed by each actor. */
  policies: Record<string, string>;
  /** The options of the run, defaults filled in (no callbacks). */
  options: Required<Omit<SimulationOptions, "onDay" | "recordFlows" | "keepEvents" | "keepSeries">>;
  /** The command that repeats the run. */
  command: string;
}

/** Outcomes as pretty JSON. Non-finite numbers (e.g. announcements per operational project when none operates) become null. */
export function outcomesJson(outcomes: Outcomes): string {
  return `${JSON.stringify(outcomes, null, 2)}\n`;
}

export function runInfoJson(info: RunInfo): string {
  return `${JSON.stringify(info, null, 2)}\n`;
}

/** The fields of run.json that readers rely on (the header of `corridor explain`, day ranges). */
const runInfoShape = z.looseObject({
  scenario: z.string(),
  file: z.string(),
  seed: z.number().int().nonnegative(),
  days: z.number().int().positive(),
  start: z.iso.date(),
  end: z.iso.date(),
});

/**
 * The run.json of a run folder, or undefined when the folder has none (it is only needed for headers).
 * A run.json that is not JSON, or lacks a field (or holds a wrong one), is bad input naming the field,
 * rather than a header reading "day 0 to NaN".
 */
export function readRunInfo(dir: string): RunInfo | undefined {
  const path = join(dir, "run.json");
  if (!existsSync(path)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw new InputError({
      code: "bad-run-file",
      file: path,
      expected: "JSON written by corridor run",
      found: "unreadable JSON",
    });
  }
  const checked = runInfoShape.safeParse(data);
  if (!checked.success) {
    throw new InputError(
      checked.error.issues.map((issue) => ({
        code: "bad-run-file",
        file: path,
        path: issue.path.join(".") || "(top level)",
        expected: "the run.json written by corridor run",
        found: issue.code === "invalid_type" && issue.input === undefined ? "nothing" : "a wrong value",
      })),
    );
  }
  return data as RunInfo;
}
