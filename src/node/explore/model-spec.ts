/**
 * What a worker needs to evaluate cases, as plain data it can receive once: the plan and either the
 * validated scenario or the URL of the module. `createEvaluator` turns it into a function of a case.
 */
import { pathToFileURL } from "node:url";
import {
  type CaseResult,
  type CaseTask,
  failed,
  leverValues,
  type Plan,
  scenarioEvaluator,
} from "../../core/experiment/index.js";
import type { Scenario } from "../../core/scenario/index.js";

export type ModelSpec =
  | { kind: "scenario"; plan: Plan; scenario: Scenario }
  | { kind: "module"; plan: Plan; url: string; exportName: string };

export type AsyncEvaluator = (task: CaseTask) => Promise<CaseResult>;

export type ModuleFunction = (
  inputs: Record<string, unknown>,
  context: { seed: number; run: number; replication: number },
) => unknown;

/** Imports a module model's function; throws a readable Error when it is not a function. */
export async function importModel(path: string, exportName: string): Promise<ModuleFunction> {
  const url = path.startsWith("file:") ? path : pathToFileURL(path).href;
  const module = (await import(url)) as Record<string, unknown>;
  const fn = module[exportName];
  if (typeof fn !== "function") throw new Error(`${path} has no function export "${exportName}"`);
  return fn as ModuleFunction;
}

export async function createEvaluator(spec: ModelSpec): Promise<AsyncEvaluator> {
  if (spec.kind === "scenario") {
    const evaluate = scenarioEvaluator(spec.plan, spec.scenario);
    return async (task) => evaluate(task);
  }
  const plan = spec.plan;
  const fn = await importModel(spec.url, spec.exportName);
  return async (task) => {
    try {
      const inputs: Record<string, unknown> = {};
      plan.inputs.forEach((x, i) => {
        inputs[x.name] = task.inputs[i];
      });
      const levers = leverValues(plan, task.key.lever);
      plan.levers.forEach((l, i) => {
        inputs[l.name] = levers[i];
      });
      const value = await fn(inputs, {
        seed: task.key.seed,
        run: task.key.run,
        replication: task.key.replication,
      });
      const record =
        typeof value === "number" && plan.outcomes.length === 1
          ? { [(plan.outcomes[0]!.read as { property: string }).property]: value }
          : (value as Record<string, unknown>);
      if (record === null || typeof record !== "object")
        throw new Error(`the model returned ${String(value)}, not an object of outcomes`);
      return {
        caseId: task.key.caseId,
        status: "ok",
        outcomes: plan.outcomes.map((o) => {
          const v = record[(o.read as { property: string }).property];
          if (typeof v !== "number" && v !== null && v !== undefined)
            throw new Error(`outcome ${o.name}: the model returned ${JSON.stringify(v)}, not a number`);
          return typeof v === "number" && Number.isFinite(v) ? v : null;
        }),
      };
    } catch (error) {
      return failed(task.key.caseId, plan, error);
    }
  };
}
