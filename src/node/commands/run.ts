import { createHash } from "node:crypto";
import { basename, extname, join } from "node:path";
import type { Command } from "commander";
import {
  daysPastEnd,
  type Outcomes,
  pickPolicies,
  runDays,
  type SimulationOptions,
  type SimulationResult,
  simulate,
} from "../../core/engine/index.js";
import type { Scenario } from "../../core/scenario/types.js";
import type { Io } from "../io.js";
import { loadScenarioFile } from "../load-scenario.js";
import { dayCount, formatNumber, nonNegativeInteger } from "../options.js";
import { type OutputFolder, prepareOutputFolder } from "../output/index.js";
import { type Progress, startProgress } from "../progress.js";
import { checkResources, estimateRun } from "../resources.js";
import { RUN_FILES, type RunInfo, writeRunFolder } from "../run-files/index.js";
import { formatTable } from "../table.js";
import { VERSION } from "../version.js";

interface RunOptions {
  seed: number;
  days?: number;
  policy: string[];
  out?: string;
  json?: boolean;
  quiet?: boolean;
  force?: boolean;
}

/** Most progress updates per run: enough for a smooth bar, few enough to cost nothing. */
const PROGRESS_UPDATES = 100;

/** Seeds are whole numbers 0 … 2⁵³ − 1 (the random streams take two 32-bit words). */
const seedNumber = nonNegativeInteger("--seed", "a whole number from 0 to 2^53 − 1");

/** Default run folder: `runs/<scenario file stem>-seed<N>`. */
export function defaultRunDir(scenarioPath: string, seed: number): string {
  const file = basename(scenarioPath);
  return join("runs", `${file.slice(0, file.length - extname(file).length)}-seed${seed}`);
}

/** Quotes a word for a POSIX shell when it needs it, so the printed command can be pasted back. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

export function runInfo(
  result: SimulationResult,
  file: string,
  text: string,
  policies: string[],
  version: string,
): RunInfo {
  const o = result.outcomes;
  const command = [
    "corridor",
    "run",
    file,
    "--seed",
    String(o.seed),
    "--days",
    String(o.days),
    ...policies.flatMap((p) => ["--policy", p]),
  ];
  return {
    corridorVersion: version,
    scenario: o.scenario,
    file,
    fileSha256: createHash("sha256").update(text).digest("hex"),
    seed: o.seed,
    run: o.run,
    days: o.days,
    start: o.start,
    end: o.end,
    policies: o.policies,
    options: { seed: o.seed, run: o.run, days: o.days, start: o.start, policies },
    command: command.map(shellWord).join(" "),
  };
}

// ---------------------------------------------------------------------------------------------------
// The summary table

const usd = (x: number) => formatNumber(x);
const share = (x: number) => `${(100 * x).toFixed(1)} %`;
const trust = (start: number, end: number) => `${start.toFixed(2)} → ${end.toFixed(2)}`;

export function summaryHeader(o: Outcomes, file: string): string {
  return (
    `${o.scenario} (${file}), seed ${o.seed}, ${o.start} to ${o.end} (${formatNumber(o.days)} days): ` +
    "an exploration under the scenario's assumptions, not a forecast.\n"
  );
}

/** The readable summary of a run's outcomes, printed by `corridor run`. */
export function formatSummary(o: Outcomes, file: string): string {
  const parts: string[] = [summaryHeader(o, file)];
  const policies = Object.entries(o.policies);
  parts.push(
    `Policies: ${policies.length > 0 ? policies.map(([actor, id]) => `${actor} follows ${id}`).join(", ") : "none"}\n`,
  );

  parts.push(
    formatTable(
      ["Trade value", "USD"],
      [
        ["served", usd(o.trade.servedUsd)],
        ["unserved", usd(o.trade.unservedUsd)],
        ["spoiled", usd(o.trade.spoiledUsd)],
      ],
    ) +
      `Served ${share(o.trade.servedShare)} of the demand's value; ` +
      `${formatNumber(o.trade.vehiclesQueued)} vehicles waited at closed crossings.\n`,
  );

  parts.push(
    o.crossings.length === 0
      ? "Crossings: none\n"
      : formatTable(
          ["Crossing", "closed days", "restricted days", "mean flow (veh/day)", "max queue"],
          o.crossings.map((c) => [
            c.name,
            formatNumber(c.closedDays),
            formatNumber(c.restrictedDays),
            formatNumber(c.meanFlow, 1),
            formatNumber(c.maxQueue),
          ]),
        ),
  );

  let security = `Security: incidents ${formatNumber(o.incidents)}, fatalities ${formatNumber(o.fatalities)}\n`;
  if (o.zones.length > 0) {
    security += formatTable(
      ["Zone", "incidents", "fatalities", "link hits"],
      o.zones.map((z) => [
        z.id,
        formatNumber(z.incidents),
        formatNumber(z.fatalities),
        formatNumber(z.linkHits),
      ]),
    );
  }
  parts.push(security);

  if (o.pairs.length > 0) {
    // Rungs in the order the engine lists them, so the ladder reads from normal upwards.
    const rungs = [...new Set(o.pairs.flatMap((p) => Object.keys(p.daysPerRung)))];
    parts.push(
      `Relations (trust start → end, and its mean over the last ${formatNumber(o.finalWindowDays)} days; days on each rung of the ladder)\n` +
        formatTable(
          [
            "Pair",
            "trust a→b",
            "final mean",
            "trust b→a",
            "final mean",
            ...rungs,
            "escalation cycles",
            "ceasefires (failed)",
          ],
          o.pairs.map((p) => [
            `${p.a}–${p.b}`,
            trust(p.trustABStart, p.trustABEnd),
            p.trustABFinal.toFixed(2),
            trust(p.trustBAStart, p.trustBAEnd),
            p.trustBAFinal.toFixed(2),
            ...rungs.map((r) => formatNumber(p.daysPerRung[r] ?? 0)),
            formatNumber(p.escalationCycles),
            `${formatNumber(p.ceasefires)} (${formatNumber(p.ceasefiresFailed)})`,
          ]),
        ),
    );
  }

  if (o.mechanisms.length > 0) {
    const e = o.expectedIncidents;
    parts.push(
      "Hypotheses switched on (contributions over the run; `incidents` = expected incidents caused)\n" +
        formatTable(
          ["Hypothesis", "strength", "contributions"],
          o.mechanisms.map((m) => [
            m.title,
            formatNumber(m.strength, 2),
            Object.entries(m.contributions)
              .map(([name, v]) => `${name} ${formatNumber(v, Math.abs(v) < 10 ? 2 : 0)}`)
              .join(", ") || "–",
          ]),
        ) +
        `Expected incidents by source: zones' own baselines ${formatNumber(e.baseline, 0)}` +
        Object.entries(e.byMechanism)
          .map(([key, v]) => `, ${key} ${formatNumber(v, 0)}`)
          .join("") +
        "\n",
    );
  }

  if (o.dependence.length > 0) {
    parts.push(
      formatTable(
        [
          "Dependence (share of trade value)",
          "start",
          `last ${formatNumber(o.finalWindowDays)} days (mean)`,
          "end",
          "open network",
        ],
        o.dependence
          .filter((d) => d.start > 0 || d.end > 0 || d.open > 0)
          .map((d) => [`${d.actor} on ${d.on}`, share(d.start), share(d.final), share(d.end), share(d.open)]),
      ),
    );
  }

  const crossed = o.indicators.borderCrossings.filter((b) => b.vehicles > 0);
  if (crossed.length > 0) {
    parts.push(
      "Border crossing indicators (CAREC CPMM style; model output)\n" +
        formatTable(
          ["Crossing, direction", "vehicles", "TFI1 hours", "with queue waits", "TFI2 USD"],
          crossed.map((b) => [
            `${b.crossing} ${b.from}→${b.to}`,
            formatNumber(b.vehicles),
            formatNumber(b.hours, 1),
            formatNumber(b.hoursWithQueues, 1),
            formatNumber(b.costUsd, 0),
          ]),
        ),
    );
  }
  const c = o.coercion;
  const r = o.resilience;
  const k = o.connectivity;
  parts.push(
    `Coercion: attempts ${formatNumber(c.attempts)}, complied ${formatNumber(c.complied)}, defied ${formatNumber(c.defied)}, ` +
      `compliance rate ${c.complianceRate === null ? "n/a (no attempt judged)" : share(c.complianceRate)}\n` +
      `Resilience against the open network (served share ${share(r.referenceServedShare)} = 100 %): shocks ${formatNumber(r.shocks.length)}, loss ${formatNumber(r.totalLossArea, 1)} %-days, ` +
      `mean recovery ${r.meanRecoveryDays === null ? "n/a" : `${formatNumber(r.meanRecoveryDays, 1)} days`}, ` +
      `not recovered ${formatNumber(r.unrecovered)}\n` +
      `Connectivity: projects declared ${formatNumber(k.declared)}, operational ${formatNumber(k.operational)}, ` +
      `gap ${share(k.gap)}\n` +
      `People returned: ${formatNumber(o.peopleReturned)}\n`,
  );
  return parts.join("\n");
}

// ---------------------------------------------------------------------------------------------------

export function registerRun(program: Command, io: Io): void {
  program
    .command("run")
    .description(
      "simulate a scenario day by day and write its outcomes, daily series, event log and map to a run folder",
    )
    .argument("<scenario>", "scenario file (.yaml, .yml or .json)")
    .option("--seed <n>", "random seed: the same seed gives the same run", seedNumber, 1)
    .option(
      "--days <n>",
      "days to simulate (default: to the scenario's end date, else ten years)",
      dayCount("--days"),
    )
    .option(
      "--policy <id>",
      "follow this policy instead of its actor's default (repeat for several actors)",
      (id: string, previous: string[]) => [...previous, id],
      [] as string[],
    )
    .option(
      "--out <dir>",
      "run folder (default: runs/<scenario file name>-seed<n>, or the first free <name>-2, -3, … when taken)",
    )
    .option("--force", "replace an earlier results folder at that path")
    .option(
      "--json",
      "print outcomes.json to stdout instead of the summary table (writes files only with --out)",
    )
    .option("--quiet", "no progress and no summary, only where the files went")
    .action(async (path: string, options: RunOptions) => {
      const { scenario, text } = loadScenarioFile(path);
      // Unknown policy ids are bad input: report them (with the closest id) before simulating.
      pickPolicies(scenario, options.policy);
      const days = runDays(scenario, options.days === undefined ? {} : { days: options.days });
      checkResources(estimateRun(scenario, days), `a run of ${formatNumber(days)} days of ${path}`, io);
      noteDaysPastEnd(io, scenario, days);
      // Refuse a bad --out (or a read-only place) before spending minutes simulating; --json alone is a peek.
      const folder: OutputFolder | undefined =
        options.json && options.out === undefined
          ? undefined
          : prepareOutputFolder({
              out: options.out,
              defaultPath: defaultRunDir(path, options.seed),
              force: options.force,
              kind: "run",
            });

      const result = simulateWithProgress(io, scenario, options);
      const info = runInfo(result, path, text, options.policy, VERSION);
      if (folder) await writeRunFolder(folder, result, info);

      if (options.json) io.out(`${JSON.stringify(result.outcomes, null, 2)}\n`);
      else if (!options.quiet) io.out(`${formatSummary(result.outcomes, path)}\n`);
      if (!folder) return;
      if (folder.note) io.err(`note: ${folder.note}\n`);
      const where = `files written to ${folder.path}/ (${RUN_FILES.join(", ")})\n`;
      if (options.json) {
        if (!options.quiet) io.err(where);
      } else io.out(where);
    });
}

/**
 * `--days` may run past the scenario's end date (to see how a hindcast's state carries on); the days
 * after it are simulated under the scenario's assumptions with no record behind them, so say so.
 */
export function noteDaysPastEnd(io: Io, scenario: Scenario, days: number): void {
  const past = daysPastEnd(scenario, days);
  if (past > 0) {
    io.err(
      `note: --days ${formatNumber(days)} runs ${formatNumber(past)} days past the scenario's end (${scenario.end}); ` +
        "those days follow the scenario's assumptions, with no forced record behind them\n",
    );
  }
}

function simulateWithProgress(io: Io, scenario: Scenario, options: RunOptions): SimulationResult {
  let progress: Progress | undefined;
  let every = 1;
  const simulation: SimulationOptions = {
    seed: options.seed,
    ...(options.days !== undefined && { days: options.days }),
    policies: options.policy,
    onDay: (day, days) => {
      if (options.quiet) return;
      if (progress === undefined) {
        progress = startProgress(io, "simulating days", days);
        every = Math.max(1, Math.ceil(days / PROGRESS_UPDATES));
      }
      const done = Math.min(day + 1, days);
      if (done % every === 0 || done === days) progress.update(done);
    },
  };
  try {
    return simulate(scenario, simulation);
  } finally {
    progress?.stop();
  }
}
