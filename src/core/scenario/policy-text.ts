/**
 * Parses and checks every piece of policy-language text in a scenario (rules, programme stages, project
 * conditions, forced events' actions) against the language and the scenario's own ids, so that a typo in
 * `incidents(pass_zoen, 30)` is found before a run, at its path, with the closest zone suggested. Issues
 * keep the language's caret snippet and carry the offset in the text, which the caller turns into a line
 * and column of the file. Staged programmes that wait on each other's stages in a cycle are reported too.
 */
import { InputError, type InputIssue } from "../errors/index.js";
import {
  checkActions,
  checkExpression,
  checkProgramme,
  checkRule,
  DEFAULT_LANGUAGE,
  detectStageCycles,
  type KnownIds,
  type Programme,
  parseActions,
  parseExpression,
  parseProgramme,
  parseRule,
  type Span,
  withLevers,
} from "../policy-language/index.js";
import type { DraftIssue } from "./issues.js";
import { rawLevers } from "./levers.js";
import type { PathKey } from "./param.js";
import { type Entry, entries, isEntry, text, texts } from "./raw.js";

/** The ids policy text may name, by kind, as the policy language's checker wants them. */
function knownIds(data: unknown): KnownIds {
  const ids = (section: string) => entries(data, section).flatMap(([, e]) => text(e["id"]) ?? []);
  return {
    zones: ids("zones"),
    actors: ids("actors"),
    crossings: ids("crossings"),
    projects: ids("projects"),
  };
}

export function checkPolicyText(data: unknown): DraftIssue[] {
  const ids = knownIds(data);
  // Policy text may name the scenario's levers wherever it may write a number.
  const language = withLevers(DEFAULT_LANGUAGE, rawLevers(data));
  const issues: DraftIssue[] = [];
  const add = (base: PathKey[], found: readonly InputIssue[]) => {
    for (const issue of found) issues.push(fromLanguage(issue, base));
  };
  /** Runs a parser, turning its syntax error into issues at `base`; undefined when it failed. */
  const parse = <T>(base: PathKey[], run: () => T): T | undefined => {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      add(base, error.issues);
      return undefined;
    }
  };

  const programmes = new Map<string, { programme: Programme; index: number }>();
  for (const [i, policy] of entries(data, "policies")) {
    for (const [j, source] of texts(policy, "rules").filter(([, t]) => isWritten(t))) {
      const path: PathKey[] = ["policies", i, "rules", j];
      const rule = parse(path, () => parseRule(source));
      if (rule) add(path, checkRule(rule, ids, { language }));
    }
    const raw = policy["programme"];
    if (!isEntry(raw) || !Array.isArray(raw["stages"]) || raw["stages"].length === 0) continue;
    const path: PathKey[] = ["policies", i, "programme"];
    const input = programmeInput(raw["stages"] as unknown[]);
    const programme = parse(path, () => parseProgramme(input));
    if (programme === undefined) {
      // The syntax errors are reported; still check the names in the stages that did parse.
      input.stages.forEach((stage, k) => {
        const single = silently(() => parseProgramme({ stages: [stage] }));
        if (single === undefined) return;
        for (const issue of checkProgramme(single, ids, { language })) {
          // The one-stage programme calls its stage stages[0]; give the issue the stage's own index.
          const draft = fromLanguage(issue, path);
          draft.path[path.length + 1] = k;
          issues.push(draft);
        }
      });
      continue;
    }
    add(path, checkProgramme(programme, ids, { language }));
    const actor = text(policy["actor"]);
    if (actor !== undefined && !programmes.has(actor) && followsByDefault(data, actor, policy))
      programmes.set(actor, { programme, index: i });
  }

  for (const [i, project] of entries(data, "projects")) {
    const source = text(project["condition"]);
    if (source === undefined || !isWritten(source)) continue;
    const path: PathKey[] = ["projects", i, "condition"];
    // A bare condition, without `for N days`: the engine evaluates it afresh each day.
    const condition = parse(path, () => parseExpression(source));
    if (condition) add(path, checkExpression(condition, ids, { source, language }));
  }

  for (const [i, event] of entries(data, "events")) {
    for (const [j, source] of texts(event, "actions").filter(([, t]) => isWritten(t))) {
      const path: PathKey[] = ["events", i, "actions", j];
      const calls = parse(path, () => parseActions(source));
      const hasActor = text(event["actor"]) !== undefined;
      if (calls) add(path, checkActions(calls, ids, { source, hasActor, language }));
    }
  }

  const cycles = detectStageCycles(
    Object.fromEntries([...programmes].map(([actor, { programme }]) => [actor, programme])),
  );
  for (const cycle of cycles) {
    const first = programmes.get(cycle.actors[0]!)!;
    issues.push({ code: cycle.code, path: ["policies", first.index, "programme"], message: cycle.message! });
  }
  return issues;
}

/** Blank text is the schema's to report ("policy text such as …"); parsing it too would say it twice. */
const isWritten = (source: string) => /\S/.test(source);
const blankless = (v: unknown) => (typeof v === "string" && isWritten(v) ? v : undefined);

/** The parsed value, or undefined on a syntax error (reported elsewhere). */
function silently<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

/**
 * The stages as `parseProgramme` reads them (it spells `exitActions` as `exit_actions`). Pieces of the
 * wrong type, which the schema already reports, become harmless stand-ins so that indices, and so paths,
 * stay those of the file.
 */
function programmeInput(stages: readonly unknown[]): { stages: Entry[] } {
  const actions = (v: unknown) => (Array.isArray(v) ? v.map((a) => (typeof a === "string" ? a : "")) : []);
  return {
    stages: stages.map((raw, i) => {
      const stage = isEntry(raw) ? raw : {};
      const name = text(stage["name"]);
      const exit = blankless(stage["exit"]);
      return {
        name: name !== undefined && name.trim() !== "" ? name : `#${i}`,
        enter: blankless(stage["enter"]) ?? "true",
        ...(exit !== undefined && { exit }),
        actions: actions(stage["actions"]),
        exit_actions: actions(stage["exitActions"]),
      };
    }),
  };
}

/** Whether `policy` is the one its actor follows unless a run picks another (`actors[].policy`). */
function followsByDefault(data: unknown, actor: string, policy: Entry): boolean {
  const id = text(policy["id"]);
  return entries(data, "actors").some(([, a]) => a["id"] === actor && a["policy"] === id);
}

/** A language issue placed under `base`, its path spelled as in the file and its offset in the text kept. */
function fromLanguage(issue: InputIssue, base: readonly PathKey[]): DraftIssue {
  const span = (issue as { span?: Span }).span;
  const offset = span?.start ?? (issue.column === undefined ? undefined : issue.column - 1);
  return {
    code: issue.code,
    path: [...base, ...splitPath(issue.path ?? "")],
    ...(offset !== undefined && { offset }),
    ...(issue.message !== undefined && { message: issue.message }),
    ...(issue.expected !== undefined && { expected: issue.expected }),
    ...(issue.found !== undefined && { found: issue.found }),
    ...(issue.suggestion !== undefined && { suggestion: issue.suggestion }),
  };
}

/** `stages[1].exit_actions[0]` → `["stages", 1, "exitActions", 0]`. */
function splitPath(path: string): PathKey[] {
  const keys: PathKey[] = [];
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (index !== undefined) keys.push(Number(index));
    else if (key !== undefined) keys.push(key === "exit_actions" ? "exitActions" : key);
  }
  return keys;
}
