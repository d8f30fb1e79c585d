import type { Command } from "commander";
import {
  type AlgorithmName,
  type AssignmentResult,
  algorithms,
  assign,
} from "../../core/assignment/index.js";
import { InputError, suggestName } from "../../core/errors/index.js";
import type { Io } from "../io.js";
import { type LoadedNetwork, loadTntp } from "../load-network.js";
import { formatNumber, nonNegativeNumber, positiveInteger, positiveNumber } from "../options.js";
import { prepareOutputFile } from "../output/index.js";
import { formatPairs } from "../table.js";

export interface AssignOptions {
  net: string;
  trips?: string;
  gap: number;
  algorithm: string;
  maxIterations: number;
  tollFactor: number;
  distanceFactor: number;
  out?: string;
  force?: boolean;
  json?: boolean;
}

export const DEFAULT_ALGORITHM: AlgorithmName = "path";

export function checkAlgorithm(name: string): AlgorithmName {
  const names = Object.keys(algorithms);
  if (!names.includes(name)) {
    const suggestion = suggestName(name, names);
    throw new InputError({
      code: "unknown-algorithm",
      path: "--algorithm",
      expected: `one of ${names.join(", ")}`,
      found: `"${name}"`,
      ...(suggestion ? { suggestion } : {}),
    });
  }
  return name as AlgorithmName;
}

/** Prints solver progress to stderr at most a few times a second, so long runs show they are alive. */
export function progressPrinter(io: Io, label: string) {
  let lastPrint = -1;
  return (p: { iteration: number; gap: number; seconds: number }) => {
    if (p.seconds - lastPrint < 0.25 && p.iteration > 1) return;
    lastPrint = p.seconds;
    const line = `${label}: iteration ${p.iteration}, relative gap ${p.gap.toExponential(2)}, ${p.seconds.toFixed(2)} s`;
    io.err(io.interactive ? `\r${line}\u001b[K` : `${line}\n`);
  };
}

export function runAssign(loaded: LoadedNetwork, options: AssignOptions, io: Io): AssignmentResult {
  const algorithm = checkAlgorithm(options.algorithm);
  const result = assign(loaded.network, loaded.demand, {
    algorithm,
    gap: options.gap,
    maxIterations: options.maxIterations,
    tollFactor: options.tollFactor,
    distanceFactor: options.distanceFactor,
    onIteration: progressPrinter(io, algorithm),
  });
  if (io.interactive) io.err("\n");
  return result;
}

export function flowsCsv(loaded: LoadedNetwork, result: AssignmentResult): string {
  const rows = ["from,to,flow,cost"];
  loaded.linkEnds.forEach((ends, i) => {
    rows.push(`${ends.from},${ends.to},${result.flows[i]},${result.costs[i]}`);
  });
  return `${rows.join("\n")}\n`;
}

export function summaryJson(result: AssignmentResult, algorithm: string) {
  return {
    algorithm,
    tstt: result.tstt,
    beckmann: result.beckmann,
    gap: result.gap,
    iterations: result.iterations,
    seconds: result.seconds,
    converged: result.converged,
    unservedDemand: result.unservedDemand,
  };
}

export function printSummary(
  io: Io,
  loaded: LoadedNetwork,
  result: AssignmentResult,
  options: AssignOptions,
): void {
  const rows: [string, string][] = [
    ["network", loaded.label],
    ["demand", `${formatNumber(loaded.totalDemand, 1)} trips in ${formatNumber(loaded.odPairs)} OD pairs`],
    ["algorithm", `${options.algorithm} (${algorithms[options.algorithm as AlgorithmName]})`],
    ["total system travel cost (TSTT)", formatNumber(result.tstt, 6)],
    ["Beckmann objective", formatNumber(result.beckmann, 6)],
    [
      "relative gap",
      `${result.gap.toExponential(3)} after ${result.iterations} iterations${result.converged ? "" : ` (target ${options.gap} not reached)`}`,
    ],
    ["wall time", `${result.seconds.toFixed(3)} s`],
  ];
  if (result.unservedDemand > 0) {
    rows.push(["unserved demand", `${formatNumber(result.unservedDemand, 1)} trips have no open route`]);
  }
  io.out(formatPairs(rows));
}

export function registerAssign(program: Command, io: Io): void {
  program
    .command("assign")
    .description(
      "find the user equilibrium of a TNTP network (BPR link costs, generalized cost) and print TSTT, the Beckmann objective and the gap",
    )
    .requiredOption("--net <file>", "TNTP network file (X_net.tntp)")
    .option("--trips <file>", "TNTP demand file (default: X_trips.tntp beside the net file)")
    .option("--gap <x>", "target relative gap (TSTT − SPTT)/TSTT", positiveNumber("--gap"), 1e-6)
    .option(
      "--algorithm <name>",
      `solver: ${Object.entries(algorithms)
        .map(([k, v]) => `${k} (${v})`)
        .join("; ")}`,
      DEFAULT_ALGORITHM,
    )
    .option(
      "--max-iterations <n>",
      "stop after this many iterations",
      positiveInteger("--max-iterations"),
      10_000,
    )
    .option(
      "--toll-factor <x>",
      "generalized cost weight of the toll column",
      nonNegativeNumber("--toll-factor"),
      0,
    )
    .option(
      "--distance-factor <y>",
      "generalized cost weight of the length column",
      nonNegativeNumber("--distance-factor"),
      0,
    )
    .option("--out <file>", "write link flows as CSV: from,to,flow,cost (TNTP node ids, generalized cost)")
    .option("--force", "replace an existing --out file")
    .option("--json", "print the summary as JSON (tstt, beckmann, gap, iterations, seconds)")
    .action((options: AssignOptions) => {
      checkAlgorithm(options.algorithm);
      // A bad --out is reported before loading and solving.
      const out =
        options.out === undefined
          ? undefined
          : prepareOutputFile({ out: options.out, force: options.force, what: "CSV of link flows" });
      const loaded = loadTntp(options.net, options.trips);
      const result = runAssign(loaded, options, io);
      out?.write(flowsCsv(loaded, result));
      if (options.json) io.out(`${JSON.stringify(summaryJson(result, options.algorithm), null, 2)}\n`);
      else printSummary(io, loaded, result, options);
      if (options.out && !options.json) io.out(`link flows written to ${options.out}\n`);
    });
}
