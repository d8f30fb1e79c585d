/**
 * Plain-words descriptions for error messages: what a schema expects ("a positive number
 * (vehicles/day)"), what was found ("-40", "a list"), and the schema under a path of the data.
 */
import { z } from "zod";
import { isParamForm, type PathKey } from "./param.js";

/** Strips optional, default, prefault, nullable and transform wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (
      s instanceof z.ZodOptional ||
      s instanceof z.ZodNullable ||
      s instanceof z.ZodDefault ||
      s instanceof z.ZodPrefault
    )
      s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else return s;
  }
}

/** The option of a union that `data` was meant for: same type, and for objects the most keys in common. */
function pickOption(union: z.ZodUnion, data: unknown): z.ZodType | undefined {
  const options = (union.options as readonly z.ZodType[]).map(unwrap);
  if (data !== null && typeof data === "object" && !Array.isArray(data)) {
    const keys = Object.keys(data);
    let best: z.ZodType | undefined;
    let bestScore = -1;
    for (const option of options) {
      if (!(option instanceof z.ZodObject)) continue;
      const score = keys.filter((k) => k in option.shape).length;
      if (score > bestScore) [best, bestScore] = [option, score];
    }
    return best;
  }
  const kind = Array.isArray(data) ? "array" : typeof data;
  return options.find((o) => o.type === kind || (kind === "array" && o.type === "tuple"));
}

/** Schema that describes the value at `path` of `data` (unions are left unresolved at the end of the path). */
export function schemaAt(root: z.ZodType, path: readonly PathKey[], data: unknown): z.ZodType | undefined {
  let schema: z.ZodType | undefined = unwrap(root);
  let value = data;
  for (const key of path) {
    if (schema instanceof z.ZodUnion) schema = pickOption(schema, value);
    if (schema instanceof z.ZodObject && typeof key === "string")
      schema = schema.shape[key] as z.ZodType | undefined;
    else if (schema instanceof z.ZodArray && typeof key === "number") schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodTuple && typeof key === "number")
      schema = schema.def.items[key] as z.ZodType;
    else return undefined;
    if (schema === undefined) return undefined;
    schema = unwrap(schema);
    value = childOf(value, key);
  }
  return schema;
}

/** Field names of the object schema meant for `data`, for "did you mean" suggestions. */
export function objectKeys(schema: z.ZodType | undefined, data: unknown): string[] {
  let s = schema && unwrap(schema);
  if (s instanceof z.ZodUnion) s = pickOption(s, data);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function childOf(value: unknown, key: PathKey): unknown {
  if (value === null || typeof value !== "object") return undefined;
  return (value as Record<PathKey, unknown>)[key];
}

/** Value at `path`, and whether it is there at all. */
export function valueAt(data: unknown, path: readonly PathKey[]): { present: boolean; value: unknown } {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== "object" || !(key in value))
      return { present: false, value: undefined };
    value = (value as Record<PathKey, unknown>)[key];
  }
  return { present: true, value };
}

/** Units read from field names, first match wins (so `vehiclesPerDayPerMillionUsd` is not taken for USD). */
const UNITS: readonly [RegExp, string][] = [
  [/^(lon|lat)$/, "degrees"],
  [/UsdPerHour$/, "USD/hour"],
  [/UsdPerVehicle$/, "USD/vehicle"],
  [/UsdPerDay$/, "USD/day"],
  [/UsdPerPerson$/, "USD/person"],
  [/PerKmUsd$/, "USD/km"],
  [/PerMillionUsd$/, "vehicles/day per million USD"],
  [/(Veh|vehicles)PerDay$/, "vehicles/day"],
  [/^hours\w*PerDay$/, "hours/day"],
  [/^peoplePerDay$/, "people/day"],
  [/^(baseline|excitation)PerDay$/, "incidents/day"],
  [/PerDay$/, "per day"],
  [/PerYear$/, "fraction per year"],
  [/Usd$/, "USD"],
  [/Km$/, "km"],
  [/Hours(Added)?$/, "hours"],
  [/(^d|D)ays$/, "days"],
  [/^(f|majorF)atalities$/, "people"],
];

/** Unit of the field a path points into, read from the field name (units are part of the names). */
export function unitOf(path: readonly PathKey[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key !== "string" || key === "value" || key === "range") continue;
    return UNITS.find(([pattern]) => pattern.test(key))?.[1];
  }
  return undefined;
}

const SAFE = Number.MAX_SAFE_INTEGER;

function describeNumber(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema) as Record<string, unknown>;
  const noun = json["type"] === "integer" ? "a whole number" : "a number";
  const bound = (incl: unknown, excl: unknown) =>
    typeof incl === "number" && Math.abs(incl) < SAFE
      ? { v: incl, strict: false }
      : typeof excl === "number"
        ? { v: excl, strict: true }
        : undefined;
  const lo = bound(json["minimum"], json["exclusiveMinimum"]);
  const hi = bound(json["maximum"], json["exclusiveMaximum"]);
  const low = lo ? (lo.strict ? `> ${lo.v}` : `≥ ${lo.v}`) : "";
  const high = hi ? (hi.strict ? `< ${hi.v}` : `≤ ${hi.v}`) : "";
  const positive = lo?.v === 0 && lo.strict;
  if (lo && hi && !lo.strict && !hi.strict) return `${noun} from ${lo.v} to ${hi.v}`;
  if (positive) return hi ? `a positive number ${high}` : "a positive number";
  if (lo && hi) return `${noun} ${low} and ${high}`;
  if (lo || hi) return `${noun} ${low || high}`;
  return noun;
}

export interface DescribeOptions {
  /** List the object forms of a numeric parameter too. */
  forms?: boolean;
  /** Unit written after numbers, e.g. "km". */
  unit?: string | undefined;
}

/** What `schema` accepts, in words: `a positive number (vehicles/day)`, `one of "road", "rail"`. */
export function describeSchema(schema: z.ZodType | undefined, options: DescribeOptions = {}): string {
  if (schema === undefined) return "nothing here";
  const s = unwrap(schema);
  if (s instanceof z.ZodUnion) {
    const opts = (s.options as readonly z.ZodType[]).map(unwrap);
    if (opts.some(isParamForm)) {
      const number = describeSchema(opts[0], { unit: options.unit });
      return options.forms
        ? `${number}, { value, source, date } or { value, assumption: true, range: [low, high] }`
        : number;
    }
    return opts.map((o) => describeSchema(o, { unit: options.unit })).join(" or ");
  }
  if (s instanceof z.ZodEnum) return `one of ${s.options.map((o) => JSON.stringify(o)).join(", ")}`;
  if (s instanceof z.ZodLiteral) return [...s.values].map((v) => JSON.stringify(v)).join(" or ");
  if (s instanceof z.ZodObject) return `an object with fields ${Object.keys(s.shape).join(", ")}`;
  if (s instanceof z.ZodTuple) return `a list of ${s.def.items.length} items`;
  if (s instanceof z.ZodArray) return "a list";
  switch (s.type) {
    case "number":
      return options.unit ? `${describeNumber(s)} (${options.unit})` : describeNumber(s);
    case "boolean":
      return "true or false";
    case "string":
      return (z.toJSONSchema(s) as { format?: string }).format === "date" ? "a date as YYYY-MM-DD" : "text";
    default:
      return s.type;
  }
}

/** A found value, briefly: `-40`, `"road"`, `a list`, `nothing`. */
export function describeFound(found: { present: boolean; value: unknown }): string {
  if (!found.present || found.value === undefined) return "nothing";
  const v = found.value;
  if (v === null) return "an empty value";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  if (Array.isArray(v)) return v.length === 0 ? "an empty list" : `a list of ${v.length} items`;
  if (typeof v === "object") {
    const keys = Object.keys(v);
    return keys.length === 0 ? "an empty object" : `an object with fields ${keys.join(", ")}`;
  }
  return String(v);
}
