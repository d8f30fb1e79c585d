/** Worker thread of run-pool.ts: simulates its share of the jobs and posts each run's outcomes (and its main series when the job asks). */
import { parentPort, workerData } from "node:worker_threads";
import { mainSeries, simulate } from "../core/engine/index.js";
import type { Scenario } from "../core/scenario/types.js";
import type { RunJob } from "./run-pool.js";

const { scenario, jobs } = workerData as { scenario: Scenario; jobs: RunJob[] };
for (const job of jobs) {
  const result = simulate(scenario, {
    seed: job.seed,
    policies: job.policies,
    ...(job.days === undefined ? {} : { days: job.days }),
  });
  const series = job.focus ? mainSeries(result.series, job.focus) : undefined;
  parentPort!.postMessage(
    { index: job.index, outcomes: result.outcomes, series },
    series ? Object.values(series).map((v) => v.buffer as ArrayBuffer) : [],
  );
}
