// Times ten-year runs of one scenario in a plain Node process on the compiled build (dist/), as the CLI
// runs it, so no source-level loader is measured with the engine. Used by bench/engine.ts:
//   node --expose-gc bench/engine-runner.mjs <scenario.json> <timed runs> <warm-up days> <days> <seed>
// Prints one JSON line: an array of run summaries, the timed runs first and the memory run last.
import { readFileSync } from "node:fs";

const [file, runsText, warmUpText, daysText, seedText] = process.argv.slice(2);
const { simulate } = await import(new URL("../dist/core/engine/index.js", import.meta.url).href);
const { validateScenario } = await import(new URL("../dist/core/scenario/index.js", import.meta.url).href);
const { scenario } = validateScenario(JSON.parse(readFileSync(file, "utf8")), file);
const days = Number(daysText);
const seed = Number(seedText);
const SAMPLE_EVERY = 50;
const used = (m) => m.heapUsed + m.arrayBuffers;

/** Days on which the transport cost of the trips made changed: a lower bound on re-solves. */
function equilibriumChanges(result) {
  const cost = result.series.values["trade.transport_cost_usd"];
  let changes = 0;
  for (let d = 1; d < cost.length; d++) if (cost[d] !== cost[d - 1]) changes++;
  return changes;
}

/** Starts of crossing closures: open share falling to 0. */
function closures(result) {
  let count = 0;
  for (const name of result.series.columns) {
    if (!name.startsWith("open_share.")) continue;
    const share = result.series.values[name];
    for (let d = 1; d < share.length; d++) if (share[d] === 0 && share[d - 1] > 0) count++;
  }
  return count;
}

/** Full collections until the heap stops shrinking (one pass can leave external buffers behind). */
function collect() {
  if (!globalThis.gc) return;
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    globalThis.gc();
    const now = used(process.memoryUsage());
    if (now >= last) break;
    last = now;
  }
}

function run(runDays, clean) {
  // A forced full collection drops compiled code and feedback: only the memory run has one.
  if (clean) collect();
  const start = process.memoryUsage();
  let peak = used(start);
  let rssPeak = start.rss;
  const onDay = (day) => {
    if (day % SAMPLE_EVERY !== 0) return;
    const m = process.memoryUsage();
    peak = Math.max(peak, used(m));
    rssPeak = Math.max(rssPeak, m.rss);
  };
  const t = performance.now();
  let result = simulate(scenario, { seed, days: runDays, onDay });
  const ms = performance.now() - t;
  const end = process.memoryUsage();
  peak = Math.max(peak, used(end));
  rssPeak = Math.max(rssPeak, end.rss);
  if (clean) collect();
  const kept = process.memoryUsage();
  const summary = {
    ms,
    memory: {
      before: used(start),
      peak,
      after: used(kept),
      rssBefore: start.rss,
      rssPeak,
      rssAfter: kept.rss,
    },
    events: result.events.length,
    incidents: result.outcomes.incidents,
    servedUsd: result.outcomes.trade.servedUsd,
    equilibriumChanges: equilibriumChanges(result),
    closures: closures(result),
  };
  result = undefined;
  return summary;
}

run(Number(warmUpText), false);
const out = [];
for (let i = 0; i < Number(runsText); i++) {
  process.stderr.write(`bench: engine, run ${i + 1} of ${runsText}…\n`);
  out.push(run(days, false));
}
out.push(run(days, true));
process.stdout.write(`${JSON.stringify(out)}\n`);
