import { join } from "node:path";
import type { Command } from "commander";
import { claimChart, outcomeDistributionChart } from "../../core/charts/index.js";
import { InputError } from "../../core/errors/index.js";
import {
  COMPARISON_NOTE,
  compareOverFutures,
  comparisonCsv,
  futuresComparisonText,
} from "../analyze/futures-comparison.js";
import { claimJson, claimResults, claimText, robustnessOf, robustnessText } from "../analyze/methods.js";
import { readStoreData } from "../analyze/store-data.js";
import { chartDocument, writeChart } from "../charts/index.js";
import { DEFAULT_WORKERS } from "../explore/explore.js";
import { loadExperiment } from "../explore/load-experiment.js";
import type { Io } from "../io.js";
import { dayCount, positiveInteger } from "../options.js";
import { prepareOutputFolder, writeFileAtomic } from "../output/index.js";
import { BUILT_IN_SCENARIO } from "./compare.js";
import { checkExplorationResources, exploreInto, summaryLines } from "./explore.js";

/**
 * Futures of the main job: a Latin hypercube over every assumption and hypothesis strength of the
 * built-in region, each run under every one of Pakistan's policies (paired: same futures, same seeds).
 * 100 futures × 4 policies of ten years take 70–80 s on an idle two-core machine.
 */
export const DEMO_FUTURES = 100;
export const DEMO_SEED = 2026;
export const DEMO_OUT = "runs/demo";
/** The outcomes the main job's table shows, in this order (every outcome is in the store and summary.json). */
export const DEMO_OUTCOMES = [
  "served_usd_bn",
  "closure_days",
  "incidents",
  "fatalities",
  "escalation_cycles",
  "trust_dependent_in_actor_final",
  "dependence_final_pct",
  "compliance_rate_pct",
  "projects_operational",
  "resilience_loss",
  "people_returned",
] as const;
/** The outcomes the robustness table ranks the policies on. */
export const DEMO_ROBUSTNESS = ["fatalities", "served_usd_bn", "resilience_loss"] as const;
/** The reference policy of the paired differences: Pakistan's course in 2023–2025. */
export const DEMO_REFERENCE = "coercive";

/** The options `demo` takes. */
export interface DemoOptions {
  futures: number;
  days?: number;
  seed: number;
  workers?: number;
  out?: string;
  force?: boolean;
  json?: boolean;
}

/**
 * The main job of the Quick start: Pakistan's policies for the built-in Pakistan–Afghanistan region
 * across sampled futures, with the comparison, the robustness of each policy and the region's claims.
 */
export async function runDemo(options: DemoOptions, io: Io): Promise<void> {
  // Everything that can be wrong is checked before the first run: the experiment, then the folder.
  const loaded = await loadExperiment(BUILT_IN_SCENARIO, {
    futures: options.futures,
    seed: options.seed,
    sampler: "lhs",
    ...(options.days === undefined ? {} : { days: options.days }),
  });
  checkExplorationResources(loaded, options.workers ?? DEFAULT_WORKERS, io);
  const folder = prepareOutputFolder({
    out: options.out,
    defaultPath: DEMO_OUT,
    force: options.force,
    kind: "demo",
  });
  const { plan } = loaded;
  const policies = plan.levers[0]?.values.map(String) ?? [];
  const days = plan.model.days ?? 3650;
  io.err(
    `Corridor main job: the built-in Pakistan–Afghanistan region, ${policies.length} policies of Pakistan × ${loaded.futures.count} futures (Latin hypercube over ${plan.inputs.length} assumptions and hypothesis strengths), ${days} days each.\n`,
  );
  let printed = "";
  const say = (text: string) => {
    printed += text;
    if (!options.json) io.out(text);
  };
  let summaryJson: Record<string, unknown> = {};
  await folder.write(async (dir) => {
    const store = join(dir, "store.duckdb");
    const summary = await exploreInto(loaded, store, options.workers, io);
    for (const line of summaryLines({ ...summary, store: join(folder.path, "store.duckdb") }))
      io.err(`${line}\n`);
    const data = await readStoreData(store);
    const document = chartDocument();
    const reference = data.policies.includes(DEMO_REFERENCE) ? DEMO_REFERENCE : data.policies[0]!;
    const outcomes = DEMO_OUTCOMES.filter((o) => data.plan.outcomes.some((x) => x.name === o));

    say(
      `\n${data.plan.name}: Pakistan's policies across ${data.futureCount} sampled futures, ${days} days each.\n` +
        "Explorations under stated assumptions and ranges, not forecasts: each future draws every assumption and hypothesis strength of the scenario from its range.\n\n",
    );
    const rows = compareOverFutures(data, outcomes, reference);
    say(futuresComparisonText(rows, data.policies, reference));
    say(`${COMPARISON_NOTE}\n`);
    writeFileAtomic(join(dir, "comparison.csv"), comparisonCsv(rows, data.policies, reference));

    const robust: Record<string, unknown>[] = [];
    for (const outcome of DEMO_ROBUSTNESS) {
      const r = robustnessOf(data, outcome, data.policies, {});
      if (!r) continue;
      say(robustnessText(outcome, r));
      robust.push({
        outcome,
        direction: r.direction,
        futures: r.futures,
        policies: r.policies.map(({ regrets: _, ...p }) => p),
        preferred: r.preferred,
      });
      writeChart(
        outcomeDistributionChart(
          Object.fromEntries(
            data.policies.map((p) => [p, Array.from(data.values(outcome, p)).filter(Number.isFinite)]),
          ),
          { document, outcome },
        ),
        join(dir, `distribution-${outcome}`),
      );
    }

    const claims =
      data.plan.claims.length > 0
        ? claimResults(
            data,
            data.plan.claims.map((c) => ({ name: c.name, text: c.claim, sentence: c.sentence })),
          )
        : [];
    if (claims.length > 0) {
      say("\nClaims of both sides (scenarios/af-pak.claims.yaml), over these futures:\n");
      for (const c of claims) say(claimText(c));
      writeChart(claimChart(claims, { document }), join(dir, "claims"));
    }
    summaryJson = {
      scenario: data.plan.name,
      futures: data.futureCount,
      days,
      seed: options.seed,
      policies: data.policies,
      reference,
      cases: { ok: summary.ok, failed: summary.failed, seconds: summary.seconds },
      comparison: rows,
      robustness: robust,
      claims: claims.map(claimJson),
    };
    writeFileAtomic(join(dir, "summary.json"), `${JSON.stringify(summaryJson, null, 2)}\n`);
    writeFileAtomic(join(dir, "summary.txt"), printed);
  });
  if (folder.note) io.err(`note: ${folder.note}\n`);
  if (options.json) io.out(`${JSON.stringify(summaryJson, null, 2)}\n`);
  io.err(
    `\nResults in ${folder.path}/ (store.duckdb, comparison.csv, summary.json, charts as SVG and PNG). Next: corridor analyze ${join(folder.path, "store.duckdb")} prim --policy open-now --where "fatalities >= q90"\n`,
  );
}

export function registerDemo(program: Command, io: Io): void {
  program
    .command("demo")
    .description(
      `the main job: Pakistan's policies for the built-in region across ${DEMO_FUTURES} sampled futures, with the comparison, robustness and claims, written to runs/demo/`,
    )
    .option("--futures <n>", "sampled futures", positiveInteger("--futures", 100_000), DEMO_FUTURES)
    .option("--days <n>", "days each run simulates (default: the scenario's ten years)", dayCount("--days"))
    .option("--seed <n>", "master seed of the sample and the runs", positiveInteger("--seed"), DEMO_SEED)
    .option(
      "--workers <n>",
      `worker threads (default: ${DEFAULT_WORKERS}, one per core)`,
      positiveInteger("--workers"),
    )
    .option(
      "--out <dir>",
      "results folder (default: runs/demo, or the first free runs/demo-2, -3, … when taken)",
    )
    .option("--force", "replace an earlier results folder at that path")
    .option("--json", "print the summary as JSON instead of the tables (the folder is written as well)")
    .option("--seeds <n>", "(removed: the main job samples futures now; use --futures)")
    .addHelpText(
      "after",
      `
Each future draws every assumption and hypothesis strength of scenarios/af-pak.yaml from its range
(Latin hypercube); every policy runs in every future with the same random streams, so differences are
paired. For a resumable exploration of your own, use corridor explore; to read it, corridor analyze.`,
    )
    .action(async (options: DemoOptions & { seeds?: string }) => {
      if (options.seeds !== undefined) {
        throw new InputError({
          code: "removed-option",
          path: "--seeds",
          expected:
            "--futures <n>: the main job now samples futures (each with its own seed) instead of repeating seeds",
          found: `--seeds ${options.seeds}`,
        });
      }
      await runDemo(options, io);
    });
}
