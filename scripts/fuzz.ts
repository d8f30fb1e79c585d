/**
 * `npm run fuzz`: 10,000 generated inputs per parser (FUZZ_RUNS to change), each classified as a
 * valid result, a clear InputError, or a failure of the property (test/fuzz/parsers.ts); writes the
 * counts, times and the first failures to FUZZ.md. Exits 1 when any case failed.
 */
import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { check, mutated, PARSERS } from "../test/fuzz/parsers.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const rows: string[] = [];
const failures: string[] = [];
let failed = 0;
for (const parser of PARSERS) {
  const counts = { valid: 0, "input-error": 0, failed: 0 };
  let slowest = 0;
  const started = performance.now();
  for (const text of fc.sample(mutated(parser.seeds), { numRuns: RUNS, seed: SEED })) {
    const t = performance.now();
    try {
      counts[check(parser, text)]++;
    } catch (error) {
      counts.failed++;
      if (failures.length < 20) failures.push(`- ${(error as Error).message.split("\n", 1)[0]}`);
    }
    slowest = Math.max(slowest, performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  failed += counts.failed;
  process.stderr.write(`fuzz: ${parser.name}: ${JSON.stringify(counts)} in ${seconds.toFixed(1)} s\n`);
  rows.push(
    `| ${parser.name} | ${RUNS.toLocaleString("en-US")} | ${counts.valid.toLocaleString("en-US")} | ${counts["input-error"].toLocaleString("en-US")} | ${counts.failed} | ${seconds.toFixed(1)} | ${slowest.toFixed(0)} |`,
  );
}
const text = `# Fuzzing

Written by \`npm run fuzz\` on ${new Date().toISOString().slice(0, 10)} (seed ${SEED}, Node ${process.version}).
Each case is a seed input (the two-route scenario, the Sioux Falls network and trips, four policy rules,
four experiment files) with one to three mutations: a byte flipped, a line cut, duplicated or swapped,
a value replaced by a string, a huge or negative number, NaN or an empty value, a key renamed, the file
truncated, or YAML punctuation, anchors, merge keys and tags inserted (test/fuzz/parsers.ts). The
property: a valid result with no NaN in it, or an InputError whose every issue names the file and a
line or field; anything else is a failure.

| parser | cases | valid | clear error | failures | seconds | slowest case (ms) |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}

${failures.length > 0 ? `First failures:\n\n${failures.join("\n")}\n` : "No case failed.\n"}`;
writeFileSync(new URL("../FUZZ.md", import.meta.url), text);
process.stderr.write(`fuzz: wrote FUZZ.md (${failed} failures)\n`);
process.exitCode = failed > 0 ? 1 : 0;
