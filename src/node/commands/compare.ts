import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import {
  type Band,
  CONFIDENCE,
  type ComparisonFocus,
  type ComparisonRun,
  chooseFocus,
  comparePolicies,
  ENSEMBLE_QUANTILES,
  ensembleQuantiles,
  leader,
  MEASURES,
  type Measure,
  type MeasureDifferences,
  mainSeries,
  measuresFor,
  type Outcomes,
  type PolicyComparison,
  pairedDifferences,
  pickPolicies,
  runDays,
  type SimulationResult,
  simulate,
} from "../../core/engine/index.js";
import { InputError, suggestName } from "../../core/errors/index.js";
import type { Scenario } from "../../core/scenario/types.js";
import type { Io } from "../io.js";
import { loadScenarioFile } from "../load-scenario.js";
import { dayCount, positiveInteger } from "../options.js";
import { type OutputFolder, prepareOutputFolder } from "../output/index.js";
import { startProgress } from "../progress.js";
import { checkResources, estimateBatch } from "../resources.js";
import { seriesCsv, writeRunFolder, writeSeriesParquet } from "../run-files/index.js";
import { type RunJob, runInWorkers, workersAvailable } from "../run-pool.js";
import { noteDaysPastEnd, runInfo } from "./run.js";

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
  /** Where results go without --out (default runs/compare-<scenario>). */
  defaultOut?: string;
  force?: boolean;
  json?: boolean;
}

// chooseFocus lives in the core (the web workbench uses it too); re-exported for callers here.
export { chooseFocus };

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

/** A typographic minus sign for a negative number. */
const minus = (text: string) => (text.startsWith("-") ? `−${text.slice(1)}` : text);

/** The mean, and the band unless it rounds to a single value (then every seed gave about the same). */
const cell = (b: Band, unit: string) => {
  if (b.n === 0) return "–";
  // The band takes the mean's number of digits, so 99.96–100 does not print as 100.0–100.
  const digits = (fmt(b.mean, unit).split(".")[1] ?? "").length;
  const f = (x: number) =>
    x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const lo = f(b.p10);
  const hi = f(b.p90);
  if (lo === hi) return minus(fmt(b.mean, unit));
  // A band with a negative end reads "−297 to −212": an en dash between two minus signs would not.
  const joint = lo.startsWith("-") || hi.startsWith("-") ? " to " : "–";
  return `${minus(fmt(b.mean, unit))} (${minus(lo)}${joint}${minus(hi)})`;
};

const measureLabel = (m: Measure, focus: ComparisonFocus) =>
  `${m.label.replace("the dependent", focus.dependent ?? "–").replace("the actor", focus.actor)} [${m.unit}]`;

/** Marks rows that cannot tell the compared policies apart. */
export const IDENTICAL_MARK = "=";

/** The comparison table: the headline measures, then any further ones (the mechanisms' contributions). */
export function comparisonTable(
  rows: PolicyComparison[],
  focus: ComparisonFocus,
  differences: MeasureDifferences[] = [],
  measures: readonly Measure[] = MEASURES,
): string {
  const identical = new Set(differences.filter((d) => d.identical).map((d) => d.key));
  const header = ["measure (mean, 10–90 % of runs)", ...rows.map((r) => r.policy)];
  const body = measures.map((m) => [
    `${identical.has(m.key) ? `${IDENTICAL_MARK} ` : "  "}${measureLabel(m, focus)}`,
    ...rows.map((r) => cell(r.measures[m.key]!, m.unit)),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
  const line = (cells: string[]) =>
    cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join("  ");
  return [line(header), line(widths.map((w) => "─".repeat(w))), ...body.map(line)].join("\n");
}

/** Notes under the table: what a row marked `=` and a cell without a band mean. */
export function comparisonNotes(rows: PolicyComparison[], differences: MeasureDifferences[]): string[] {
  const notes: string[] = [];
  const identical = MEASURES.filter((m) => differences.find((d) => d.key === m.key)?.identical);
  if (identical.length > 0) {
    notes.push(
      `${IDENTICAL_MARK} the same value under every policy in every seed: the row cannot tell these policies apart (${identical.map((m) => m.label).join("; ")}).`,
    );
  }
  const narrow = rows.flatMap((r) =>
    MEASURES.filter((m) => {
      const b = r.measures[m.key]!;
      return b.n > 0 && !identical.includes(m) && !cell(b, m.unit).includes("(");
    }).map((m) => `${r.policy}: ${m.label}`),
  );
  if (narrow.length > 0) {
    notes.push(
      "A cell without a band varies by less than its last digit across seeds: the policy holds it fixed whatever the draws (e.g. no closure is ever used, or a cap such as the end of returns is reached in every seed).",
    );
  }
  return notes;
}

const SAY: { key: string; better: "higher" | "lower"; most: string; what: string }[] = [
  { key: "served_usd_bn", better: "higher", most: "Most trade value served", what: "trade value served" },
  { key: "closure_days", better: "lower", most: "Fewest closure days", what: "closure days" },
  { key: "fatalities", better: "lower", most: "Fewest fatalities", what: "fatalities" },
  { key: "escalation_cycles", better: "lower", most: "Fewest escalation cycles", what: "escalation cycles" },
  {
    key: "trust_dependent_in_actor_final",
    better: "higher",
    most: "Highest trust of the dependent in the actor over the final window",
    what: "the dependent's trust in the actor over the final window",
  },
  {
    key: "resilience_loss",
    better: "lower",
    most: "Smallest resilience loss against the open network",
    what: "resilience loss",
  },
];

const listing = (xs: string[]) =>
  xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;

/**
 * A signed number at the measure's precision; a value that is not 0 but would round to 0 gets one
 * significant digit instead ("−0.03", not "−0"), so an interval that excludes 0 never reads as if it
 * reached it.
 */
export const signed = (x: number, unit: string): string => {
  const sign = x >= 0 ? "+" : "−";
  const text = fmt(Math.abs(x), unit);
  if (x === 0 || Number.isNaN(x) || Number(text.replace(/,/g, "")) !== 0) return `${sign}${text}`;
  return `${sign}${Number(Math.abs(x).toPrecision(1))}`;
};

/**
 * A few plain sentences: which policy leads on each headline measure, named only when its paired
 * difference from every other policy is clear of noise (the CONFIDENCE interval excludes 0).
 */
export function comparisonSummary(
  rows: PolicyComparison[],
  focus: ComparisonFocus,
  differences: MeasureDifferences[],
): string[] {
  const name = (text: string) =>
    text.replace("the dependent", focus.dependent ?? "–").replace("the actor", focus.actor);
  const lines: string[] = [];
  const pct = Math.round(CONFIDENCE * 100);
  for (const s of SAY) {
    if (!focus.dependent && s.key.includes("dependent")) continue;
    const m = MEASURES.find((x) => x.key === s.key)!;
    const l = leader(rows, differences, s.key, s.better);
    if (!l) continue;
    const unit = m.unit === "count" || m.unit === "0–1" ? "" : ` ${m.unit}`;
    const mean = fmt(rows.find((r) => r.policy === l.leader)!.measures[s.key]!.mean, m.unit);
    if (l.identical) {
      lines.push(
        `${name(s.what[0]!.toUpperCase() + s.what.slice(1))}: the same under every policy in every seed.`,
      );
      continue;
    }
    const r = l.runnerUp;
    const gap = r
      ? `; paired difference with ${r.b} ${signed(r.mean, m.unit)}${unit}, ${pct} % CI ${signed(r.low, m.unit)} to ${signed(r.high, m.unit)}, ${l.leader} ahead in ${Math.round(100 * (s.better === "higher" ? r.aHigher : r.bHigher))} % of seeds`
      : "";
    if (l.tied.length === 0) {
      lines.push(`${name(s.most)}: ${l.leader} (${mean}${unit} on average${gap}).`);
    } else {
      lines.push(
        `${name(s.what[0]!.toUpperCase() + s.what.slice(1))}: no clear difference between ${listing([l.leader, ...l.tied])} (${l.leader} ${mean}${unit} on average${gap}).`,
      );
    }
  }
  return lines;
}

/**
 * The compared policies must all be the focus actor's: comparing another actor's response (say
 * Afghanistan's `diversify` as one of Pakistan's options) would label its runs wrongly.
 */
export function checkComparedPolicies(
  scenario: Scenario,
  actor: string,
  ids: string[],
  given: boolean,
): void {
  const own = scenario.policies.filter((p) => p.actor === actor).map((p) => p.id);
  if (ids.length === 0) {
    throw new InputError({
      code: "no-policies",
      path: given ? "--policies" : "policies",
      expected:
        own.length > 0
          ? `policy ids of ${actor}: ${own.join(", ")}`
          : `an actor with policies (${actor} has none)`,
      found: given ? "an empty list" : "none",
    });
  }
  const issues = ids
    .filter((id) => !own.includes(id))
    .map((id) => {
      const other = scenario.policies.find((p) => p.id === id);
      const suggestion = other ? undefined : suggestName(id, own);
      return {
        code: other ? "policy-of-another-actor" : "unknown-policy",
        path: "--policies",
        expected: `policies of ${actor} (or choose the actor with --actor): ${own.join(", ")}`,
        found: other ? `"${id}", a policy of ${other.actor}` : `"${id}"`,
        ...(suggestion ? { suggestion } : {}),
      };
    });
  if (issues.length > 0) throw new InputError(issues);
}
/** Kept per policy and day over its seeds: `ensemble-<policy>.csv` and `.parquet`. */
const ensembleFile = (policy: string, ext: string) => `ensemble-${policy}.${ext}`;

export async function runComparison(scenarioPath: string, options: CompareOptions, io: Io): Promise<void> {
  const { scenario, text } = loadScenarioFile(scenarioPath);
  const focus = chooseFocus(scenario, options.actor, options.dependent);
  const policyIds = options.policies
    ? options.policies
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean)
    : scenario.policies.filter((p) => p.actor === focus.actor).map((p) => p.id);
  checkComparedPolicies(scenario, focus.actor, policyIds, options.policies !== undefined);
  pickPolicies(scenario, policyIds); // unknown ids are bad input, before any run
  const stem = basename(scenarioPath, extname(scenarioPath));
  // Checked before any run; --json alone prints and writes nothing.
  const folder: OutputFolder | undefined =
    options.json && options.out === undefined
      ? undefined
      : prepareOutputFolder({
          out: options.out,
          defaultPath: options.defaultOut ?? join("runs", `compare-${stem}`),
          force: options.force,
          kind: "comparison",
        });

  const total = policyIds.length * options.seeds;
  const days = options.days;
  const workersWanted = options.workers ?? DEFAULT_WORKERS;
  const runLength = runDays(scenario, days === undefined ? {} : { days });
  checkResources(
    estimateBatch(scenario, runLength, total, {
      workers: workersWanted,
      keptRuns: policyIds.length,
    }),
    `a comparison of ${total} runs of ${runLength.toLocaleString("en-US")} days of ${scenarioPath}`,
    io,
  );
  noteDaysPastEnd(io, scenario, runLength);
  io.err(
    `comparing ${policyIds.length} policies of ${focus.actor} × ${options.seeds} seeds${days ? ` × ${days} days` : ""}\n`,
  );
  const progress = startProgress(io, "runs", total);
  const jobs: RunJob[] = policyIds.flatMap((policy, p) =>
    Array.from({ length: options.seeds }, (_, s) => ({
      index: p * options.seeds + s,
      seed: s + 1,
      policies: [policy],
      focus,
      ...(days ? { days } : {}),
    })),
  );
  const slots: (ComparisonRun | undefined)[] = jobs.map(() => undefined);
  const kept: (Record<string, Float64Array> | undefined)[] = jobs.map(() => undefined);
  let done = 0;
  const finished = (job: RunJob, outcomes: Outcomes, series?: Record<string, Float64Array>) => {
    slots[job.index] = { policy: job.policies[0]!, seed: job.seed, outcomes };
    kept[job.index] = series;
    progress.update(++done);
  };
  const started = Date.now();
  const simulateJob = (job: RunJob) =>
    simulate(scenario, { seed: job.seed, policies: job.policies, ...(days ? { days } : {}) });
  // Seed 1 of each policy runs here, keeping the full result for its run folder; the rest on workers.
  const firstRuns = new Map<string, SimulationResult>();
  const isFirst = (job: RunJob) => job.seed === 1;
  const others = jobs.filter((job) => !isFirst(job));
  const workers = Math.min(options.workers ?? DEFAULT_WORKERS, others.length);
  const elsewhere =
    workers > 1 && workersAvailable() ? runInWorkers(scenario, others, workers, finished) : undefined;
  for (const job of elsewhere ? jobs.filter(isFirst) : jobs) {
    const result = simulateJob(job);
    if (isFirst(job)) firstRuns.set(job.policies[0]!, result);
    finished(job, result.outcomes, mainSeries(result.series, focus));
  }
  await elsewhere;
  progress.stop();
  // In job order (policy, then seed), whatever order the workers finished in.
  const runs = slots.map((slot) => slot!);
  const seconds = (Date.now() - started) / 1000;
  const descriptions = Object.fromEntries(scenario.policies.map((p) => [p.id, p.description]));
  const rows = comparePolicies(runs, focus, descriptions);
  const differences = pairedDifferences(runs, focus);
  const measures = measuresFor(runs.map((r) => r.outcomes));
  const first = runs[0]!.outcomes;
  const dates = firstRuns.values().next().value!.series.dates;
  const ensembles = policyIds.map((policy) => {
    const mine = jobs.filter((j) => j.policies[0] === policy).map((j) => kept[j.index]!);
    return { policy, series: { ...ensembleQuantiles(mine, first.days), dates } };
  });
  const summary = comparisonSummary(rows, focus, differences);
  const report = {
    scenario: scenario.name,
    file: scenarioPath,
    start: first.start,
    end: first.end,
    days: first.days,
    seeds: options.seeds,
    focus,
    note: "Explorations under the scenario's stated assumptions, not forecasts.",
    conventions: {
      shares: "0–100 in measures whose key ends in _pct; trust and HHI on 0–1",
      finalWindowDays: first.finalWindowDays,
      confidence: CONFIDENCE,
      resilienceReference: first.resilience.reference,
      ensembleQuantiles: [...ENSEMBLE_QUANTILES],
    },
    measures: measures.map((m) => {
      const difference = differences.find((d) => d.key === m.key);
      return {
        key: m.key,
        label: m.label,
        unit: m.unit,
        ...(m.better ? { better: m.better } : {}),
        ...(difference ? { identical: difference.identical } : {}),
      };
    }),
    policies: rows,
    differences,
    summary,
    ensembles: ensembles.map((e) => ({
      policy: e.policy,
      csv: ensembleFile(e.policy, "csv"),
      parquet: ensembleFile(e.policy, "parquet"),
    })),
  };

  await folder?.write(async (dir) => {
    writeFileSync(join(dir, "comparison.json"), `${JSON.stringify(report, null, 2)}\n`);
    const header = ["policy", "seed", ...measures.map((m) => m.key)].join(",");
    const lines = runs.map((r) =>
      [r.policy, r.seed, ...measures.map((m) => m.read(r.outcomes, focus))].join(","),
    );
    writeFileSync(join(dir, "runs.csv"), `${[header, ...lines].join("\n")}\n`);
    for (const e of ensembles) {
      const csv = join(dir, ensembleFile(e.policy, "csv"));
      writeFileSync(csv, seriesCsv(e.series));
      await writeSeriesParquet(csv, e.series.columns, join(dir, ensembleFile(e.policy, "parquet")));
    }
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

  if (folder?.note) io.err(`note: ${folder.note}\n`);
  if (options.json) {
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    if (folder) io.err(`results written to ${folder.path}/\n`);
    return;
  }
  io.out(
    `\n${scenario.name}: ${policyIds.length} policies of ${focus.actor}, ${options.seeds} seeds each, ${first.start} to ${first.end} (${first.days} days).\n`,
  );
  io.out(
    `Explorations under the scenario's stated assumptions, not forecasts. Each cell: mean over seeds (10th–90th percentile). Final-window means are over the last ${first.finalWindowDays} days; resilience is measured against the open network (every built crossing open, no transit suspended). Every policy runs on the same seeds, so differences are paired by seed.\n\n`,
  );
  for (const r of rows) if (r.description) io.out(`  ${r.policy}: ${r.description}\n`);
  io.out(`\n${comparisonTable(rows, focus, differences, measures)}\n\n`);
  for (const note of comparisonNotes(rows, differences)) io.out(`${note}\n`);
  io.out("\n");
  for (const line of summary) io.out(`${line}\n`);
  const where = folder
    ? ` Results in ${folder.path}/ (comparison.json with the paired differences, runs.csv, ensemble-<policy>.csv/.parquet with the daily 10/50/90 % bands, one full run folder per policy: try \`corridor explain ${join(folder.path, `${policyIds[0]}-seed1`)} --kind policy-action\`).`
    : "";
  io.out(`\n${total} runs in ${seconds.toFixed(1)} s.${where}\n`);
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
    .option(
      "--days <n>",
      "days to simulate (default: to the scenario's end date, else ten years)",
      dayCount("--days"),
    )
    .option(
      "--workers <n>",
      `worker threads (default: ${DEFAULT_WORKERS}, one per core)`,
      positiveInteger("--workers"),
    )
    .option(
      "--out <dir>",
      "results folder (default: runs/compare-<scenario>, or the first free <name>-2, -3, … when taken)",
    )
    .option("--force", "replace an earlier results folder at that path")
    .option("--json", "print the comparison as JSON (writes files only with --out)")
    .action(async (scenario: string | undefined, options: CompareOptions) => {
      await runComparison(scenario ?? BUILT_IN_SCENARIO, options, io);
    });
}
