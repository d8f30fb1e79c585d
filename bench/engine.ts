/**
 * Benchmark of the daily engine: ten-year runs (3,650 days) of synthetic regions of three sizes
 * (bench/synthetic-region.ts), with wall time, time per simulated day, equilibrium changes counted from
 * the run's own series, and memory. Medians over repeated runs after a warm-up run.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type * as Scenarios from "../src/core/scenario/index.js";
import type { Scenario } from "../src/core/scenario/index.js";
import { median } from "./median.js";
import { type RegionSize, syntheticRegionOfSize } from "./synthetic-region.js";
import type { BenchSection } from "./types.js";

// The runs are timed in a plain Node process on the compiled build (dist/, made by `npm run build`),
// which is what the CLI runs: a source-level loader would be measured along with the engine.
const RUNNER = fileURLToPath(new URL("./engine-runner.mjs", import.meta.url));
const SCENARIO_MODULE = "../dist/core/scenario/index.js";
const { validateScenario } = (await import(SCENARIO_MODULE)) as typeof Scenarios;

const DAYS = 3650;
const SEED = 1;
/** Memory is sampled every this many simulated days during a run. */
const SAMPLE_EVERY = 50;
/** Targets of the engine (issue text): the small region's ten-year run on one core. */
const TARGET_SMALL_MS = 100;
const TARGET_SMALL_MIB = 50;

interface Case {
  size: RegionSize;
  runs: number;
  /** Days of the warm-up run: a full run where that is cheap, one year where a run takes many seconds. */
  warmUpDays: number;
}

const CASES: Case[] = [
  { size: "small", runs: 7, warmUpDays: DAYS },
  { size: "medium", runs: 3, warmUpDays: 365 },
  { size: "large", runs: 3, warmUpDays: 365 },
];

interface Memory {
  /** Heap used plus typed arrays, bytes: before the run (after a collection), peak during, after (result alive). */
  before: number;
  peak: number;
  after: number;
  rssBefore: number;
  rssPeak: number;
  rssAfter: number;
}

/** What the runner reports of one run. */
interface Run {
  ms: number;
  memory: Memory;
  events: number;
  incidents: number;
  servedUsd: number;
  equilibriumChanges: number;
  closures: number;
}

/** A fingerprint of a run's outputs, to check every repetition computed the same thing. */
const fingerprint = (r: Run) => `${r.events}/${r.incidents}/${r.servedUsd}/${r.equilibriumChanges}`;

const ms = (x: number) => Number(x.toFixed(x < 10 ? 2 : x < 1000 ? 1 : 0));
const mib = (bytes: number) => Number((bytes / 2 ** 20).toFixed(1));

interface Measured {
  c: Case;
  scenario: Scenario;
  directedLinks: number;
  times: number[];
  /** The last timed run, whose result is kept for the counts and the memory figures. */
  last: Run;
  identical: boolean;
}

function measure(c: Case): Measured {
  const { scenario } = validateScenario(syntheticRegionOfSize(c.size, SEED), `synthetic-${c.size}.yaml`);
  const dir = mkdtempSync(join(tmpdir(), "corridor-bench-"));
  try {
    const file = join(dir, `synthetic-${c.size}.json`);
    writeFileSync(file, JSON.stringify(syntheticRegionOfSize(c.size, SEED)));
    process.stderr.write(`bench: engine, ${c.size} region, ${c.runs} runs after a warm-up…\n`);
    const output = execFileSync(
      process.execPath,
      ["--expose-gc", RUNNER, file, String(c.runs), String(c.warmUpDays), String(DAYS), String(SEED)],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 16 * 2 ** 20 },
    );
    const runs = JSON.parse(output) as Run[];
    const memoryRun = runs.pop()!;
    const directedLinks = [...scenario.links, ...scenario.crossings].reduce(
      (s, l) => s + (l.bidirectional ? 2 : 1),
      0,
    );
    const prints = new Set([...runs, memoryRun].map(fingerprint));
    return {
      c,
      scenario,
      directedLinks,
      times: runs.map((r) => r.ms),
      last: memoryRun,
      identical: prints.size === 1,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runSection(measured: Measured[]): BenchSection {
  const rows = measured.map(({ c, scenario, directedLinks, times, last, identical }) => {
    const t = median(times);
    return {
      region: c.size,
      nodes: scenario.nodes.length,
      "links + crossings": `${scenario.links.length} + ${scenario.crossings.length}`,
      "directed links": directedLinks,
      "demand pairs": scenario.demand.length,
      zones: scenario.zones.length,
      runs: times.length,
      "median ms": ms(t),
      "min ms": ms(Math.min(...times)),
      "ms per simulated day": Number((t / DAYS).toFixed(3)),
      "days the equilibrium changed": last.equilibriumChanges,
      "crossing closures": last.closures,
      incidents: last.incidents,
      "events logged": last.events,
      "same result every run": identical ? "yes" : "NO",
    };
  });
  const small = measured.find((m) => m.c.size === "small");
  const verdict = small
    ? `The small region's median is ${ms(median(small.times))} ms: target ${median(small.times) < TARGET_SMALL_MS ? "met" : "not met"}.`
    : "";
  return {
    title: "Engine: ten-year daily run (3,650 days) of synthetic regions",
    rows,
    notes: [
      `Target: the small region's ten-year run under ${TARGET_SMALL_MS} ms median on one core, and under ${TARGET_SMALL_MIB} MB of memory (next table). ${verdict}`,
      `Wall time of \`simulate(scenario, { seed: ${SEED}, days: 3650 })\` from the compiled build (dist/, as the CLI runs it): compiling the model, 3,650 days and the outcomes; generating and validating the scenario are not timed. ` +
        `Median of ${CASES.map((c) => `${c.runs} (${c.size})`).join(", ")} runs after a warm-up run ` +
        `(${CASES.map((c) => `${c.warmUpDays === DAYS ? "ten years" : `${c.warmUpDays} days`} for ${c.size}`).join(", ")}); no forced garbage collection between timed runs (a forced full collection drops compiled code, and the next run would be measured cold).`,
      "Regions: bench/synthetic-region.ts, seed 1 (sizes in `REGION_SIZES`); each state closes the crossing of its busiest border zone after 8 incidents in 30 days and reopens it after 20 closed days in 30, so closures and re-solves happen. Directed links exclude the centroid connectors and “no trip” links the engine adds.",
      "Days the equilibrium changed: days whose transport cost differs from the day before in the run's series. The engine keeps no public re-solve count, so this is a lower bound: a re-solve that lands on the same equilibrium leaves no trace. Crossing closures: days on which a crossing's open share fell to 0 (policy closures and overload failures).",
    ],
  };
}

function memorySection(measured: Measured[]): BenchSection {
  const rows = measured.map(({ c, last }) => {
    const m = last.memory;
    return {
      region: c.size,
      "heap + typed arrays before MiB": mib(m.before),
      "peak during the run MiB": mib(m.peak),
      "peak growth MiB": mib(m.peak - m.before),
      "kept by the result MiB": mib(m.after - m.before),
      "rss before MiB": mib(m.rssBefore),
      "rss peak MiB": mib(m.rssPeak),
      "rss after MiB": mib(m.rssAfter),
    };
  });
  const small = measured.find((m) => m.c.size === "small");
  const growth = small ? small.last.memory.peak - small.last.memory.before : Number.NaN;
  return {
    title: "Engine: memory of one ten-year run",
    rows,
    notes: [
      `process.memoryUsage() of one further run made after the timed ones: before it (after a full collection), sampled every ${SAMPLE_EVERY} simulated days and at the end, and after it with the result still held (after a collection). ` +
        "Heap figures are V8 heap used plus typed arrays; the peak includes garbage not yet collected, so it bounds what the run needs from above.",
      `Target: under ${TARGET_SMALL_MIB} MB for the small region, read as the peak growth (the process itself, with tsx and the loaded modules, starts well above that in rss). ` +
        `Small region: ${mib(growth)} MiB, target ${growth < TARGET_SMALL_MIB * 1e6 ? "met" : "not met"}. ` +
        `Peak rss of the whole benchmark process so far: ${mib(process.resourceUsage().maxRSS * 1024)} MiB.`,
    ],
  };
}

function growthSection(measured: Measured[]): BenchSection {
  const base = measured[0]!;
  const rows = measured.map((m, i) => {
    const t = median(m.times);
    const prev = measured[i - 1];
    const slope = (a: number, b: number, x: number, y: number) =>
      Number((Math.log(b / a) / Math.log(y / x)).toFixed(2));
    return {
      region: m.c.size,
      nodes: m.scenario.nodes.length,
      "directed links": m.directedLinks,
      "demand pairs": m.scenario.demand.length,
      "ms per simulated day": Number((t / DAYS).toFixed(3)),
      [`time × ${base.c.size}`]: Number((t / median(base.times)).toFixed(1)),
      "exponent vs the size before": prev
        ? slope(median(prev.times), t, prev.scenario.nodes.length, m.scenario.nodes.length)
        : "",
      "peak memory growth MiB": mib(m.last.memory.peak - m.last.memory.before),
    };
  });
  return {
    title: "Engine: how a run grows with network size",
    rows,
    notes: [
      "Exponent: log(time ratio) / log(node ratio) between neighbouring sizes (1 = linear in nodes). Links grow with nodes (about two per node); demand pairs and zones grow more slowly (REGION_SIZES).",
    ],
  };
}

export async function runEngineBench(): Promise<BenchSection[]> {
  const measured = CASES.map(measure);
  return [runSection(measured), memorySection(measured), growthSection(measured)];
}
