import type { Command } from "commander";
import type { Io } from "../io.js";
import { positiveInteger } from "../options.js";
import { BUILT_IN_SCENARIO, DEFAULT_WORKERS, runComparison } from "./compare.js";

/** Seeds per policy in the main job: enough for a stable mean and band, quick on a laptop. */
export const DEMO_SEEDS = 20;
export const DEMO_OUT = "runs/demo";

/** The options `demo` takes; kept when `demo` changes what it runs. */
export interface DemoOptions {
  seeds: number;
  workers?: number;
  out?: string;
  force?: boolean;
}

/**
 * The main job of the Quick start: the built-in Pakistan–Afghanistan region, ten years forward from the
 * latest date of its facts, under each of Pakistan's named policies (Afghanistan answering with its own),
 * for `DEMO_SEEDS` seeds each; prints the comparison and writes it to `runs/demo/`.
 */
export function registerDemo(program: Command, io: Io): void {
  program
    .command("demo")
    .description(
      `the main job: compare the built-in region's policies over ten years, ${DEMO_SEEDS} seeds each, and write the results to runs/demo/`,
    )
    .option("--seeds <n>", "seeds per policy", positiveInteger("--seeds"), DEMO_SEEDS)
    .option(
      "--workers <n>",
      `worker threads (default: ${DEFAULT_WORKERS}, one per core)`,
      positiveInteger("--workers"),
    )
    .option(
      "--out <dir>",
      "results folder (default: runs/demo, or the first free runs/demo-2, -3, … when taken)",
    )
    .option("--force", "replace an earlier results folder at that path")
    .action(async (options: DemoOptions) => {
      io.out(
        "Corridor main job: the built-in Pakistan–Afghanistan region under each of Pakistan's named policies.\n",
      );
      await runComparison(
        BUILT_IN_SCENARIO,
        {
          seeds: options.seeds,
          defaultOut: DEMO_OUT,
          ...(options.out !== undefined && { out: options.out }),
          ...(options.workers !== undefined && { workers: options.workers }),
          ...(options.force && { force: true }),
        },
        io,
      );
    });
}
