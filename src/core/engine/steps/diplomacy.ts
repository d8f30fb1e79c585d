/**
 * Diplomacy: returns (deportations) as hostile acts, confidence-building measures that are honoured or
 * collapse, mediators stepping in, acts moving trust only when verified, trust relaxing to its
 * baseline, and the escalation ladder of each pair.
 */
import {
  applyVerifiedAct,
  type EscalationInput,
  type EscalationParams,
  RUNG_INDEX,
  stepEscalation,
  type TrustParams,
} from "../../diplomacy/index.js";
import { portableExp } from "../../random/index.js";
import { verificationOf } from "../queries.js";
import type { World } from "../world.js";

function returnsStep(world: World): void {
  const { scenario, returnProgrammes } = world.model;
  const na = scenario.actors.length;
  const rate = world.returnRate;
  rate.set(world.deportRate);
  for (const { from, to, start, end, peoplePerDay } of returnProgrammes) {
    if (world.day >= start && world.day <= end) rate[from * na + to]! += peoplePerDay;
  }
  const { humanitarianCostUsdPerPerson: costPerPerson, peoplePerHostileAct } = scenario.model.returns;
  world.today.returned = 0;
  for (let from = 0; from < na; from++) {
    for (let to = 0; to < na; to++) {
      const people = rate[from * na + to]!;
      if (people <= 0) continue;
      world.today.returned += people;
      world.accounts.returned[from]! += people;
      world.accounts.received[to]! += people;
      world.accounts.humanitarian[to]! += people * costPerPerson;
      // One hostile act per `peoplePerHostileAct` people returned, counted across days.
      const before = Math.floor((world.returnedBetween.get(from * na + to) ?? 0) / peoplePerHostileAct);
      const total = (world.returnedBetween.get(from * na + to) ?? 0) + people;
      world.returnedBetween.set(from * na + to, total);
      const acts = Math.floor(total / peoplePerHostileAct) - before;
      for (let i = 0; i < acts; i++) {
        world.act({
          from,
          to,
          kind: "hostile",
          cause: 0,
          what: `returns: ${Math.round(total)} people sent back so far`,
        });
      }
    }
  }
}

function cbmStep(world: World): void {
  const { cbm } = world.model.scenario.model;
  for (let i = world.cbms.length - 1; i >= 0; i--) {
    const m = world.cbms[i]!;
    const relation = world.relation(m.proposer, m.to);
    const broken =
      relation !== undefined && (relation.ladder.rung === "strikes" || relation.ladder.rung === "clashes");
    if (!broken && world.day < m.endDay) continue;
    world.cbms.splice(i, 1);
    const trust = world.trustOf(m.to, m.proposer);
    const p = cbm.honourBase + (1 - cbm.honourBase) * trust;
    const honoured = !broken && world.stream("cbm").next() < p;
    const text = honoured
      ? `${world.actorId(m.to)} honoured the confidence-building measure proposed by ${world.actorId(m.proposer)}`
      : `the confidence-building measure between ${world.actorId(m.proposer)} and ${world.actorId(m.to)} collapsed`;
    const logged = world.record({
      kind: honoured ? "cbm-honoured" : "cbm-collapsed",
      actor: world.actorId(m.to),
      target: world.actorId(m.proposer),
      cause: broken
        ? "the pair escalated to strikes or worse while the measure ran"
        : "confidence-building measure at its end date",
      values: broken
        ? { rung: relation!.ladder.rung }
        : { "honour probability": p, [`trust(${world.actorId(m.to)}, ${world.actorId(m.proposer)})`]: trust },
      text,
      parent: m.cause,
    });
    world.act({
      from: m.to,
      to: m.proposer,
      kind: honoured ? "cooperative" : "hostile",
      cause: logged,
      what: text,
    });
  }
}

function mediationStep(world: World): void {
  const { mediation } = world.model.scenario.model;
  for (const relation of world.relations) {
    if (relation.ladder.rung !== "strikes" && relation.ladder.rung !== "clashes") continue;
    for (const mediator of relation.mediators) {
      if (world.stream(`mediation/${world.actorId(mediator)}`).next() >= mediation.interventionPerDay)
        continue;
      relation.mediatedToday = true;
      relation.monitors.set(mediator, world.day + mediation.monitorDays);
      relation.monitoredUntil = Math.max(relation.monitoredUntil, world.day + mediation.monitorDays);
      world.record({
        kind: "mediation",
        actor: world.actorId(mediator),
        target: `${world.actorId(relation.a)}–${world.actorId(relation.b)}`,
        cause: "mediator intervention while the pair is at strikes or clashes",
        values: {
          "intervention probability per day": mediation.interventionPerDay,
          rung: relation.ladder.rung,
        },
        text: `${world.actorId(mediator)} brought ${world.actorId(relation.a)} and ${world.actorId(relation.b)} to talks and will monitor for ${mediation.monitorDays} days`,
      });
      break;
    }
  }
}

function actsStep(world: World, params: TrustParams): void {
  // (Setting an array's length is a call even when it is empty: skipped on the many quiet days.)
  if (world.verifiedToday.length > 0) world.verifiedToday.length = 0;
  for (const act of world.acts) {
    if (act.from < 0 || act.to < 0 || act.from === act.to) continue;
    const v = verificationOf(world, act.to, act.from);
    const verified = act.verified ?? world.stream("verification").next() < v;
    const before = world.trustOf(act.to, act.from);
    const after = verified ? applyVerifiedAct(before, act.kind, params) : before;
    if (verified) world.verifiedToday.push({ from: act.from, to: act.to, kind: act.kind });
    world.setTrust(act.to, act.from, after);
    if (act.quiet) continue;
    world.record({
      kind: "act",
      actor: world.actorId(act.from),
      target: world.actorId(act.to),
      cause: verified
        ? "verified act: trust moves by η⁺(1−T) or −η⁻T"
        : "unverified act: trust does not move",
      values: { verified, "verification probability": v, "trust before": before, "trust after": after },
      text: `${act.kind} act by ${world.actorId(act.from)} towards ${world.actorId(act.to)} (${act.what})${verified ? "" : ", not verified"}`,
      ...(act.cause > 0 ? { parent: act.cause } : {}),
    });
  }
  if (world.acts.length > 0) world.acts.length = 0;
}

const ladderInput: EscalationInput = { attributedIncidents: 0, trust: 0, mediation: false, u: 0 };
const scaledParams: EscalationParams = {
  retaliationTrust: 0,
  calmDays: 1,
  holdDays: 1,
  hazard0: 0,
  hazardExponent: 0,
};

function ladderStep(world: World, params: EscalationParams): void {
  for (let r = 0; r < world.relations.length; r++) {
    const relation = world.relations[r]!;
    const trust = Math.min(world.trustOf(relation.a, relation.b), world.trustOf(relation.b, relation.a));
    relation.ceasefireStream ??= world.stream(
      `ceasefire/${world.actorId(relation.a)}-${world.actorId(relation.b)}`,
    );
    const u = relation.ceasefireStream.next();
    // A mechanism may scale today's ceasefire hazard h₀·(1 − T)^k (World.modifiers.hazardFactor).
    const factor = world.modifiers.hazardFactor[r]!;
    // The day's input and scaled parameters are written into two objects kept for the run: stepEscalation
    // reads them and keeps neither (one new object each a relation a day was much of a run's garbage).
    ladderInput.attributedIncidents = relation.attributedToday;
    ladderInput.trust = trust;
    ladderInput.mediation = relation.mediatedToday;
    ladderInput.u = u;
    let stepParams = params;
    if (factor !== 1) {
      Object.assign(scaledParams, params);
      scaledParams.hazard0 = Math.min(1, params.hazard0 * factor);
      stepParams = scaledParams;
    }
    const step = stepEscalation(relation.ladder, ladderInput, stepParams);
    if (step.state.rung !== step.from) {
      if (step.state.rung === "ceasefire") relation.ceasefires += 1;
      if (step.reason === "ceasefire-failed" || step.reason === "ceasefire-broken")
        relation.ceasefiresFailed += 1;
      world.record({
        kind: "ladder",
        actor: world.actorId(relation.a),
        target: world.actorId(relation.b),
        cause: `escalation ladder: ${step.reason}`,
        values: {
          "attributed major incidents today": relation.attributedToday,
          "trust (lower direction)": trust,
          mediation: relation.mediatedToday,
          "days on previous rung": relation.ladder.daysInRung,
        },
        text: `${world.actorId(relation.a)}–${world.actorId(relation.b)}: ${step.from} → ${step.state.rung} (${step.reason})`,
      });
    }
    relation.ladder = step.state;
    relation.attributedToday = 0;
    relation.mediatedToday = false;
    const rung = RUNG_INDEX.get(step.state.rung)!;
    relation.daysPerRung[rung]! += 1;
    relation.rungHistory.push(rung);
  }
}

export function diplomacyStep(world: World): void {
  const { trust, escalation } = world.model.scenario.model;
  const params: TrustParams = {
    etaUp: trust.etaUp,
    etaDown: trust.etaDown,
    relaxRate: trust.relaxPerDay,
    baseline: trust.baseline,
  };
  returnsStep(world);
  cbmStep(world);
  mediationStep(world);
  actsStep(world, params);
  const na = world.model.scenario.actors.length;
  // One day of relaxation, T ← b + (T − b)·e^(−ρ), with the factor computed once (portable exp).
  const factor = portableExp(-params.relaxRate * world.modifiers.relaxFactor);
  const { baseline } = params;
  for (let i = 0; i < na * na; i++) world.trust[i] = baseline + (world.trust[i]! - baseline) * factor;
  ladderStep(world, escalation);
}
