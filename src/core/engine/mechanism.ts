/**
 * The one interface through which a mechanism of a hypothesis (src/core/scenario/hypotheses/) joins the
 * daily loop. A mechanism names its hypothesis key, the daily phases it acts in, the event kinds it
 * logs and the contributions it reports; the runner (mechanism-runner.ts) calls its hooks after the
 * step of each phase, and never when the hypothesis is absent or its strength is 0, so an
 * inactive mechanism changes nothing. Mechanisms act on the world through its state and the
 * `modifiers` the steps read (World.modifiers); they draw random numbers only from their own stream
 * `mechanism/<key>`.
 */
import { portableExp, type Random } from "../random/index.js";
import type { HypothesisKey, ScenarioHypotheses } from "../scenario/index.js";
import type { EventValue } from "./events.js";
import type { World } from "./world.js";

/**
 * Daily phases, in the order of simulate.ts. `start` runs before the day's incidents (set today's
 * baseline terms there); every other phase runs right after the step of that name.
 */
export const PHASES = [
  "start",
  "incidents",
  "policies",
  "diplomacy",
  "network",
  "routing",
  "economy",
  "coercion",
  "projects",
] as const;
export type Phase = (typeof PHASES)[number];

/** A hypothesis entry as the run sees it: strength, claim and the mechanism's parameters. */
export type HypothesisEntry<K extends HypothesisKey> = NonNullable<ScenarioHypotheses[K]>;

/** An explained event: the runner adds the day and names the hypothesis as its cause. */
export interface ExplainedEvent {
  kind: string;
  actor?: string;
  target?: string;
  text: string;
  values: Record<string, EventValue>;
  /** Added after the hypothesis name in the event's cause, e.g. the equation that moved. */
  why?: string;
  parent?: number;
}

export interface MechanismContext<K extends HypothesisKey, C extends string = string> {
  readonly world: World;
  readonly key: K;
  /** The hypothesis strength, never 0 here. */
  readonly strength: number;
  readonly entry: HypothesisEntry<K>;
  /** The mechanism's own random stream, `mechanism/<key>`. */
  readonly random: Random;
  /**
   * Adds `perDay` incidents/day (may be negative) to a zone's baseline today, before interdiction by
   * actants. Only in the `start` phase. The runner books the expected incidents it causes, with Hawkes
   * amplification 1/(1 − n), to the mechanism's `incidents` contribution.
   */
  addBaseline(zone: number, perDay: number): void;
  /** Adds `amount` to one of the contributions the mechanism declared. */
  contribute(name: C, amount: number): void;
  /**
   * The running totals of the declared contributions, by name: `ctx.totals.x += amount` is
   * `ctx.contribute("x", amount)` without the lookup by name, for contributions added every day.
   */
  readonly totals: Record<C, number>;
  /** Logs an event caused by this hypothesis (`cause`: "hypothesis <key> (<title>): <why>"); returns its id. */
  explain(event: ExplainedEvent): number;
  /**
   * Whether `value` has moved by at least `threshold` since it was last reported under `slot` (first
   * reference: `initial`): if so, returns the value reported before and remembers `value`; otherwise
   * undefined. Mechanisms log material changes this way, not every day's drift:
   * `const before = ctx.movedSince(…); if (before !== undefined) ctx.explain({…})`. A slot is a
   * number the mechanism chooses for what it tracks (an element, a zone, a pair index), so the daily
   * check builds no string and no event.
   */
  movedSince(slot: number, value: number, initial: number, threshold: number): number | undefined;
}

export interface Mechanism<K extends HypothesisKey = HypothesisKey, S = unknown, C extends string = string> {
  /** Key of the hypothesis whose strength switches it (its parameters' schema is declared there). */
  readonly key: K;
  /** Event kinds it logs. */
  readonly events: readonly string[];
  /** Contributions it reports in outcomes.mechanisms, name → meaning and unit. */
  readonly contributions: Readonly<Record<C, string>>;
  /** Its state for one run, built once before day 0. */
  init(world: World, entry: HypothesisEntry<K>): S;
  /** What it does in each phase it acts in. */
  readonly hooks: Partial<Record<Phase, (ctx: MechanismContext<K, C>, state: S) => void>>;
}

/** Declares a mechanism (the identity function, for type inference). */
export function defineMechanism<K extends HypothesisKey, S, C extends string>(
  mechanism: Mechanism<K, S, C>,
): Mechanism<K, S, C> {
  return mechanism;
}

/** Daily factor 2^(−1/h) of a quantity with half-life h days, the same on every engine. */
export function halfLifeFactor(days: number): number {
  return portableExp(-Math.LN2 / days);
}
