/**
 * Reads what `corridor explore` is given: an experiment file, or a scenario file (explored with the
 * default experiment: every assumption and hypothesis strength in its range, the actor's policies as
 * levers, the comparison measures as outcomes). Every mistake is an InputError with file:line:column,
 * found before any case runs.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { type ClaimSpec as AnalysisClaim, checkClaims } from "../../core/analysis/index.js";
import { InputError } from "../../core/errors/index.js";
import {
  type ClaimSpec,
  claimsFileSchema,
  completeHypotheses,
  designFutures,
  designSpec,
  type Experiment,
  experimentFileSchema,
  type Futures,
  leverCount,
  leverLabel,
  type Plan,
  planModuleExperiment,
  planScenarioExperiment,
  probeScenarioOutcomes,
  splitPath,
} from "../../core/experiment/index.js";
import { designRows } from "../../core/explore/index.js";
import { fromZodIssues, positionIssues, readSource, withoutEchoes } from "../../core/scenario/index.js";
import { chooseFocus } from "../commands/compare.js";
import { readUserFile } from "../files.js";
import { loadScenarioFile } from "../load-scenario.js";
import { memoryBudget } from "../resources.js";
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
  futures: Futures;
  experimentHash: string;
  modelHash: string;
  /** A short name for folders: the file's stem. */
  stem: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The design is built whole before any case runs (unit-cube values and codes: 16 bytes per future and
 * input); one that would not fit in the memory this machine offers is refused with the size that fits.
 */
function checkDesignMemory(plan: Plan, file: string): void {
  const spec = designSpec(plan);
  const rows = designRows(spec.sampler, spec.parameters);
  if (rows === undefined || plan.inputs.length === 0) return;
  const bytes = rows * plan.inputs.length * 16;
  const budget = memoryBudget();
  if (bytes <= budget) return;
  const fits = Math.floor(budget / (plan.inputs.length * 16));
  throw new InputError({
    code: "too-large",
    file,
    path: "sampler.size",
    expected: `a design that fits in the ${(budget / 2 ** 30).toFixed(1)} GiB this machine offers (at most about ${fits.toLocaleString("en-US")} futures of ${plan.inputs.length} inputs)`,
    found: `${rows.toLocaleString("en-US")} futures (${(bytes / 2 ** 30).toFixed(1)} GiB)`,
  });
}

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
  try {
    return await loadFrom(path, text, read.source.data, overrides);
  } catch (error) {
    // Problems found after the schema (unknown paths, policies, sampler sizes…) get their line and column too.
    if (!(error instanceof InputError) || !isExperimentData(read.source.data)) throw error;
    const source = read.source;
    throw new InputError(
      error.issues.map((issue) => {
        if (issue.file !== path || issue.line !== undefined || !issue.path) return issue;
        const keys = splitPath(issue.path.replace(/ \(.*\)$/, ""));
        if (!keys || keys.some((k) => typeof k === "object")) return issue;
        const at = source.locate(keys as (string | number)[]);
        return { ...issue, line: at.line, column: at.column };
      }),
    );
  }
}

async function loadFrom(
  path: string,
  text: string,
  data: unknown,
  overrides: ExperimentOverrides,
): Promise<LoadedExperiment> {
  const asExperiment = isExperimentData(data);
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
    const file = loadScenarioFile(modelFile);
    // Hypotheses the scenario leaves out join at strength 0 (no change), so they can be sampled too.
    const loaded = { ...file, ...completeHypotheses(file.scenario, file.parameters) };
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
    checkClaimNames(plan, experimentFile ?? claimsFileOf(modelFile));
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
    checkClaimNames(plan, experimentFile ?? path);
  }
  checkDesignMemory(plan, experimentFile ?? path);
  const futures = designFutures(plan, experimentFile ?? path, experiment.uncertainties !== undefined);
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
    futures,
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
 * Claims name outcomes and, in brackets, lever values (policy ids): `fatalities[open-now]`. Each is
 * parsed and checked against the experiment's outcomes and lever values (src/core/analysis).
 */
function checkClaimNames(plan: Plan, file: string): void {
  const known = {
    outcomes: plan.outcomes.map((o) => o.name),
    policies: leverLabels(plan),
  };
  const issues = checkClaims(claimSpecs(plan), known).map((i) => ({ ...i, file }));
  if (issues.length > 0) throw new InputError(issues);
}

/** Every lever combination's label, as claims name them. */
export function leverLabels(plan: Plan): string[] {
  return Array.from({ length: leverCount(plan) }, (_, i) => leverLabel(plan, i));
}

/** The plan's claims in the analysis library's terms. */
export function claimSpecs(plan: Plan): AnalysisClaim[] {
  return plan.claims.map((c) => ({ name: c.name, text: c.claim, sentence: c.sentence }));
}
