import type { Command } from "commander";
import type { Io } from "../io.js";
import { positiveInteger } from "../options.js";
import { BUILT_IN_SCENARIO, runComparison } from "./compare.js";

/** Seeds per policy in the main job: enough for a stable mean and band, quick on a laptop. */
const DEMO_SEEDS = 20;

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
    .option("--out <dir>", "results folder", "runs/demo")
    .action(async (options: { seeds: number; out: string }) => {
      io.out(
        "Corridor main job: the built-in Pakistan–Afghanistan region under each of Pakistan's named policies.\n",
      );
      await runComparison(BUILT_IN_SCENARIO, { seeds: options.seeds, out: options.out }, io);
    });
}
