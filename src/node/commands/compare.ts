import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import {
  type Band,
  type ComparisonFocus,
  comparePolicies,
  MEASURES,
  type Outcomes,
  type PolicyComparison,
  pickPolicies,
  type SimulationResult,
  simulate,
} from "../../core/engine/index.js";
import { InputError, suggestName } from "../../core/errors/index.js";
import type { Scenario } from "../../core/scenario/types.js";
import type { Io } from "../io.js";
import { loadScenarioFile } from "../load-scenario.js";
import { dayCount, positiveInteger } from "../options.js";
import { startProgress } from "../progress.js";
import { checkRunDirTarget, writeRunDir, writeRunFolder } from "../run-files/index.js";
import { type RunJob, runInWorkers, workersAvailable } from "../run-pool.js";
import { tableLines } from "../table.js";
import { runInfo } from "./run.js";

/** The built-in region, shipped with the package. */
export const BUILT_IN_SCENARIO = fileURLToPath(new URL("../../../scenarios/af-pak.yaml", import.meta.url));
export const DEFAULT_SEEDS = 20;
/** Worker threads for the runs: one per core (at most 8), 1 runs everything on the main thread. */
export const DEFAULT_WORKERS = Math.max(1, Math.min(8, availableParallelism()));

export interface CompareOptions {
  actor?: string;
  dependent?: string;
  policies?: string;
  seeds: number;
  workers?: number;
  days?: number;
  out?: string;
  json?: boolean;
}

/** Whose policies to compare: --actor, else the actor with the most policies. */
export function chooseFocus(scenario: Scenario, actor?: string, dependent?: string): ComparisonFocus {
  const ids = scenario.actors.map((a) => a.id);
  const check = (id: string, flag: string) => {
    if (ids.includes(id)) return;
    const suggestion = suggestName(id, ids);
    throw new InputError({
      code: "unknown-actor",
      path: flag,
      expected: `an actor id: ${ids.join(", ")}`,
      found: `"${id}"`,
      ...(suggestion ? { suggestion } : {}),
    });
  };
  if (actor) check(actor, "--actor");
  if (dependent) check(dependent, "--dependent");
  const counts = new Map<string, number>();
  for (const p of scenario.policies) counts.set(p.actor, (counts.get(p.actor) ?? 0) + 1);
  const chosen = actor ?? [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!chosen) {
    throw new InputError({
      code: "no-policies",
      path: "policies",
      expected: "a scenario with named policies to compare",
      found: "none",
    });
  }
  // The dependent: the other state owning the most trade value.
  const value = new Map<string, number>();
  for (const d of scenario.demand) {
    if (!d.owner || d.owner === chosen) continue;
    value.set(d.owner, (value.get(d.owner) ?? 0) + d.vehiclesPerDay * d.valueUsdPerVehicle);
  }
  const other = dependent ?? [...value].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { actor: chosen, ...(other ? { dependent: other } : {}) };
}

const fmt = (x: number, unit: string): string => {
  if (Number.isNaN(x)) return "–";
  const digits =
    unit === "0–1"
      ? 2
      : Math.abs(x) >= 100 || unit === "count" || unit === "days" || unit === "people"
        ? 0
        : 1;
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
};

const cell = (b: Band, unit: string) =>
  b.n === 0
    ? "–"
    : b.p10 === b.p90
      ? fmt(b.mean, unit)
      : `${fmt(b.mean, unit)} (${fmt(b.p10, unit)}–${fmt(b.p90, unit)})`;

export function comparisonTable(rows: PolicyComparison[], focus: ComparisonFocus): string {
  const label = (m: (typeof MEASURES)[number]) =>
    `${m.label.replace("the dependent", focus.dependent ?? "–").replace("the actor", focus.actor)} [${m.unit}]`;
  const header = ["measure (mean, 10–90 % of runs)", ...rows.map((r) => r.policy)];
  const body = MEASURES.map((m) => [label(m), ...rows.map((r) => cell(r.measures[m.key]!, m.unit))]);
  return tableLines(header, body, { rule: true }).join("\n");
}

/** A few plain sentences: which policy leads on each headline measure. */
export function comparisonSummary(rows: PolicyComparison[], focus: ComparisonFocus): string[] {
  const best = (key: string, better: "higher" | "lower") => {
    const ranked = rows
      .filter((r) => r.measures[key]!.n > 0)
      .sort((a, b) =>
        better === "higher"
          ? b.measures[key]!.mean - a.measures[key]!.mean
          : a.measures[key]!.mean - b.measures[key]!.mean,
      );
    return ranked[0];
  };
  const lines: string[] = [];
  const say = (key: string, better: "higher" | "lower", text: string) => {
    const r = best(key, better);
    const m = MEASURES.find((x) => x.key === key)!;
    const unit = m.unit === "count" ? "" : m.unit === "0–1" ? "" : ` ${m.unit}`;
    if (r) lines.push(`${text}: ${r.policy} (${fmt(r.measures[key]!.mean, m.unit)}${unit} on average).`);
  };
  say("served_usd_bn", "higher", "Most trade value served");
  say("closure_days", "lower", "Fewest closure days");
  say("fatalities", "lower", "Fewest fatalities");
  say("escalation_cycles", "lower", "Fewest escalation cycles");
  if (focus.dependent)
    say(
      "trust_dependent_in_actor",
      "higher",
      `Highest trust of ${focus.dependent} in ${focus.actor} at the end`,
    );
  return lines;
}

export async function runComparison(scenarioPath: string, options: CompareOptions, io: Io): Promise<void> {
  const { scenario, text } = loadScenarioFile(scenarioPath);
  const focus = chooseFocus(scenario, options.actor, options.dependent);
  const policyIds = options.policies
    ? options.policies
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean)
    : scenario.policies.filter((p) => p.actor === focus.actor).map((p) => p.id);
  if (policyIds.length === 0) {
    // `--policies ","` names nothing; the actor having no policies at all is chooseFocus's to report.
    throw new InputError({
      code: "no-policies",
      path: "--policies",
      expected: "comma-separated policy ids, e.g. --policies open,staged",
      found: JSON.stringify(options.policies ?? ""),
    });
  }
  pickPolicies(scenario, policyIds); // unknown ids are bad input, before any run
  const stem = basename(scenarioPath, extname(scenarioPath));
  const out = options.out ?? join("runs", `compare-${stem}`);
  checkRunDirTarget(out);

  const total = policyIds.length * options.seeds;
  const days = options.days;
  io.err(
    `comparing ${policyIds.length} policies of ${focus.actor} × ${options.seeds} seeds${days ? ` × ${days} days` : ""}\n`,
  );
  const progress = startProgress(io, "runs", total);
  const jobs: RunJob[] = policyIds.flatMap((policy, p) =>
    Array.from({ length: options.seeds }, (_, s) => ({
      index: p * options.seeds + s,
      seed: s + 1,
      policies: [policy],
      ...(days ? { days } : {}),
    })),
  );
  const slots: ({ policy: string; seed: number; outcomes: Outcomes } | undefined)[] = jobs.map(
    () => undefined,
  );
  let done = 0;
  const finished = (job: RunJob, outcomes: Outcomes) => {
    slots[job.index] = { policy: job.policies[0]!, seed: job.seed, outcomes };
    progress.update(++done);
  };
  const started = Date.now();
  const simulateJob = (job: RunJob) =>
    simulate(scenario, { seed: job.seed, policies: job.policies, ...(days ? { days } : {}) });
  // Seed 1 of each policy runs here, keeping the full result for its run folder; the rest on workers.
  const firstRuns = new Map<string, SimulationResult>();
  const kept = (job: RunJob) => job.seed === 1;
  const others = jobs.filter((job) => !kept(job));
  const workers = Math.min(options.workers ?? DEFAULT_WORKERS, others.length);
  const elsewhere =
    workers > 1 && workersAvailable() ? runInWorkers(scenario, others, workers, finished) : undefined;
  for (const job of elsewhere ? jobs.filter(kept) : jobs) {
    const result = simulateJob(job);
    if (kept(job)) firstRuns.set(job.policies[0]!, result);
    finished(job, result.outcomes);
  }
  await elsewhere;
  progress.stop();
  // In job order (policy, then seed), whatever order the workers finished in.
  const runs = slots.map((slot) => slot!);
  const seconds = (Date.now() - started) / 1000;
  const descriptions = Object.fromEntries(scenario.policies.map((p) => [p.id, p.description]));
  const rows = comparePolicies(runs, focus, descriptions);
  const first = runs[0]!.outcomes;
  const report = {
    scenario: scenario.name,
    file: scenarioPath,
    start: first.start,
    end: first.end,
    days: first.days,
    seeds: options.seeds,
    focus,
    note: "Explorations under the scenario's stated assumptions, not forecasts.",
    measures: MEASURES.map((m) => ({ key: m.key, label: m.label, unit: m.unit })),
    policies: rows,
  };

  await writeRunDir(out, async (dir) => {
    writeFileSync(join(dir, "comparison.json"), `${JSON.stringify(report, null, 2)}\n`);
    const header = ["policy", "seed", ...MEASURES.map((m) => m.key)].join(",");
    const lines = runs.map((r) =>
      [r.policy, r.seed, ...MEASURES.map((m) => m.read(r.outcomes, focus))].join(","),
    );
    writeFileSync(join(dir, "runs.csv"), `${[header, ...lines].join("\n")}\n`);
    for (const [policy, result] of firstRuns) {
      await writeRunFolder(
        join(dir, `${policy}-seed1`),
        result,
        runInfo(result, scenarioPath, text, [policy], "0.1.0"),
      );
    }
    writeFileSync(
      join(dir, "run.json"),
      `${JSON.stringify({ kind: "comparison", ...report, policies: policyIds }, null, 2)}\n`,
    );
  });

  if (options.json) {
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  io.out(
    `\n${scenario.name}: ${policyIds.length} policies of ${focus.actor}, ${options.seeds} seeds each, ${first.start} to ${first.end} (${first.days} days).\n`,
  );
  io.out(
    "Explorations under the scenario's stated assumptions, not forecasts. Each cell: mean over seeds (10th–90th percentile).\n\n",
  );
  for (const r of rows) if (r.description) io.out(`  ${r.policy}: ${r.description}\n`);
  io.out(`\n${comparisonTable(rows, focus)}\n\n`);
  for (const line of comparisonSummary(rows, focus)) io.out(`${line}\n`);
  io.out(
    `\n${total} runs in ${seconds.toFixed(1)} s. Results in ${out}/ (comparison.json, runs.csv, one full run folder per policy: try \`corridor explain ${join(out, `${policyIds[0]}-seed1`)} --kind policy-action\`).\n`,
  );
}

export function registerCompare(program: Command, io: Io): void {
  program
    .command("compare")
    .description(
      "run a scenario under each policy of one actor for several seeds and print a comparison table",
    )
    .argument("[scenario]", "scenario file (default: the built-in Pakistan–Afghanistan region)")
    .option("--actor <id>", "actor whose policies are compared (default: the actor with the most policies)")
    .option(
      "--dependent <id>",
      "actor whose dependence and trust are reported (default: the other largest trade owner)",
    )
    .option("--policies <ids>", "comma-separated policy ids (default: all of the actor's policies)")
    .option("--seeds <n>", "seeds per policy", positiveInteger("--seeds"), DEFAULT_SEEDS)
    .option("--days <n>", "days to simulate (default: ten years)", dayCount("--days"))
    .option(
      "--workers <n>",
      `worker threads (default: ${DEFAULT_WORKERS}, one per core)`,
      positiveInteger("--workers"),
    )
    .option("--out <dir>", "results folder (default: runs/compare-<scenario>)")
    .option("--json", "print the comparison as JSON")
    .action(async (scenario: string | undefined, options: CompareOptions) => {
      await runComparison(scenario ?? BUILT_IN_SCENARIO, options, io);
    });
}
