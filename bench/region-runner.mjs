// Times ten-year runs of the built-in region in a plain Node process on the compiled build (dist/), as
// the CLI and the exploration workers run it, so no source-level loader is measured. Used by
// bench/region.ts:
//   node bench/region-runner.mjs <scenario.yaml> <timed runs>
// Prints one JSON line: per variant, the wall time of each timed run (ms), seeds 1 … runs, after five
// warm-up rounds. Variants: the hypotheses as the scenario sets them; the hypotheses section empty; and
// the hypotheses as set, kept lean as an exploration case is (no event log, no daily series).
const [file, runsText] = process.argv.slice(2);
const { simulate } = await import(new URL("../dist/core/engine/index.js", import.meta.url).href);
const { loadScenarioFile } = await import(new URL("../dist/node/load-scenario.js", import.meta.url).href);
const { scenario } = loadScenarioFile(file);
const runs = Number(runsText);
const variants = {
  hypotheses: { scenario, options: {} },
  none: { scenario: { ...scenario, hypotheses: {} }, options: {} },
  lean: { scenario, options: { keepEvents: false, keepSeries: [] } },
};
const out = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
// Warm-up until the compiled code settles (the first few ten-year runs still tier up), then the variants
// in turn for each seed, so the machine's slow spells fall on all of them alike.
for (let w = 0; w < 5; w++) {
  for (const { scenario: s, options } of Object.values(variants)) simulate(s, { seed: 100 + w, ...options });
}
for (let seed = 1; seed <= runs; seed++) {
  process.stderr.write(`bench: region, seed ${seed} of ${runs}…\n`);
  for (const [name, { scenario: s, options }] of Object.entries(variants)) {
    const t = performance.now();
    simulate(s, { seed, ...options });
    out[name].push(performance.now() - t);
  }
}
process.stdout.write(`${JSON.stringify(out)}\n`);
