/** From scenario text (or plain data) to a validated, resolved `Scenario`, or one `InputError` listing every problem. */
import { InputError, type InputIssue } from "../errors/index.js";
import { checkNoNul } from "../text/index.js";
import { checkHypotheses, HYPOTHESES, renameUnknownHypotheses } from "./hypotheses/index.js";
import { type DraftIssue, fromZodIssues } from "./issues.js";
import { checkLeverNames } from "./levers.js";
import { formatPath, resolveParameters, type ScenarioParameter } from "./param.js";
import { checkPolicyText } from "./policy-text.js";
import { checkReferences } from "./references.js";
import { checkRules } from "./rules.js";
import { scenarioFileSchema } from "./schema.js";
import { type Position, readSource, type ScenarioSource } from "./source.js";
import type { Scenario } from "./types.js";

export interface LoadedScenario {
  scenario: Scenario;
  /** Provenance of every number, in document order, defaults included. */
  parameters: ScenarioParameter[];
}

/** Parses a YAML or JSON scenario. Throws one `InputError` with every issue of the file, each with line:column. */
export function parseScenario(text: string, file: string): Scenario {
  return loadScenario(text, file).scenario;
}

/** Like `parseScenario`, and also returns where each number came from (for `corridor sources`). */
export function loadScenario(text: string, file: string): LoadedScenario {
  checkNoNul(text, file);
  const read = readSource(text, file);
  if (!read.ok) throw new InputError(read.issues);
  return validate(read.source.data, file, read.source);
}

/** Validates scenario data already in memory (e.g. built by the web app); issues carry paths but no lines. */
export function validateScenario(data: unknown, file?: string): LoadedScenario {
  return validate(data, file, undefined);
}

/** Provenance of every number of a scenario given as data (as written in a file: bare, cited or assumed). */
export function collectParameters(data: unknown): ScenarioParameter[] {
  return validateScenario(data).parameters;
}

function validate(
  data: unknown,
  file: string | undefined,
  source: ScenarioSource | undefined,
): LoadedScenario {
  const result = scenarioFileSchema.safeParse(data);
  const drafts = result.success
    ? []
    : renameUnknownHypotheses(fromZodIssues(result.error.issues, scenarioFileSchema, data));
  drafts.push(
    ...checkRules(data),
    ...checkReferences(data),
    ...checkLeverNames(data),
    ...checkPolicyText(data),
    ...checkHypotheses(data, HYPOTHESES),
  );
  if (drafts.length > 0 || !result.success) throw new InputError(finish(withoutEchoes(drafts), file, source));
  const { value, parameters } = resolveParameters(result.data);
  const scenario: Scenario = value;
  return { scenario, parameters };
}

/** Drops "missing field X" when the same entry has an unknown field whose suggestion is X: one typo, one issue. */
export function withoutEchoes(drafts: DraftIssue[]): DraftIssue[] {
  const suggested = new Set(
    drafts
      .filter((d) => d.code === "unknown-field" && d.suggestion !== undefined)
      .map((d) => formatPath([...d.path.slice(0, -1), d.suggestion!])),
  );
  return drafts.filter((d) => d.code !== "missing-field" || !suggested.has(formatPath(d.path)));
}

/** Adds file and position, drops repeats, and orders issues as they appear in the file. */
export function finish(
  drafts: DraftIssue[],
  file: string | undefined,
  source: ScenarioSource | undefined,
): InputIssue[] {
  const seen = new Set<string>();
  const issues: InputIssue[] = [];
  for (const draft of drafts) {
    const { path, atKey, offset, ...rest } = draft;
    const position: Position | undefined = source?.locate(path, {
      key: atKey === true,
      ...(offset !== undefined && { offset }),
    });
    const issue: InputIssue = {
      code: rest.code,
      ...(file !== undefined && { file }),
      ...(position && { line: position.line, column: position.column }),
      ...(path.length > 0 && { path: formatPath(path) }),
      ...(rest.message !== undefined && { message: rest.message }),
      ...(rest.expected !== undefined && { expected: rest.expected }),
      ...(rest.found !== undefined && { found: rest.found }),
      ...(rest.suggestion !== undefined && { suggestion: rest.suggestion }),
    };
    const key = `${issue.code}|${issue.path}|${issue.message}|${issue.expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues.sort(
    (a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0),
  );
}
