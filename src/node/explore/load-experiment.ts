/**
 * Reads what `corridor explore` is given: an experiment file, or a scenario file (explored with the
 * default experiment: every assumption and hypothesis strength in its range, the actor's policies as
 * levers, the comparison measures as outcomes). Every mistake is an InputError with file:line:column,
 * found before any case runs.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { InputError } from "../../core/errors/index.js";
import {
  type ClaimSpec,
  claimsFileSchema,
  type Experiment,
  experimentFileSchema,
  type Plan,
  planModuleExperiment,
  planScenarioExperiment,
  probeScenarioOutcomes,
} from "../../core/experiment/index.js";
import {
  fromZodIssues,
  positionIssues,
  readSource,
  type Scenario,
  withoutEchoes,
} from "../../core/scenario/index.js";
import { chooseFocus } from "../commands/compare.js";
import { readUserFile } from "../files.js";
import { loadScenarioFile } from "../load-scenario.js";
import { importModel, type ModelSpec } from "./model-spec.js";

export interface ExperimentOverrides {
  /** Sampler size (futures, or base rows for saltelli, trajectories for morris). */
  futures?: number;
  sampler?: Experiment["sampler"]["method"];
  seed?: number;
  replications?: number;
  days?: number;
}

export interface LoadedExperiment {
  /** The file given: an experiment, or a scenario explored with the default experiment. */
  source: string;
  /** The model file (scenario or module). */
  modelFile: string;
  experiment: Experiment;
  plan: Plan;
  spec: ModelSpec;
  experimentHash: string;
  modelHash: string;
  /** A short name for folders: the file's stem. */
  stem: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Parses `text` with `schema`, reporting every problem with file:line:column. */
export function parseDocument<T>(
  schema: {
    safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } };
  },
  text: string,
  file: string,
): T {
  const read = readSource(text, file);
  if (!read.ok) throw new InputError(read.issues);
  const result = schema.safeParse(read.source.data);
  if (result.success) return result.data;
  const drafts = fromZodIssues(result.error.issues as never, schema as never, read.source.data);
  throw new InputError(positionIssues(withoutEchoes(drafts), file, read.source));
}

/** True when the file's data is an experiment (its model names a scenario or a module). */
function isExperimentData(data: unknown): boolean {
  return isRecord(data) && isRecord(data.model) && ("scenario" in data.model || "module" in data.model);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Canonical JSON (sorted keys), so the hash does not depend on the order fields were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .sort()
      .filter((k) => value[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

export async function loadExperiment(
  path: string,
  overrides: ExperimentOverrides = {},
): Promise<LoadedExperiment> {
  const text = readUserFile(path, "experiment or scenario file");
  const read = readSource(text, path);
  if (!read.ok) throw new InputError(read.issues);
  const asExperiment = isExperimentData(read.source.data);
  const experimentFile = asExperiment ? path : undefined;
  const parsed: Experiment = asExperiment
    ? parseDocument(experimentFileSchema, text, path)
    : (experimentFileSchema.parse({ model: { scenario: path } }) as Experiment);
  const experiment = applyOverrides(parsed, overrides);
  const base = experimentFile ? dirname(experimentFile) : ".";
  const stem = basename(path, extname(path)).replace(/\.experiment$/, "");

  let plan: Plan;
  let spec: ModelSpec;
  let modelFile: string;
  let modelText: string;
  if (experiment.model.scenario !== undefined) {
    modelFile = experimentFile ? resolve(base, experiment.model.scenario) : path;
    const loaded = loadScenarioFile(modelFile);
    modelText = loaded.text;
    const focus = chooseFocus(loaded.scenario, experiment.model.actor, experiment.model.dependent);
    plan = planScenarioExperiment(
      experiment,
      { scenario: loaded.scenario, parameters: loaded.parameters, focus },
      experimentFile ?? path,
    );
    probeScenarioOutcomes(plan, loaded.scenario, experimentFile ?? path);
    spec = { kind: "scenario", plan, scenario: loaded.scenario };
    plan.claims = loadClaims(experiment, experimentFile, modelFile);
    checkClaims(plan, loaded.scenario, experimentFile ?? claimsFileOf(modelFile));
  } else {
    modelFile = resolve(base, experiment.model.module!);
    modelText = readUserFile(modelFile, "model module");
    plan = planModuleExperiment(experiment, experimentFile);
    try {
      await importModel(modelFile, experiment.model.export);
    } catch (error) {
      throw new InputError({
        code: "bad-module",
        file: modelFile,
        expected: `a JS module exporting a function "${experiment.model.export}"`,
        found: error instanceof Error ? error.message.split("\n", 1)[0]! : String(error),
      });
    }
    spec = { kind: "module", plan, url: modelFile, exportName: experiment.model.export };
    plan.claims = loadClaims(experiment, experimentFile, modelFile);
    checkClaims(plan, undefined, experimentFile ?? path);
  }
  const { claims: _claims, name: _name, description: _description, $schema: _s, ...rest } = experiment;
  const experimentHash = sha256(
    canonical({ ...rest, model: { ...rest.model, scenario: undefined, module: undefined } }),
  );
  return {
    source: path,
    modelFile,
    experiment,
    plan,
    spec,
    experimentHash,
    modelHash: sha256(modelText),
    stem,
  };
}

function applyOverrides(e: Experiment, o: ExperimentOverrides): Experiment {
  return {
    ...e,
    sampler: {
      ...e.sampler,
      ...(o.sampler === undefined ? {} : { method: o.sampler }),
      ...(o.futures === undefined ? {} : { size: o.futures }),
    },
    ...(o.seed === undefined ? {} : { seed: o.seed }),
    ...(o.replications === undefined ? {} : { replications: o.replications }),
    model: { ...e.model, ...(o.days === undefined ? {} : { days: o.days }) },
  };
}

/** `scenarios/af-pak.yaml` → `scenarios/af-pak.claims.yaml`: the claims a scenario ships with. */
export function claimsFileOf(modelFile: string): string {
  return join(dirname(modelFile), `${basename(modelFile, extname(modelFile))}.claims.yaml`);
}

function loadClaims(
  experiment: Experiment,
  experimentFile: string | undefined,
  modelFile: string,
): ClaimSpec[] {
  if (Array.isArray(experiment.claims)) return experiment.claims;
  const file =
    typeof experiment.claims === "string"
      ? resolve(experimentFile ? dirname(experimentFile) : ".", experiment.claims)
      : claimsFileOf(modelFile);
  if (typeof experiment.claims !== "string" && !existsSync(file)) return [];
  const parsed = parseDocument(claimsFileSchema, readUserFile(file, "claims file"), file);
  return Array.isArray(parsed) ? parsed : parsed.claims;
}

/**
 * Claims name outcomes and, in brackets, lever values (policy ids): `fatalities[open-now]`. Every name
 * must be known. (The claim grammar itself is checked when claims are evaluated.)
 */
function checkClaims(plan: Plan, scenario: Scenario | undefined, file: string): void {
  const outcomes = plan.outcomes.map((o) => o.name);
  const values = new Set(plan.levers.flatMap((l) => l.values.map(String)));
  const policies = scenario?.policies.map((p) => p.id) ?? [];
  const issues: ConstructorParameters<typeof InputError>[0] & unknown[] = [];
  plan.claims.forEach((claim, i) => {
    for (const match of claim.claim.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*\[([^\]]*)\]/g)) {
      const [, outcome, lever] = match;
      if (!outcomes.includes(outcome!))
        issues.push({
          code: "unknown-outcome",
          file,
          path: `claims[${i}].claim`,
          expected: `an outcome: ${outcomes.join(", ")}`,
          found: `"${outcome}"`,
        });
      const value = lever!.trim();
      if (!values.has(value))
        issues.push({
          code: "unknown-policy",
          file,
          path: `claims[${i}].claim`,
          expected: `a lever value of the experiment: ${[...values].join(", ")}`,
          found: `"${value}"${policies.includes(value) ? " (a policy of the scenario, but not a lever of this experiment)" : ""}`,
        });
    }
  });
  if (issues.length > 0) throw new InputError(issues);
}
