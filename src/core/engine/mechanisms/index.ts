/**
 * The registry of mechanisms: one entry per hypothesis of src/core/scenario/hypotheses/. The runner
 * (mechanism-runner.ts) walks this table in order; adding a mechanism means a module here and one line
 * below, never an edit of the daily loop.
 */
import type { Mechanism } from "../mechanism.js";
import { attacksReachTradeMechanism } from "./attacks-reach-trade.js";
import { ceasefireDurabilityMechanism } from "./ceasefire-durability.js";
import { coercionBackfireMechanism } from "./coercion-backfire.js";
import { congestionQueuesMechanism } from "./congestion-queues.js";
import { currentLeverageMechanism } from "./current-leverage.js";
import { ladderConsequencesMechanism } from "./ladder-consequences.js";
import { monitorsDeterMechanism } from "./monitors-deter.js";
import { neighbourStrategyMechanism } from "./neighbour-strategy.js";
import { opennessRiskMechanism } from "./openness-risk.js";
import { securityBenchmarksMechanism } from "./security-benchmarks.js";
import { stakeRestraintMechanism } from "./stake-restraint.js";
import { trustMemoryMechanism } from "./trust-memory.js";
import { warmAnnouncementsMechanism } from "./warm-announcements.js";

export const MECHANISMS: readonly Mechanism[] = [
  opennessRiskMechanism,
  stakeRestraintMechanism,
  coercionBackfireMechanism,
  monitorsDeterMechanism,
  ladderConsequencesMechanism,
  ceasefireDurabilityMechanism,
  trustMemoryMechanism,
  currentLeverageMechanism,
  attacksReachTradeMechanism,
  congestionQueuesMechanism,
  neighbourStrategyMechanism,
  warmAnnouncementsMechanism,
  securityBenchmarksMechanism,
] as unknown as readonly Mechanism[];
