/**
 * The resolved scenario every other module uses: plain numbers, defaults filled in. Units are in the
 * field names; `docs/scenario-format.md` describes each field. `schema.ts` is the source of truth and a
 * compile-time check below keeps these interfaces equal to what it produces.
 */
import type { CROSSING_STATUSES } from "./crossing.js";
import type { LINK_MODES } from "./link.js";
import type { NODE_KINDS } from "./node.js";
import type { Resolved } from "./param.js";
import type { ScenarioParsed } from "./schema.js";

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
}

export interface ScenarioDemand {
  origin: string;
  destination: string;
  vehiclesPerDay: number;
  valueUsdPerVehicle: number;
  perishable: boolean;
  /** Fraction per year, compounded. */
  growthPerYear: number;
  owner?: string;
}

export interface GeneralizedCost {
  valueOfTimeUsdPerHour: number;
  costPerKmUsd: number;
}

export interface Scenario {
  $schema?: string;
  name: string;
  description: string;
  /** YYYY-MM-DD. */
  start?: string;
  generalizedCost: GeneralizedCost;
  nodes: ScenarioNode[];
  links: ScenarioLink[];
  crossings: ScenarioCrossing[];
  demand: ScenarioDemand[];
}

// Compile-time check that the interfaces above match the schema exactly.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Simplify<T> = T extends readonly (infer U)[]
  ? Simplify<U>[]
  : T extends object
    ? { [K in keyof T]: Simplify<T[K]> }
    : T;
const schemaMatchesTypes: Equal<Simplify<Resolved<ScenarioParsed>>, Simplify<Scenario>> = true;
void schemaMatchesTypes;
