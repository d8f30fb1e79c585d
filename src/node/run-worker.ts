/** Worker thread of run-pool.ts: simulates its share of the jobs and posts each run's outcomes. */
import { parentPort, workerData } from "node:worker_threads";
import { simulate } from "../core/engine/index.js";
import { InputError } from "../core/errors/index.js";
import type { Scenario } from "../core/scenario/types.js";
import type { RunJob } from "./run-pool.js";

const { scenario, jobs } = workerData as { scenario: Scenario; jobs: RunJob[] };
try {
  for (const job of jobs) {
    const result = simulate(scenario, {
      seed: job.seed,
      policies: job.policies,
      ...(job.days === undefined ? {} : { days: job.days }),
    });
    parentPort!.postMessage({ index: job.index, outcomes: result.outcomes });
  }
} catch (error) {
  // Bad input found during a run (e.g. costs that overflow) stays bad input across the thread boundary:
  // its issues go back as data, since an Error's class does not survive structured cloning.
  if (!(error instanceof InputError)) throw error;
  parentPort!.postMessage({ inputError: error.issues });
}
