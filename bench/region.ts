/**
 * Benchmark of the built-in region's ten-year run (issue 7's target: under 100 ms median), with every
 * hypothesis as the scenario sets it and with the hypotheses section empty (the cost of the
 * mechanisms), one seed per run after two warm-up runs, in this process.
 */
import { simulate } from "../src/core/engine/index.js";
import { loadScenarioFile } from "../src/node/load-scenario.js";
import { median } from "./median.js";
import type { BenchSection } from "./types.js";

const FILE = "scenarios/af-pak.yaml";
const TARGET_MS = 100;

export async function runRegionBench(
  runs = Number(process.env["BENCH_REGION_RUNS"] ?? 9),
): Promise<BenchSection[]> {
  const { scenario } = loadScenarioFile(FILE);
  const without = { ...scenario, hypotheses: {} };
  const time = (s: typeof scenario, label: string) => {
    for (let w = 0; w < 2; w++) simulate(s, { seed: 100 + w });
    const times: number[] = [];
    for (let seed = 1; seed <= runs; seed++) {
      process.stderr.write(`bench: region ${label}, seed ${seed} of ${runs}…\n`);
      const t = performance.now();
      simulate(s, { seed });
      times.push(performance.now() - t);
    }
    return times;
  };
  const all = time(scenario, "with its hypotheses");
  const none = time(without, "without hypotheses");
  const row = (label: string, times: number[]) => ({
    scenario: `${FILE}, ${label}`,
    runs,
    "median (ms)": median(times).toFixed(0),
    "fastest (ms)": Math.min(...times).toFixed(0),
    "slowest (ms)": Math.max(...times).toFixed(0),
  });
  const m = median(all);
  return [
    {
      title: "Engine: ten-year run of the built-in region",
      rows: [row("its 13 hypotheses as set", all), row("hypotheses section empty", none)],
      notes: [
        `Target: under ${TARGET_MS} ms median with the hypotheses as set: ${m < TARGET_MS ? "met" : `not met (${m.toFixed(0)} ms)`}. The mechanisms cost the difference between the rows; the rest is the daily steps (routing re-solves about 650 times in ten years).`,
      ],
    },
  ];
}
