import { basename } from "node:path";
import type { Command } from "commander";
import { type ClosureCandidate, type CriticalityResult, rankClosures } from "../../core/assignment/index.js";
import { Calendar, reservationCost, simulate } from "../../core/engine/index.js";
import { InputError } from "../../core/errors/index.js";
import type { Demand } from "../../core/network/demand.js";
import type { Network } from "../../core/network/graph.js";
import { type Scenario, scenarioNetwork } from "../../core/scenario/index.js";
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
  reference?: string;
  unservedCost?: number;
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
  /** The reference state the closures are measured against, in words. */
  reference: string;
  /** Elements not closed in turn, with the reason. */
  leftOut: { label: string; why: string }[];
  /** Cost of one unit of unserved demand per pair, and where it comes from (undefined: not priced). */
  unservedPrice?: { price: (origin: number, destination: number) => number; source: string; value?: number };
}

export function isScenarioPath(path: string): boolean {
  return /\.(ya?ml|json)$/i.test(path);
}

/**
 * The crossings' statuses of the reference state: as the scenario writes them ("scenario"), every
 * crossing open ("open"), or as a simulation of the scenario (seed 1, its policies) has them on a
 * date (YYYY-MM-DD).
 */
function referenceScenario(scenario: Scenario, reference: string): { scenario: Scenario; words: string } {
  if (reference === "scenario")
    return { scenario, words: "the scenario as written (crossings closed at its start stay closed)" };
  if (reference === "open")
    return {
      scenario: {
        ...scenario,
        crossings: scenario.crossings.map((c) => ({ ...c, status: "open" as const })),
      },
      words: "every crossing open",
    };
  // Without a start date the scenario starts where its facts end: a one-day run says where that is.
  const start = scenario.start ?? simulate(scenario, { seed: 1, days: 1 }).outcomes.start;
  const day = new Calendar(start).day(reference);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(reference) || !Number.isInteger(day) || day < 0 || day > 365 * 100)
    throw new InputError({
      code: "invalid-value",
      path: "--reference",
      expected: `scenario, open, or a date on or after the scenario's start (${start})`,
      found: `"${reference}"`,
    });
  const run = simulate(scenario, { seed: 1, days: day + 1 });
  const crossings = scenario.crossings.map((c) => {
    const share = run.series.values[`open_share.${c.id}`]?.[day] ?? 1;
    return share === 0
      ? { ...c, status: "closed" as const }
      : share < 1
        ? { ...c, status: "restricted" as const, hoursOpenPerDay: 24 * share }
        : { ...c, status: "open" as const };
  });
  return {
    scenario: { ...scenario, crossings },
    words: `the crossings as a run of the scenario (seed 1) has them on ${reference}`,
  };
}

/**
 * The engine's price of a trip not made, per origin–destination pair: the demand-weighted mean of the
 * pair's reservation costs (reservationCostUsd, or its default share of cargo value).
 */
function reservationPrices(
  scenario: Scenario,
  nodeIndex: Map<string, number>,
): (o: number, d: number) => number {
  const sums = new Map<string, { cost: number; weight: number }>();
  for (const d of scenario.demand) {
    const key = `${nodeIndex.get(d.origin)},${nodeIndex.get(d.destination)}`;
    const cost = reservationCost(d);
    const s = sums.get(key) ?? { cost: 0, weight: 0 };
    s.cost += cost * d.vehiclesPerDay;
    s.weight += d.vehiclesPerDay;
    sums.set(key, s);
  }
  return (o, d) => {
    const s = sums.get(`${o},${d}`);
    return s && s.weight > 0 ? s.cost / s.weight : 0;
  };
}

/** A scenario: every road/rail link and crossing (both directions together), or crossings only. */
function scenarioProblem(path: string, crossingsOnly: boolean, options: CriticalityOptions): Problem {
  const loaded = loadScenarioFile(path).scenario;
  const { scenario, words } = referenceScenario(loaded, options.reference ?? "scenario");
  const built = scenarioNetwork(scenario);
  const elements = [
    ...scenario.crossings.map((c) => ({
      id: c.id,
      label: `crossing ${c.id}`,
      closed: c.status === "closed",
    })),
    ...(crossingsOnly ? [] : scenario.links.map((l) => ({ id: l.id, label: `link ${l.id}`, closed: false }))),
  ];
  const byPair = reservationPrices(scenario, built.nodeIndex);
  const fixed = options.unservedCost;
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
    reference: words,
    leftOut: elements
      .filter((e) => e.closed)
      .map((e) => ({ label: e.label, why: "closed in the reference state" })),
    unservedPrice:
      fixed === undefined
        ? {
            price: byPair,
            source:
              "each trip's reservation cost (reservationCostUsd, or its default share of cargo value), as the engine prices a trip not made; --unserved-cost sets one price for all",
          }
        : { price: () => fixed, source: "--unserved-cost", value: fixed },
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
    reference: "the network as the files give it",
    leftOut: [],
    ...(options.unservedCost === undefined
      ? {}
      : {
          unservedPrice: {
            price: () => options.unservedCost!,
            source: "--unserved-cost",
            value: options.unservedCost,
          },
        }),
  };
}

/** The cost rise with the unserved demand priced in (undefined when no price is given). */
const pricedRise = (r: CriticalityResult["ranking"][number], priced: boolean) =>
  priced ? r.costIncrease + r.unservedCost : undefined;

export function criticalityCsv(result: CriticalityResult, price = false): string {
  const rows = [
    "rank,element,unserved_demand,cost_increase,cost_increase_share,priced_cost_increase,travel_time_increase,base_flow,gap",
  ];
  result.ranking.forEach((r, i) => {
    rows.push(
      [
        i + 1,
        r.label,
        r.unservedDemand,
        r.costIncrease,
        r.costIncreaseShare,
        pricedRise(r, price) ?? "",
        r.travelTimeIncrease,
        r.baseFlow,
        r.gap,
      ].join(","),
    );
  });
  return `${rows.join("\n")}\n`;
}

function printRanking(io: Io, problem: Problem, result: CriticalityResult, top: number): void {
  const price = problem.unservedPrice !== undefined;
  io.out(`${problem.label}\n`);
  io.out(`reference state: ${problem.reference}\n`);
  io.out(
    `base equilibrium: total cost ${formatNumber(result.base.tstt, 1)} ${problem.costUnit}, gap ${result.base.gap.toExponential(2)}\n`,
  );
  io.out(
    `closing each of ${result.ranking.length} elements in turn; ranked by unserved demand, then cost rise\n`,
  );
  if (problem.leftOut.length > 0)
    io.out(
      `left out (${problem.leftOut.length}): ${problem.leftOut.map((e) => `${e.label} (${e.why})`).join(", ")}; --reference open closes them in turn too\n`,
    );
  if (problem.unservedPrice)
    io.out(
      `unserved demand priced at ${problem.unservedPrice.value === undefined ? "" : `${formatNumber(problem.unservedPrice.value, 0)} a unit: `}${problem.unservedPrice.source}\n`,
    );
  io.out("\n");
  const header = [
    "rank",
    "element",
    `unserved (${problem.demandUnit})`,
    `cost rise (${problem.costUnit})`,
    "rise %",
    ...(price ? [`cost rise with unserved priced (${problem.costUnit})`] : []),
    "base flow",
  ];
  const rows = result.ranking
    .slice(0, top)
    .map((r, i) => [
      String(i + 1),
      r.label,
      formatNumber(r.unservedDemand, 1),
      formatNumber(r.costIncrease, 1),
      formatNumber(100 * r.costIncreaseShare, 2),
      ...(price ? [formatNumber(pricedRise(r, price)!, 1)] : []),
      formatNumber(r.baseFlow, 1),
    ]);
  io.out(formatTable(header, rows, { left: [1] }));
  if (!price && result.ranking.some((r) => r.unservedDemand > 0))
    io.out(
      "\nnote: the cost rise leaves out the demand with no route (it can even fall); --unserved-cost prices it in\n",
    );
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
    .option(
      "--reference <state>",
      "scenario only: the state closures are measured from: scenario (as written), open (every crossing open) or a date YYYY-MM-DD (a run's crossings that day)",
      "scenario",
    )
    .option(
      "--unserved-cost <x>",
      "cost of one unit of demand left with no route (default for a scenario: its trips' mean reservation cost)",
      nonNegativeNumber("--unserved-cost"),
    )
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
        ? scenarioProblem(input, Boolean(options.crossings), options)
        : tntpProblem(input, options);
      const progress = startProgress(io, "criticality", problem.candidates.length);
      const result = rankClosures(problem.network, problem.demand, problem.candidates, {
        algorithm,
        gap: options.gap,
        tollFactor: problem.tollFactor,
        distanceFactor: problem.distanceFactor,
        ...(problem.unservedPrice ? { unservedPrice: problem.unservedPrice.price } : {}),
        onCandidate: (done) => progress.update(done),
      });
      progress.stop();
      const price = problem.unservedPrice !== undefined;
      out?.write(criticalityCsv(result, price));
      if (options.json) {
        io.out(
          `${JSON.stringify(
            {
              reference: problem.reference,
              leftOut: problem.leftOut,
              unservedPrice: problem.unservedPrice
                ? { source: problem.unservedPrice.source, value: problem.unservedPrice.value ?? null }
                : null,
              base: { tstt: result.base.tstt, gap: result.base.gap },
              ranking: result.ranking.map((r) => ({
                ...r,
                pricedCostIncrease: pricedRise(r, price) ?? null,
              })),
            },
            null,
            2,
          )}\n`,
        );
      } else {
        printRanking(io, problem, result, options.top);
        if (options.out) io.out(`full ranking written to ${options.out}\n`);
      }
    });
}
