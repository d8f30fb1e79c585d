/**
 * The state of a run and the small operations every step shares (acts, statuses, histories). Steps in
 * `steps/` read and write it in the fixed daily order of `simulate.ts`.
 */
import { GradientProjectionAssigner } from "../assignment/index.js";
import { initialLadderState, type LadderState, RUNGS, type Rung } from "../diplomacy/index.js";
import type { ActKind } from "../diplomacy/trust.js";
import type { ProgrammeState } from "../policy-language/index.js";
import { INITIAL_PROGRAMME_STATE } from "../policy-language/index.js";
import type { Random, Streams } from "../random/index.js";
import { createHawkesState, type HawkesState } from "../security/index.js";
import { EventLog, type LateEvent, type NewEvent } from "./events.js";
import { IndicatorTotals } from "./indicator-totals.js";
import type { Model } from "./model.js";

export const CROSSING_OPEN = 0;
export const CROSSING_CLOSED = 1;
export const CROSSING_RESTRICTED = 2;

export type ProjectPhase = "unannounced" | "announced" | "building" | "operational" | "stalled";

/** A cumulative daily history: `sum(end, days)` is the total over the `days` days before `end`. */
export class History {
  readonly cumulative: Float64Array;
  constructor(days: number) {
    this.cumulative = new Float64Array(days + 1);
  }
  set(day: number, value: number): void {
    this.cumulative[day + 1] = this.cumulative[day]! + value;
  }
  /** Total over days [end − days, end), clipped at day 0. */
  sum(end: number, days: number): number {
    const from = Math.max(0, end - days);
    return this.cumulative[end]! - this.cumulative[from]!;
  }
}

export interface Relation {
  a: number;
  b: number;
  ladder: LadderState;
  verification: number;
  mediators: number[];
  /** Monitor actor → last day it monitors. */
  monitors: Map<number, number>;
  /** The last day any monitor watches (the largest value in `monitors`, -1 for none): no monitor after it. */
  monitoredUntil: number;
  /** Major incidents attributed today between the pair. */
  attributedToday: number;
  mediatedToday: boolean;
  /** Days spent per rung. */
  daysPerRung: Float64Array;
  rungHistory: number[];
  ceasefires: number;
  ceasefiresFailed: number;
  /** Its stream "ceasefire/<a>-<b>", looked up on first use. */
  ceasefireStream?: Random;
}

export interface Cbm {
  proposer: number;
  to: number;
  endDay: number;
  cause: number;
}

export interface CoercionEpisode {
  coercer: number;
  target: number;
  startDay: number;
  reviewDay: number;
  dependenceAtStart: number;
  /** Target's lost value per day before the episode, subtracted from what it loses during it. */
  lossBefore: number;
  costImposed: number;
  /** Part of costImposed no rerouting avoids (humanitarian cost of returns). */
  unavoidableCost: number;
  routedValue: number;
  cause: number;
}

export interface Queue {
  /** Vehicles waiting, by day of arrival (ring of maxWaitDays cohorts); value of each cohort. */
  cohorts: Float64Array;
  cohortValue: Float64Array;
  cohortPerishable: Float64Array;
  /** Flow (both directions) on the last open day, and its value per vehicle and perishable share. */
  preFlow: number;
  valuePerVehicle: number;
  perishableShare: number;
  /** Owner shares of the vehicles, and of the perishable value, through the crossing on its last open day. */
  owners: Float64Array;
  perishableOwners: Float64Array;
  /** Vehicles of each demand pair through the crossing on its last open day: who can get caught. */
  pairVehicles: Float64Array;
  /** Equilibrium and month the above were read from (they change with nothing else). */
  preparedKey: number;
  /** Vehicles that arrive and wait each day while the crossing stays closed (set by routing). */
  arrivalsToday: number;
  head: number;
  waiting: number;
  maxWaiting: number;
}

export interface LeverageRecord {
  day: number;
  coercer: number;
  target: number;
  dependenceAtStart: number;
  /** Dependence the switching cost used (current-leverage blends in today's). */
  dependence: number;
  costImposed: number;
  unavoidableCost: number;
  switchingCost: number;
  leverage: number;
  probability: number;
}

/** A verified or unverified act of one actor towards another, waiting for the diplomacy step. */
export interface Act {
  from: number;
  to: number;
  kind: ActKind;
  cause: number;
  what: string;
  /** Already decided as verified (e.g. an attributed incident): skip the verification draw. */
  verified?: boolean;
  /** Not logged (minor incidents, which the series count). */
  quiet?: boolean;
}

/** An actant in force today, with the zone (and crossing, or −1) it acts on. */
export interface ActiveActant {
  index: number;
  zone: number;
  crossing: number;
  /** Actor paying for it, or -1 when it names none. */
  owner: number;
  interdiction: number;
  detection: number;
  completion: number;
}

/** Closed today by its status or by an overload failure (unbuilt crossings are not closures). */
export function crossingClosed(world: World, crossing: number, element: number): boolean {
  return world.crossingStatus[crossing] === CROSSING_CLOSED || world.failedUntil[element]! >= world.day;
}

/** The state of a run on day 0, everything sized and set from the compiled model: the one way to build a World. */
export function createWorld(model: Model, streams: Streams, options: WorldOptions = {}): World {
  return new World(model, streams, options);
}

export interface WorldOptions {
  /** Keep the events logged (default true); without, they are only numbered. */
  keepEvents?: boolean;
}

export class World {
  readonly log: EventLog;
  day = 0;
  readonly streams: Streams;
  // Crossings (by scenario crossing index).
  readonly crossingStatus: Uint8Array;
  readonly crossingHours: Float64Array;
  readonly capacityOverride: Float64Array;
  readonly processingOverride: Float64Array;
  // Elements (scenario links and crossings).
  readonly damagedUntil: Int32Array;
  readonly damageShare: Float64Array;
  readonly failedUntil: Int32Array;
  readonly addedCapacity: Float64Array;
  readonly risk: Float64Array;
  /** The part of `risk` learned from attacks (tradeRisk.perAttack > 0). */
  readonly riskFromAttacks: Float64Array;
  /** USD per vehicle cut from an element's cost by diversification investments. */
  readonly costReduction: Float64Array;
  readonly pendingCapacity: {
    day: number;
    element: number;
    vehiclesPerDay: number;
    /** USD per vehicle cut from the element's cost (diversification), 0 or absent otherwise. */
    costReductionUsd?: number;
    cause: number;
  }[] = [];
  /** What the last scan of pendingCapacity saw: its length and the earliest day still to come. */
  readonly pendingScan = { length: 0, next: Number.NEGATIVE_INFINITY };
  // Network links.
  readonly overloadStreak: Int32Array;
  /** Bumped whenever the network step writes a link's capacity, cost or closure. */
  linkVersion = 0;
  /** What the last overload check saw: the flows, the link version and whether any link was over. */
  readonly overloadScan: { flows: Float64Array | undefined; version: number; anyOver: boolean } = {
    flows: undefined,
    version: -1,
    anyOver: true,
  };
  /** Vehicles queued above capacity on each network link, and the toll traders price for the wait (congestionQueues). */
  readonly backlog: Float64Array;
  readonly queueToll: Float64Array;
  /** Vehicle-weighted mean value of a vehicle's cargo at the start, USD (prices queue delay). */
  readonly meanValuePerVehicle: number;
  // Zones.
  readonly hawkes: HawkesState[];
  readonly incidentsToday: Float64Array;
  readonly fatalitiesToday: Float64Array;
  readonly linkHitsTotal: Float64Array;
  readonly incidents: History[];
  readonly fatalities: History[];
  // Crossing histories.
  readonly closedHistory: History[];
  readonly restrictedDays: Float64Array;
  readonly flowHistory: History[];
  /** Vehicles/day through each crossing today, both directions (set by the economy step). */
  readonly crossingFlow: Float64Array;
  // Actors.
  readonly enforcement: Float64Array;
  readonly trust: Float64Array;
  readonly relations: Relation[];
  /** Index of the relation between actors a and b at a·n + b (either order), −1 when there is none. */
  readonly relationIndex: Int32Array;
  readonly programmeState: ProgrammeState[];
  readonly ruleStreaks: Int32Array[];
  readonly transitSuspended: Uint8Array;
  /** Transit origin centroid → the state barring it (−1 none), as last given to the solver. */
  readonly transitBlock = new Map<number, number>();
  /**
   * Ad-valorem fee (share of cargo value) a transit state charges an owner's transit trade, by
   * transit state × owner (`transit_fee`): processing fees, guarantees, listed goods priced out.
   */
  readonly transitFee: Float64Array;
  /** Transit origin centroid → the fee share last given to the solver as its surcharge. */
  readonly transitSurcharge = new Map<number, number>();
  readonly territoryMasks = new Map<number, Uint8Array>();
  readonly deportRate: Float64Array;
  /** Scratch: today's return rates, programmes and actions together. */
  readonly returnRate: Float64Array;
  readonly cbms: Cbm[] = [];
  readonly episodes: CoercionEpisode[] = [];
  /** Each reviewed episode's leverage (outcomes.coercion.episodes). */
  readonly leverageLog: LeverageRecord[] = [];
  readonly acts: Act[] = [];
  private readonly zoneStreamCache: ReturnType<World["zoneStreams"]>[] = [];
  /** People returned so far from one actor to another (key from·n + to). */
  readonly returnedBetween = new Map<number, number>();
  /** Actants in force, recomputed once a day. */
  actantCache: { day: number; until: number; list: ActiveActant[] } = {
    day: -1,
    until: -1,
    list: [],
  };
  readonly dependence: Float64Array;
  /** Dependence with every built crossing open, computed once before day 0 (a → s at a·n + s). */
  openDependence!: Float64Array;
  readonly herfindahl: Float64Array;
  /** USD invested by a in routes via s, at a·n + s (neighbourStrategy). */
  readonly diversified: Float64Array;
  // Projects.
  readonly projectPhase: ProjectPhase[];
  readonly projectBuilt: Float64Array;
  readonly projectBuildingDay: Int32Array;
  readonly projectOperatingDay: Int32Array;
  readonly projectAnnouncedDay: Int32Array;
  /** Consecutive days each project's benchmark (its condition) has held; announcements counted. */
  readonly benchmarkStreak: Int32Array;
  readonly announcements: Int32Array;
  // Routing.
  /** Path-based, since route shares, transit bars and fees and the leverage read or set paths. */
  readonly assigner: GradientProjectionAssigner;
  /** Second solver for counterfactual equilibria (current leverage), created on first use. */
  counterfactualAssigner?: GradientProjectionAssigner;
  /** Link flows of the current equilibrium: a new array after each solve, never written in place (the overload check tells equilibria apart by it). */
  flows: Float64Array;
  /** Demand of each pair this month before queued vehicles are withdrawn (vehicles/day). */
  readonly pairDemand: Float64Array;
  /** Today's routed demand: pairDemand less the vehicles committed to closed crossings (scratch of updateDemand). */
  readonly routedDemand: Float64Array;
  /** Served vehicles/day of each demand pair. */
  pairServed: Float64Array;
  /**
   * Each pair's used paths at the last equilibrium, their links views into the solver's store: read
   * them before the next solve of `assigner` (the routing step refreshes them after each).
   */
  pairPaths: import("../assignment/types.js").PairPath[][] = [];
  /** Share of pair k's served flow through scenario crossing c, at `k · crossings + c`. */
  readonly pairCrossingShare: Float64Array;
  pairTerritory: Float64Array;
  dirty = true;
  solves = 0;
  /**
   * Bumped whenever an input of link attributes changes other than an element's own open and damaged
   * state (statuses, overrides, investments, failures, projects, actants): lets the network step skip
   * elements whose attributes cannot have moved.
   */
  networkEpoch = 0;
  lastNetworkEpoch = -1;
  lastActantCount = -1;
  /** Per element, yesterday's open (1) and damaged (2) bits. */
  readonly elementState: Int8Array;
  readonly indicators: IndicatorTotals;
  /** Generalized cost (USD/day) of the trips made at the current equilibrium. */
  transportCost = 0;
  monthApplied = -1;
  readonly queues: Map<number, Queue> = new Map();
  /**
   * Work arrays of the dependence computation, reused from one equilibrium to the next; they hold the
   * current equilibrium's values (USD/day), which the daily series read: `routed[owner]`,
   * `through[owner·na + state]` and, for transit trade only, `transitThrough[owner·na + state]`.
   */
  readonly dependenceScratch: {
    routed: Float64Array;
    through: Float64Array;
    byCrossing: Float64Array;
    transitThrough: Float64Array;
  };
  /** Economy values that change only with the month or a new equilibrium. */
  readonly economyCache: {
    month: number;
    pairs: unknown;
    routesKey: number;
    day: {
      served: number;
      unserved: number;
      potential: number;
      ownerServed: Float64Array;
      ownerUnserved: Float64Array;
    };
    lossBefore: Float64Array;
  };
  // Accounts.
  readonly accounts: {
    served: Float64Array;
    unserved: Float64Array;
    spoiled: Float64Array;
    fees: Float64Array;
    security: Float64Array;
    humanitarian: Float64Array;
    returned: Float64Array;
    received: Float64Array;
  };
  /** Today's trade value lost by each actor (unserved + spoiled), for coercion costs. */
  readonly lossToday: Float64Array;
  readonly routedToday: Float64Array;
  today = { served: 0, unserved: 0, spoiled: 0, potential: 0, queued: 0, returned: 0 };
  totals = { served: 0, unserved: 0, spoiled: 0, potential: 0, queued: 0, returned: 0 };
  coercion = { attempts: 0, complied: 0, defied: 0 };
  /**
   * Terms the mechanisms of the hypotheses set and the steps read; all neutral while no mechanism is
   * active, so the v0 model runs unchanged (docs/ODD.md §7.13).
   */
  readonly modifiers: {
    /** Incidents/day added to each zone's baseline today, before interdiction (reset each day). */
    baselineAdd: Float64Array;
    /** Smallest detection probability of an active monitor (mediator or invited monitor). */
    monitorFloor: number;
    /** Multiplies the trust relaxation rate. */
    relaxFactor: number;
    /** Compliance with coercion adds coercion.enforcementGain to the target's enforcement (the v0 rule). */
    enforcementByCompliance: boolean;
    /** Per relation: multiplies today's ceasefire failure hazard. */
    hazardFactor: Float64Array;
    /** w: weight of the dependence at a coercion review over the day-0 one (currentLeverage). */
    leverageWeight: number;
    /** u: share of returns' cost outside the outside-option cap (currentLeverage). */
    returnsOutsideCap: number;
    /** Disruption one incident in an element's zone adds to traders' risk memory (attacksReachTrade). */
    attackRiskWeight: number;
    /** Days a project's condition must hold before it operates; 0: the old rule (securityBenchmarks). */
    benchmarkDays: number;
  };
  /** Per zone: today's Π(1 − interdiction·completion) of its actants, as used by the baseline. */
  readonly zoneScale: Float64Array;
  /** Acts verified today (diplomacy step), and episodes complied with today (coercion step). */
  readonly verifiedToday: { from: number; to: number; kind: "cooperative" | "hostile" }[] = [];
  readonly compliedToday: { coercer: number; target: number; cause: number }[] = [];
  /** Per crossing: the actor whose action closed it (−1: open, or closed from the start or by no one). */
  readonly closedBy: Int32Array;

  constructor(
    readonly model: Model,
    streams: Streams,
    options: WorldOptions = {},
  ) {
    const s = model.scenario;
    const nc = s.crossings.length;
    const ne = model.elements.length;
    const nz = s.zones.length;
    const na = s.actors.length;
    const days = model.days;
    this.streams = streams;
    this.log = new EventLog((day) => model.calendar.date(day), options.keepEvents ?? true);
    this.crossingStatus = Uint8Array.from(s.crossings, (c) =>
      c.status === "closed"
        ? CROSSING_CLOSED
        : c.status === "restricted"
          ? CROSSING_RESTRICTED
          : CROSSING_OPEN,
    );
    this.crossingHours = Float64Array.from(s.crossings, (c) => c.hoursOpenPerDay ?? 24);
    this.capacityOverride = new Float64Array(nc).fill(Number.NaN);
    this.processingOverride = new Float64Array(nc).fill(Number.NaN);
    this.damagedUntil = new Int32Array(ne).fill(-1);
    this.damageShare = new Float64Array(ne);
    this.failedUntil = new Int32Array(ne).fill(-1);
    this.addedCapacity = new Float64Array(ne);
    this.risk = new Float64Array(ne);
    this.riskFromAttacks = new Float64Array(ne);
    this.costReduction = new Float64Array(ne);
    this.overloadStreak = new Int32Array(model.network.linkCount);
    this.backlog = new Float64Array(model.network.linkCount);
    this.queueToll = new Float64Array(model.network.linkCount);
    let vehicles = 0;
    let value = 0;
    for (const entry of model.entries) {
      vehicles += entry.vehiclesPerDay;
      value += entry.vehiclesPerDay * entry.valueUsd;
    }
    this.meanValuePerVehicle = vehicles > 0 ? value / vehicles : 0;
    this.hawkes = s.zones.map(() => createHawkesState(0));
    this.incidentsToday = new Float64Array(nz);
    this.fatalitiesToday = new Float64Array(nz);
    this.linkHitsTotal = new Float64Array(nz);
    this.incidents = s.zones.map(() => new History(days));
    this.fatalities = s.zones.map(() => new History(days));
    this.closedHistory = s.crossings.map(() => new History(days));
    this.restrictedDays = new Float64Array(nc);
    this.flowHistory = s.crossings.map(() => new History(days));
    this.crossingFlow = new Float64Array(s.crossings.length);
    this.enforcement = Float64Array.from(s.actors, (a) => a.enforcement);
    this.trust = new Float64Array(na * na).fill(s.model.trust.baseline);
    this.relationIndex = new Int32Array(na * na).fill(-1);
    this.relations = s.relations.map((r, i) => {
      const a = model.actorIndex.get(r.a)!;
      const b = model.actorIndex.get(r.b)!;
      this.trust[a * na + b] = r.trustAB;
      this.trust[b * na + a] = r.trustBA;
      this.relationIndex[a * na + b] = i;
      this.relationIndex[b * na + a] = i;
      return {
        a,
        b,
        ladder: initialLadderState(r.ladder as Rung),
        verification: r.verification,
        mediators: r.mediators.map((m) => model.actorIndex.get(m)!),
        monitors: new Map(),
        monitoredUntil: -1,
        attributedToday: 0,
        mediatedToday: false,
        daysPerRung: new Float64Array(RUNGS.length),
        rungHistory: [],
        ceasefires: 0,
        ceasefiresFailed: 0,
      };
    });
    this.programmeState = model.policies.map(() => INITIAL_PROGRAMME_STATE);
    this.ruleStreaks = model.policies.map((p) => new Int32Array(p.rules.length));
    this.transitSuspended = new Uint8Array(na * na);
    this.transitFee = new Float64Array(na * na);
    this.deportRate = new Float64Array(na * na);
    this.returnRate = new Float64Array(na * na);
    this.dependence = new Float64Array(na * na);
    this.economyCache = {
      month: -1,
      pairs: [],
      routesKey: -1,
      day: {
        served: 0,
        unserved: 0,
        potential: 0,
        ownerServed: new Float64Array(na),
        ownerUnserved: new Float64Array(na),
      },
      lossBefore: new Float64Array(na),
    };
    this.dependenceScratch = {
      routed: new Float64Array(na),
      through: new Float64Array(na * na),
      byCrossing: new Float64Array(na * ne),
      transitThrough: new Float64Array(na * na),
    };
    this.herfindahl = new Float64Array(na);
    this.diversified = new Float64Array(na * na);
    this.projectPhase = s.projects.map((p) => {
      if (model.calendar.day(p.announced) > 0) return "unannounced";
      return p.status === "building"
        ? "building"
        : p.status === "operational"
          ? "operational"
          : p.status === "stalled"
            ? "stalled"
            : "announced";
    });
    this.projectBuilt = Float64Array.from(s.projects, (p) => p.builtDays);
    this.benchmarkStreak = new Int32Array(s.projects.length);
    this.announcements = new Int32Array(s.projects.length);
    this.projectBuildingDay = Int32Array.from(s.projects, (p) => (p.status === "building" ? 0 : -1));
    this.projectOperatingDay = Int32Array.from(s.projects, (p) => (p.status === "operational" ? 0 : -1));
    this.projectAnnouncedDay = Int32Array.from(s.projects, (p) =>
      Math.min(0, model.calendar.day(p.announced)),
    );
    this.flows = new Float64Array(model.network.linkCount);
    this.pairServed = new Float64Array(model.demand.pairCount);
    this.pairTerritory = new Float64Array(model.demand.pairCount * na);
    this.accounts = {
      served: new Float64Array(na),
      unserved: new Float64Array(na),
      spoiled: new Float64Array(na),
      fees: new Float64Array(na),
      security: new Float64Array(na),
      humanitarian: new Float64Array(na),
      returned: new Float64Array(na),
      received: new Float64Array(na),
    };
    this.lossToday = new Float64Array(na);
    this.routedToday = new Float64Array(na);
    for (const [i, phase] of this.projectPhase.entries())
      if (phase === "unannounced") this.projectAnnouncedDay[i] = -1;
    this.modifiers = {
      baselineAdd: new Float64Array(nz),
      monitorFloor: 0,
      relaxFactor: 1,
      enforcementByCompliance: true,
      hazardFactor: new Float64Array(s.relations.length).fill(1),
      leverageWeight: 0,
      returnsOutsideCap: 0,
      attackRiskWeight: 0,
      benchmarkDays: 0,
    };
    this.zoneScale = new Float64Array(nz).fill(1);
    this.closedBy = new Int32Array(nc).fill(-1);
    this.assigner = new GradientProjectionAssigner(model.network, model.demand);
    this.elementState = new Int8Array(ne).fill(-1);
    this.pairCrossingShare = new Float64Array(model.demand.pairCount * nc);
    this.pairDemand = new Float64Array(model.demand.pairCount);
    this.routedDemand = new Float64Array(model.demand.pairCount);
    this.indicators = new IndicatorTotals(model.network.linkCount, ne, model.demand.pairCount);
  }

  /** Identifies the current equilibrium and month: what is derived from routes changes with nothing else. */
  routesKey(): number {
    return this.solves * 10_000 + this.monthApplied;
  }

  stream(name: string): Random {
    return this.streams.stream(name);
  }

  /** The named streams of a zone, looked up once (names: incidents/, fatalities/, damage/, attribution/ + id). */
  zoneStreams(zone: number): { incidents: Random; fatalities: Random; damage: Random; attribution: Random } {
    let streams = this.zoneStreamCache[zone];
    if (!streams) {
      const id = this.model.scenario.zones[zone]!.id;
      streams = {
        incidents: this.stream(`incidents/${id}`),
        fatalities: this.stream(`fatalities/${id}`),
        damage: this.stream(`damage/${id}`),
        attribution: this.stream(`attribution/${id}`),
      };
      this.zoneStreamCache[zone] = streams;
    }
    return streams;
  }

  actorId(actor: number): string {
    return actor < 0 ? "(none)" : this.model.scenario.actors[actor]!.id;
  }

  trustOf(a: number, b: number): number {
    return this.trust[a * this.model.scenario.actors.length + b]!;
  }

  setTrust(a: number, b: number, value: number): void {
    this.trust[a * this.model.scenario.actors.length + b] = value;
  }

  relation(a: number, b: number): Relation | undefined {
    const n = this.model.scenario.actors.length;
    if (a < 0 || b < 0 || a >= n || b >= n) return undefined;
    const i = this.relationIndex[a * n + b]!;
    return i < 0 ? undefined : this.relations[i];
  }

  /** The state actor whose territory holds a country's nodes, or -1. */
  stateOf(country: string): number {
    return this.model.stateOfCountry.get(country) ?? -1;
  }

  /** Logs an event today; returns its id (numbered even when the log keeps nothing). */
  record(event: Omit<NewEvent, "day">): number {
    return this.log.add(event, this.day);
  }

  /** Logs today an event built later from three numbers (EventLog.addLater); returns its id. */
  recordLater(build: LateEvent, a: number, b: number, c: number): number {
    return this.log.addLater(this.day, build, a, b, c);
  }

  /** Sets a crossing's status and hours, marking the routing dirty when either changes. */
  setCrossingStatus(crossing: number, status: number, hours = 24): void {
    if (this.crossingStatus[crossing] !== status || this.crossingHours[crossing] !== hours) {
      this.dirty = true;
      this.networkEpoch += 1;
    }
    this.crossingStatus[crossing] = status;
    this.crossingHours[crossing] = hours;
  }

  act(act: Act): void {
    this.acts.push(act);
  }

  /** Is the element part of the network today (built, not closed by status or failure)? */
  elementOpen(element: number): boolean {
    const e = this.model.elements[element]!;
    if (e.project >= 0 && this.projectPhase[e.project] !== "operational") return false;
    if (this.failedUntil[element]! >= this.day) return false;
    const crossing = this.model.elementCrossing[element]!;
    if (crossing >= 0 && this.crossingStatus[crossing] === CROSSING_CLOSED) return false;
    return true;
  }
}
