/**
 * The registry of mechanisms: one entry per hypothesis of src/core/scenario/hypotheses/. The runner
 * (mechanism-runner.ts) walks this table in order; adding a mechanism means a module here and one line
 * below, never an edit of the daily loop.
 */
import type { Mechanism } from "../mechanism.js";
import { ceasefireDurabilityMechanism } from "./ceasefire-durability.js";
import { coercionBackfireMechanism } from "./coercion-backfire.js";
import { ladderConsequencesMechanism } from "./ladder-consequences.js";
import { monitorsDeterMechanism } from "./monitors-deter.js";
import { opennessRiskMechanism } from "./openness-risk.js";
import { stakeRestraintMechanism } from "./stake-restraint.js";
import { trustMemoryMechanism } from "./trust-memory.js";

export const MECHANISMS: readonly Mechanism[] = [
  opennessRiskMechanism,
  stakeRestraintMechanism,
  coercionBackfireMechanism,
  monitorsDeterMechanism,
  ladderConsequencesMechanism,
  ceasefireDurabilityMechanism,
  trustMemoryMechanism,
] as unknown as readonly Mechanism[];
