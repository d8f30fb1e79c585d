import { describe, expect, it } from "vitest";
import { type CaseResult, type CaseTask, caseCount, caseKey } from "../../src/core/experiment/index.js";
import { loadExperiment } from "../../src/node/explore/load-experiment.js";
import type { ModelSpec } from "../../src/node/explore/model-spec.js";
import { createEvaluator } from "../../src/node/explore/model-spec.js";
import {
  type CaseRunner,
  inProcessRunner,
  poolAvailable,
  poolRunner,
} from "../../src/node/explore/runner.js";
import { FIXTURES } from "./helpers.js";

/** Every case of an experiment as tasks, in case order. */
async function tasksOf(file: string) {
  const loaded = await loadExperiment(`${FIXTURES}${file}`);
  const design = loaded.futures;
  const total = caseCount(loaded.plan, design.count);
  const tasks: CaseTask[] = Array.from({ length: total }, (_, id) => {
    const key = caseKey(loaded.plan, id);
    return { key, inputs: design.row(key.future) };
  });
  return { loaded, tasks };
}

async function collect(runner: CaseRunner, tasks: CaseTask[]): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  try {
    await runner.run(tasks, (r) => results.push(r));
  } finally {
    await runner.close();
  }
  return results.sort((a, b) => a.caseId - b.caseId);
}

const RUNNERS: [string, (spec: ModelSpec) => CaseRunner][] = [
  ["in-process", (spec) => inProcessRunner(spec)],
  ["worker-pool", (spec) => poolRunner(spec, { workers: 2 })],
];

describe.each(RUNNERS)("the %s runner", (name, make) => {
  if (name === "worker-pool" && !poolAvailable())
    throw new Error("the worker pool needs `npm run build` first");

  it("returns one result per case for N cases, each case id once", async () => {
    const { loaded, tasks } = await tasksOf("ishigami.yaml");
    const results = await collect(make(loaded.spec), tasks);
    expect(results).toHaveLength(tasks.length);
    expect(results.map((r) => r.caseId)).toEqual(tasks.map((t) => t.key.caseId));
    expect(results.every((r) => r.status === "ok")).toBe(true);
  });

  it("gives the same rows for the same seed as evaluating each case alone", async () => {
    const { loaded, tasks } = await tasksOf("two-routes.yaml");
    const results = await collect(make(loaded.spec), tasks);
    const alone = await createEvaluator(loaded.spec);
    for (const task of tasks) expect(results[task.key.caseId]).toEqual(await alone(task));
    // Different futures give different outcomes: the inputs reach the simulation.
    expect(new Set(results.map((r) => r.outcomes[0])).size).toBeGreaterThan(1);
  });

  it("records a case that throws, with its error, and completes the others", async () => {
    const { loaded, tasks } = await tasksOf("flaky.yaml");
    const results = await collect(make(loaded.spec), tasks);
    expect(results).toHaveLength(tasks.length);
    const failed = results.filter((r) => r.status === "failed");
    const expected = tasks.filter((t) => (t.inputs[0] as number) > 0.8).map((t) => t.key.caseId);
    expect(failed.map((r) => r.caseId)).toEqual(expected);
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) {
      expect(r.error).toMatch(/^x1 too large/);
      expect(r.outcomes).toEqual([null]);
    }
    for (const r of results.filter((r) => r.status === "ok")) expect(r.outcomes[0]).not.toBeNull();
  });
});
