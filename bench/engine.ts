/**
 * Benchmark of the daily engine: ten-year runs (3,650 days) of synthetic regions of three sizes
 * (bench/synthetic-region.ts), with wall time, time per simulated day, equilibrium changes counted from
 * the run's own series, and memory. Medians over repeated runs after a warm-up run.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { type SimulationResult, simulate } from "../src/core/engine/index.js";
import { type Scenario, validateScenario } from "../src/core/scenario/index.js";
import { type RegionSize, syntheticRegionOfSize } from "./synthetic-region.js";
import type { BenchSection } from "./types.js";

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

interface Run {
  ms: number;
  memory: Memory;
  result: SimulationResult;
}

/**
 * A full garbage collection between runs, when V8 lets us expose it, so each run starts from the same
 * heap and "after" counts what the result keeps. V8 reads the flag when a new context is made.
 */
const collect: (() => void) | undefined = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
})();

const used = (m: NodeJS.MemoryUsage) => m.heapUsed + m.arrayBuffers;

function timedRun(scenario: Scenario, days: number): Run {
  collect?.();
  const start = process.memoryUsage();
  let peak = used(start);
  let rssPeak = start.rss;
  const onDay = (day: number) => {
    if (day % SAMPLE_EVERY !== 0) return;
    const m = process.memoryUsage();
    peak = Math.max(peak, used(m));
    rssPeak = Math.max(rssPeak, m.rss);
  };
  const t = performance.now();
  const result = simulate(scenario, { seed: SEED, days, onDay });
  const ms = performance.now() - t;
  const end = process.memoryUsage();
  peak = Math.max(peak, used(end));
  rssPeak = Math.max(rssPeak, end.rss);
  collect?.();
  const kept = process.memoryUsage();
  return {
    ms,
    result,
    memory: {
      before: used(start),
      peak,
      after: used(kept),
      rssBefore: start.rss,
      rssPeak,
      rssAfter: kept.rss,
    },
  };
}

/**
 * Days on which the equilibrium changed: the transport cost of the trips made is recomputed only by a
 * re-solve, so each change marks one. A re-solve that lands on exactly the same equilibrium leaves no
 * trace, so this is a lower bound on the engine's re-solves (it reports no counter of its own).
 */
function equilibriumChanges(result: SimulationResult): number {
  const cost = result.series.values["trade.transport_cost_usd"];
  if (!cost) return Number.NaN;
  let changes = 0;
  for (let d = 1; d < cost.length; d++) if (cost[d] !== cost[d - 1]) changes++;
  return changes;
}

/** Starts of crossing closures (policy closures and overload failures): open share falling to 0. */
function closures(result: SimulationResult): number {
  let count = 0;
  for (const name of result.series.columns) {
    if (!name.startsWith("open_share.")) continue;
    const share = result.series.values[name]!;
    for (let d = 1; d < share.length; d++) if (share[d] === 0 && share[d - 1]! > 0) count++;
  }
  return count;
}

/** A fingerprint of a run's outputs, to check every repetition computed the same thing. */
const fingerprint = (r: SimulationResult) =>
  `${r.events.length}/${r.outcomes.incidents}/${r.outcomes.trade.servedUsd}/${equilibriumChanges(r)}`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
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
  process.stderr.write(`bench: engine, ${c.size} region, warm-up…\n`);
  timedRun(scenario, c.warmUpDays);
  const times: number[] = [];
  const prints = new Set<string>();
  let last: Run | undefined;
  for (let i = 0; i < c.runs; i++) {
    process.stderr.write(`bench: engine, ${c.size} region, run ${i + 1} of ${c.runs}…\n`);
    // Drop the previous result first, so that every run starts from the same heap.
    last = undefined;
    last = timedRun(scenario, DAYS);
    times.push(last.ms);
    prints.add(fingerprint(last.result));
  }
  const directedLinks = [...scenario.links, ...scenario.crossings].reduce(
    (s, l) => s + (l.bidirectional ? 2 : 1),
    0,
  );
  return { c, scenario, directedLinks, times, last: last!, identical: prints.size === 1 };
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
      "days the equilibrium changed": equilibriumChanges(last.result),
      "crossing closures": closures(last.result),
      incidents: last.result.outcomes.incidents,
      "events logged": last.result.events.length,
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
      `Wall time of \`simulate(scenario, { seed: ${SEED}, days: 3650 })\`: compiling the model, 3,650 days and the outcomes; generating and validating the scenario are not timed. ` +
        `Median of ${CASES.map((c) => `${c.runs} (${c.size})`).join(", ")} runs after a warm-up run ` +
        `(${CASES.map((c) => `${c.warmUpDays === DAYS ? "ten years" : `${c.warmUpDays} days`} for ${c.size}`).join(", ")}), with a full garbage collection before each run${collect ? "" : " (not available here: none)"}.`,
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
      `process.memoryUsage() of the last timed run: before it (after a collection), sampled every ${SAMPLE_EVERY} simulated days and at the end, and after it with the result still held (after a collection). ` +
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
