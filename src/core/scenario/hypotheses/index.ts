/**
 * The `hypotheses` section of the scenario format: one optional entry per named hypothesis of the
 * debate, keyed by its name. To add a hypothesis, declare it with `defineHypothesis` in a file of its
 * own and add it to SPECS below; its mechanism in src/core/engine/mechanisms/ names the same key.
 */
import { z } from "zod";
import { attacksReachTrade } from "./attacks-reach-trade.js";
import { ceasefireDurability } from "./ceasefire-durability.js";
import { coercionBackfire } from "./coercion-backfire.js";
import { congestionQueues } from "./congestion-queues.js";
import { currentLeverage } from "./current-leverage.js";
import { ladderConsequences } from "./ladder-consequences.js";
import { monitorsDeter } from "./monitors-deter.js";
import { neighbourStrategy } from "./neighbour-strategy.js";
import { opennessRisk } from "./openness-risk.js";
import { securityBenchmarks } from "./security-benchmarks.js";
import { type HypothesisEntrySchema, type HypothesisSpec, hypothesisEntrySchema } from "./spec.js";
import { stakeRestraint } from "./stake-restraint.js";
import { trustMemory } from "./trust-memory.js";
import { warmAnnouncements } from "./warm-announcements.js";

/** Every hypothesis the format knows, by key. */
const SPECS = {
  opennessRisk,
  stakeRestraint,
  coercionBackfire,
  monitorsDeter,
  ladderConsequences,
  ceasefireDurability,
  trustMemory,
  currentLeverage,
  attacksReachTrade,
  congestionQueues,
  neighbourStrategy,
  warmAnnouncements,
  securityBenchmarks,
} as const;

type Specs = typeof SPECS;
type ShapeOf<H> = H extends HypothesisSpec<infer S> ? S : never;

/** Every hypothesis spec, in the order of the section. */
export const HYPOTHESES: readonly HypothesisSpec[] = Object.values(SPECS);

export type HypothesisKey = keyof Specs;

const shape = Object.fromEntries(
  Object.entries(SPECS).map(([key, spec]) => [key, hypothesisEntrySchema(spec).optional()]),
) as { [K in HypothesisKey]: z.ZodOptional<HypothesisEntrySchema<ShapeOf<Specs[K]>>> };

export const hypothesesSchema = z.strictObject(shape).default({}).meta({
  title: "Hypotheses",
  description:
    "Named causal claims of the debate, each switched on by a strength (0 or absent: off) and tuned by its mechanism's parameters. Exploration samples their strengths like any other assumption.",
});

export { checkHypotheses, renameUnknownHypotheses } from "./check.js";
export {
  defineHypothesis,
  type HypothesisReference,
  type HypothesisSpec,
  hypothesisEntrySchema,
  type ReferenceKind,
} from "./spec.js";
