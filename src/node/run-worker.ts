/** Worker thread of run-pool.ts: simulates its share of the jobs and posts each run's outcomes (and its main series when the job asks). */
import { parentPort, workerData } from "node:worker_threads";
import { mainSeries, simulate } from "../core/engine/index.js";
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
      // Only outcomes and the main series leave the worker: no event log to keep.
      keepEvents: false,
    });
    const series = job.focus ? mainSeries(result.series, job.focus) : undefined;
    parentPort!.postMessage(
      { index: job.index, outcomes: result.outcomes, series },
      series ? Object.values(series).map((v) => v.buffer as ArrayBuffer) : [],
    );
  }
} catch (error) {
  // Bad input found during a run (e.g. costs that overflow) stays bad input across the thread boundary:
  // its issues go back as data, since an Error's class does not survive structured cloning.
  if (!(error instanceof InputError)) throw error;
  parentPort!.postMessage({ inputError: error.issues });
}
