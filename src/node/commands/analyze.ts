import { join } from "node:path";
import type { Command } from "commander";
import { checkClaims } from "../../core/analysis/index.js";
import { InputError, suggestName } from "../../core/errors/index.js";
import { claimsFileSchema } from "../../core/experiment/index.js";
import { type AnalyzeOptions, analyze, METHODS, type Method } from "../analyze/methods.js";
import { readStoreData } from "../analyze/store-data.js";
import { chartDocument, writeChart } from "../charts/index.js";
import { parseDocument } from "../explore/load-experiment.js";
import { readUserFile } from "../files.js";
import type { Io } from "../io.js";
import { nonNegativeInteger, positiveInteger } from "../options.js";
import { prepareOutputFolder, writeFileAtomic } from "../output/index.js";

interface AnalyzeCommandOptions {
  outcome?: string;
  policy?: string;
  where?: string;
  box?: number;
  threshold?: string;
  alpha?: string;
  satisfice?: string;
  resamples?: number;
  top?: number;
  claims?: string;
  json?: boolean;
  out?: string;
  force?: boolean;
}

const list = (text: string | undefined) =>
  text === undefined
    ? undefined
    : text
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");

function unitNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (!(Number.isFinite(x) && x >= 0 && x <= 1))
    throw new InputError({
      code: "invalid-value",
      path: flag,
      expected: "a number from 0 to 1",
      found: `"${text}"`,
    });
  return x;
}

function checkMethod(method: string): Method {
  if ((METHODS as readonly string[]).includes(method)) return method as Method;
  const suggestion = suggestName(method, METHODS);
  throw new InputError({
    code: "unknown-method",
    path: "<method>",
    expected: `one of ${METHODS.join(", ")}`,
    found: `"${method}"`,
    ...(suggestion ? { suggestion } : {}),
  });
}

const EXAMPLES = `
Examples:
  corridor analyze runs/explore-af-pak/store.duckdb robustness
  corridor analyze runs/explore-af-pak/store.duckdb claims
  corridor analyze store.duckdb prim --policy open-now --where "fatalities >= q90"
  corridor analyze store.duckdb cart --policy coercive --where "served_usd_bn < 110"
  corridor analyze store.duckdb sobol --outcome fatalities --policy open-now   (a store made with --sampler saltelli)
  corridor analyze store.duckdb morris --top 20                                  (a store made with --sampler morris)
  corridor analyze store.duckdb screening --outcome fatalities --json
  corridor analyze store.duckdb robustness --satisfice "fatalities<=12000" --out runs/robustness

Methods: sobol (first/total-order indices, bootstrap intervals), morris (μ*, μ, σ), screening (tree
importance, any design), prim (scenario discovery: peeling trajectory, box, quasi-p), cart (tree leaves),
robustness (maximin, Laplace, Hurwicz, minimax and 90 % regret, satisficing), claims (share of futures
where each claim holds, and PRIM on where it fails). docs/exploration.md describes every column.`;

export function registerAnalyze(program: Command, io: Io): void {
  program
    .command("analyze")
    .description(
      "read an experiment store: sensitivity (sobol, morris, screening), scenario discovery (prim, cart), robustness of each policy, claims",
    )
    .argument("<store>", "the store written by `corridor explore` (.duckdb)")
    .argument("<method>", METHODS.join(" | "))
    .option("--outcome <names>", "outcomes to analyse, comma-separated (default: every outcome)")
    .option(
      "--policy <labels>",
      "lever combinations (policies), comma-separated (default: all; prim and cart need one)",
    )
    .option(
      "--where <condition>",
      'prim, cart: the futures to explain, e.g. "fatalities >= q90" or "served_usd_bn < 110"',
    )
    .option(
      "--box <n>",
      "prim: report box n of the peeling trajectory instead of the selected one",
      nonNegativeInteger("--box"),
    )
    .option("--threshold <density>", "prim: the density (0–1) a box must reach to be selected (default 0.8)")
    .option("--alpha <weight>", "robustness: Hurwicz weight (0–1) on the best case (default 0.5)")
    .option("--satisfice <condition>", 'robustness: a threshold to meet, e.g. "fatalities<=12000"')
    .option(
      "--resamples <n>",
      "sobol, morris: bootstrap resamples (default 200)",
      positiveInteger("--resamples", 100_000),
    )
    .option(
      "--top <n>",
      "sobol, morris, screening: inputs shown, largest first (default 12)",
      positiveInteger("--top"),
    )
    .option(
      "--claims <file>",
      "claims: a claims file (YAML list, or { claims: [...] }) instead of the store's",
    )
    .option("--json", "print the results as JSON (nothing is written unless --out is given)")
    .option("--out <folder>", "write the tables as CSV and the charts as SVG and PNG into this folder")
    .option("--force", "replace an earlier results folder at --out")
    .addHelpText("after", EXAMPLES)
    .action(async (storePath: string, methodText: string, options: AnalyzeCommandOptions) => {
      const method = checkMethod(methodText);
      const threshold = unitNumber(options.threshold, "--threshold");
      const alpha = unitNumber(options.alpha, "--alpha");
      // The output folder is checked before any work, so a mistake there costs nothing.
      const folder =
        options.out === undefined
          ? undefined
          : prepareOutputFolder({
              out: options.out,
              defaultPath: options.out,
              force: options.force,
              kind: `analysis-${method}`,
            });
      const data = await readStoreData(storePath);
      const analyzeOptions: AnalyzeOptions = {
        ...(options.outcome === undefined ? {} : { outcome: list(options.outcome)! }),
        ...(options.policy === undefined ? {} : { policy: list(options.policy)! }),
        ...(options.where === undefined ? {} : { where: options.where }),
        ...(options.box === undefined ? {} : { box: options.box }),
        ...(threshold === undefined ? {} : { threshold }),
        ...(alpha === undefined ? {} : { alpha }),
        ...(options.satisfice === undefined ? {} : { satisfice: options.satisfice }),
        ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
        ...(options.top === undefined ? {} : { top: options.top }),
      };
      if (options.claims !== undefined) {
        if (method !== "claims")
          throw new InputError({
            code: "invalid-option",
            path: "--claims",
            expected: "--claims with the method claims",
            found: method,
          });
        const parsed = parseDocument(
          claimsFileSchema,
          readUserFile(options.claims, "claims file"),
          options.claims,
        );
        const specs = (Array.isArray(parsed) ? parsed : parsed.claims).map((c) => ({
          name: c.name,
          text: c.claim,
          sentence: c.sentence,
        }));
        const issues = checkClaims(specs, {
          outcomes: data.plan.outcomes.map((o) => o.name),
          policies: data.policies,
        });
        if (issues.length > 0) throw new InputError(issues.map((i) => ({ ...i, file: options.claims! })));
        analyzeOptions.claims = specs;
      }
      const document = chartDocument();
      const result = analyze(data, method, analyzeOptions, document);
      if (options.json) io.out(`${JSON.stringify(result.json, null, 2)}\n`);
      else io.out(result.text);
      if (folder) {
        await folder.write(async (dir) => {
          writeFileAtomic(join(dir, `${method}.json`), `${JSON.stringify(result.json, null, 2)}\n`);
          for (const t of result.tables) writeFileAtomic(join(dir, `${t.name}.csv`), t.csv);
          for (const c of result.charts) writeChart(c.chart, join(dir, c.name));
        });
        if (folder.note) io.err(`note: ${folder.note}\n`);
        io.err(
          `${result.tables.length} table${result.tables.length === 1 ? "" : "s"} and ${result.charts.length} chart${result.charts.length === 1 ? "" : "s"} (SVG and PNG) in ${folder.path}/\n`,
        );
      }
    });
}
