import { join } from "node:path";
import type { Command } from "commander";
import { runDays } from "../../core/engine/index.js";
import { caseCount, SAMPLERS } from "../../core/experiment/index.js";
import { DEFAULT_WORKERS, type ExploreSummary, explore } from "../explore/explore.js";
import {
  type ExperimentOverrides,
  type LoadedExperiment,
  loadExperiment,
} from "../explore/load-experiment.js";
import { Interrupted } from "../interrupted.js";
import type { Io } from "../io.js";
import { positiveInteger } from "../options.js";
import { checkResources, estimateBatch } from "../resources.js";
import { VERSION_TEXT } from "../version.js";
import { BUILT_IN_SCENARIO } from "./compare.js";

export interface ExploreCommandOptions extends ExperimentOverrides {
  store?: string;
  workers?: number;
  json?: boolean;
}

/**
 * Refuses an exploration of a scenario that cannot fit in memory, and warns when it will take long,
 * before any case runs (the estimate of src/node/resources.ts: each worker holds one run; rows are
 * streamed to the store, so no run is kept).
 */
export function checkExplorationResources(loaded: LoadedExperiment, workers: number, io: Io): void {
  if (loaded.spec.kind !== "scenario") return;
  const { scenario } = loaded.spec;
  const days = runDays(
    scenario,
    loaded.plan.model.days === undefined ? {} : { days: loaded.plan.model.days },
  );
  const cases = caseCount(loaded.plan, loaded.futures.count);
  const batch = estimateBatch(scenario, days, cases, { workers, keptRuns: 0 });
  // The design is held whole: unit-cube values and codes, 8 bytes each, per future and input.
  const designBytes = loaded.futures.count * loaded.plan.inputs.length * 16;
  checkResources(
    { ...batch, bytes: batch.bytes + designBytes },
    `an exploration of ${cases.toLocaleString("en-US")} runs of ${days.toLocaleString("en-US")} days of ${loaded.modelFile}`,
    io,
    undefined,
    "the cases done are kept, and the same command resumes",
  );
}

/** Runs an exploration from the command line: Ctrl-C stops it cleanly, the version is recorded. */
export function exploreInto(
  loaded: LoadedExperiment,
  store: string,
  workers: number | undefined,
  io: Io,
): Promise<ExploreSummary> {
  return explore(
    loaded,
    { store, ...(workers ? { workers } : {}), handleSignals: true, version: VERSION_TEXT },
    io,
  );
}

/** The summary as a few lines: how many cases, how many failed and why, how fast, where the store is. */
export function summaryLines(s: ExploreSummary): string[] {
  const lines = [
    `${s.total} cases (${s.futures} futures): ${s.ok} ok, ${s.failed} failed${s.already > 0 ? ` (${s.already} were already stored; ${s.ran} run now)` : ""}.`,
  ];
  for (const e of s.errors) lines.push(`  ${e.count} failed like this: ${e.error}`);
  if (s.ran > 0)
    lines.push(
      `${s.ran} cases in ${s.seconds.toFixed(1)} s on ${s.workers === 1 ? "the main thread" : `${s.workers} worker threads`} (${(s.ran / Math.max(s.seconds, 1e-9)).toFixed(1)} cases/s).`,
    );
  lines.push(`Store: ${s.store}`);
  return lines;
}

export function registerExplore(program: Command, io: Io): void {
  program
    .command("explore")
    .description(
      "run every case of an experiment (or of a scenario's default experiment) on worker threads into a resumable DuckDB store",
    )
    .argument(
      "[file]",
      "experiment file, or a scenario file to explore over every assumption (default: the built-in region)",
    )
    .option(
      "--store <file>",
      "the store (default: runs/explore-<name>/store.duckdb); an existing one is resumed",
    )
    .option(
      "--workers <n>",
      `worker threads (default: ${DEFAULT_WORKERS}, one per core)`,
      positiveInteger("--workers"),
    )
    .option(
      "--futures <n>",
      "sampler size (futures; base rows for saltelli; trajectories for morris)",
      positiveInteger("--futures"),
    )
    .option("--sampler <method>", `design: ${SAMPLERS.join(", ")}`)
    .option("--seed <n>", "master seed", positiveInteger("--seed"))
    .option("--replications <n>", "seeds per future and lever", positiveInteger("--replications"))
    .option("--days <n>", "days each run simulates (default: ten years)", positiveInteger("--days"))
    .option("--json", "print the summary as JSON")
    .action(async (file: string | undefined, options: ExploreCommandOptions) => {
      const path = file ?? BUILT_IN_SCENARIO;
      if (options.sampler !== undefined && !(SAMPLERS as readonly string[]).includes(options.sampler))
        throw new (await import("../../core/errors/index.js")).InputError({
          code: "invalid-value",
          path: "--sampler",
          expected: `one of ${SAMPLERS.join(", ")}`,
          found: `"${options.sampler}"`,
        });
      const loaded = await loadExperiment(path, options);
      checkExplorationResources(loaded, options.workers ?? DEFAULT_WORKERS, io);
      const store = options.store ?? join("runs", `explore-${loaded.stem}`, "store.duckdb");
      io.err(
        `exploring ${loaded.plan.name}: ${loaded.plan.inputs.length} uncertainties, ${loaded.plan.levers.map((l) => `${l.values.length} × ${l.name}`).join(", ") || "no levers"}, ${loaded.plan.outcomes.length} outcomes\n`,
      );
      const summary = await exploreInto(loaded, store, options.workers, io);
      if (summary.interrupted)
        throw new Interrupted(
          `interrupted: ${summary.ok + summary.failed} of ${summary.total} cases are in ${store}; run the same command again to resume.`,
        );
      if (options.json) io.out(`${JSON.stringify(summary, null, 2)}\n`);
      else
        io.out(
          `${[...summaryLines(summary), `Next: corridor analyze ${store} sobol | prim | robustness | claims, or corridor export ${store} --format parquet`].join("\n")}\n`,
        );
    });
}
