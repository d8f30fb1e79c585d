/**
 * One case of a scenario experiment: the scenario with the case's input values and lever values set
 * at their paths, simulated with the case's seed and run, and its outcomes read. Pure, so the main
 * thread, worker threads and the browser evaluate a case alike.
 */
import { MEASURES, type Outcomes, type SimulationResult, simulate } from "../engine/index.js";
import { InputError, type InputIssue, suggestName } from "../errors/index.js";
import type { Scenario } from "../scenario/index.js";
import { type CaseKey, leverValues } from "./cases.js";
import type { InputValue } from "./design.js";
import { getAt, resolvePath, setAt } from "./paths.js";
import type { Plan, PlanOutcome } from "./plan.js";

export interface CaseTask {
  key: CaseKey;
  /** One value per plan input, in plan order. */
  inputs: InputValue[];
}

export interface CaseResult {
  caseId: number;
  status: "ok" | "failed";
  /** The error message of a failed case. */
  error?: string;
  /** One value per plan outcome; null where undefined (NaN) or when the case failed. */
  outcomes: (number | null)[];
  /** Daily values of the outcomes marked `keep`, by outcome name. */
  series?: Record<string, number[]>;
}

export type Evaluator = (task: CaseTask) => CaseResult;

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Aggregates a daily series (optionally only its last `window` days). */
export function aggregate(values: ArrayLike<number>, how: PlanOutcome["aggregate"], window?: number): number {
  const from = window === undefined ? 0 : Math.max(0, values.length - window);
  const n = values.length - from;
  if (n <= 0) return Number.NaN;
  if (how === "first") return values[from]!;
  if (how === "final") return values[values.length - 1]!;
  let acc = how === "min" ? Infinity : how === "max" ? -Infinity : 0;
  for (let i = from; i < values.length; i++) {
    const v = values[i]!;
    acc = how === "min" ? Math.min(acc, v) : how === "max" ? Math.max(acc, v) : acc + v;
  }
  return how === "mean" ? acc / n : acc;
}

function readOutcome(o: PlanOutcome, result: SimulationResult, focus: Plan["focus"]): number {
  const read = o.read;
  if ("measure" in read) {
    const m = MEASURES.find((x) => x.key === read.measure)!;
    return m.read(result.outcomes, focus ?? { actor: "" });
  }
  if ("field" in read) {
    const keys = resolvePath(read.field, result.outcomes);
    const v = keys ? getAt(result.outcomes, keys) : undefined;
    return typeof v === "number" ? v : v === null ? Number.NaN : Number.NaN;
  }
  if ("series" in read) {
    const values = result.series.values[read.series];
    return values ? aggregate(values, o.aggregate, o.window) : Number.NaN;
  }
  return Number.NaN;
}

/** Builds the evaluator of a scenario experiment. The scenario is copied per case, never changed. */
export function scenarioEvaluator(plan: Plan, scenario: Scenario): Evaluator {
  const policyLevers = plan.levers.map((l) => l.kind === "policy");
  // A case keeps only what its outcomes read: no event log, and only the daily series they aggregate.
  const series = [...new Set(plan.outcomes.flatMap((o) => ("series" in o.read ? [o.read.series] : [])))];
  return (task) => {
    const { key } = task;
    try {
      const copy = cloneData(scenario);
      plan.inputs.forEach((input, i) => {
        for (const path of input.paths) setAt(copy, path, task.inputs[i]);
      });
      const levers = leverValues(plan, key.lever);
      const policies: string[] = [];
      plan.levers.forEach((lever, i) => {
        if (policyLevers[i]) policies.push(String(levers[i]));
        else for (const path of lever.paths) setAt(copy, path, levers[i]);
      });
      const result = simulate(copy, {
        seed: key.seed,
        run: key.run,
        ...(plan.model.days === undefined ? {} : { days: plan.model.days }),
        ...(policies.length > 0 ? { policies } : {}),
        keepEvents: false,
        keepSeries: series,
      });
      const out: CaseResult = {
        caseId: key.caseId,
        status: "ok",
        outcomes: plan.outcomes.map((o) => finiteOrNull(readOutcome(o, result, plan.focus))),
      };
      const kept = plan.outcomes.filter((o) => o.keep && "series" in o.read);
      if (kept.length > 0) {
        out.series = {};
        for (const o of kept) {
          const values = result.series.values[(o.read as { series: string }).series];
          out.series[o.name] = values ? Array.from(values) : [];
        }
      }
      return out;
    } catch (error) {
      return failed(key.caseId, plan, error);
    }
  };
}

/** A deep copy of plain data (objects, arrays, primitives), as a scenario is. */
export function cloneData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneData) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneData(v);
    return out as T;
  }
  return value;
}

export function failed(caseId: number, plan: Plan, error: unknown): CaseResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    caseId,
    status: "failed",
    error: message.split("\n", 1)[0]!,
    outcomes: plan.outcomes.map(() => null),
  };
}

/**
 * Runs the scenario for two days with its own values to check what the outcomes read: each field must
 * name a number of the outcomes, each series a column. Throws one InputError before any case runs.
 */
export function probeScenarioOutcomes(plan: Plan, scenario: Scenario, file?: string): void {
  const needs = plan.outcomes.some((o) => "field" in o.read || "series" in o.read);
  if (!needs) return;
  const result = simulate(scenario, { seed: plan.seed, days: 2 });
  const issues: InputIssue[] = [];
  plan.outcomes.forEach((o, i) => {
    const read = o.read;
    if ("field" in read) {
      const keys = resolvePath(read.field, result.outcomes);
      const v = keys ? getAt(result.outcomes, keys) : undefined;
      if (typeof v !== "number" && v !== null) {
        const suggestion = suggestName(read.field, numberPaths(result.outcomes));
        issues.push({
          code: "unknown-outcome-field",
          ...(file === undefined ? {} : { file }),
          path: `outcomes[${i}].field`,
          expected: "the path of a number in a run's outcomes (outcomes.json)",
          found: `"${read.field}"`,
          ...(suggestion ? { suggestion } : {}),
        });
      }
    }
    if ("series" in read && !(read.series in result.series.values)) {
      const suggestion = suggestName(read.series, result.series.columns);
      issues.push({
        code: "unknown-series",
        ...(file === undefined ? {} : { file }),
        path: `outcomes[${i}].series`,
        expected: "a daily series column (series.csv)",
        found: `"${read.series}"`,
        ...(suggestion ? { suggestion } : {}),
      });
    }
  });
  if (issues.length > 0) throw new InputError(issues);
}

/** Every path to a number in a run's outcomes, for suggestions. */
function numberPaths(o: Outcomes): string[] {
  const out: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === "number") out.push(path);
    else if (Array.isArray(node)) for (const [i, x] of node.entries()) walk(x, `${path}[${i}]`);
    else if (node !== null && typeof node === "object")
      for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(o, "");
  return out;
}
