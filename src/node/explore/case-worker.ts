/** Worker thread of the pool runner: builds the evaluator once from the model spec, then evaluates chunks of cases. */
import { Piscina } from "piscina";
import type { CaseResult, CaseTask } from "../../core/experiment/index.js";
import { createEvaluator, type ModelSpec } from "./model-spec.js";

const evaluator = createEvaluator(Piscina.workerData as ModelSpec);

export default async function evaluateChunk(tasks: CaseTask[]): Promise<CaseResult[]> {
  const evaluate = await evaluator;
  const results: CaseResult[] = [];
  for (const task of tasks) results.push(await evaluate(task));
  return results;
}
