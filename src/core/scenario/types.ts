/**
 * The resolved scenario every other module uses: plain numbers, defaults filled in. Units are in the
 * field names; `docs/scenario-format.md` describes each field. `schema.ts` is the source of truth and a
 * compile-time check there keeps these interfaces equal to what it produces.
 */
import type { z } from "zod";
import type { ACTANT_KINDS } from "./actant.js";
import type { ACTOR_KINDS } from "./actor.js";
import type { CROSSING_STATUSES } from "./crossing.js";
import type { hypothesesSchema } from "./hypotheses/index.js";
import type { LINK_MODES } from "./link.js";
import type { NODE_KINDS } from "./node.js";
import type { Resolved } from "./param.js";
import type { PROJECT_KINDS, PROJECT_STATUSES } from "./project.js";

export type NodeKind = (typeof NODE_KINDS)[number];
export type LinkMode = (typeof LINK_MODES)[number];
export type CrossingStatus = (typeof CROSSING_STATUSES)[number];

export interface ScenarioNode {
  id: string;
  name: string;
  kind: NodeKind;
  /** ISO 3166-1 alpha-2. */
  country: string;
  lon: number;
  lat: number;
  /** Demand zone: flows may start or end here. */
  zone: boolean;
  /** Routes may not pass through (zones only). */
  noThrough: boolean;
}

export interface ScenarioLink {
  id: string;
  from: string;
  to: string;
  mode: LinkMode;
  lengthKm: number;
  freeFlowHours: number;
  /** Per direction. */
  capacityVehPerDay: number;
  bprB: number;
  bprPower: number;
  feeUsd: number;
  /** Security zone. */
  zone?: string;
  /** true: two directed links (from→to, to→from), each with the full capacity. */
  bidirectional: boolean;
  /** Id of the project that builds this link: absent from the network until the project operates. */
  project?: string;
}

export interface ScenarioCrossing {
  id: string;
  name: string;
  from: string;
  to: string;
  status: CrossingStatus;
  /** Present exactly when status is "restricted". */
  hoursOpenPerDay?: number;
  /** Processing capacity per direction when open all day. */
  capacityVehPerDay: number;
  /** Free-flow time of the crossing link. */
  processingHours: number;
  feeUsd: number;
  mode: LinkMode;
  bprB: number;
  bprPower: number;
  zone?: string;
  bidirectional: boolean;
  /** Id of the project that builds this crossing: absent from the network until the project operates. */
  project?: string;
}

export interface ScenarioDemand {
  origin: string;
  destination: string;
  vehiclesPerDay: number;
  valueUsdPerVehicle: number;
  perishable: boolean;
  /** Fraction per year, compounded. */
  growthPerYear: number;
  /** Actor whose trade this is (for dependence, coercion and costs). */
  owner?: string;
  /**
   * Cost per vehicle above which the trip is not made that day (the "no trip" option of elastic demand),
   * USD/vehicle. Default: 25 % of valueUsdPerVehicle (see docs/ODD.md).
   */
  reservationCostUsd?: number;
  /** Actor whose transit regime this trade depends on: while it suspends transit for the owner, the trade may not cross its territory. */
  transitVia?: string;
  /** Share of the cargo's value a transit fee applies to (goods on or off the fee's list); entries differing in it route apart. Default 1. */
  transitFeeExposure?: number;
}

export interface GeneralizedCost {
  valueOfTimeUsdPerHour: number;
  costPerKmUsd: number;
}

export type ActorKind = (typeof ACTOR_KINDS)[number];
export type ActantKind = (typeof ACTANT_KINDS)[number];
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** A security zone: where incidents happen, with a self-exciting (Hawkes) rate. */
export interface ScenarioZone {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 of the territory the zone lies in. */
  country: string;
  /** Hawkes baseline μ, incidents/day. */
  baselinePerDay: number;
  /** Hawkes jump α: intensity added by each incident, per day. */
  excitationPerDay: number;
  /** Hawkes decay β, per day; branching ratio α/β must be < 1. */
  decayPerDay: number;
  /** Cross-border sanctuary: the neighbouring actor whose enforcement effort shrinks part of the baseline. */
  sanctuary?: {
    /** Actor (a state) hosting the sanctuary. */
    actor: string;
    /** Share of the baseline the sanctuary sustains, in [0, 1]; enforcement e removes share·e of it. */
    share: number;
  };
  /** Actor (armed group) behind the incidents, for attribution and the event log. */
  perpetrator?: string;
  /** Fatalities per incident ~ floor(Lomax(scale, shape)) (heavy tailed; mean scale/(shape−1) when shape > 1). */
  fatalityShape: number;
  fatalityScale: number;
  /** An incident with at least this many fatalities is major (it drives the escalation ladder). */
  majorFatalities: number;
  /** Probability that an incident damages a link or crossing in the zone, in [0, 1]. */
  linkHitProbability: number;
  /** Share of a damaged link's capacity lost, in [0, 1]. */
  damageShare: number;
  /** Days a damaged link stays damaged. */
  damageDays: number;
}

/** A non-human actor on a crossing or in a zone: fence, biometric check, scanner, document regime. */
export interface ScenarioActant {
  id: string;
  name: string;
  kind: ActantKind;
  /** Id of the crossing or zone it stands at. Interdiction at a crossing acts on the crossing's zone. */
  at: string;
  /** Date it takes effect, YYYY-MM-DD; default: the start. */
  since?: string;
  /** Share built or in force, in [0, 1] (a fence's completion); scales interdiction and detection. */
  completion: number;
  /** Share of the zone's incident baseline it prevents when complete, in [0, 1]. */
  interdiction: number;
  /** Share of incidents it lets be verified when complete, in [0, 1]: a monitor of strength m in v = 1 − (1−v₀)Π(1−m). */
  detection: number;
  /** Processing time it adds at its crossing, hours per vehicle (may be negative for a faster regime). */
  processingHoursAdded: number;
  /** Multiplies its crossing's processing capacity (> 0). */
  capacityFactor: number;
  /** Actor that pays for it. */
  owner?: string;
  /** Running cost booked to the owner, USD/day. */
  costUsdPerDay: number;
}

export interface ScenarioActor {
  id: string;
  name: string;
  kind: ActorKind;
  /** ISO 3166-1 alpha-2 of its territory (states). Trade crossing this territory depends on it. */
  country?: string;
  /** Days it waits for coercion to work before judging it (its patience). */
  patienceDays: number;
  /** Effort against armed groups using its territory as a sanctuary at the start, in [0, 1]. */
  enforcement: number;
  /** As an outside monitor: strength m in [0, 1] added to verification while it monitors. */
  monitorStrength: number;
  /** Cost to it of complying with a coercive demand, USD (K in the compliance model). */
  complianceCostUsd: number;
  /** Id of the policy it follows unless a run picks another of its policies. */
  policy?: string;
}

export interface ScenarioStage {
  name: string;
  description: string;
  /** Benchmark to enter this stage: a condition, optionally `… for N days`. */
  enter: string;
  /** Condition that sends the actor back one stage. */
  exit?: string;
  /** Actions on entering, e.g. "open(torkham)". */
  actions: string[];
  /** Actions on falling back out of the stage. */
  exitActions: string[];
}

/** A named policy of one actor: rules and an optional staged programme. */
export interface ScenarioPolicy {
  id: string;
  actor: string;
  /** Plain-language description shown in comparisons. */
  description: string;
  /** `when <condition> [for N days] then <action>; <action>`. */
  rules: string[];
  programme?: { stages: ScenarioStage[] };
}

/** Initial relations of a pair of actors (states). */
export interface ScenarioRelation {
  a: string;
  b: string;
  /** Directed trust of a in b, and of b in a, in [0, 1]. */
  trustAB: number;
  trustBA: number;
  /** Escalation rung at the start. */
  ladder: "normal" | "tension" | "strikes" | "clashes" | "ceasefire";
  /** Base probability v₀ that an act between the pair is verified, in [0, 1]. */
  verification: number;
  /** Actors that may mediate between the pair. */
  mediators: string[];
}

/** A project: announced with a declared capacity, built when its condition holds, then operating. */
export interface ScenarioProject {
  id: string;
  name: string;
  kind: ProjectKind;
  /** Date announced, YYYY-MM-DD (may be before the start). */
  announced: string;
  /** Capacity as declared in the announcement, in `capacityUnit`. */
  declaredCapacity: number;
  /** e.g. "vehicles/day", "MW", "bcm/year". */
  capacityUnit: string;
  /** Status at the start. */
  status: ProjectStatus;
  /** Condition (policy language) that must hold for building to start; default always. */
  condition?: string;
  /** Days from the start of building to operation. */
  constructionDays: number;
  /** Days already built at the start (status building). */
  builtDays: number;
  /** Actors behind it (their costs and announcements). */
  sponsors: string[];
}

/** A programme of returns (deportations) running over a period. */
export interface ScenarioReturns {
  id: string;
  /** Actor sending people back, and the actor receiving them. */
  from: string;
  to: string;
  start: string;
  end?: string;
  peoplePerDay: number;
}

/** Something that happened on a date, forced in a hindcast: actions, an attack, or both. */
export interface ScenarioForcedEvent {
  date: string;
  /** Actor taking the actions (the log names it). */
  actor?: string;
  /** Actions in the policy language, e.g. "close(torkham)". */
  actions: string[];
  /** An attack in a zone with a given toll. */
  incident?: { zone: string; fatalities: number; attributedTo?: string };
  /** What happened, in words, and where it is reported. */
  note: string;
  source?: string;
}

/** Parameters of the mechanisms; every field has a documented default (docs/ODD.md). */
export interface ModelParams {
  trust: { etaUp: number; etaDown: number; relaxPerDay: number; baseline: number };
  escalation: {
    retaliationTrust: number;
    calmDays: number;
    holdDays: number;
    hazard0: number;
    hazardExponent: number;
  };
  mediation: {
    /** Daily probability that an available mediator intervenes while a pair is at strikes or clashes. */
    interventionPerDay: number;
    /** Days a mediator monitors after intervening or being invited. */
    monitorDays: number;
  };
  cbm: { days: number; honourBase: number };
  riskPremium: {
    /** Half-life of traders' memory of closures and damage, days. */
    halfLifeDays: number;
    /** Expected wait when a closure hits, days (turns a closure probability into USD). */
    delayDays: number;
  };
  queue: {
    /** Share of a closed crossing's previous flow that keeps arriving and waits. */
    joinShare: number;
    /** Vehicles give up (and perishables are lost) after this many days. */
    maxWaitDays: number;
    /** Share of perishable value lost per day of waiting. */
    spoilagePerDay: number;
  };
  overload: { tolerance: number; days: number; failureDays: number };
  coercion: {
    /** Extra cost of the alternative route as a share of the value moved (switching premium). */
    alternativePremium: number;
    steepness: number;
    /** Enforcement added by complying, in [0, 1]. */
    enforcementGain: number;
  };
  adaptation: {
    /** USD the defiant target invests in alternative routes. */
    defianceInvestmentUsd: number;
    /** Processing capacity added per million USD invested, vehicles/day. */
    vehiclesPerDayPerMillionUsd: number;
    /** Days from investment to capacity. */
    constructionDays: number;
  };
  returns: { humanitarianCostUsdPerPerson: number; peoplePerHostileAct: number };
  routing: {
    /** Relative gap of each daily re-equilibration. */
    gap: number;
    /** Re-equilibrate only when some link cost input moved by more than this share. */
    changeThreshold: number;
  };
}

/**
 * The hypotheses switched on, by key (src/core/scenario/hypotheses/): each with its strength, claim and
 * its mechanism's parameters. A key left out is off, as is strength 0.
 */
export type ScenarioHypotheses = Resolved<z.output<typeof hypothesesSchema>>;

export interface Scenario {
  $schema?: string;
  /** Base scenario file this one starts from (resolved by the file loader, relative to this file). */
  extends?: string;
  name: string;
  description: string;
  /** YYYY-MM-DD. */
  start?: string;
  /** Last day a run simulates (inclusive), after start; a command-line day count overrides it. */
  end?: string;
  generalizedCost: GeneralizedCost;
  nodes: ScenarioNode[];
  links: ScenarioLink[];
  crossings: ScenarioCrossing[];
  demand: ScenarioDemand[];
  zones: ScenarioZone[];
  actants: ScenarioActant[];
  actors: ScenarioActor[];
  policies: ScenarioPolicy[];
  relations: ScenarioRelation[];
  projects: ScenarioProject[];
  returns: ScenarioReturns[];
  /** Named numbers that policy text refers to by name (see levers.ts). */
  levers: Record<string, number>;
  events: ScenarioForcedEvent[];
  model: ModelParams;
  hypotheses: ScenarioHypotheses;
}
