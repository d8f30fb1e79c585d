/**
 * Runs an experiment into its store: draws the design, skips the cases already stored (a resumed
 * run), evaluates the rest on a runner, and writes finished cases in batches of one transaction each,
 * so memory stays flat and an interruption (Ctrl-C, kill -9) loses at most the batch under way.
 */
import { availableParallelism } from "node:os";
import {
  type CaseResult,
  type CaseTask,
  caseCount,
  caseKey,
  leverLabel,
  leverValues,
} from "../../core/experiment/index.js";
import type { Io } from "../io.js";
import { startProgress } from "../progress.js";
import type { LoadedExperiment } from "./load-experiment.js";
import { type CaseRunner, inProcessRunner, poolAvailable, poolRunner } from "./runner.js";
import { type CaseRow, ExploreStore, STORE_FORMAT, type StoreMeta } from "./store.js";

/** Worker threads by default: one per core. */
export const DEFAULT_WORKERS = Math.max(1, availableParallelism());

export interface ExploreOptions {
  store: string;
  /** Worker threads; 1 evaluates on the main thread. Default: one per core. */
  workers?: number;
  /** Force a runner (tests): otherwise the pool when workers > 1 and it is built. */
  runner?: "in-process" | "pool";
  /** Cases per store transaction. */
  batch?: number;
  /** Listen for SIGINT/SIGTERM and stop cleanly (the CLI); off in tests. */
  handleSignals?: boolean;
  version: string;
}

export interface ExploreSummary {
  store: string;
  futures: number;
  total: number;
  /** Cases found in the store before this run. */
  already: number;
  /** Cases run now. */
  ran: number;
  ok: number;
  failed: number;
  errors: { error: string; count: number }[];
  seconds: number;
  runner: string;
  workers: number;
  interrupted: boolean;
}

export async function explore(
  loaded: LoadedExperiment,
  options: ExploreOptions,
  io: Io,
): Promise<ExploreSummary> {
  const { plan } = loaded;
  const design = loaded.futures;
  const futures = design.count;
  const total = caseCount(plan, futures);
  const meta: StoreMeta = {
    format: STORE_FORMAT,
    experimentHash: loaded.experimentHash,
    modelHash: loaded.modelHash,
    source: loaded.source,
    model: loaded.modelFile,
    plan,
    futures,
    cases: total,
    version: options.version,
    createdAt: new Date().toISOString(),
  };
  const store = await ExploreStore.openFor(options.store, meta);
  let runner: CaseRunner | undefined;
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    runner?.stop();
    io.err(
      "\nstopping: finishing the cases under way and saving them (press Ctrl-C again to abandon them)…\n",
    );
    process.once("SIGINT", () => process.exit(130));
  };
  try {
    const done = await store.doneIds();
    const already = done.size;
    const workers = Math.max(1, Math.min(options.workers ?? DEFAULT_WORKERS, total - already || 1));
    const usePool =
      options.runner === "pool" || (options.runner === undefined && workers > 1 && poolAvailable());
    runner = usePool
      ? poolRunner(loaded.spec, {
          workers,
          // Simulations go one per message; cheap functions in chunks, about twenty per worker overall.
          chunk:
            plan.model.kind === "module"
              ? Math.max(1, Math.min(256, Math.ceil((total - already) / (20 * workers))))
              : 1,
        })
      : inProcessRunner(loaded.spec);
    if (already > 0 && already < total)
      io.err(`resuming: ${already} of ${total} cases already in ${options.store}\n`);

    function* tasks(): Generator<CaseTask> {
      for (let id = 0; id < total; id++) {
        if (done.has(id)) continue;
        const key = caseKey(plan, id);
        yield { key, inputs: design.row(key.future) };
      }
    }

    const label = plan.model.kind === "scenario" ? "runs" : "cases";
    const progress = startProgress(io, label, total, { rate: true, already });
    const batchSize = options.batch ?? 32;
    let buffer: CaseRow[] = [];
    let writing: Promise<void> = Promise.resolve();
    let lastFlush = Date.now();
    let finished = already;
    let writeError: unknown;
    const flush = () => {
      const rows = buffer;
      buffer = [];
      lastFlush = Date.now();
      writing = writing
        .then(() => store.write(rows))
        .catch((error: unknown) => {
          writeError ??= error;
          runner?.stop();
        });
    };
    const onResult = (result: CaseResult) => {
      const key = caseKey(plan, result.caseId);
      buffer.push({
        key,
        lever: leverLabel(plan, key.lever),
        levers: leverValues(plan, key.lever),
        inputs: design.row(key.future),
        result,
      });
      progress.update(++finished);
      if (buffer.length >= batchSize || Date.now() - lastFlush > 2000) flush();
    };
    if (options.handleSignals) {
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
    }
    const started = Date.now();
    await runner.run(tasks(), onResult);
    flush();
    await writing;
    progress.stop();
    if (writeError) throw writeError;
    const seconds = (Date.now() - started) / 1000;
    const summary = await store.summary();
    return {
      store: options.store,
      futures,
      total,
      already,
      ran: finished - already,
      ...summary,
      seconds,
      runner: usePool ? "worker threads" : "main thread",
      workers: usePool ? workers : 1,
      interrupted,
    };
  } finally {
    if (options.handleSignals) {
      process.removeListener("SIGINT", onSignal);
      process.removeListener("SIGTERM", onSignal);
    }
    await runner?.close();
    store.close();
  }
}
