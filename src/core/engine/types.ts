/**
 * What a run takes and gives back. The CLI, the file writers and the web app read only these types.
 */
import type { Scenario } from "../scenario/types.js";
import type { SimEvent } from "./events.js";

export interface SimulationOptions {
  /** Fixes every random draw of the run. Default 1. */
  seed?: number;
  /** Index of the run within an experiment; runs with the same seed and different indices differ. Default 0. */
  run?: number;
  /** Days to simulate. Default: 3,650 (ten years). */
  days?: number;
  /** Start date YYYY-MM-DD; default the scenario's `start`, else 2025-01-01. */
  start?: string;
  /** Policy ids to follow instead of the actors' defaults (each replaces its actor's policy). */
  policies?: string[];
  /** Called after each simulated day (for progress bars); keep it cheap. */
  onDay?: (day: number, days: number) => void;
  /** Keep every set of link flows the run used, with the day it began (`flows.changes`). Default false. */
  recordFlows?: boolean;
  /**
   * Keep the event log in the result (`events`). Default true. With false the events are still
   * numbered, and the run is the same, but none is kept: an exploration reads only outcomes.
   */
  keepEvents?: boolean;
  /**
   * Daily series to keep in the result (`series.columns`), by column name. Default: every column. Columns
   * not asked for are not recorded, unless the outcomes are computed from them; an unknown name is an error.
   */
  keepSeries?: readonly string[];
}

/** Daily series in columns: `values[name][day]`. Column names are stable and documented (docs/outputs.md). */
export interface Series {
  days: number;
  dates: string[];
  /** Column names in output order. */
  columns: string[];
  values: Record<string, Float64Array>;
}

export interface CrossingOutcome {
  id: string;
  name: string;
  /** Mean vehicles/day over the run, both directions. */
  meanFlow: number;
  closedDays: number;
  restrictedDays: number;
  /** Largest number of vehicles waiting at once. */
  maxQueue: number;
}

export interface ZoneOutcome {
  id: string;
  incidents: number;
  fatalities: number;
  /** Incidents that damaged a link. */
  linkHits: number;
}

export interface PairOutcome {
  a: string;
  b: string;
  trustABStart: number;
  trustABEnd: number;
  trustBAStart: number;
  trustBAEnd: number;
  /** Mean of the daily trust over the final window (`Outcomes.finalWindowDays`). */
  trustABFinal: number;
  trustBAFinal: number;
  /** Trust averaged over the days of the run (each direction). */
  trustABMean: number;
  trustBAMean: number;
  /** Days spent on each rung of the ladder. */
  daysPerRung: Record<string, number>;
  /** Escalation cycles (episodes that left normal and came back), see metrics/escalation-cycles. */
  escalationCycles: number;
  ceasefires: number;
  ceasefiresFailed: number;
}

export interface DependenceOutcome {
  /** Actor whose trade it is, and the transit actor it depends on. */
  actor: string;
  on: string;
  start: number;
  end: number;
  /** Mean of the daily dependence over the final window (`Outcomes.finalWindowDays`). */
  final: number;
  /** With every built crossing open and no transit suspended (the open-network reference). */
  open: number;
}

export interface ConcentrationOutcome {
  actor: string;
  /** Herfindahl index of the actor's trade value over its border crossings, start and end. */
  herfindahlStart: number;
  herfindahlEnd: number;
  /** Mean of the daily index over the final window (`Outcomes.finalWindowDays`). */
  herfindahlFinal: number;
}

export interface ActorAccount {
  actor: string;
  /** Trade value owned by the actor that was served, lost (unserved) and spoiled, USD. */
  tradeServedUsd: number;
  tradeUnservedUsd: number;
  tradeSpoiledUsd: number;
  /** Crossing fees collected on its side, USD. */
  feesUsd: number;
  /** Running costs of its actants, USD. */
  securityCostUsd: number;
  /** Humanitarian cost of returns it received, USD. */
  humanitarianCostUsd: number;
  /** People it sent back and received. */
  peopleReturned: number;
  peopleReceived: number;
}

export interface ShockOutcome {
  start: number;
  date: string;
  /** Lowest performance (served value relative to the no-shock baseline, %). */
  minimum: number;
  /** Days until performance was back to the threshold; undefined if it never was. */
  recoveryDays?: number;
  /** Resilience loss area, %-days. */
  lossArea: number;
}

export interface ProjectOutcome {
  id: string;
  name: string;
  declaredCapacity: number;
  capacityUnit: string;
  announced: string;
  /** Date building started and it began operating, if it did within the run. */
  buildingFrom?: string;
  operatingFrom?: string;
  statusEnd: string;
}

/** CAREC CPMM-style indicators (INDICATORS.md): exploratory model output, comparable in unit and definition. */
export interface Indicators {
  /** TFI1/TFI2 per crossing and direction, averaged over the vehicles that crossed. */
  borderCrossings: {
    crossing: string;
    /** Node ids of the direction, e.g. the Pakistani side to the Afghan side. */
    from: string;
    to: string;
    vehicles: number;
    /** TFI1: hours to clear the crossing (processing and congestion), without queue waits. */
    hours: number;
    /** TFI1 including the mean wait of vehicles caught in closure queues (both directions together). */
    hoursWithQueues: number;
    /** TFI2: fee per vehicle, USD. */
    costUsd: number;
  }[];
  /** Speed on each trade route (demand pair), flow-weighted over the run. */
  routes: {
    origin: string;
    destination: string;
    vehicles: number;
    distanceKm: number;
    /** SWOD: distance / moving time, km/h. */
    speedWithoutDelayKmh: number | null;
    /** SWD: distance / (moving time + border time), km/h. */
    speedWithDelayKmh: number | null;
    /** Hours at crossings per vehicle. */
    borderHours: number;
  }[];
}

/** What one active mechanism contributed over the run (docs/outputs.md, "Mechanisms"). */
export interface MechanismOutcome {
  /** Hypothesis key, e.g. "opennessRisk". */
  hypothesis: string;
  title: string;
  strength: number;
  claim: string;
  /** Its declared contributions (e.g. `incidents`: expected incidents it caused), by name. */
  contributions: Record<string, number>;
}

export interface CoercionEpisodeOutcome {
  /** Review date. */
  date: string;
  coercer: string;
  target: string;
  /** Dependence before day 0 (every crossing open) or at the start, and the one the switching cost used. */
  dependenceAtStart: number;
  dependenceUsed: number;
  /** C (trade lost plus returns' cost), C_u (returns' cost), S = d·V·r, L. */
  costImposedUsd: number;
  returnsCostUsd: number;
  switchingCostUsd: number;
  leverageUsd: number;
  complianceProbability: number;
}

export interface Outcomes {
  scenario: string;
  seed: number;
  run: number;
  days: number;
  start: string;
  end: string;
  policies: Record<string, string>;
  /**
   * Days at the end of the run over which the `…Final` means are taken: the last 365 days, or the
   * whole run when it is shorter.
   */
  finalWindowDays: number;
  trade: {
    servedUsd: number;
    unservedUsd: number;
    spoiledUsd: number;
    /** servedUsd / potential value of all demand. */
    servedShare: number;
    /** Vehicles that waited at a closed crossing, and the most waiting at once. */
    vehiclesQueued: number;
  };
  crossings: CrossingOutcome[];
  zones: ZoneOutcome[];
  incidents: number;
  fatalities: number;
  pairs: PairOutcome[];
  dependence: DependenceOutcome[];
  concentration: ConcentrationOutcome[];
  coercion: {
    attempts: number;
    complied: number;
    defied: number;
    complianceRate: number | null;
    /** Every reviewed episode: the dependence and costs behind its leverage L and compliance probability. */
    episodes: CoercionEpisodeOutcome[];
  };
  resilience: {
    /**
     * The reference performance is measured against: the served share of potential trade value on
     * day 0 with every built crossing open and no transit suspended (the scenario's open-network
     * equilibrium), the same for every policy of a scenario.
     */
    reference: "open-network";
    referenceServedShare: number;
    shocks: ShockOutcome[];
    totalLossArea: number;
    meanRecoveryDays: number | null;
    unrecovered: number;
  };
  connectivity: {
    /** Projects announced by the end, and those operating. */
    declared: number;
    operational: number;
    /** 1 − operational/declared (0 when nothing is declared). */
    gap: number;
    /** Announcements per project brought into operation (Infinity when none operates). */
    announcementsPerOperational: number | null;
    projects: ProjectOutcome[];
  };
  actors: ActorAccount[];
  peopleReturned: number;
  indicators: Indicators;
  /** The mechanisms of the hypotheses switched on (strength ≠ 0), with their contributions. */
  mechanisms: MechanismOutcome[];
  /**
   * Expected incidents by source of the daily baseline, Σ_days Σ_zones term·Π(1 − interdiction)/(1 − n):
   * the zones' own baselines (at the day's enforcement) and each mechanism's added terms.
   */
  expectedIncidents: { baseline: number; byMechanism: Record<string, number> };
}

/** Mean flow per directed network link over the run, for maps. */
export interface LinkFlows {
  /** Scenario element id, direction, and mean vehicles/day. */
  links: { id: string; kind: "link" | "crossing"; from: string; to: string; meanFlow: number }[];
  /**
   * With `recordFlows`: the flows of each day, stored as the days they change. Entry k holds from
   * day `day` until the next entry's day; `flow[i]` is vehicles/day on `links[i]`. Flows change only
   * when the assignment is re-solved, so there are as many entries as solves, not days.
   */
  changes?: { day: number; flow: Float64Array }[];
}

export interface SimulationResult {
  scenario: Scenario;
  outcomes: Outcomes;
  series: Series;
  events: SimEvent[];
  flows: LinkFlows;
}
