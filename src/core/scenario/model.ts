/**
 * Parameters of the mechanisms (trust, escalation, mediation, risk premia, queues, coercion …). Every field
 * has a default, listed with its reason in docs/scenario-format.md; a scenario overrides only what it
 * studies, and defaults appear in the parameter list with kind "default" so they are easy to find.
 */
import { z } from "zod";
import { unitInterval } from "./fields.js";
import { param } from "./param.js";
import type { ModelParams } from "./types.js";

export const MODEL_DEFAULTS: ModelParams = {
  trust: { etaUp: 0.05, etaDown: 0.15, relaxPerDay: 0.002, baseline: 0.3 },
  escalation: { retaliationTrust: 0.4, calmDays: 30, holdDays: 60, hazard0: 0.02, hazardExponent: 2 },
  mediation: { interventionPerDay: 0.05, monitorDays: 90 },
  cbm: { days: 60, honourBase: 0.5 },
  riskPremium: { halfLifeDays: 60, delayDays: 5 },
  queue: { joinShare: 0.5, maxWaitDays: 20, spoilagePerDay: 0.05 },
  overload: { tolerance: 0.5, days: 3, failureDays: 2 },
  coercion: { alternativePremium: 0.2, steepness: 1, enforcementGain: 0.2 },
  adaptation: { defianceInvestmentUsd: 50e6, vehiclesPerDayPerMillionUsd: 4, constructionDays: 365 },
  returns: { humanitarianCostUsdPerPerson: 500, peoplePerHostileAct: 10_000 },
  routing: { gap: 1e-5, changeThreshold: 0.01 },
};

const D = MODEL_DEFAULTS;
const share = unitInterval;
const atLeast = (min: number) => z.number().min(min);
const positive = () => z.number().positive();

/** A group of parameters that may be left out whole. Every field of a group has a default, so `{}` is valid input. */
function group<S extends z.core.$ZodLooseShape>(title: string, description: string, shape: S) {
  // The generic shape hides that every field is optional; `{}` is checked by the schema itself at run time.
  return z
    .strictObject(shape)
    .prefault({} as never)
    .meta({ title, description });
}

export const modelSchema = z
  .strictObject({
    trust: group("Trust", "Directed trust, moved by verified acts (Bush & Mosteller 1955 updates).", {
      etaUp: param(share(), D.trust.etaUp).describe(
        "η⁺: share of the gap to full trust closed by one verified cooperative act, 0–1. Default 0.05.",
      ),
      etaDown: param(share(), D.trust.etaDown).describe(
        "η⁻: share of trust lost to one verified hostile act, 0–1. Default 0.15.",
      ),
      relaxPerDay: param(atLeast(0), D.trust.relaxPerDay).describe(
        "ρ: rate at which trust relaxes toward the baseline, per day. Default 0.002.",
      ),
      baseline: param(share(), D.trust.baseline).describe(
        "Level trust drifts to when nothing happens, 0–1. Default 0.3.",
      ),
    }),
    escalation: group("Escalation", "The escalation ladder of each pair of states.", {
      retaliationTrust: param(share(), D.escalation.retaliationTrust).describe(
        "An attributed major incident escalates only while trust is below this, 0–1. Default 0.4.",
      ),
      calmDays: param(atLeast(1), D.escalation.calmDays).describe(
        "Quiet days after which tension, strikes and clashes step down one rung, days ≥ 1. Default 30.",
      ),
      holdDays: param(atLeast(1), D.escalation.holdDays).describe(
        "Days a ceasefire must last to become normal, days ≥ 1. Default 60.",
      ),
      hazard0: param(share(), D.escalation.hazard0).describe(
        "h0: daily probability that a ceasefire fails at trust 0, in h = h0·(1 − trust)^k. Default 0.02.",
      ),
      hazardExponent: param(atLeast(0), D.escalation.hazardExponent).describe(
        "k: how fast the ceasefire hazard falls with trust, ≥ 0. Default 2.",
      ),
    }),
    mediation: group("Mediation", "Mediators' interventions and monitoring.", {
      interventionPerDay: param(share(), D.mediation.interventionPerDay).describe(
        "Daily probability that an available mediator intervenes while a pair is at strikes or clashes. Default 0.05.",
      ),
      monitorDays: param(atLeast(0), D.mediation.monitorDays).describe(
        "Days a mediator monitors after intervening or being invited. Default 90.",
      ),
    }),
    cbm: group("Confidence-building measures", "Proposed measures and whether they are honoured.", {
      days: param(atLeast(0), D.cbm.days).describe("Days a confidence-building measure runs. Default 60."),
      honourBase: param(share(), D.cbm.honourBase).describe(
        "Probability that a measure is honoured before trust enters, 0–1. Default 0.5.",
      ),
    }),
    riskPremium: group("Risk premium", "Traders' learned premium for closures and damage on a route.", {
      halfLifeDays: param(positive(), D.riskPremium.halfLifeDays).describe(
        "Half-life of traders' memory of closures and damage, days. Default 60.",
      ),
      delayDays: param(atLeast(0), D.riskPremium.delayDays).describe(
        "Expected wait when a closure hits, days (turns a closure probability into USD). Default 5.",
      ),
    }),
    queue: group("Queues", "Vehicles caught by a closure.", {
      joinShare: param(share(), D.queue.joinShare).describe(
        "Share of a closed crossing's previous flow that keeps arriving and waits, 0–1. Default 0.5.",
      ),
      maxWaitDays: param(atLeast(0), D.queue.maxWaitDays).describe(
        "Vehicles give up (perishables are lost) after this many days. Default 20.",
      ),
      spoilagePerDay: param(share(), D.queue.spoilagePerDay).describe(
        "Share of perishable value lost per day of waiting, 0–1. Default 0.05.",
      ),
    }),
    overload: group("Overload", "Links carrying more than their capacity for too long fail for a while.", {
      tolerance: param(atLeast(0), D.overload.tolerance).describe(
        "Flow above capacity tolerated, as a share of capacity (0.5: up to 150 %). Default 0.5.",
      ),
      days: param(atLeast(1), D.overload.days).describe(
        "Consecutive overloaded days after which the link fails, days ≥ 1. Default 3.",
      ),
      failureDays: param(atLeast(0), D.overload.failureDays).describe(
        "Days a failed link stays out. Default 2.",
      ),
    }),
    coercion: group("Coercion", "Compliance with coercion under the outside-option principle.", {
      alternativePremium: param(atLeast(0), D.coercion.alternativePremium).describe(
        "Extra cost of the alternative route as a share of the value moved (switching premium). Default 0.2.",
      ),
      steepness: param(positive(), D.coercion.steepness).describe(
        "γ > 0 in p = 1 / (1 + (K / leverage)^γ). Default 1 (Tullock's lottery form).",
      ),
      enforcementGain: param(share(), D.coercion.enforcementGain).describe(
        "Enforcement added by complying, 0–1. Default 0.2.",
      ),
    }),
    adaptation: group("Adaptation", "A defiant target's investment in alternative routes.", {
      defianceInvestmentUsd: param(atLeast(0), D.adaptation.defianceInvestmentUsd).describe(
        "USD the defiant target invests in alternative routes. Default 50e6.",
      ),
      vehiclesPerDayPerMillionUsd: param(atLeast(0), D.adaptation.vehiclesPerDayPerMillionUsd).describe(
        "Processing capacity added per million USD invested, vehicles/day. Default 4.",
      ),
      constructionDays: param(atLeast(0), D.adaptation.constructionDays).describe(
        "Days from investment to capacity. Default 365.",
      ),
    }),
    returns: group("Returns", "Costs and consequences of returns (deportations).", {
      humanitarianCostUsdPerPerson: param(atLeast(0), D.returns.humanitarianCostUsdPerPerson).describe(
        "Humanitarian cost per person returned, USD/person. Default 500.",
      ),
      peoplePerHostileAct: param(positive(), D.returns.peoplePerHostileAct).describe(
        "People returned that count as one hostile act for trust. Default 10000.",
      ),
    }),
    routing: group("Routing", "Daily re-equilibration of traffic.", {
      gap: param(positive(), D.routing.gap).describe(
        "Relative gap of each daily re-equilibration. Default 1e-5.",
      ),
      changeThreshold: param(atLeast(0), D.routing.changeThreshold).describe(
        "Re-equilibrate only when some link cost input moved by more than this share. Default 0.01.",
      ),
    }),
  })
  .prefault({})
  .meta({
    title: "Model parameters",
    description:
      "Parameters of the mechanisms; every field has a documented default. Override only what you study.",
  });
