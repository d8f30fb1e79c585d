/**
 * Runs many independent simulations of one scenario on worker threads. Each worker gets a fixed share
 * of the jobs (every n-th), simulates them with the compiled core and posts each run's outcomes back;
 * a run depends only on its scenario, seed and policies, so the results are the same whatever the
 * number of workers (tested).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ComparisonFocus, Outcomes } from "../core/engine/index.js";
import { InputError, type InputIssue } from "../core/errors/index.js";
import type { Scenario } from "../core/scenario/types.js";

export interface RunJob {
  /** Identifies the job; results come back tagged with it. */
  index: number;
  seed: number;
  policies: string[];
  days?: number;
  /** When set, the worker also sends back the run's main series for this focus (`mainSeries`). */
  focus?: ComparisonFocus;
}

type WorkerMessage =
  | { index: number; outcomes: Outcomes; series?: Record<string, Float64Array> }
  | { inputError: InputIssue[] };

/** The compiled worker: from `src/node` and `dist/node` alike this is `<package>/dist/node/run-worker.js`. */
const WORKER = new URL("../../dist/node/run-worker.js", import.meta.url);

export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

/** Simulates `jobs` on `workers` threads; `onDone` is called on the main thread as each run finishes. */
export function runInWorkers(
  scenario: Scenario,
  jobs: RunJob[],
  workers: number,
  onDone: (job: RunJob, outcomes: Outcomes, series?: Record<string, Float64Array>) => void,
): Promise<void> {
  const byIndex = new Map(jobs.map((job) => [job.index, job]));
  const count = Math.max(1, Math.min(workers, jobs.length));
  const shares = Array.from({ length: count }, (_, w) => jobs.filter((_, i) => i % count === w));
  return Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(WORKER, { workerData: { scenario, jobs: share } });
          worker.on("message", (message: WorkerMessage) => {
            if ("inputError" in message) reject(new InputError(message.inputError));
            else onDone(byIndex.get(message.index)!, message.outcomes, message.series);
          });
          worker.once("error", reject);
          worker.once("exit", (code) =>
            code === 0 ? resolve() : reject(new Error(`run worker exited with ${code}`)),
          );
        }),
    ),
  ).then(() => undefined);
}
