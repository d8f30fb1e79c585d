/**
 * The escalation ladder of one pair of states: normal → tension → strikes → clashes, mediated ceasefires,
 * and the way back down. A small daily transition function driven by attributed major incidents, trust and
 * mediators' interventions; ceasefires fail with a daily hazard that falls with trust. The rungs follow the
 * escalation-ladder idea of Kahn (1965, "On Escalation"), cut down to the five states the design needs.
 *
 * Transition table, checked top to bottom within the current rung; the first row that fires wins, and a
 * rung change resets both day counters. `quiet` counts consecutive days without an attributed incident,
 * today included; `day` is the number of days in the rung, today included.
 *
 * | from      | condition                                          | to        | reason             |
 * |-----------|----------------------------------------------------|-----------|--------------------|
 * | normal    | incidents > 0                                      | tension   | incident           |
 * | tension   | mediation                                          | normal    | mediation          |
 * | tension   | incidents > 0 and trust < retaliationTrust         | strikes   | retaliation        |
 * | tension   | quiet ≥ calmDays                                   | normal    | quiet              |
 * | strikes   | mediation                                          | ceasefire | mediation          |
 * | strikes   | incidents > 0 and trust < retaliationTrust         | clashes   | retaliation        |
 * | strikes   | quiet ≥ calmDays                                   | tension   | quiet              |
 * | clashes   | mediation                                          | ceasefire | mediation          |
 * | clashes   | quiet ≥ calmDays                                   | strikes   | quiet              |
 * | ceasefire | incidents > 0                                      | tension   | ceasefire-broken   |
 * | ceasefire | u < h(T) = h₀·(1 − T)^k                            | tension   | ceasefire-failed   |
 * | ceasefire | day ≥ holdDays                                     | normal    | ceasefire-held     |
 * | any       | otherwise                                          | (stay)    | none               |
 */
import { InputError, suggestName } from "../errors/index.js";
import { checkDraw, checkUnit, fail, isNonNegative, isUnit } from "./check.js";

/**
 * The rungs in order of escalation, so that a rung's index is a numeric code monotone in escalation
 * (the `ladder.<a>.<b>` series, `ladder(a, b)` in policies, averages and plots): a ceasefire is a
 * suspension of fighting, less escalated than open tension and more than normal relations.
 */
export const RUNGS = ["normal", "ceasefire", "tension", "strikes", "clashes"] as const;
export type Rung = (typeof RUNGS)[number];
/** Each rung's index in RUNGS, its numeric code. */
export const RUNG_INDEX: ReadonlyMap<Rung, number> = new Map(RUNGS.map((rung, i) => [rung, i]));

/** Why a step ended where it did; every transition is logged with its reason. */
export type EscalationReason =
  | "incident"
  | "retaliation"
  | "mediation"
  | "quiet"
  | "ceasefire-broken"
  | "ceasefire-failed"
  | "ceasefire-held"
  | "none";

/** Where a pair of states stands at the start of a day. */
export interface LadderState {
  rung: Rung;
  /** Whole days already spent on this rung. */
  daysInRung: number;
  /** Consecutive days without an attributed major incident, since the last incident or rung change. */
  quietDays: number;
}

/** What happened between the pair today. */
export interface EscalationInput {
  /** Major incidents attributed to the other state today (integer ≥ 0). */
  attributedIncidents: number;
  /** Trust of the pair today in [0, 1]; the caller chooses how to combine the two directions (e.g. the lower). */
  trust: number;
  /** Whether a mediator intervened today. */
  mediation: boolean;
  /** Uniform draw in [0, 1) for the ceasefire failure; read only on the ceasefire rung. */
  u: number;
}

export interface EscalationParams {
  /** An attributed incident escalates (tension → strikes, strikes → clashes) only while trust is below this, in [0, 1]. */
  retaliationTrust: number;
  /** Quiet days after which tension, strikes and clashes step down one rung (≥ 1; Infinity = never by itself). */
  calmDays: number;
  /** Days a ceasefire must last to become normal (≥ 1; Infinity = never). */
  holdDays: number;
  /** h₀ ∈ [0, 1]: daily probability that a ceasefire fails when trust is 0. */
  hazard0: number;
  /** k ≥ 0: how fast the hazard falls with trust, h = h₀·(1 − T)^k. */
  hazardExponent: number;
}

export interface EscalationStep {
  /** State at the start of the next day. */
  state: LadderState;
  from: Rung;
  reason: EscalationReason;
}

export function validateEscalationParams(params: EscalationParams, path = "escalation"): EscalationParams {
  // Checked every day of every pair: each field's path is written out only when it fails (those strings
  // were much of a run's garbage).
  const { retaliationTrust, calmDays, holdDays, hazard0, hazardExponent } = params;
  if (!isUnit(retaliationTrust))
    fail(`${path}.retaliationTrust`, "a trust level in [0, 1]", retaliationTrust);
  if (!isDays(calmDays)) fail(`${path}.calmDays`, DAYS, calmDays);
  if (!isDays(holdDays)) fail(`${path}.holdDays`, DAYS, holdDays);
  if (!isUnit(hazard0)) fail(`${path}.hazard0`, "a daily probability in [0, 1]", hazard0);
  if (!isNonNegative(hazardExponent)) fail(`${path}.hazardExponent`, "an exponent k ≥ 0", hazardExponent);
  return params;
}

const DAYS = "a number of days ≥ 1";
const isDays = (value: number) => typeof value === "number" && value >= 1;

/** Daily probability that a ceasefire fails at trust T: h = h₀·(1 − T)^k. */
export function ceasefireHazard(trust: number, params: EscalationParams): number {
  checkUnit(trust, "trust");
  validateEscalationParams(params);
  return params.hazard0 * (1 - trust) ** params.hazardExponent;
}

/**
 * Mean lifetime of a ceasefire at constant trust, ignoring incidents and consolidation: with a daily
 * failure probability h the lifetime in days (the failure day included) is geometric with mean 1/h.
 * Infinity when h = 0.
 */
export function expectedCeasefireDays(trust: number, params: EscalationParams): number {
  const h = ceasefireHazard(trust, params);
  return h === 0 ? Number.POSITIVE_INFINITY : 1 / h;
}

/** Probability that a ceasefire at constant trust survives the hazard for `holdDays` days and becomes normal: (1 − h)^holdDays. */
export function ceasefireHoldProbability(trust: number, params: EscalationParams): number {
  const h = ceasefireHazard(trust, params);
  return h === 0 ? 1 : (1 - h) ** params.holdDays;
}

const stay = (state: LadderState, quiet: number): EscalationStep => ({
  state: { rung: state.rung, daysInRung: state.daysInRung + 1, quietDays: quiet },
  from: state.rung,
  reason: "none",
});

const move = (from: Rung, to: Rung, reason: EscalationReason): EscalationStep => ({
  state: { rung: to, daysInRung: 0, quietDays: 0 },
  from,
  reason,
});

const STEP_DOWN: Partial<Record<Rung, Rung>> = { tension: "normal", strikes: "tension", clashes: "strikes" };

/** One day on the ladder (see the table at the top of this file). */
export function stepEscalation(
  state: LadderState,
  input: EscalationInput,
  params: EscalationParams,
): EscalationStep {
  const { attributedIncidents: incidents, trust, mediation, u } = input;
  if (!(Number.isInteger(incidents) && incidents >= 0)) {
    throw new InputError({
      code: "out-of-range",
      path: "attributedIncidents",
      expected: "a whole number of incidents ≥ 0",
      found: String(incidents),
    });
  }
  checkUnit(trust, "trust");
  checkDraw(u);
  validateEscalationParams(params);
  const from = state.rung;
  const quiet = incidents > 0 ? 0 : state.quietDays + 1;
  const day = state.daysInRung + 1;
  const retaliates = incidents > 0 && trust < params.retaliationTrust;
  switch (from) {
    case "normal":
      return incidents > 0 ? move(from, "tension", "incident") : stay(state, quiet);
    case "tension":
    case "strikes":
    case "clashes":
      if (mediation) return move(from, from === "tension" ? "normal" : "ceasefire", "mediation");
      if (retaliates && from !== "clashes")
        return move(from, from === "tension" ? "strikes" : "clashes", "retaliation");
      if (quiet >= params.calmDays) return move(from, STEP_DOWN[from]!, "quiet");
      return stay(state, quiet);
    case "ceasefire":
      if (incidents > 0) return move(from, "tension", "ceasefire-broken");
      if (u < ceasefireHazard(trust, params)) return move(from, "tension", "ceasefire-failed");
      if (day >= params.holdDays) return move(from, "normal", "ceasefire-held");
      return stay(state, quiet);
    default: {
      const found = String(from);
      const suggestion = suggestName(found, RUNGS);
      throw new InputError({
        code: "unknown-name",
        path: "rung",
        expected: `one of ${RUNGS.join(", ")}`,
        found,
        ...(suggestion === undefined ? {} : { suggestion }),
      });
    }
  }
}

/** The state a pair starts in: normal, no days counted. */
export function initialLadderState(rung: Rung = "normal"): LadderState {
  return { rung, daysInRung: 0, quietDays: 0 };
}
