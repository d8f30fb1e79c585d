/**
 * The compare view's futures and claims, pure so they are unit-tested in Node.
 *
 * Futures: either seeds of the scenario as written, or a Latin hypercube over every assumption with
 * a range and every hypothesis strength (the default uncertainties of `corridor explore`), future f
 * run with seed f + 1 under every policy (common random numbers: differences between policies are
 * paired). Claims: the scenario's claims file evaluated over those futures, each with the share of
 * futures where it holds, its interval and, with sampled futures, where it fails (PRIM on the inputs).
 */
import { type ClaimResult, checkClaim, evaluateClaim } from "../../src/core/analysis/index.js";
import { MEASURES, type Outcomes } from "../../src/core/engine/index.js";
import {
  cloneData,
  completeHypotheses,
  defaultInputs,
  type PlanInput,
  setAt,
} from "../../src/core/experiment/index.js";
import { buildDesign, caseInputs, type Distribution } from "../../src/core/explore/index.js";
import type { PathKey, Scenario, ScenarioParameter } from "../../src/core/scenario/index.js";

/** One value a future gives a scenario number. */
export interface Assignment {
  path: PathKey[];
  value: number | string | boolean;
}

export interface SampledFutures {
  /** The sampled inputs (names as in an exploration store). */
  names: string[];
  /** rows[f][i]: input i in future f. */
  rows: (number | string | boolean)[][];
  inputs: PlanInput[];
}

/** The scenario with every hypothesis present (absent ones at strength 0), as exploration samples it. */
export function explorableModel(scenario: Scenario, parameters: ScenarioParameter[]) {
  return completeHypotheses(scenario, parameters);
}

/** Draws `size` futures over the scenario's default uncertainties (Latin hypercube, master seed `seed`). */
export function sampleFutures(
  scenario: Scenario,
  parameters: ScenarioParameter[],
  size: number,
  seed: number,
): SampledFutures {
  const model = explorableModel(scenario, parameters);
  const inputs = defaultInputs(model);
  if (inputs.length === 0) return { names: [], rows: Array.from({ length: size }, () => []), inputs };
  const design = buildDesign({
    parameters: inputs.map((x) => ({ name: x.name, distribution: x.distribution as Distribution })),
    sampler: { kind: "latin-hypercube", size },
    seed,
  });
  const rows = Array.from({ length: size }, (_, f) => {
    const values = caseInputs(design, f);
    return inputs.map((x) => values[x.name]!);
  });
  return { names: inputs.map((x) => x.name), rows, inputs };
}

/** The scenario numbers future `f` sets (every path of every input). */
export function assignmentsOf(futures: SampledFutures, f: number): Assignment[] {
  return futures.inputs.flatMap((input, i) =>
    input.paths.map((path) => ({ path, value: futures.rows[f]![i]! })),
  );
}

/** The scenario of one sampled future: the explorable model copied, each number set at its path. */
export function scenarioOfFuture(explorable: Scenario, assign: readonly Assignment[]): Scenario {
  const copy = cloneData(explorable);
  for (const a of assign) setAt(copy, a.path, a.value);
  return copy;
}

export interface CompareRun {
  policy: string;
  /** Future index (0-based): seeds mode runs future f with seed f + 1. */
  future: number;
  seed: number;
  outcomes: Outcomes;
}

export interface ClaimRow {
  name: string;
  text: string;
  sentence?: string;
  side?: string;
  /** The evaluated claim, or why it could not be evaluated here (e.g. a policy not compared). */
  result?: ClaimResult;
  unavailable?: string;
}

/**
 * Evaluates each claim over the compared futures. A claim naming a policy that was not compared is
 * listed as unavailable rather than failing the rest. Inputs (sampled futures) let PRIM say where it fails.
 */
export function compareClaims(
  claims: readonly { name: string; text: string; sentence?: string; side?: string }[],
  runs: readonly CompareRun[],
  focus: { actor: string; dependent?: string },
  futures: number,
  sampled?: SampledFutures,
): ClaimRow[] {
  const policies = [...new Set(runs.map((r) => r.policy))];
  const byPolicy = new Map<string, Map<string, Float64Array>>();
  for (const p of policies) {
    const columns = new Map<string, Float64Array>();
    for (const m of MEASURES) columns.set(m.key, new Float64Array(futures).fill(Number.NaN));
    byPolicy.set(p, columns);
  }
  for (const run of runs) {
    const columns = byPolicy.get(run.policy)!;
    for (const m of MEASURES) columns.get(m.key)![run.future] = m.read(run.outcomes, focus);
  }
  const outcomes = MEASURES.map((m) => m.key);
  const table = {
    futures,
    outcomes,
    policies,
    values: (outcome: string, policy: string) => byPolicy.get(policy)!.get(outcome)!,
  };
  const numeric = sampled
    ? sampled.names
        .map((name, i) => ({ name, i }))
        .filter(({ i }) => sampled.rows.every((row) => typeof row[i] === "number"))
    : [];
  const inputs = sampled
    ? {
        names: numeric.map((x) => x.name),
        columns: numeric.map(({ i }) =>
          Float64Array.from(sampled.rows.slice(0, futures), (row) => row[i] as number),
        ),
      }
    : undefined;
  return claims.map((claim) => {
    const base = {
      name: claim.name,
      text: claim.text,
      ...(claim.sentence === undefined ? {} : { sentence: claim.sentence }),
      ...(claim.side === undefined ? {} : { side: claim.side }),
    };
    const { issues } = checkClaim(claim.text, { outcomes, policies });
    if (issues.length > 0) {
      const missing = [
        ...new Set(
          issues
            .filter((i) => i.code === "unknown-policy")
            .map((i) => /unknown policy "([^"]+)"/.exec(i.message ?? "")?.[1] ?? "?"),
        ),
      ];
      return {
        ...base,
        unavailable:
          missing.length > 0
            ? `needs ${missing.join(", ")} among the compared policies`
            : (issues[0]!.message ?? issues[0]!.code).split("\n", 1)[0]!,
      };
    }
    return {
      ...base,
      result: evaluateClaim({ name: claim.name, text: claim.text }, table, inputs ? { inputs } : {}),
    };
  });
}
