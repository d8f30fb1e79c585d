// Times exploration of the built-in region in a plain Node process on the compiled build (dist/), as
// `corridor explore` runs it: under a source-level loader (tsx) the workers inherit the loader and run
// the same compiled code about 1.4 times slower, which a benchmark must not measure. Used by
// bench/explore.ts:
//   node bench/explore-runner.mjs explore <scenario.yaml> <runs> <workers>
//   node bench/explore-runner.mjs store <scenario.yaml> <rows>
// Prints one JSON line: for `explore`, the runs, failures, wall seconds, peak RSS (bytes) and the width
// of a row; for `store`, the rows per second the store took in batches of 32.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href;
const { caseKey } = await import(dist("core/experiment/index.js"));
const { explore } = await import(dist("node/explore/explore.js"));
const { loadExperiment } = await import(dist("node/explore/load-experiment.js"));
const { ExploreStore, STORE_FORMAT } = await import(dist("node/explore/store.js"));
const { bufferIo } = await import(dist("node/io.js"));

const POLICIES = 4;
const [task, file, countText, workersText] = process.argv.slice(2);
const count = Number(countText);

/** The experiment of `runs` cases: a Latin hypercube of futures over every assumption, × the 4 policies. */
const experiment = (runs) =>
  loadExperiment(file, { futures: Math.max(1, Math.round(runs / POLICIES)), sampler: "lhs", seed: 99 });

async function timedExplore(runs, workers) {
  const loaded = await experiment(runs);
  const dir = mkdtempSync(join(tmpdir(), "corridor-bench-explore-"));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 250);
  const started = performance.now();
  try {
    const summary = await explore(
      loaded,
      { store: join(dir, "store.duckdb"), workers, runner: "pool", version: "bench" },
      bufferIo(),
    );
    return {
      runs: summary.total,
      failed: summary.failed,
      seconds: (performance.now() - started) / 1000,
      peakRss: Math.max(peakRss, process.resourceUsage().maxRSS * 1024),
      inputs: loaded.plan.inputs.length,
      outcomes: loaded.plan.outcomes.length,
    };
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows per second the store takes, with inputs and outcomes as wide as the built-in region's. */
async function storeRate(rows) {
  const loaded = await experiment(rows);
  const { plan } = loaded;
  const dir = mkdtempSync(join(tmpdir(), "corridor-bench-store-"));
  const store = await ExploreStore.openFor(join(dir, "store.duckdb"), {
    format: STORE_FORMAT,
    experimentHash: "bench",
    modelHash: "bench",
    source: file,
    model: file,
    plan,
    futures: Math.ceil(rows / POLICIES),
    cases: rows,
    version: "bench",
    createdAt: new Date().toISOString(),
  });
  try {
    const inputs = loaded.futures.row(0);
    const batch = [];
    const started = performance.now();
    for (let id = 0; id < rows; id++) {
      const key = caseKey(plan, id);
      batch.push({
        key,
        lever: String(plan.levers[0]?.values[key.lever] ?? ""),
        levers: plan.levers.map((l) => l.values[key.lever % l.values.length]),
        inputs,
        result: { caseId: id, status: "ok", outcomes: plan.outcomes.map((_, i) => id + i) },
      });
      if (batch.length === 32) await store.write(batch.splice(0));
    }
    if (batch.length > 0) await store.write(batch.splice(0));
    return { rate: rows / ((performance.now() - started) / 1000) };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const result = task === "store" ? await storeRate(count) : await timedExplore(count, Number(workersText));
process.stdout.write(`${JSON.stringify(result)}\n`);
