/**
 * `npm run bench`: runs every benchmark section, prints it and writes BENCHMARKS.md.
 * Each section module exports an async function returning tables; the machine is noted on top.
 */

import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { runAssignmentBench } from "./assignment.js";
import type { BenchSection } from "./types.js";

const suites: [string, () => Promise<BenchSection[]>][] = [["assignment", runAssignmentBench]];

function table(rows: Record<string, string | number>[]): string {
  if (rows.length === 0) return "(no rows)\n";
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: string | number | undefined) => (v === undefined ? "" : String(v));
  return [
    `| ${columns.join(" | ")} |`,
    `| ${columns.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${columns.map((c) => cell(r[c])).join(" | ")} |`),
  ].join("\n");
}

const only = process.argv.slice(2);
const cpu = cpus();
const machine = `${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const parts = [
  "# Benchmarks",
  "",
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.`,
  "Times are medians over repeated runs after a warm-up unless a row says otherwise.",
  "",
];
for (const [name, run] of suites) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  for (const section of await run()) {
    const text = [
      `## ${section.title}`,
      "",
      table(section.rows),
      ...(section.notes ?? []).map((n) => `\n${n}`),
      "",
    ].join("\n");
    process.stdout.write(`${text}\n`);
    parts.push(text);
  }
}
writeFileSync(new URL("../BENCHMARKS.md", import.meta.url), `${parts.join("\n")}\n`);
process.stderr.write("bench: wrote BENCHMARKS.md\n");
