/**
 * An experiment checked against its model and turned into a plan: the inputs with their paths and
 * distributions, the lever axes, the outcomes, and how cases are numbered. Every mistake the file can
 * hold is found here, before any case runs.
 */
import { MEASURES } from "../engine/index.js";
import { InputError, type InputIssue, suggestName } from "../errors/index.js";
import { formatPath, type PathKey, type Scenario, type ScenarioParameter } from "../scenario/index.js";
import { idPath, resolvePath } from "./paths.js";
import type { ClaimSpec, DistributionSpec, Experiment, OutcomeSpec } from "./schema.js";

export interface PlanInput {
  /** Column name in the store; the module's input name. */
  name: string;
  /** Scenario numbers this input sets (several: linked parameters); empty for a module. */
  paths: PathKey[][];
  distribution: DistributionSpec;
  /** The scenario's own value, when the input is a scenario number. */
  base?: number;
}

export interface PlanLever {
  /** Column name: `policy_<actor>` for a policy lever, else the lever's name. */
  name: string;
  kind: "policy" | "parameter";
  actor?: string;
  paths: PathKey[][];
  values: (string | number)[];
}

export interface PlanOutcome extends OutcomeSpec {
  /** For module outcomes, the property read; for scenarios the field, when `field` is used. */
  read: { measure: string } | { field: string } | { series: string } | { property: string };
}

export interface Plan {
  name: string;
  model: { kind: "scenario" | "module"; days?: number };
  focus?: { actor: string; dependent?: string };
  inputs: PlanInput[];
  levers: PlanLever[];
  outcomes: PlanOutcome[];
  replications: number;
  pairing: "common" | "independent";
  sampler: Experiment["sampler"];
  constraints: Experiment["constraints"];
  seed: number;
  claims: ClaimSpec[];
}

/** Columns every store has; names of inputs, levers and outcomes may not take them. */
export const CASE_COLUMNS = [
  "case_id",
  "future",
  "lever",
  "replication",
  "seed",
  "run",
  "status",
  "error",
] as const;

export interface ScenarioModel {
  scenario: Scenario;
  parameters: ScenarioParameter[];
  focus?: { actor: string; dependent?: string };
}

const issue = (i: InputIssue): InputIssue => i;

/**
 * Numbers the simulation never reads: a node's coordinates place it on the map (link lengths are
 * their own numbers). Sampling them could only add noise inputs, which scenario discovery then finds
 * "significant" by chance; an experiment file can still list them.
 */
const NOT_SIMULATED = /^nodes\[\d+\]\.(lon|lat)$/;

/**
 * True for a number exploration samples by default: an assumption with a range of positive width
 * that the simulation reads.
 */
export function isDefaultUncertainty(p: ScenarioParameter): boolean {
  return (
    p.range !== undefined &&
    p.range[0] < p.range[1] &&
    (p.kind === "assumed" || p.path.startsWith("hypotheses")) &&
    !NOT_SIMULATED.test(p.path)
  );
}

/** Durations in days are whole numbers in the format (policy text counts whole days): `...Days`, `..._days`. */
const DAYS = /(Days|_days|^days)$/;

/**
 * The distribution a scenario number's range gives by default: uniform over it, or, for a duration in
 * days with whole-numbered value and ends, each whole number of days in it equally likely.
 */
export function rangeDistribution(p: ScenarioParameter): DistributionSpec {
  const [lo, hi] = p.range!;
  const whole = Number.isInteger(p.value) && Number.isInteger(lo) && Number.isInteger(hi);
  return whole && DAYS.test(p.path.split(".").pop() ?? "")
    ? { kind: "integer", lo, hi }
    : { kind: "uniform", lo, hi };
}

/** The default uncertainties of a scenario: every assumption with its range, every hypothesis strength. */
export function defaultInputs(model: ScenarioModel): PlanInput[] {
  const byPath = new Map<string, PathKey[]>();
  return model.parameters.filter(isDefaultUncertainty).map((p) => {
    const keys = resolvePath(p.path, model.scenario) ?? [];
    byPath.set(p.path, keys);
    return {
      name: idPath(keys, model.scenario),
      paths: [keys],
      distribution: rangeDistribution(p),
      base: p.value,
    };
  });
}

/**
 * Checks `experiment` against a scenario and builds the plan. `file` names the experiment in errors
 * (`locate` adds line and column); every problem is collected and thrown as one InputError.
 */
export function planScenarioExperiment(experiment: Experiment, model: ScenarioModel, file?: string): Plan {
  const issues: InputIssue[] = [];
  const at = (path: string) => ({ ...(file === undefined ? {} : { file }), path });
  const known = new Map(model.parameters.map((p) => [p.path, p]));
  const knownNames = [
    ...known.keys(),
    ...model.parameters.map((p) => idPath(resolvePath(p.path, model.scenario) ?? [], model.scenario)),
  ];

  const findParameter = (
    text: string,
    where: string,
  ): { keys: PathKey[]; parameter: ScenarioParameter } | undefined => {
    const keys = resolvePath(text, model.scenario);
    const parameter = keys ? known.get(formatPath(keys)) : undefined;
    if (keys && parameter) return { keys, parameter };
    const suggestion = suggestName(text, knownNames) ?? closestByTail(text, knownNames);
    issues.push(
      issue({
        code: "unknown-path",
        ...at(where),
        expected: "the path of a number in the scenario (see `corridor sources`)",
        found: `"${text}"`,
        ...(suggestion ? { suggestion } : {}),
      }),
    );
    return undefined;
  };

  const inputs: PlanInput[] = [];
  if (experiment.uncertainties === undefined) inputs.push(...defaultInputs(model));
  else
    experiment.uncertainties.forEach((u, i) => {
      const where = `uncertainties[${i}]`;
      const texts = u.path === undefined ? [] : Array.isArray(u.path) ? u.path : [u.path];
      if (texts.length === 0) {
        issues.push(
          issue({ code: "missing-field", ...at(`${where}.path`), expected: "the path of a scenario number" }),
        );
        return;
      }
      const found = texts.map((t, j) =>
        findParameter(t, Array.isArray(u.path) ? `${where}.path[${j}]` : `${where}.path`),
      );
      if (found.some((f) => f === undefined)) return;
      const first = found[0]!;
      let distribution = u.distribution;
      if (!distribution) {
        const range = first.parameter.range;
        if (!range) {
          issues.push(
            issue({
              code: "no-range",
              ...at(`${where}.distribution`),
              expected: "a distribution (the number has no assumption range to sample)",
              found: `${first.parameter.kind} number ${first.parameter.value}`,
            }),
          );
          return;
        }
        distribution = rangeDistribution(first.parameter);
      }
      inputs.push({
        name: u.name ?? idPath(first.keys, model.scenario),
        paths: found.map((f) => f!.keys),
        distribution,
        base: first.parameter.value,
      });
    });

  const levers: PlanLever[] = [];
  const actors = model.scenario.actors.map((a) => a.id);
  const policySpec =
    experiment.levers?.policies ??
    (model.focus && experiment.levers === undefined ? { [model.focus.actor]: "all" as const } : {});
  for (const [actor, chosen] of Object.entries(policySpec)) {
    const where = `levers.policies.${actor}`;
    if (!actors.includes(actor)) {
      const suggestion = suggestName(actor, actors);
      issues.push(
        issue({
          code: "unknown-actor",
          ...at(where),
          expected: `an actor id: ${actors.join(", ")}`,
          found: `"${actor}"`,
          ...(suggestion ? { suggestion } : {}),
        }),
      );
      continue;
    }
    const own = model.scenario.policies.filter((p) => p.actor === actor).map((p) => p.id);
    const values = chosen === "all" ? own : chosen;
    values.forEach((id, j) => {
      if (own.includes(id)) return;
      const suggestion = suggestName(id, own);
      issues.push(
        issue({
          code: "unknown-policy",
          ...at(chosen === "all" ? where : `${where}[${j}]`),
          expected: `a policy of ${actor}: ${own.join(", ") || "(none)"}`,
          found: `"${id}"`,
          ...(suggestion ? { suggestion } : {}),
        }),
      );
    });
    if (values.length === 0)
      issues.push(
        issue({ code: "no-policies", ...at(where), expected: `policies of ${actor}`, found: "none" }),
      );
    levers.push({ name: `policy_${actor}`, kind: "policy", actor, paths: [], values: [...values] });
  }
  (experiment.levers?.parameters ?? []).forEach((lever, i) => {
    const where = `levers.parameters[${i}]`;
    if (lever.path === undefined) {
      issues.push(
        issue({ code: "missing-field", ...at(`${where}.path`), expected: "the path of a scenario number" }),
      );
      return;
    }
    const found = findParameter(lever.path, `${where}.path`);
    if (!found) return;
    levers.push({
      name: lever.name ?? idPath(found.keys, model.scenario),
      kind: "parameter",
      paths: [found.keys],
      values: lever.values,
    });
  });

  const measures = MEASURES.map((m) => m.key);
  const outcomes: PlanOutcome[] = (
    experiment.outcomes ??
    MEASURES.map(
      (m): OutcomeSpec => ({
        name: m.key,
        kind: m.better === "higher" ? "maximize" : m.better === "lower" ? "minimize" : "info",
        measure: m.key,
        aggregate: "mean",
        keep: false,
      }),
    )
  ).flatMap((o, i): PlanOutcome[] => {
    const where = `outcomes[${i}]`;
    const sources = [o.measure, o.field, o.series].filter((x) => x !== undefined);
    if (sources.length !== 1) {
      issues.push(
        issue({
          code: "invalid-outcome",
          ...at(where),
          expected: "exactly one of measure, field and series",
          found: sources.length === 0 ? "none" : "several",
        }),
      );
      return [];
    }
    if (o.measure !== undefined && !measures.includes(o.measure)) {
      const suggestion = suggestName(o.measure, measures);
      issues.push(
        issue({
          code: "unknown-measure",
          ...at(`${where}.measure`),
          expected: `a comparison measure: ${measures.join(", ")}`,
          found: `"${o.measure}"`,
          ...(suggestion ? { suggestion } : {}),
        }),
      );
      return [];
    }
    if (o.keep && o.series === undefined) {
      issues.push(
        issue({
          code: "invalid-outcome",
          ...at(`${where}.keep`),
          expected: "keep only on a series outcome",
          found: "true",
        }),
      );
    }
    const read =
      o.measure !== undefined
        ? { measure: o.measure }
        : o.field !== undefined
          ? { field: o.field }
          : { series: o.series! };
    return [{ ...o, read }];
  });

  const focus = model.focus;
  const plan: Plan = {
    name: experiment.name ?? model.scenario.name,
    model: {
      kind: "scenario",
      ...(experiment.model.days === undefined ? {} : { days: experiment.model.days }),
    },
    ...(focus ? { focus } : {}),
    inputs,
    levers,
    outcomes,
    replications: experiment.replications,
    pairing: experiment.pairing,
    sampler: experiment.sampler,
    constraints: experiment.constraints,
    seed: experiment.seed,
    claims: [],
  };
  issues.push(...checkNames(plan, file));
  if (issues.length > 0) throw new InputError(issues);
  return plan;
}

/** A module's plan: inputs by name, parameter levers by name, outcomes read from the returned object. */
export function planModuleExperiment(experiment: Experiment, file?: string): Plan {
  const issues: InputIssue[] = [];
  const at = (path: string) => ({ ...(file === undefined ? {} : { file }), path });
  const inputs: PlanInput[] = [];
  (experiment.uncertainties ?? []).forEach((u, i) => {
    const where = `uncertainties[${i}]`;
    if (u.name === undefined || u.path !== undefined) {
      issues.push(
        issue({
          code: "invalid-input",
          ...at(where),
          expected: "a name (a module has no scenario paths)",
          found: u.path ? "a path" : "no name",
        }),
      );
      return;
    }
    if (!u.distribution) {
      issues.push(
        issue({ code: "missing-field", ...at(`${where}.distribution`), expected: "a distribution" }),
      );
      return;
    }
    inputs.push({ name: u.name, paths: [], distribution: u.distribution });
  });
  if (experiment.uncertainties === undefined || experiment.uncertainties.length === 0)
    issues.push(
      issue({
        code: "missing-field",
        ...at("uncertainties"),
        expected: "the module's inputs with their distributions",
      }),
    );
  if (experiment.levers?.policies)
    issues.push(
      issue({
        code: "invalid-lever",
        ...at("levers.policies"),
        expected: "parameter levers (a module has no policies)",
      }),
    );
  const levers: PlanLever[] = [];
  (experiment.levers?.parameters ?? []).forEach((lever, i) => {
    if (lever.name === undefined || lever.path !== undefined) {
      issues.push(
        issue({
          code: "invalid-lever",
          ...at(`levers.parameters[${i}]`),
          expected: "a name (a module has no scenario paths)",
        }),
      );
      return;
    }
    levers.push({ name: lever.name, kind: "parameter", paths: [], values: lever.values });
  });
  const outcomes: PlanOutcome[] = [];
  (experiment.outcomes ?? []).forEach((o, i) => {
    if (o.measure !== undefined || o.series !== undefined)
      issues.push(
        issue({
          code: "invalid-outcome",
          ...at(`outcomes[${i}]`),
          expected: "a field of the module's result (measures and series are for scenarios)",
        }),
      );
    else outcomes.push({ ...o, read: { property: o.field ?? o.name } });
  });
  if (outcomes.length === 0 && issues.length === 0)
    issues.push(
      issue({ code: "missing-field", ...at("outcomes"), expected: "the outcomes the module returns" }),
    );
  const plan: Plan = {
    name: experiment.name ?? "experiment",
    model: { kind: "module" },
    inputs,
    levers,
    outcomes,
    replications: experiment.replications,
    pairing: experiment.pairing,
    sampler: experiment.sampler,
    constraints: experiment.constraints,
    seed: experiment.seed,
    claims: [],
  };
  issues.push(...checkNames(plan, file));
  if (issues.length > 0) throw new InputError(issues);
  return plan;
}

/** Column names must be unique across inputs, levers and outcomes, and not take a case column. */
function checkNames(plan: Plan, file?: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const seen = new Map<string, string>();
  const reserved = new Set<string>(CASE_COLUMNS);
  const add = (name: string, where: string) => {
    if (reserved.has(name) || seen.has(name))
      issues.push({
        code: "duplicate-name",
        ...(file === undefined ? {} : { file }),
        path: where,
        expected: "a name not used by another input, lever, outcome or case column",
        found: `"${name}"${seen.has(name) ? ` (also ${seen.get(name)})` : ""}`,
      });
    seen.set(name, where);
  };
  for (const [i, x] of plan.inputs.entries()) add(x.name, `uncertainties[${i}]`);
  for (const [i, x] of plan.levers.entries()) add(x.name, `levers[${i}]`);
  for (const [i, x] of plan.outcomes.entries()) add(x.name, `outcomes[${i}]`);
  return issues;
}

/** When edit distance finds nothing (a long path with a typo in its last part), the path with the same ending. */
function closestByTail(text: string, known: string[]): string | undefined {
  const tail = text.split(".").pop() ?? text;
  const head = text.slice(0, text.length - tail.length);
  const sameHead = known.filter((k) => k.startsWith(head));
  return suggestName(
    tail,
    sameHead.map((k) => k.slice(head.length)),
  ) !== undefined
    ? head +
        suggestName(
          tail,
          sameHead.map((k) => k.slice(head.length)),
        )!
    : undefined;
}
