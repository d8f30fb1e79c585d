/**
 * `npm run bench`: runs every benchmark section, prints it and writes BENCHMARKS.md.
 * Each section module exports an async function returning tables; the machine is noted on top.
 * `npm run bench -- engine` runs only the named suites and rewrites only their sections of
 * BENCHMARKS.md, keeping the others as the last run wrote them.
 */

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { runAnalysisBench } from "./analysis.js";
import { runAssignmentBench } from "./assignment.js";
import { runEngineBench } from "./engine.js";
import { runExploreBench } from "./explore.js";
import { runHindcastBench } from "./hindcast.js";
import { runRegionBench } from "./region.js";
import type { BenchSection } from "./types.js";

const suites: [string, () => Promise<BenchSection[]>][] = [
  ["assignment", runAssignmentBench],
  ["engine", runEngineBench],
  ["region", runRegionBench],
  ["hindcast", runHindcastBench],
  ["analysis", runAnalysisBench],
  ["explore", runExploreBench],
];

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
const unknown = only.filter((name) => !suites.some(([suite]) => suite === name));
if (unknown.length > 0) {
  process.stderr.write(
    `bench: unknown suite ${unknown.map((n) => `"${n}"`).join(", ")}; expected one of ${suites.map(([n]) => n).join(", ")}\n`,
  );
  process.exit(2);
}
const cpu = cpus();
const machine = `${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const parts = [
  "# Benchmarks",
  "",
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.`,
  "Times are medians over repeated runs after a warm-up unless a row says otherwise.",
  "",
];
const sections: { title: string; text: string }[] = [];
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
    sections.push({ title: section.title, text });
  }
}
const file = new URL("../BENCHMARKS.md", import.meta.url);
if (only.length > 0 && existsSync(file)) {
  writeFileSync(file, replaceSections(readFileSync(file, "utf8"), sections, only));
  process.stderr.write(`bench: rewrote the ${only.join(", ")} sections of BENCHMARKS.md\n`);
} else {
  // Sections no suite writes (the mutation scores, measured by hand with Stryker) are kept as they were.
  const kept = existsSync(file)
    ? sectionBlocks(readFileSync(file, "utf8")).filter((b) => !sections.some((s) => s.title === b.title))
    : [];
  writeFileSync(file, `${[...parts, ...kept.map((b) => b.text.trimEnd())].join("\n")}\n`);
  process.stderr.write("bench: wrote BENCHMARKS.md\n");
}

/** The `## ` sections of a Markdown text, each with its title. */
function sectionBlocks(text: string): { title: string; text: string }[] {
  const starts = [...text.matchAll(/^## /gm)].map((m) => m.index);
  return starts.map((start, i) => {
    const block = text.slice(start, starts[i + 1] ?? text.length);
    const end = block.indexOf("\n");
    return { title: block.slice(3, end < 0 ? block.length : end), text: block };
  });
}

/**
 * BENCHMARKS.md with the sections of the same titles replaced and new ones appended; lines under the
 * header say which suites were rewritten when, since the header's date is that of the last full run.
 */
function replaceSections(
  previous: string,
  fresh: { title: string; text: string }[],
  names: string[],
): string {
  const first = previous.search(/^## /m);
  const head = previous.slice(0, first < 0 ? previous.length : first);
  const byTitle = new Map(fresh.map((s) => [s.title, `${s.text}\n`]));
  const out = sectionBlocks(previous).map((block) => {
    const replacement = byTitle.get(block.title);
    byTitle.delete(block.title);
    return replacement ?? block.text;
  });
  const note = `Sections of ${names.join(", ")} rewritten on ${new Date().toISOString().slice(0, 10)} by \`npm run bench -- ${names.join(" ")}\` (machine: ${machine}).`;
  // One line per set of suites: a later rewrite of the same suites replaces its line, others stay.
  const sameSuites = `Sections of ${names.join(", ")} rewritten on `;
  const headLines = head.split("\n").filter((line) => !line.startsWith(sameSuites));
  const last = headLines.findLastIndex(
    (line) => line.startsWith("Sections of ") || line.startsWith("Times are "),
  );
  headLines.splice(last < 0 ? headLines.length - 1 : last + 1, 0, note);
  return headLines.join("\n") + out.join("") + [...byTitle.values()].join("");
}
