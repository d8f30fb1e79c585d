/**
 * Compiles a validated scenario into the fixed structure a run works on: indices instead of ids, the
 * routing graph with demand centroids and "no trip" links, and compiled policies. Built once per run;
 * nothing here changes while the run goes.
 */
import { InputError, suggestName } from "../errors/index.js";
import { buildDemand, type Demand, findPair } from "../network/demand.js";
import { buildNetwork, type LinkSpec, type Network } from "../network/graph.js";
import {
  type CompiledAction,
  type CompiledCondition,
  type CompiledProgramme,
  type CompiledRule,
  compileAction,
  compileCondition,
  compileProgramme,
  compileRule,
  DEFAULT_LANGUAGE,
  type Expr,
  type Language,
  parseActions,
  parseExpression,
  parseProgramme,
  parseRule,
  type Rule,
  withLevers,
} from "../policy-language/index.js";
import { FIRST_DATE, LAST_DATE, MAX_DAYS } from "../scenario/index.js";
import { scenarioElements } from "../scenario/to-network.js";
import type { Scenario } from "../scenario/types.js";
import { Calendar, epochDay } from "./calendar.js";

/** Share of a vehicle's value it will pay at most to make the trip when the scenario gives no reservation cost. */
export const DEFAULT_RESERVATION_SHARE = 0.25;

/** The most a trip of a demand entry is worth making, USD/vehicle: what a trip not made costs. */
export function reservationCost(d: Scenario["demand"][number]): number {
  return d.reservationCostUsd ?? DEFAULT_RESERVATION_SHARE * d.valueUsdPerVehicle;
}
export const DEFAULT_START = "2025-01-01";
export const DEFAULT_DAYS = 3650;

/** A scenario link or crossing as the engine sees it: its directed network links and its zone. */
export interface Element {
  id: string;
  kind: "link" | "crossing";
  /** Index in scenario.links or scenario.crossings. */
  index: number;
  links: number[];
  zone: number;
  /** Project that builds it, or -1. */
  project: number;
  /** Countries of its two ends. */
  fromCountry: string;
  toCountry: string;
}

export interface CompiledPolicy {
  id: string;
  actor: number;
  rules: CompiledRule[];
  /** The parsed rules, for explanations. */
  ruleAsts: Rule[];
  programme?: CompiledProgramme;
  /** Enter conditions of the stages, for explanations. */
  stageConditions: { enter: Expr; enterSource: string; exit?: Expr; exitSource?: string }[];
}

export interface CompiledEvent {
  day: number;
  actor: number;
  actions: CompiledAction[];
  actionTexts: string[];
  note: string;
  source?: string;
  incident?: { zone: number; fatalities: number; attributedTo: number };
}

export interface Model {
  scenario: Scenario;
  /** The policy language with the scenario's levers as named constants. */
  language: Language;
  calendar: Calendar;
  start: string;
  days: number;
  network: Network;
  demand: Demand;
  /** Scenario links then crossings. */
  elements: Element[];
  elementById: Map<string, number>;
  /** Elements lying in each security zone, by zone index (where an incident can damage). */
  zoneElements: number[][];
  /** Per zone: the actor hosting its sanctuary (-1 for none) and the state whose territory it is in (-1). */
  zoneHost: Int32Array;
  zoneVictim: Int32Array;
  /** Element index of each scenario crossing. */
  crossingElement: number[];
  /** Element of each network link, or -1 for connectors and "no trip" links. */
  linkElement: Int32Array;
  /** Scenario crossing of each element, or -1 for a link (read daily: an index, not a string compare). */
  elementCrossing: Int32Array;
  /** The links that belong to an element (linkElement ≥ 0), ascending: the only ones that can fail. */
  elementLinks: Int32Array;
  /** Country of each network node ("" for centroids). */
  nodeCountry: string[];
  /** State actor whose territory each network node lies in, or -1. */
  nodeState: Int32Array;
  /** Per demand pair: the "no trip" link whose flow is the unserved demand. */
  noTripLink: Int32Array;
  /** Base attributes of each network link (before statuses, actants, damage, premia). */
  baseCapacity: Float64Array;
  baseFreeFlow: Float64Array;
  baseFee: Float64Array;
  valueOfTime: number;
  costPerKm: number;
  /** Demand entries with their pair. */
  entries: {
    pair: number;
    vehiclesPerDay: number;
    valueUsd: number;
    perishable: boolean;
    growth: number;
    owner: number;
    transitVia: number;
    /** Share of the cargo's value a transit fee applies to. */
    feeExposure: number;
    /** Centroid the entry's trips start from (its own for transit trade). */
    originCentroid: number;
  }[];
  zoneIndex: Map<string, number>;
  actorIndex: Map<string, number>;
  /** Actor index of the state whose territory a country is, by ISO code. */
  stateOfCountry: Map<string, number>;
  projectIndex: Map<string, number>;
  policies: CompiledPolicy[];
  /** Active policy per actor, or -1. */
  actorPolicy: Int32Array;
  projectConditions: (CompiledCondition | undefined)[];
  /** Daily weight of today's disruption in traders' risk memory, 1 − 2^(−1/half-life). */
  riskMemory: number;
  /** Simulation day of each project's announcement date (read once, not parsed every day). */
  projectAnnounceDay: number[];
  /** Each scheduled return programme (scenario.returns) with actor indices and its first and last day. */
  returnProgrammes: { from: number; to: number; start: number; end: number; peoplePerDay: number }[];
  /** Day each actant takes effect (its `since`, or −∞ when it has none). */
  actantSinceDay: number[];
  events: CompiledEvent[];
  ids: IdResolver;
}

/** The scenario's id lists by the policy language's id kinds; policy text names entries by these ids. */
function idLists(scenario: Scenario): Record<string, readonly { id: string }[]> {
  return {
    zone: scenario.zones,
    actor: scenario.actors,
    crossing: scenario.crossings,
    project: scenario.projects,
  };
}

/** Maps ids in policy text to indices (what compiled conditions and actions receive) and back. */
export interface IdResolver {
  resolveId(kind: string, id: string): string | number;
  idOf(kind: string, arg: string | number): string;
}

function idResolver(scenario: Scenario): IdResolver {
  const lists = idLists(scenario);
  const indices = new Map(
    Object.entries(lists).map(([kind, list]) => [kind, new Map(list.map((x, i) => [x.id, i]))]),
  );
  return {
    resolveId: (kind, id) => indices.get(kind)?.get(id) ?? id,
    idOf: (kind, arg) => (typeof arg === "number" ? (lists[kind]?.[arg]?.id ?? String(arg)) : arg),
  };
}

/** The policy picked for each actor: its default, replaced by any of `picked` that belongs to it. */
export function pickPolicies(scenario: Scenario, picked: string[] = []): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const actor of scenario.actors) if (actor.policy) chosen.set(actor.id, actor.policy);
  const ids = scenario.policies.map((p) => p.id);
  const issues = [];
  for (const id of picked) {
    const policy = scenario.policies.find((p) => p.id === id);
    if (!policy) {
      const suggestion = suggestName(id, ids);
      issues.push({
        code: "unknown-policy",
        path: "--policy",
        expected: ids.length > 0 ? `one of ${ids.join(", ")}` : "a policy id (this scenario defines none)",
        found: `"${id}"`,
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    chosen.set(policy.actor, policy.id);
  }
  if (issues.length > 0) throw new InputError(issues);
  return chosen;
}

export interface ModelOptions {
  start?: string;
  days?: number;
  policies?: string[];
}

/**
 * Days a run simulates: the given count, else the scenario's own span (start to end, both counted),
 * else DEFAULT_DAYS. The end is a calendar date, so a run started on another day still stops there.
 */
export function runDays(scenario: Scenario, options: ModelOptions = {}): number {
  if (options.days !== undefined) return options.days;
  if (scenario.end === undefined) return DEFAULT_DAYS;
  const start = options.start ?? scenario.start ?? DEFAULT_START;
  const days = epochDay(scenario.end) - epochDay(start) + 1;
  if (!(days >= 1)) {
    throw new InputError({
      code: "date-order",
      path: "end",
      expected: `an end date on or after the run's start (${start})`,
      found: scenario.end,
    });
  }
  return days;
}

/**
 * Days by which a run of `days` goes past the scenario's end date (0 when it stops at or before it,
 * or the scenario has none): a hindcast run past its end simulates days the record does not cover.
 */
export function daysPastEnd(scenario: Scenario, days: number, start?: string): number {
  if (scenario.end === undefined) return 0;
  const own = runDays(scenario, start === undefined ? {} : { start });
  return Math.max(0, days - own);
}

export function compileModel(scenario: Scenario, options: ModelOptions = {}): Model {
  const start = options.start ?? scenario.start ?? DEFAULT_START;
  const calendar = new Calendar(start);
  if (!Number.isFinite(calendar.startEpochDay)) {
    throw new InputError({ code: "bad-date", path: "start", expected: "a date YYYY-MM-DD", found: start });
  }
  const days = runDays(scenario, options);
  if (!(Number.isInteger(days) && days >= 1 && days <= MAX_DAYS)) {
    throw new InputError({
      code: "out-of-range",
      path: "days",
      expected: `a whole number of days from 1 to ${MAX_DAYS} (100 years)`,
      found: String(days),
    });
  }
  if (
    calendar.startEpochDay + days - 1 > epochDay(LAST_DATE) ||
    calendar.startEpochDay < epochDay(FIRST_DATE)
  ) {
    throw new InputError({
      code: "out-of-range",
      path: "start",
      expected: `a run within ${FIRST_DATE} … ${LAST_DATE} (four-digit years)`,
      found: `${start} + ${days} days`,
    });
  }
  const vot = scenario.generalizedCost.valueOfTimeUsdPerHour;
  const nodeIndex = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const zoneIndex = new Map(scenario.zones.map((z, i) => [z.id, i]));
  const actorIndex = new Map(scenario.actors.map((a, i) => [a.id, i]));
  const projectIndex = new Map(scenario.projects.map((p, i) => [p.id, i]));
  const stateOfCountry = new Map<string, number>();
  scenario.actors.forEach((a, i) => {
    if (a.kind === "state" && a.country && !stateOfCountry.has(a.country)) stateOfCountry.set(a.country, i);
  });

  // Nodes: scenario nodes, then one centroid per demand end, so that "no trip" links can join
  // centroids directly without offering a shortcut to other traffic (centroids are no-through).
  // Transit trade gets an origin centroid of its own (per origin, transit state, owner and fee
  // exposure), so that the transit state can bar it from its territory while other traffic still
  // crosses, and goods on and off a fee's list choose their routes apart.
  const originKey = (d: Scenario["demand"][number]) =>
    d.transitVia === undefined
      ? d.origin
      : `${d.origin}|${d.transitVia}|${d.owner ?? ""}|${d.transitFeeExposure ?? 1}`;
  const endpointKeys = [...new Set(scenario.demand.flatMap((d) => [originKey(d), d.destination]))];
  const endpointNode = (key: string) => key.split("|")[0]!;
  const centroidOf = new Map(endpointKeys.map((key, i) => [key, scenario.nodes.length + i]));
  const nodeCount = scenario.nodes.length + endpointKeys.length;
  const nodeCountry = [...scenario.nodes.map((n) => n.country), ...endpointKeys.map(() => "")];
  const noThrough = [...scenario.nodes.map((n) => n.noThrough), ...endpointKeys.map(() => true)];

  const specs: LinkSpec[] = [];
  const linkElement: number[] = [];
  const elements: Element[] = scenarioElements(scenario, nodeIndex).map((element, e) => ({
    id: element.id,
    kind: element.kind,
    index: element.index,
    links: element.directed.map((spec) => {
      linkElement.push(e);
      return specs.push(spec) - 1;
    }),
    zone: element.zone === undefined ? -1 : (zoneIndex.get(element.zone) ?? -1),
    project: element.project === undefined ? -1 : (projectIndex.get(element.project) ?? -1),
    fromCountry: scenario.nodes[nodeIndex.get(element.from)!]!.country,
    toCountry: scenario.nodes[nodeIndex.get(element.to)!]!.country,
  }));
  const crossingElement = scenario.crossings.map((_, i) => scenario.links.length + i);
  // Connectors: free, uncongested links between each demand node and its centroid.
  for (const key of endpointKeys) {
    const node = nodeIndex.get(endpointNode(key))!;
    const centroid = centroidOf.get(key)!;
    for (const [from, to] of [
      [centroid, node],
      [node, centroid],
    ] as const) {
      specs.push({ from, to, capacity: 1, freeFlowTime: 0, b: 0, power: 0, length: 0, toll: 0 });
      linkElement.push(-1);
    }
  }
  // Demand, then one "no trip" link per pair whose constant cost is the pair's reservation cost
  // (the excess-demand construction of elastic demand; Sheffi 1985, ch. 6).
  const demand = buildDemand({
    nodeCount,
    entries: scenario.demand.map((d) => ({
      origin: centroidOf.get(originKey(d))!,
      destination: centroidOf.get(d.destination)!,
      demand: d.vehiclesPerDay,
    })),
  });
  const entries = scenario.demand.map((d) => ({
    pair: findPair(demand, centroidOf.get(originKey(d))!, centroidOf.get(d.destination)!),
    originCentroid: centroidOf.get(originKey(d))!,
    vehiclesPerDay: d.vehiclesPerDay,
    valueUsd: d.valueUsdPerVehicle,
    perishable: d.perishable,
    growth: d.growthPerYear,
    owner: d.owner === undefined ? -1 : (actorIndex.get(d.owner) ?? -1),
    transitVia: d.transitVia === undefined ? -1 : (actorIndex.get(d.transitVia) ?? -1),
    feeExposure: d.transitFeeExposure ?? 1,
  }));
  const reservation = new Float64Array(demand.pairCount);
  const weight = new Float64Array(demand.pairCount);
  scenario.demand.forEach((d, i) => {
    const cost = reservationCost(d);
    const w = Math.max(d.vehiclesPerDay, 1e-9);
    reservation[entries[i]!.pair]! += cost * w;
    weight[entries[i]!.pair]! += w;
  });
  const noTripLink = new Int32Array(demand.pairCount);
  for (let k = 0; k < demand.pairCount; k++) {
    noTripLink[k] = specs.length;
    specs.push({
      from: demand.origin[k]!,
      to: demand.destination[k]!,
      capacity: 1,
      freeFlowTime: reservation[k]! / weight[k]!,
      b: 0,
      power: 0,
      length: 0,
      toll: 0,
    });
    linkElement.push(-1);
  }
  const network = buildNetwork({ nodeCount, links: specs, noThrough });

  // Policies.
  const ids = idResolver(scenario);
  const compileOptions = { resolveId: ids.resolveId };
  // The scenario's levers are named constants of its policy text.
  const language = withLevers(DEFAULT_LANGUAGE, scenario.levers);
  const chosen = pickPolicies(scenario, options.policies);
  const policies: CompiledPolicy[] = [];
  const actorPolicy = new Int32Array(scenario.actors.length).fill(-1);
  for (const [actorId, policyId] of chosen) {
    const policy = scenario.policies.find((p) => p.id === policyId);
    const actor = actorIndex.get(actorId);
    if (!policy || actor === undefined) continue;
    const ruleAsts = policy.rules.map((text) => parseRule(text));
    const programme = policy.programme
      ? parseProgramme({
          stages: policy.programme.stages.map((s) => ({
            name: s.name,
            enter: s.enter,
            ...(s.exit === undefined ? {} : { exit: s.exit }),
            actions: s.actions,
            exit_actions: s.exitActions,
          })),
        })
      : undefined;
    actorPolicy[actor] = policies.length;
    policies.push({
      id: policy.id,
      actor,
      rules: ruleAsts.map((r) => compileRule(r, language, compileOptions)),
      ruleAsts,
      ...(programme ? { programme: compileProgramme(programme, language, compileOptions) } : {}),
      stageConditions: (programme?.stages ?? []).map((s) => ({
        enter: s.enter.condition,
        enterSource: s.enter.source,
        ...(s.exit ? { exit: s.exit.condition, exitSource: s.exit.source } : {}),
      })),
    });
  }
  const projectConditions = scenario.projects.map((p) =>
    p.condition === undefined
      ? undefined
      : compileCondition(parseExpression(p.condition), language, {
          ...compileOptions,
          source: p.condition,
        }),
  );
  const events: CompiledEvent[] = scenario.events.map((e) => {
    const actionTexts = e.actions;
    const actions = actionTexts.flatMap((text) =>
      parseActions(text).map((call) => compileAction(call, language, { ...compileOptions, source: text })),
    );
    return {
      day: calendar.day(e.date),
      actor: e.actor === undefined ? -1 : (actorIndex.get(e.actor) ?? -1),
      actions,
      actionTexts,
      note: e.note,
      ...(e.source === undefined ? {} : { source: e.source }),
      ...(e.incident
        ? {
            incident: {
              zone: zoneIndex.get(e.incident.zone) ?? -1,
              fatalities: e.incident.fatalities,
              attributedTo:
                e.incident.attributedTo === undefined ? -1 : (actorIndex.get(e.incident.attributedTo) ?? -1),
            },
          }
        : {}),
    };
  });

  return {
    scenario,
    language,
    calendar,
    start,
    days,
    network,
    demand,
    elements,
    elementById: new Map(elements.map((e, i) => [e.id, i])),
    zoneElements: scenario.zones.map((_, zone) => elements.flatMap((e, i) => (e.zone === zone ? [i] : []))),
    zoneHost: Int32Array.from(scenario.zones, (z) => (z.sanctuary ? actorIndex.get(z.sanctuary.actor)! : -1)),
    zoneVictim: Int32Array.from(scenario.zones, (z) => stateOfCountry.get(z.country) ?? -1),
    crossingElement,
    linkElement: Int32Array.from(linkElement),
    elementLinks: Int32Array.from(linkElement.flatMap((e, l) => (e >= 0 ? [l] : []))),
    elementCrossing: Int32Array.from(elements, (e) => (e.kind === "crossing" ? e.index : -1)),
    nodeCountry,
    nodeState: Int32Array.from(nodeCountry, (country) => stateOfCountry.get(country) ?? -1),
    noTripLink,
    baseCapacity: Float64Array.from(network.capacity),
    baseFreeFlow: Float64Array.from(network.freeFlowTime),
    baseFee: Float64Array.from(network.toll),
    valueOfTime: vot,
    costPerKm: scenario.generalizedCost.costPerKmUsd,
    entries,
    zoneIndex,
    actorIndex,
    stateOfCountry,
    projectIndex,
    policies,
    actorPolicy,
    projectConditions,
    riskMemory: 1 - 2 ** (-1 / scenario.model.riskPremium.halfLifeDays),
    projectAnnounceDay: scenario.projects.map((p) => calendar.day(p.announced)),
    returnProgrammes: scenario.returns.map((r) => ({
      from: actorIndex.get(r.from)!,
      to: actorIndex.get(r.to)!,
      start: calendar.day(r.start),
      end: r.end === undefined ? Number.POSITIVE_INFINITY : calendar.day(r.end),
      peoplePerDay: r.peoplePerDay,
    })),
    ids,
    actantSinceDay: scenario.actants.map((a) =>
      a.since === undefined ? Number.NEGATIVE_INFINITY : calendar.day(a.since),
    ),
    events,
  };
}
