import { basename } from "node:path";
import type { Command } from "commander";
import { type ClosureCandidate, type CriticalityResult, rankClosures } from "../../core/assignment/index.js";
import type { Demand } from "../../core/network/demand.js";
import type { Network } from "../../core/network/graph.js";
import { scenarioNetwork } from "../../core/scenario/index.js";
import type { Io } from "../io.js";
import { loadTntp } from "../load-network.js";
import { loadScenarioFile } from "../load-scenario.js";
import { formatNumber, nonNegativeNumber, positiveInteger, positiveNumber } from "../options.js";
import { prepareOutputFile } from "../output/index.js";
import { startProgress } from "../progress.js";
import { formatTable } from "../table.js";
import { checkAlgorithm, DEFAULT_ALGORITHM } from "./assign.js";

interface CriticalityOptions {
  trips?: string;
  crossings?: boolean;
  top: number;
  gap: number;
  algorithm: string;
  tollFactor: number;
  distanceFactor: number;
  out?: string;
  force?: boolean;
  json?: boolean;
}

interface Problem {
  label: string;
  network: Network;
  demand: Demand;
  candidates: ClosureCandidate[];
  tollFactor: number;
  distanceFactor: number;
  /** Unit of cost in the output, e.g. "USD/day". */
  costUnit: string;
  demandUnit: string;
}

export function isScenarioPath(path: string): boolean {
  return /\.(ya?ml|json)$/i.test(path);
}

/** A scenario: every road/rail link and crossing (both directions together), or crossings only. */
function scenarioProblem(path: string, crossingsOnly: boolean): Problem {
  const { scenario } = loadScenarioFile(path);
  const built = scenarioNetwork(scenario);
  const elements = [
    ...scenario.crossings.map((c) => ({
      id: c.id,
      label: `crossing ${c.id}`,
      closed: c.status === "closed",
    })),
    ...(crossingsOnly ? [] : scenario.links.map((l) => ({ id: l.id, label: `link ${l.id}`, closed: false }))),
  ];
  return {
    label: `${basename(path)}: ${scenario.name}`,
    network: built.network,
    demand: built.demand,
    candidates: elements
      .filter((e) => !e.closed)
      .map((e) => ({ label: e.label, links: built.linksById.get(e.id) ?? [] })),
    tollFactor: built.tollFactor,
    distanceFactor: built.distanceFactor,
    costUnit: "USD/day",
    demandUnit: "vehicles/day",
  };
}

/** A TNTP network: every directed link in turn. */
function tntpProblem(path: string, options: CriticalityOptions): Problem {
  const loaded = loadTntp(path, options.trips);
  return {
    label: loaded.label,
    network: loaded.network,
    demand: loaded.demand,
    candidates: loaded.linkEnds.map((ends, i) => ({ label: `${ends.from}->${ends.to}`, links: [i] })),
    tollFactor: options.tollFactor,
    distanceFactor: options.distanceFactor,
    costUnit: "cost units",
    demandUnit: "trips",
  };
}

export function criticalityCsv(result: CriticalityResult): string {
  const rows = [
    "rank,element,unserved_demand,cost_increase,cost_increase_share,travel_time_increase,base_flow,gap",
  ];
  result.ranking.forEach((r, i) => {
    rows.push(
      [
        i + 1,
        r.label,
        r.unservedDemand,
        r.costIncrease,
        r.costIncreaseShare,
        r.travelTimeIncrease,
        r.baseFlow,
        r.gap,
      ].join(","),
    );
  });
  return `${rows.join("\n")}\n`;
}

function printRanking(io: Io, problem: Problem, result: CriticalityResult, top: number): void {
  io.out(`${problem.label}\n`);
  io.out(
    `base equilibrium: total cost ${formatNumber(result.base.tstt, 1)} ${problem.costUnit}, gap ${result.base.gap.toExponential(2)}\n`,
  );
  io.out(
    `closing each of ${result.ranking.length} elements in turn; ranked by unserved demand, then cost rise\n\n`,
  );
  const header = [
    "rank",
    "element",
    `unserved (${problem.demandUnit})`,
    `cost rise (${problem.costUnit})`,
    "rise %",
    "base flow",
  ];
  const rows = result.ranking
    .slice(0, top)
    .map((r, i) => [
      String(i + 1),
      r.label,
      formatNumber(r.unservedDemand, 1),
      formatNumber(r.costIncrease, 1),
      (100 * r.costIncreaseShare).toFixed(2),
      formatNumber(r.baseFlow, 1),
    ]);
  io.out(formatTable(header, rows, { left: [1] }));
  const notConverged = result.ranking.filter((r) => !r.converged).length;
  if (notConverged > 0) io.out(`\nnote: ${notConverged} re-equilibrations stopped before the target gap\n`);
}

export function registerCriticality(program: Command, io: Io): void {
  program
    .command("criticality")
    .description(
      "close each link (or each crossing) in turn, re-equilibrate, and rank them by unserved demand and rise in total cost",
    )
    .argument(
      "<input>",
      "a scenario file (.yaml, .yml, .json) or a TNTP network (X_net.tntp, with X_trips.tntp beside it)",
    )
    .option("--trips <file>", "TNTP demand file, when it is not beside the net file")
    .option("--crossings", "scenario only: close crossings only, not road and rail links")
    .option("--top <n>", "rows to print", positiveInteger("--top"), 20)
    .option("--gap <x>", "relative gap for each re-equilibration", positiveNumber("--gap"), 1e-4)
    .option("--algorithm <name>", "solver (see `corridor assign --help`)", DEFAULT_ALGORITHM)
    .option(
      "--toll-factor <x>",
      "TNTP only: generalized cost weight of tolls",
      nonNegativeNumber("--toll-factor"),
      0,
    )
    .option(
      "--distance-factor <y>",
      "TNTP only: generalized cost weight of lengths",
      nonNegativeNumber("--distance-factor"),
      0,
    )
    .option("--out <file>", "write the full ranking as CSV")
    .option("--force", "replace an existing --out file")
    .option("--json", "print the ranking as JSON")
    .action((input: string, options: CriticalityOptions) => {
      const algorithm = checkAlgorithm(options.algorithm);
      const out =
        options.out === undefined
          ? undefined
          : prepareOutputFile({ out: options.out, force: options.force, what: "CSV of the ranking" });
      const problem = isScenarioPath(input)
        ? scenarioProblem(input, Boolean(options.crossings))
        : tntpProblem(input, options);
      const progress = startProgress(io, "criticality", problem.candidates.length);
      const result = rankClosures(problem.network, problem.demand, problem.candidates, {
        algorithm,
        gap: options.gap,
        tollFactor: problem.tollFactor,
        distanceFactor: problem.distanceFactor,
        onCandidate: (done) => progress.update(done),
      });
      progress.stop();
      out?.write(criticalityCsv(result));
      if (options.json) {
        io.out(
          `${JSON.stringify({ base: { tstt: result.base.tstt, gap: result.base.gap }, ranking: result.ranking }, null, 2)}\n`,
        );
      } else {
        printRanking(io, problem, result, options.top);
        if (options.out) io.out(`full ranking written to ${options.out}\n`);
      }
    });
}
