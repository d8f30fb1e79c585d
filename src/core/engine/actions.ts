/**
 * What each policy action does to the world. One entry per action of the policy language's action
 * table; the policy step looks actions up here by name and never switches on them.
 */
import type { Arg } from "../policy-language/index.js";
import { investInRoutes, startCoercion } from "./coercion-acts.js";
import { hostsOf } from "./queries.js";
import { CROSSING_CLOSED, CROSSING_OPEN, CROSSING_RESTRICTED, type World } from "./world.js";

/** `actor` takes the action; `cause` is the id of the logged event that records it. */
export type ActionHandler = (world: World, actor: number, args: readonly Arg[], cause: number) => void;

const n = (arg: Arg | undefined) => arg as number;

/** The state on the other side of a crossing from `actor`'s country, or -1. */
function otherSide(world: World, actor: number, crossing: number): number {
  const e = world.model.elements[world.model.crossingElement[crossing]!]!;
  const country = world.model.scenario.actors[actor]?.country;
  const other = e.fromCountry === country ? e.toCountry : e.toCountry === country ? e.fromCountry : "";
  return other === "" ? -1 : world.stateOf(other);
}

function monitor(world: World, monitorActor: number, a: number, b: number): void {
  const relation = world.relation(a, b);
  if (!relation) return;
  const until = world.day + world.model.scenario.model.mediation.monitorDays;
  relation.monitors.set(monitorActor, Math.max(until, relation.monitors.get(monitorActor) ?? -1));
  relation.monitoredUntil = Math.max(relation.monitoredUntil, until);
}

export const ACTION_HANDLERS: Record<string, ActionHandler> = {
  open: (w, _actor, [crossing]) => {
    w.setCrossingStatus(n(crossing), CROSSING_OPEN);
    w.closedBy[n(crossing)] = -1;
  },
  close: (w, actor, [crossing], cause) => {
    // Closing what is already closed imposes nothing new: no new coercion episode.
    if (w.crossingStatus[n(crossing)] === CROSSING_CLOSED) return;
    w.setCrossingStatus(n(crossing), CROSSING_CLOSED);
    w.closedBy[n(crossing)] = actor;
    const target = otherSide(w, actor, n(crossing));
    if (target >= 0 && target !== actor) startCoercion(w, actor, target, cause);
  },
  restrict: (w, _actor, [crossing, hours]) =>
    w.setCrossingStatus(
      n(crossing),
      n(hours) >= 24 ? CROSSING_OPEN : n(hours) <= 0 ? CROSSING_CLOSED : CROSSING_RESTRICTED,
      Math.min(24, n(hours)),
    ),
  set_processing: (w, _actor, [crossing, hours]) => {
    w.processingOverride[n(crossing)] = n(hours);
    w.dirty = true;
    w.networkEpoch += 1;
  },
  set_capacity: (w, _actor, [crossing, vehicles]) => {
    w.capacityOverride[n(crossing)] = n(vehicles);
    w.dirty = true;
    w.networkEpoch += 1;
  },
  deport: (w, actor, [to, rate], cause) => {
    const na = w.model.scenario.actors.length;
    const before = w.deportRate[actor * na + n(to)]!;
    w.deportRate[actor * na + n(to)] = n(rate);
    if (n(rate) > 0 && before === 0) startCoercion(w, actor, n(to), cause);
  },
  stop_deport: (w, actor, [to]) => {
    w.deportRate[actor * w.model.scenario.actors.length + n(to)] = 0;
  },
  strike: (w, actor, [target], cause) => {
    const kind = w.model.scenario.actors[n(target)]!.kind;
    const victims = kind === "state" ? [n(target)] : hostsOf(w, n(target));
    for (const victim of victims) {
      if (victim === actor) continue;
      // The state struck knows it was struck: the act needs no outside verification.
      w.act({
        from: actor,
        to: victim,
        kind: "hostile",
        cause,
        what: `strike on ${w.actorId(n(target))}`,
        verified: true,
      });
      const relation = w.relation(actor, victim);
      if (relation) relation.attributedToday += 1;
    }
  },
  propose_cbm: (w, actor, [to], cause) => {
    w.cbms.push({ proposer: actor, to: n(to), endDay: w.day + w.model.scenario.model.cbm.days, cause });
    w.act({
      from: actor,
      to: n(to),
      kind: "cooperative",
      cause,
      what: "proposed a confidence-building measure",
    });
  },
  invite_monitor: (w, actor, [monitorActor]) => {
    for (const r of w.relations) if (r.a === actor || r.b === actor) monitor(w, n(monitorActor), r.a, r.b);
  },
  mediate: (w, actor, [a, b]) => {
    const relation = w.relation(n(a), n(b));
    if (!relation) return;
    relation.mediatedToday = true;
    // A forced mediation without a named mediator has no one to monitor the talks.
    if (actor >= 0) monitor(w, actor, n(a), n(b));
  },
  invest_route: (w, actor, [via, usd], cause) => investInRoutes(w, actor, [n(via)], n(usd), cause),
  announce_project: (w, _actor, [project]) => {
    if (w.projectPhase[n(project)] === "unannounced") {
      w.projectPhase[n(project)] = "announced";
      w.projectAnnouncedDay[n(project)] = w.day;
    }
  },
  suspend_transit: (w, actor, [owner], cause) => {
    const na = w.model.scenario.actors.length;
    if (w.transitSuspended[actor * na + n(owner)] === 1) return;
    w.dirty = true;
    w.transitSuspended[actor * na + n(owner)] = 1;
    startCoercion(w, actor, n(owner), cause);
  },
  resume_transit: (w, actor, [owner]) => {
    const na = w.model.scenario.actors.length;
    if (w.transitSuspended[actor * na + n(owner)] === 1) w.dirty = true;
    w.transitSuspended[actor * na + n(owner)] = 0;
  },
  transit_fee: (w, actor, [owner, share]) => {
    const na = w.model.scenario.actors.length;
    if (w.transitFee[actor * na + n(owner)] === n(share)) return;
    w.transitFee[actor * na + n(owner)] = n(share);
    w.dirty = true;
  },
};
