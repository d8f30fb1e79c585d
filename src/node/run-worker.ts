/** Worker thread of run-pool.ts: simulates its share of the jobs and posts each run's outcomes. */
import { parentPort, workerData } from "node:worker_threads";
import { simulate } from "../core/engine/index.js";
import type { Scenario } from "../core/scenario/types.js";
import type { RunJob } from "./run-pool.js";

const { scenario, jobs } = workerData as { scenario: Scenario; jobs: RunJob[] };
for (const job of jobs) {
  const result = simulate(scenario, {
    seed: job.seed,
    policies: job.policies,
    ...(job.days === undefined ? {} : { days: job.days }),
  });
  parentPort!.postMessage({ index: job.index, outcomes: result.outcomes });
}
