/**
 * How cases are numbered. A case is one future (a row of the design) under one combination of the
 * levers for one replication; its id is (future × levers + lever) × replications + replication, so
 * the cases of one future sit together and an id means the same case on every machine and run.
 *
 * Random streams: a case's runs draw from the named streams of (master seed, run). With pairing
 * "common", run = future × replications + replication: the levers of one future and replication
 * share their streams (common random numbers, so a difference between two policies is a paired
 * difference, not noise between two draws), while every replication of every future has its own.
 * With "independent", run = case id: no two cases share a stream.
 */
import type { Plan } from "./plan.js";

export interface CaseKey {
  caseId: number;
  future: number;
  /** Index of the lever combination (mixed radix over the plan's levers, the last fastest). */
  lever: number;
  replication: number;
  seed: number;
  run: number;
}

/** Number of lever combinations (1 with no levers). */
export function leverCount(plan: Plan): number {
  return plan.levers.reduce((n, l) => n * l.values.length, 1);
}

export function caseCount(plan: Plan, futures: number): number {
  return futures * leverCount(plan) * plan.replications;
}

export function caseKey(plan: Plan, caseId: number): CaseKey {
  const levers = leverCount(plan);
  const replication = caseId % plan.replications;
  const lever = Math.floor(caseId / plan.replications) % levers;
  const future = Math.floor(caseId / (plan.replications * levers));
  const run = plan.pairing === "common" ? future * plan.replications + replication : caseId;
  return { caseId, future, lever, replication, seed: plan.seed, run };
}

/** The value of each lever in combination `index`. */
export function leverValues(plan: Plan, index: number): (string | number)[] {
  const out: (string | number)[] = new Array(plan.levers.length);
  let rest = index;
  for (let i = plan.levers.length - 1; i >= 0; i--) {
    const values = plan.levers[i]!.values;
    out[i] = values[rest % values.length]!;
    rest = Math.floor(rest / values.length);
  }
  return out;
}

/** A short label of combination `index`: the policy id for one policy lever, else name=value pairs. */
export function leverLabel(plan: Plan, index: number): string {
  const values = leverValues(plan, index);
  if (values.length === 0) return "";
  if (plan.levers.length === 1 && plan.levers[0]!.kind === "policy") return String(values[0]);
  return plan.levers
    .map((l, i) => (l.kind === "policy" ? String(values[i]) : `${l.name}=${values[i]}`))
    .join(" + ");
}
