/**
 * Resource limits stated up front: before a run, a comparison or an exploration starts, estimate the
 * memory and time it needs from the scenario's size and the number of days, and refuse it with the
 * estimate when it cannot fit this machine (rather than failing after minutes with an out-of-memory
 * crash or a RangeError), or warn when it will take long.
 *
 * The estimate is deliberately coarse (docs/outputs.md, "Resource limits"): what dominates is known —
 * the daily series (one 8-byte number per column per day, then about 7 characters each in series.csv,
 * which is built as one JavaScript string and so is bounded by V8's longest string), the network model
 * (per-origin shortest-path trees over every node and link), and per-day engine work calibrated on the
 * built-in scenarios. It errs on the side of running: only a clear excess is refused.
 */
import { totalmem } from "node:os";
import { InputError } from "../core/errors/index.js";
import type { Scenario } from "../core/scenario/types.js";
import type { Io } from "./io.js";

/** V8's longest string on 64-bit platforms (2^29 − 24 characters): series.csv must fit in one. */
export const MAX_STRING_CHARS = 2 ** 29 - 24;
/** Columns every run records whatever the scenario (trade, performance, queues, returns, projects). */
const FIXED_COLUMNS = 10;
/** Characters per value in series.csv (measured 6.2–6.6 on the built-in scenarios) and per row. */
const CSV_CHARS_PER_VALUE = 7;
const CSV_CHARS_PER_ROW = 12;
/**
 * Engine time per simulated day: a fixed part, and routing growing as (origins × elements)^(4/3),
 * amortised over the re-solves. Fitted to BENCHMARKS.md (2026-12-04, one core of the 2-core machine):
 * the synthetic regions at 0.066, 0.918 and 9.9 ms a day (origins × elements 1,950, 30,000 and
 * 187,500; this gives 0.072, 0.98 and 10.8) and the built-in region at 0.06–0.08 ms a day in an
 * exploration (2,420; this gives 0.082).
 */
const SECONDS_PER_DAY = 5e-5;
const ROUTING_SECONDS_PER_DAY = 1e-9;
const ROUTING_POWER = 4 / 3;
/** Memory per network element (scenario objects, compact graph, paths) and per origin × element (trees). */
const BYTES_PER_ELEMENT = 600;
const BYTES_PER_ORIGIN_ELEMENT = 16;
/** A Node process's own footprint: code, DuckDB, buffers. */
const BASE_BYTES = 200 * 2 ** 20;
/** Warn when the work is expected to take longer than this. */
const WARN_SECONDS = 10 * 60;

export interface RunEstimate {
  days: number;
  /** Daily series columns (an upper bound: pairs and owners counted generously). */
  columns: number;
  /** Nodes, links and crossings. */
  elements: number;
  /** Demand zones: the origins of the shortest-path trees. */
  origins: number;
  /** Bytes of the daily series (numbers) and of series.csv's text. */
  seriesBytes: number;
  csvChars: number;
  /** Bytes of the network model. */
  networkBytes: number;
  /** Bytes one run needs at its peak (series, CSV text, network, the process itself). */
  bytes: number;
  /** Seconds one run takes on one core, roughly. */
  seconds: number;
}

/** How many series columns a scenario's run records (see src/core/engine/recorder.ts). */
export function seriesColumns(scenario: Scenario): number {
  const states = scenario.actors.filter((a) => a.kind === "state").length;
  const owners = new Set(scenario.demand.map((d) => d.owner).filter(Boolean)).size;
  const transitOwners = new Set(scenario.demand.filter((d) => d.transitVia !== undefined).map((d) => d.owner))
    .size;
  return (
    FIXED_COLUMNS +
    2 * scenario.zones.length +
    3 * scenario.crossings.length +
    3 * scenario.relations.length +
    // dependence.<a>.<s> and via_usd.<a>.<s>; hhi.<a> and trade_usd.<a>; transit_usd.<a>.<s>
    2 * owners * states +
    2 * owners +
    transitOwners * states +
    states +
    scenario.policies.length
  );
}

export function estimateRun(scenario: Scenario, days: number): RunEstimate {
  const columns = seriesColumns(scenario);
  const elements = scenario.nodes.length + scenario.links.length + scenario.crossings.length;
  const origins = Math.max(1, scenario.nodes.filter((n) => n.zone).length);
  const seriesBytes = days * columns * 8;
  const csvChars = days * (CSV_CHARS_PER_ROW + columns * CSV_CHARS_PER_VALUE);
  const networkBytes = elements * BYTES_PER_ELEMENT + origins * elements * BYTES_PER_ORIGIN_ELEMENT;
  // The CSV text and its lines exist at once while written: count the text twice.
  const bytes = BASE_BYTES + seriesBytes + 2 * csvChars + networkBytes;
  const seconds = days * (SECONDS_PER_DAY + ROUTING_SECONDS_PER_DAY * (origins * elements) ** ROUTING_POWER);
  return { days, columns, elements, origins, seriesBytes, csvChars, networkBytes, bytes, seconds };
}

export interface BatchEstimate {
  run: RunEstimate;
  runs: number;
  workers: number;
  /** Peak bytes: each worker holds one run, and `keptRuns` full results are kept for writing. */
  bytes: number;
  /** Wall-clock seconds with the runs spread over the workers. */
  seconds: number;
}

/** Many runs of one scenario (a comparison, an exploration), `workers` at a time, `keptRuns` kept whole. */
export function estimateBatch(
  scenario: Scenario,
  days: number,
  runs: number,
  options: { workers: number; keptRuns: number },
): BatchEstimate {
  const run = estimateRun(scenario, days);
  const workers = Math.max(1, Math.min(options.workers, runs));
  const perRun = run.bytes - BASE_BYTES;
  const bytes = BASE_BYTES * (1 + workers) + perRun * (workers + options.keptRuns);
  const seconds = (run.seconds * runs) / workers;
  return { run, runs, workers, bytes, seconds };
}

/** Memory this process may plan to use: half of the machine's (or of its container's limit). */
export function memoryBudget(): number {
  const total = totalmem();
  const limit = process.constrainedMemory?.() ?? 0;
  return (limit > 0 && limit < total ? limit : total) / 2;
}

const gib = (bytes: number) =>
  bytes >= 2 ** 30
    ? `${(bytes / 2 ** 30).toFixed(1)} GiB`
    : `${Math.max(1, Math.round(bytes / 2 ** 20))} MiB`;

export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${Math.round(seconds / 86400).toLocaleString("en-US")} days`;
}

/**
 * Refuses work that cannot fit (InputError naming the estimate and how many days would fit), and
 * warns on stderr when it will take long. `what` names the work: "a run of 3,650 days of af-pak.yaml".
 */
export function checkResources(
  estimate: RunEstimate | BatchEstimate,
  what: string,
  io: Io,
  budget = memoryBudget(),
  onStop = "nothing is written until it ends",
): void {
  const run = "run" in estimate ? estimate.run : estimate;
  const perDayChars = run.csvChars / run.days;
  const perDayBytes = (estimate.bytes - (run.networkBytes + BASE_BYTES)) / run.days;
  const fits = Math.floor(
    Math.min(
      MAX_STRING_CHARS / perDayChars,
      Math.max(0, budget - run.networkBytes - BASE_BYTES) / perDayBytes,
    ),
  );
  const fewer =
    fits >= 1 ? `use at most about ${fits.toLocaleString("en-US")} --days` : "use a smaller network";
  if (run.csvChars > MAX_STRING_CHARS) {
    throw new InputError({
      code: "too-large",
      path: "--days",
      message:
        `${what} would write about ${run.csvChars.toLocaleString("en-US")} characters of series.csv ` +
        `(${run.columns} columns a day), more than one file's text can hold (${MAX_STRING_CHARS.toLocaleString("en-US")}); ${fewer}`,
    });
  }
  if (estimate.bytes > budget) {
    throw new InputError({
      code: "too-large",
      path: run.networkBytes > budget / 2 ? "scenario" : "--days",
      message:
        `${what} would need about ${gib(estimate.bytes)} of memory (daily series ${gib(run.seriesBytes)}, ` +
        `network model ${gib(run.networkBytes)}: ${run.elements.toLocaleString("en-US")} nodes, links and crossings × ` +
        `${run.origins.toLocaleString("en-US")} demand zones), more than the ${gib(budget)} this machine offers; ${run.networkBytes > budget / 2 ? "use a smaller network" : fewer}`,
    });
  }
  if (estimate.seconds > WARN_SECONDS) {
    io.err(
      `note: ${what} will take roughly ${formatDuration(estimate.seconds)} and about ${gib(estimate.bytes)} of memory (Ctrl-C stops it; ${onStop})\n`,
    );
  }
}
