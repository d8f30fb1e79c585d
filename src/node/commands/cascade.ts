/**
 * `corridor cascade <scenario>`: Motter–Lai overload cascades (docs/mechanisms.md §1) on a scenario's
 * network seen as an undirected simple graph. Without --attack, every node and every crossing is attacked
 * in turn and ranked by the share G of nodes left in the largest component; with --attack, one attack is
 * swept over tolerances and its critical tolerance found.
 */
import { basename } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import {
  CascadeModel,
  type CascadeTarget,
  cascadeTarget,
  criticalTolerance,
  type ScenarioGraph,
  scenarioSimpleGraph,
} from "../../core/cascade/index.js";
import { InputError } from "../../core/errors/index.js";
import type { Io } from "../io.js";
import { loadScenarioFile } from "../load-scenario.js";
import { nonNegativeNumber, positiveInteger } from "../options.js";
import { type OutputFile, prepareOutputFile } from "../output/index.js";
import { startProgress } from "../progress.js";
import { formatTable } from "../table.js";

interface CascadeOptions {
  attack?: string;
  tolerance?: number;
  tolerances?: number[];
  top: number;
  json?: boolean;
  out?: string;
  force?: boolean;
}

/** Tolerance of the ranking when none is given: a quarter of spare capacity. */
const DEFAULT_TOLERANCE = 0.25;
/** Tolerances of a sweep when none are given. */
const DEFAULT_SWEEP = [0, 0.1, 0.25, 0.5, 1];
/** Rankings with at least this many attacks show progress. */
const PROGRESS_FROM = 50;

/** One attack's outcome at one tolerance. */
interface Outcome {
  alpha: number;
  G: number;
  largestComponent: number;
  /** Scenario ids of the nodes lost to overload, in failure order. */
  overloadedNodes: string[];
  rounds: number;
}

interface RankedAttack extends Outcome {
  target: CascadeTarget;
  /** G left by removing the attacked nodes with no overload failure. */
  gRemovalOnly: number;
}

function toleranceList(raw: string): number[] {
  const parse = nonNegativeNumber("--tolerances");
  const values = raw.split(",").map((part) => parse(part.trim()));
  if (values.length === 0) throw new InvalidArgumentError(`--tolerances: expected a list like 0,0.1,0.5`);
  return values;
}

function outcome(model: CascadeModel, sg: ScenarioGraph, alpha: number): Outcome {
  const r = model.run(alpha);
  return {
    alpha,
    G: r.G,
    largestComponent: r.largestComponent,
    overloadedNodes: r.failedPerRound.flat().map((u) => sg.nodeIds[u]!),
    rounds: r.rounds,
  };
}

const targetLabel = (t: CascadeTarget) => `${t.kind} ${t.id}`;
const removedIds = (sg: ScenarioGraph, t: CascadeTarget) => t.nodes.map((u) => sg.nodeIds[u]!);

/** Every node, then every crossing, attacked alone at tolerance α; most damaging first. */
function rankAttacks(sg: ScenarioGraph, alpha: number, io: Io): RankedAttack[] {
  const targets: CascadeTarget[] = [
    ...sg.nodeIds.map((id, u) => ({ kind: "node" as const, id, nodes: [u] })),
    ...sg.crossings.map((c) => ({
      kind: "crossing" as const,
      id: c.id,
      nodes: [Math.min(...c.nodes), Math.max(...c.nodes)],
    })),
  ];
  // A ranking of a few dozen attacks is instant; a bar for it would only clutter the terminal.
  const progress = targets.length >= PROGRESS_FROM ? startProgress(io, "cascade", targets.length) : undefined;
  const ranked = targets.map((target, i) => {
    const model = new CascadeModel(sg.graph, target.nodes);
    progress?.update(i + 1);
    return { ...outcome(model, sg, alpha), target, gRemovalOnly: model.noCascadeG() };
  });
  progress?.stop();
  // Stable sort: equal damage keeps scenario order (nodes, then crossings).
  return ranked.sort((a, b) => a.G - b.G || b.overloadedNodes.length - a.overloadedNodes.length);
}

function graphSummary(sg: ScenarioGraph): string {
  const left = sg.leftOut.map((e) => `${e.kind} ${e.id} (${e.reason === "closed" ? "closed" : "not built"})`);
  const merged = sg.merged.length > 0 ? `; parallel to an earlier one, merged: ${sg.merged.join(", ")}` : "";
  return (
    `cascade graph: ${sg.graph.nodeCount} nodes, ${sg.graph.edgeCount} edges (links and crossings, undirected, hop counts)` +
    `; left out: ${left.length > 0 ? left.join(", ") : "none"}${merged}\n`
  );
}

function printRanking(io: Io, sg: ScenarioGraph, alpha: number, ranked: RankedAttack[], top: number): void {
  const n = sg.graph.nodeCount;
  io.out(
    `tolerance α = ${alpha} (capacity = ${1 + alpha} × initial load); G = largest component left / ${n} nodes\n`,
  );
  io.out(
    "each node, and each crossing (removing both of its side nodes), attacked alone; most damaging first\n\n",
  );
  const rows = ranked
    .slice(0, top)
    .map((r, i) => [
      String(i + 1),
      targetLabel(r.target),
      r.G.toFixed(3),
      r.gRemovalOnly.toFixed(3),
      String(r.overloadedNodes.length),
      String(r.rounds),
    ]);
  io.out(
    formatTable(["rank", "attacked", "G", "G removal only", "overloaded", "rounds"], rows, { left: [1] }),
  );
  if (ranked.length > top) io.out(`(${ranked.length - top} more: use --top, --out or --json)\n`);
}

function printSweep(
  io: Io,
  sg: ScenarioGraph,
  target: CascadeTarget,
  gRemovalOnly: number,
  sweep: Outcome[],
  critical: ReturnType<typeof criticalTolerance>,
): void {
  const n = sg.graph.nodeCount;
  const removed = removedIds(sg, target);
  io.out(
    target.kind === "crossing"
      ? `attack: crossing ${target.id}, removing both of its side nodes (${removed.join(", ")})\n`
      : `attack: node ${target.id}\n`,
  );
  io.out(
    `removal alone leaves G = ${gRemovalOnly.toFixed(3)} (largest component ${Math.round(gRemovalOnly * n)} of ${n} nodes)\n\n`,
  );
  const rows = sweep.map((s) => [
    String(s.alpha),
    s.G.toFixed(3),
    String(s.largestComponent),
    String(s.overloadedNodes.length),
    String(s.rounds),
    s.overloadedNodes.length > 8
      ? `${s.overloadedNodes.slice(0, 8).join(", ")}, …`
      : s.overloadedNodes.join(", "),
  ]);
  io.out(formatTable(["α", "G", "largest", "overloaded", "rounds", "overloaded nodes"], rows, { left: [5] }));
  io.out("\n");
  if (critical.alpha === undefined) {
    io.out(`critical tolerance: not reached for α up to ${critical.upper}\n`);
  } else if (critical.alpha === 0) {
    io.out(
      "critical tolerance: 0 (no node overloads even without spare capacity; the removal alone sets G)\n",
    );
  } else {
    io.out(
      `critical tolerance: α_c ≈ ${critical.alpha.toFixed(4)} (smallest α at which no node overloads and G stays ${critical.threshold.toFixed(3)}; bisection, within 1e-4)\n`,
    );
  }
  const sorted = [...sweep].sort((a, b) => a.alpha - b.alpha);
  if (sorted.some((s, i) => i > 0 && s.G < sorted[i - 1]!.G - 1e-12)) {
    io.out(
      "note: G falls as α grows somewhere in this sweep, so the bisection may miss the true critical α\n",
    );
  }
}

function rankingCsv(sg: ScenarioGraph, ranked: RankedAttack[]): string {
  const rows = [
    "rank,kind,id,removed_nodes,alpha,G,G_removal_only,largest_component,overloaded,rounds,overloaded_nodes",
  ];
  ranked.forEach((r, i) => {
    rows.push(
      [
        i + 1,
        r.target.kind,
        r.target.id,
        removedIds(sg, r.target).join(";"),
        r.alpha,
        r.G,
        r.gRemovalOnly,
        r.largestComponent,
        r.overloadedNodes.length,
        r.rounds,
        r.overloadedNodes.join(";"),
      ].join(","),
    );
  });
  return `${rows.join("\n")}\n`;
}

function sweepCsv(sweep: Outcome[]): string {
  const rows = ["alpha,G,largest_component,overloaded,rounds,overloaded_nodes"];
  for (const s of sweep) {
    rows.push(
      [
        s.alpha,
        s.G,
        s.largestComponent,
        s.overloadedNodes.length,
        s.rounds,
        s.overloadedNodes.join(";"),
      ].join(","),
    );
  }
  return `${rows.join("\n")}\n`;
}

function graphJson(sg: ScenarioGraph) {
  return { nodes: sg.graph.nodeCount, edges: sg.graph.edgeCount, leftOut: sg.leftOut, merged: sg.merged };
}

function runRanking(
  io: Io,
  file: string,
  name: string,
  sg: ScenarioGraph,
  options: CascadeOptions,
  out: OutputFile | undefined,
): void {
  if (options.tolerances !== undefined) {
    throw new InputError({
      code: "usage",
      path: "--tolerances",
      expected: "--attack with a sweep of tolerances; a ranking uses one, --tolerance",
      found: "no --attack",
    });
  }
  const alpha = options.tolerance ?? DEFAULT_TOLERANCE;
  const ranked = rankAttacks(sg, alpha, io);
  out?.write(rankingCsv(sg, ranked));
  if (options.json) {
    const ranking = ranked.map((r, i) => ({
      rank: i + 1,
      kind: r.target.kind,
      id: r.target.id,
      removedNodes: removedIds(sg, r.target),
      G: r.G,
      gRemovalOnly: r.gRemovalOnly,
      largestComponent: r.largestComponent,
      overloadedNodes: r.overloadedNodes,
      rounds: r.rounds,
    }));
    io.out(
      `${JSON.stringify({ scenario: { file, name }, graph: graphJson(sg), tolerance: alpha, ranking }, null, 2)}\n`,
    );
    return;
  }
  io.out(`${basename(file)}: ${name}\n${graphSummary(sg)}`);
  printRanking(io, sg, alpha, ranked, options.top);
  if (options.out) io.out(`full ranking written to ${options.out}\n`);
}

function runSweep(
  io: Io,
  file: string,
  name: string,
  sg: ScenarioGraph,
  target: CascadeTarget,
  options: CascadeOptions,
  out: OutputFile | undefined,
): void {
  const alphas =
    options.tolerances ?? (options.tolerance !== undefined ? [options.tolerance] : DEFAULT_SWEEP);
  const model = new CascadeModel(sg.graph, target.nodes);
  const sweep = alphas.map((alpha) => outcome(model, sg, alpha));
  const gRemovalOnly = model.noCascadeG();
  const critical = criticalTolerance(sg.graph, target.nodes);
  out?.write(sweepCsv(sweep));
  if (options.json) {
    const json = {
      scenario: { file, name },
      graph: graphJson(sg),
      attack: { kind: target.kind, id: target.id, removedNodes: removedIds(sg, target) },
      gRemovalOnly,
      sweep,
      criticalTolerance: critical,
    };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  io.out(`${basename(file)}: ${name}\n${graphSummary(sg)}`);
  printSweep(io, sg, target, gRemovalOnly, sweep, critical);
  if (options.out) io.out(`sweep written to ${options.out}\n`);
}

export function registerCascade(program: Command, io: Io): void {
  program
    .command("cascade")
    .description(
      "Motter–Lai overload cascades on the scenario network: which single node or crossing failure takes the system down",
    )
    .argument("<scenario>", "a scenario file (.yaml, .yml, .json)")
    .option(
      "--attack <id>",
      "attack this node or crossing (a crossing removes both of its side nodes) and sweep α",
    )
    .addOption(
      new Option(
        "--tolerance <α>",
        `tolerance α ≥ 0, capacity = (1 + α) × initial load (default: ${DEFAULT_TOLERANCE} for the ranking)`,
      )
        .argParser(nonNegativeNumber("--tolerance"))
        .conflicts("tolerances"),
    )
    .addOption(
      new Option(
        "--tolerances <list>",
        `with --attack: comma-separated α values to sweep (default: ${DEFAULT_SWEEP.join(",")})`,
      ).argParser(toleranceList),
    )
    .option("--top <n>", "rows of the ranking to print", positiveInteger("--top"), 15)
    .option("--json", "print the results as JSON")
    .option("--out <file>", "write the full ranking (or the sweep) as CSV")
    .option("--force", "replace an existing --out file")
    .action((file: string, options: CascadeOptions) => {
      const { scenario } = loadScenarioFile(file);
      const out =
        options.out === undefined
          ? undefined
          : prepareOutputFile({ out: options.out, force: options.force, what: "CSV of the results" });
      const sg = scenarioSimpleGraph(scenario);
      if (options.attack === undefined) runRanking(io, file, scenario.name, sg, options, out);
      else
        runSweep(
          io,
          file,
          scenario.name,
          sg,
          cascadeTarget(sg, options.attack, scenario, "--attack"),
          options,
          out,
        );
    });
}
