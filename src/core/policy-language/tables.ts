/**
 * The vocabulary of the policy language as data: functions usable in conditions, named constants, and the
 * actions a rule may take. Adding a function or an action is one entry here; the checker, compiler and
 * explainer read these tables and never switch on a particular name.
 */
import { RUNGS } from "../diplomacy/index.js";

/** An id kind names a list in `KnownIds` by its plural: kind `zone` is checked against `ids.zones`. */
export type IdKind = "zone" | "actor" | "crossing" | "project" | (string & {});
export type ParamKind = "number" | IdKind;
export type ValueType = "number" | "boolean";
/** A run-time argument: an id (or whatever `resolveId` mapped it to) or a number. */
export type Arg = string | number;

export interface ParamSpec {
  /** Shown in messages and docs, e.g. `days`. */
  readonly name: string;
  readonly kind: ParamKind;
  /** Unit of a number, e.g. `days`, `hours`, `vehicles/day`. */
  readonly unit?: string;
  /** The number must be a whole number. */
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** The number must be written as a literal (a look-back window the engine sizes its history from). */
  readonly literal?: boolean;
}

export interface FunctionSpec {
  readonly params: readonly ParamSpec[];
  readonly result: ValueType;
  /** Unit of the result, for docs and explanations. */
  readonly unit?: string;
  readonly description: string;
  /**
   * A pure function computed by the language itself (min, max, abs). Functions without one are supplied by
   * the evaluation context, i.e. the engine's state.
   */
  readonly implementation?: (args: readonly Arg[]) => number | boolean;
}

export interface ConstantSpec {
  readonly value: number | boolean;
  /** Constants of one group name the values of one scale, e.g. the ladder rungs; explanations use the names. */
  readonly group?: string;
  readonly description: string;
}

export interface ActionSpec {
  readonly params: readonly ParamSpec[];
  readonly description: string;
  /**
   * The action is done by someone: deporting, striking or investing need the actor who does it. Rules and
   * programme stages always have their policy's actor; a forced event must name one (`events[].actor`)
   * to use such an action, and the checker reads this flag to say so.
   */
  readonly needsActor: boolean;
}

export type FunctionTable = Readonly<Record<string, FunctionSpec>>;
export type ConstantTable = Readonly<Record<string, ConstantSpec>>;
export type ActionTable = Readonly<Record<string, ActionSpec>>;

/** Everything the checker and compiler need to know about names. */
export interface Language {
  readonly functions: FunctionTable;
  readonly constants: ConstantTable;
  readonly actions: ActionTable;
}

/** The scenario's ids by kind (plural), e.g. `{ zones: ["kp_border"], actors: ["pk", "af"] }`. A kind left out is not checked. */
export interface KnownIds {
  readonly zones?: readonly string[];
  readonly actors?: readonly string[];
  readonly crossings?: readonly string[];
  readonly projects?: readonly string[];
  readonly [plural: string]: readonly string[] | undefined;
}

/** Own-property lookup, so names such as `constructor` or `toString` are unknown rather than inherited. */
export function lookup<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

const zone: ParamSpec = { name: "zone", kind: "zone" };
const crossing: ParamSpec = { name: "crossing", kind: "crossing" };
const actor = (name: string): ParamSpec => ({ name, kind: "actor" });
const days: ParamSpec = { name: "days", kind: "number", unit: "days", integer: true, min: 1, literal: true };
const num = (name: string): ParamSpec => ({ name, kind: "number" });

/** Functions over the engine's state; look-back windows count back from today, today included. */
export const DEFAULT_FUNCTIONS: FunctionTable = {
  incidents: {
    params: [zone, days],
    result: "number",
    unit: "incidents",
    description: "security incidents in the zone over the last `days` days",
  },
  fatalities: {
    params: [zone, days],
    result: "number",
    unit: "people",
    description: "people killed in incidents in the zone over the last `days` days",
  },
  trust: {
    params: [actor("of"), actor("in")],
    result: "number",
    unit: "0–1",
    description: "directed trust of the first actor in the second, in [0, 1]",
  },
  dependence: {
    params: [actor("of"), actor("on")],
    result: "number",
    unit: "share 0–1",
    description: "share of the first actor's routed trade value that crosses the second actor's territory",
  },
  closed_days: {
    params: [crossing, days],
    result: "number",
    unit: "days",
    description: "days the crossing was closed over the last `days` days",
  },
  flow: {
    params: [crossing, days],
    result: "number",
    unit: "vehicles/day",
    description: "mean vehicles per day through the crossing over the last `days` days",
  },
  stage: {
    params: [actor("actor")],
    result: "number",
    unit: "stage number",
    description: "the actor's current programme stage: 0 before the first stage, then 1, 2, …",
  },
  ladder: {
    params: [actor("a"), actor("b")],
    result: "number",
    unit: "rung",
    description: `escalation rung of the pair: ${RUNGS.map((r, i) => `${i} ${r}`).join(", ")}`,
  },
  enforcement: {
    params: [actor("actor")],
    result: "number",
    unit: "0–1",
    description: "the actor's effort against armed groups using its territory as a sanctuary, in [0, 1]",
  },
  day: {
    params: [],
    result: "number",
    unit: "days",
    description: "days since the scenario start (0 on the first day)",
  },
  min: {
    params: [num("x"), num("y")],
    result: "number",
    description: "the smaller of two numbers",
    implementation: (args) => Math.min(args[0] as number, args[1] as number),
  },
  max: {
    params: [num("x"), num("y")],
    result: "number",
    description: "the larger of two numbers",
    implementation: (args) => Math.max(args[0] as number, args[1] as number),
  },
  abs: {
    params: [num("x")],
    result: "number",
    description: "the absolute value of a number",
    implementation: (args) => Math.abs(args[0] as number),
  },
};

/** The rungs of the escalation ladder, numbered in the order of `RUNGS` so `ladder(a, b) >= strikes` reads naturally. */
export const DEFAULT_CONSTANTS: ConstantTable = Object.fromEntries(
  RUNGS.map((rung, level) => [rung, { value: level, group: "ladder", description: `ladder rung ${level}` }]),
);

const hours = (max: number): ParamSpec => ({ name: "hours", kind: "number", unit: "hours", min: 0, max });

export const DEFAULT_ACTIONS: ActionTable = {
  open: { params: [crossing], description: "open the crossing fully", needsActor: false },
  close: {
    params: [crossing],
    description: "close the crossing (its link leaves the network)",
    needsActor: false,
  },
  restrict: {
    params: [crossing, hours(24)],
    description: "open the crossing only this many hours a day",
    needsActor: false,
  },
  set_processing: {
    params: [crossing, hours(Infinity)],
    description: "set the processing time per vehicle",
    needsActor: false,
  },
  set_capacity: {
    params: [crossing, { name: "vehicles_per_day", kind: "number", unit: "vehicles/day", min: 0 }],
    description: "set the processing capacity of the crossing",
    needsActor: false,
  },
  deport: {
    params: [actor("to"), { name: "people_per_day", kind: "number", unit: "people/day", min: 0 }],
    description: "return people across the border to the actor at this rate",
    needsActor: true,
  },
  stop_deport: { params: [actor("to")], description: "stop returns to the actor", needsActor: true },
  strike: { params: [actor("target")], description: "strike the actor (a hostile act)", needsActor: true },
  propose_cbm: {
    params: [actor("to")],
    description: "propose a confidence-building measure to the actor",
    needsActor: true,
  },
  mediate: {
    params: [actor("a"), actor("b")],
    description:
      "a mediator brings the pair to talks: a step down the ladder (to ceasefire from strikes or clashes)",
    // Without an actor the talks happen with no mediator named, and no one monitors them.
    needsActor: false,
  },
  invite_monitor: {
    params: [actor("monitor")],
    description: "invite the actor as an outside monitor (raises verification)",
    needsActor: true,
  },
  invest_route: {
    params: [actor("via"), { name: "usd", kind: "number", unit: "USD", min: 0 }],
    description: "invest in an alternative route through the actor's territory",
    needsActor: true,
  },
  announce_project: {
    params: [{ name: "project", kind: "project" }],
    description: "announce the project",
    needsActor: false,
  },
  suspend_transit: {
    params: [actor("for")],
    description: "suspend transit of the actor's trade",
    needsActor: true,
  },
  resume_transit: {
    params: [actor("for")],
    description: "resume transit of the actor's trade",
    needsActor: true,
  },
};

export const DEFAULT_LANGUAGE: Language = {
  functions: DEFAULT_FUNCTIONS,
  constants: DEFAULT_CONSTANTS,
  actions: DEFAULT_ACTIONS,
};

/** Group of the constants a scenario's `levers` section adds (`withLevers`). */
export const LEVER_GROUP = "lever";

/**
 * The language with a scenario's levers added as named constants: policy text then writes
 * `closed_days(torkham, 60) >= reopen_after_days` or `deport(af, return_rate)` and the number lives,
 * with its source or range, in the scenario's `levers` section where exploration can sample it.
 * Names clashing with a function, action, constant or keyword are the loader's to reject.
 */
export function withLevers(language: Language, levers: Readonly<Record<string, number>>): Language {
  const names = Object.keys(levers);
  if (names.length === 0) return language;
  const constants: Record<string, ConstantSpec> = { ...language.constants };
  for (const name of names) {
    constants[name] = { value: levers[name]!, group: LEVER_GROUP, description: `lever ${name}` };
  }
  return { ...language, constants };
}
