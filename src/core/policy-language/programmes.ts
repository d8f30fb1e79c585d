/**
 * Staged programmes: an ordered list of stages, each entered when its benchmark (`enter`, optionally
 * `for N days`) holds, and left back to the stage before when its optional `exit` condition holds. The
 * actor starts before the first stage (stage 0); `stage(actor)` reads the number of the current stage.
 * Given as plain objects (from a scenario file) and validated here, collecting every problem.
 */
import { InputError, type InputIssue, suggestName } from "../errors/index.js";
import { checkActions, checkExpression } from "./check.js";
import {
  type CompiledAction,
  type CompiledCondition,
  type CompileOptions,
  compileAction,
  compileCondition,
} from "./compile.js";
import {
  type ActionCall,
  checkForDays,
  parseActions,
  parseTimedCondition,
  resolveForDays,
  type TimedCondition,
} from "./rules.js";
import { DEFAULT_LANGUAGE, type KnownIds, type Language } from "./tables.js";

/** One action written in a stage, with the text it came from and where that text sits in the programme. */
export interface StageAction {
  readonly call: ActionCall;
  readonly source: string;
  /** Path of the text inside the programme, e.g. `stages[1].actions[0]`. */
  readonly path: string;
}

export interface Stage {
  readonly name: string;
  /** Benchmark to enter this stage from the one before. */
  readonly enter: TimedCondition;
  /** Condition that sends the actor back to the stage before. */
  readonly exit?: TimedCondition;
  /** Taken on entering the stage. */
  readonly actions: readonly StageAction[];
  /** Taken on falling back out of the stage. */
  readonly exitActions: readonly StageAction[];
}

export interface Programme {
  readonly stages: readonly Stage[];
}

const PROGRAMME_FIELDS = ["stages", "description"];
const STAGE_FIELDS = ["name", "description", "enter", "exit", "actions", "exit_actions"];

const join = (prefix: string | undefined, path: string): string => (prefix ? `${prefix}.${path}` : path);

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the text "${value}"`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Collects the issues of an `InputError` thrown by a parser, placed at `path`; rethrows anything else. */
function collect<T>(issues: InputIssue[], path: string, parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const issue of error.issues) issues.push({ ...issue, path });
    return undefined;
  }
}

export interface ProgrammeParseOptions {
  /** Path of the programme in its file, prefixed to every issue's path, e.g. `actors.pk.programme`. */
  readonly path?: string;
}

/**
 * Parses a programme given as plain data, e.g.
 * `{ stages: [{ name: "pilot", enter: "incidents(kp, 30) < 5 for 60 days", actions: ["open(torkham)"] }] }`.
 * Throws one `InputError` listing every shape and syntax problem; check names with `checkProgramme`.
 */
export function parseProgramme(input: unknown, options: ProgrammeParseOptions = {}): Programme {
  const issues: InputIssue[] = [];
  const at = (path: string) => join(options.path, path);
  const wrong = (path: string, expected: string, value: unknown) =>
    issues.push({ code: "wrong-type", path: at(path), expected, found: describe(value) });
  const unknownFields = (value: Record<string, unknown>, allowed: string[], path: string) => {
    for (const key of Object.keys(value)) {
      if (allowed.includes(key)) continue;
      const suggestion = suggestName(key, allowed);
      issues.push({
        code: "unknown-field",
        path: at(path ? `${path}.${key}` : key),
        expected: `one of ${allowed.join(", ")}`,
        found: `"${key}"`,
        ...(suggestion === undefined ? {} : { suggestion }),
      });
    }
  };
  const actionsOf = (value: unknown, path: string): StageAction[] => {
    if (value === undefined) return [];
    const texts = typeof value === "string" ? [value] : Array.isArray(value) ? value : undefined;
    if (texts === undefined) {
      wrong(
        path,
        'actions as text, e.g. "open(torkham); restrict(chaman, 12)", or a list of such texts',
        value,
      );
      return [];
    }
    const out: StageAction[] = [];
    texts.forEach((text, j) => {
      const itemPath = typeof value === "string" ? path : `${path}[${j}]`;
      if (typeof text !== "string") {
        wrong(itemPath, 'an action such as "open(torkham)"', text);
        return;
      }
      const calls = collect(issues, at(itemPath), () => parseActions(text)) ?? [];
      for (const call of calls) out.push({ call, source: text, path: itemPath });
    });
    return out;
  };
  const conditionOf = (value: unknown, path: string): TimedCondition | undefined => {
    if (typeof value !== "string") {
      wrong(path, 'a condition such as "incidents(kp_border, 30) < 5 for 60 days"', value);
      return undefined;
    }
    return collect(issues, at(path), () => parseTimedCondition(value));
  };

  if (!isRecord(input)) {
    wrong("", "an object with a list of stages", input);
    throw new InputError(issues);
  }
  unknownFields(input, PROGRAMME_FIELDS, "");
  const list = input["stages"];
  if (!Array.isArray(list) || list.length === 0) {
    wrong("stages", "a non-empty list of stages", list);
    throw new InputError(issues);
  }
  const stages: Stage[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw, i) => {
    const path = `stages[${i}]`;
    if (!isRecord(raw)) {
      wrong(path, "a stage object with name, enter and actions", raw);
      return;
    }
    unknownFields(raw, STAGE_FIELDS, path);
    const name = raw["name"];
    if (typeof name !== "string" || name.trim() === "") wrong(`${path}.name`, "a stage name", name);
    else if (seen.has(name)) {
      issues.push({
        code: "duplicate-stage",
        path: at(`${path}.name`),
        message: `stage name "${name}" is already used by stages[${seen.get(name)}]`,
      });
    } else seen.set(name, i);
    const enter = conditionOf(raw["enter"], `${path}.enter`);
    const exit = raw["exit"] === undefined ? undefined : conditionOf(raw["exit"], `${path}.exit`);
    const actions = actionsOf(raw["actions"], `${path}.actions`);
    const exitActions = actionsOf(raw["exit_actions"], `${path}.exit_actions`);
    if (typeof name === "string" && enter !== undefined) {
      stages.push({ name, enter, ...(exit === undefined ? {} : { exit }), actions, exitActions });
    }
  });
  if (issues.length > 0) throw new InputError(issues);
  return { stages };
}

export interface ProgrammeCheckOptions {
  readonly language?: Language;
  /** Path of the programme in its file, prefixed to every issue's path. */
  readonly path?: string;
}

/** Every name, id and type problem in a parsed programme, each with its path and column. */
export function checkProgramme(
  programme: Programme,
  ids: KnownIds = {},
  options: ProgrammeCheckOptions = {},
): InputIssue[] {
  const language = options.language ?? DEFAULT_LANGUAGE;
  const issues: InputIssue[] = [];
  const place = (path: string, found: InputIssue[]) => {
    for (const issue of found) issues.push({ ...issue, path: join(options.path, path) });
  };
  programme.stages.forEach((stage, i) => {
    const path = `stages[${i}]`;
    place(`${path}.enter`, [
      ...checkExpression(stage.enter.condition, ids, { language, source: stage.enter.source }),
      ...checkForDays(stage.enter, language),
    ]);
    if (stage.exit) {
      place(`${path}.exit`, [
        ...checkExpression(stage.exit.condition, ids, { language, source: stage.exit.source }),
        ...checkForDays(stage.exit, language),
      ]);
    }
    for (const action of [...stage.actions, ...stage.exitActions]) {
      place(action.path, checkActions([action.call], ids, { language, source: action.source }));
    }
  });
  return issues;
}

export interface CompiledStage {
  readonly name: string;
  readonly enter: CompiledCondition;
  readonly enterDays: number;
  readonly exit?: CompiledCondition;
  readonly exitDays: number;
  readonly actions: readonly CompiledAction[];
  readonly exitActions: readonly CompiledAction[];
}

export interface CompiledProgramme {
  readonly stages: readonly CompiledStage[];
}

/** Compiles every condition and action; throws one `InputError` listing every type or action problem. */
export function compileProgramme(
  programme: Programme,
  language: Language = DEFAULT_LANGUAGE,
  options: Omit<CompileOptions, "source"> = {},
): CompiledProgramme {
  const issues = checkProgramme(programme, {}, { language });
  if (issues.length > 0) throw new InputError(issues);
  const action = (a: StageAction) => compileAction(a.call, language, { ...options, source: a.source });
  const condition = (c: TimedCondition) =>
    compileCondition(c.condition, language, { ...options, source: c.source });
  return {
    stages: programme.stages.map((stage) => ({
      name: stage.name,
      enter: condition(stage.enter),
      enterDays: resolveForDays(stage.enter, language),
      ...(stage.exit ? { exit: condition(stage.exit) } : {}),
      exitDays: stage.exit ? resolveForDays(stage.exit, language) : 1,
      actions: stage.actions.map(action),
      exitActions: stage.exitActions.map(action),
    })),
  };
}

/** Where an actor stands in its programme at the start of a day. */
export interface ProgrammeState {
  /** 0 before the first stage, then 1, 2, … (what `stage(actor)` returns). */
  readonly stage: number;
  /** Consecutive days the next stage's `enter` condition has held. */
  readonly enterStreak: number;
  /** Consecutive days the current stage's `exit` condition has held. */
  readonly exitStreak: number;
}

export const INITIAL_PROGRAMME_STATE: ProgrammeState = { stage: 0, enterStreak: 0, exitStreak: 0 };

export interface ProgrammeStep {
  readonly state: ProgrammeState;
  readonly move: "advance" | "fall-back" | "stay";
  /** Actions to take today: the entered stage's `actions`, or the left stage's `exit_actions`. */
  readonly actions: readonly CompiledAction[];
}

/**
 * One day of a programme. The current stage's `exit` is checked first: once it has held for its days, the actor
 * falls back one stage. Otherwise the next stage's `enter` is checked, and once it has held for its days the
 * actor advances one stage. At most one move a day; a move restarts both streaks. Evaluate every actor's
 * programme against the same day's state so that `stage(other)` does not depend on the order of actors.
 */
export function stepProgramme(
  programme: CompiledProgramme,
  state: ProgrammeState,
  ctx: Parameters<CompiledCondition>[0],
): ProgrammeStep {
  const current = state.stage >= 1 ? programme.stages[state.stage - 1] : undefined;
  let exitStreak = 0;
  if (current?.exit !== undefined) {
    exitStreak = current.exit(ctx) ? state.exitStreak + 1 : 0;
    if (exitStreak >= current.exitDays) {
      return {
        state: { stage: state.stage - 1, enterStreak: 0, exitStreak: 0 },
        move: "fall-back",
        actions: current.exitActions,
      };
    }
  }
  const next = programme.stages[state.stage];
  if (next === undefined)
    return { state: { stage: state.stage, enterStreak: 0, exitStreak }, move: "stay", actions: [] };
  const enterStreak = next.enter(ctx) ? state.enterStreak + 1 : 0;
  if (enterStreak >= next.enterDays) {
    return {
      state: { stage: state.stage + 1, enterStreak: 0, exitStreak: 0 },
      move: "advance",
      actions: next.actions,
    };
  }
  return { state: { stage: state.stage, enterStreak, exitStreak }, move: "stay", actions: [] };
}
