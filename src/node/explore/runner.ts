/**
 * Runners evaluate cases and report each result as it finishes, in any order. Two implementations
 * share one contract (and one test suite): in-process, on the main thread, and a pool of worker
 * threads (piscina). A case's result depends only on the case, so both give the same rows.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { CaseResult, CaseTask } from "../../core/experiment/index.js";
import { createEvaluator, type ModelSpec } from "./model-spec.js";

export interface CaseRunner {
  /** Evaluates `tasks`, calling `onResult` once per case as it finishes. Resolves when all are done or after stop(). */
  run(tasks: Iterable<CaseTask>, onResult: (result: CaseResult) => void): Promise<void>;
  /** Asks the runner to start no further cases; run() resolves once those under way have reported. */
  stop(): void;
  close(): Promise<void>;
}

/** Cases one after another on this thread, yielding to the event loop between them (so Ctrl-C is heard). */
export function inProcessRunner(spec: ModelSpec): CaseRunner {
  let stopped = false;
  const evaluator = createEvaluator(spec);
  return {
    async run(tasks, onResult) {
      const evaluate = await evaluator;
      for (const task of tasks) {
        if (stopped) break;
        onResult(await evaluate(task));
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    },
    stop() {
      stopped = true;
    },
    async close() {},
  };
}

/** The compiled worker: from `src/node/explore` and `dist/node/explore` alike, `<package>/dist/node/explore/case-worker.js`. */
const WORKER = new URL("../../../dist/node/explore/case-worker.js", import.meta.url);

export function poolAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

export interface PoolOptions {
  workers: number;
  /** Cases per task sent to a worker: 1 for simulations; more for cheap functions, to save messages. */
  chunk?: number;
}

/** Cases spread over `workers` threads, each receiving the model once and then chunks of cases. */
export function poolRunner(spec: ModelSpec, options: PoolOptions): CaseRunner {
  const pool = new Piscina({
    filename: WORKER.href,
    workerData: spec,
    minThreads: options.workers,
    maxThreads: options.workers,
    idleTimeout: 60_000,
  });
  const chunk = Math.max(1, options.chunk ?? 1);
  let stopped = false;
  return {
    async run(tasks, onResult) {
      const inFlight = new Set<Promise<void>>();
      const limit = options.workers * 2;
      const send = (batch: CaseTask[]) => {
        const job: Promise<void> = pool
          .run(batch)
          .then((results: CaseResult[]) => {
            for (const r of results) onResult(r);
          })
          .catch((error: unknown) => {
            // The worker itself died (not a case that threw: those come back as failed results).
            const message = error instanceof Error ? error.message : String(error);
            for (const t of batch)
              onResult({
                caseId: t.key.caseId,
                status: "failed",
                error: `worker failed: ${message}`,
                outcomes: spec.plan.outcomes.map(() => null),
              });
          })
          .finally(() => inFlight.delete(job));
        inFlight.add(job);
      };
      let batch: CaseTask[] = [];
      for (const task of tasks) {
        if (stopped) break;
        batch.push(task);
        if (batch.length < chunk) continue;
        send(batch);
        batch = [];
        while (inFlight.size >= limit) await Promise.race(inFlight);
      }
      if (batch.length > 0 && !stopped) send(batch);
      await Promise.all(inFlight);
    },
    stop() {
      stopped = true;
    },
    async close() {
      await pool.destroy();
    },
  };
}
