/**
 * Numeric parameters. Every number in a scenario file may be written three ways:
 *   - bare: `capacityVehPerDay: 800`
 *   - cited: `capacityVehPerDay: { value: 800, source: "https://…", date: 2023-10-31 }`
 *   - assumed: `capacityVehPerDay: { value: 800, assumption: true, range: [500, 1200] }`
 * The schema turns each into a `ParamValue` (number plus provenance); `resolveParameters` then replaces
 * them by plain numbers and lists their provenance, so the engine sees numbers and `corridor sources`
 * sees where each came from.
 */
import { z } from "zod";

/** How a number reached the scenario: written bare, cited, assumed with a range, or a format default. */
export type ParameterKind = "bare" | "cited" | "assumed" | "default";

/** Provenance of one number of a parsed scenario. */
export interface ScenarioParameter {
  /** Where it sits, e.g. `links[3].capacityVehPerDay`. */
  path: string;
  value: number;
  kind: ParameterKind;
  /** Cited numbers: URL or reference, and the date of the source (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  source?: string;
  date?: string;
  /** Assumed numbers: plausible interval [low, high], for exploration tools to sample. */
  range?: readonly [number, number];
  /** Free remark from the author (how the number was estimated). */
  note?: string;
}

export type ParameterInfo = Omit<ScenarioParameter, "path" | "value">;

/** A parsed number with its provenance; replaced by a plain number when the scenario is resolved. */
export class ParamValue {
  constructor(
    readonly value: number,
    readonly info: ParameterInfo,
  ) {}
}

const SOURCE_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const DATE_TEXT = 'a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"';

/** Date of a source. A bare year (`date: 2023`) is read by YAML as a number, so integers are accepted too. */
const sourceDate = z
  .union([z.string().regex(SOURCE_DATE, { error: DATE_TEXT }), z.int().min(1000).max(2999).transform(String)])
  .describe("Date of the source: YYYY, YYYY-MM or YYYY-MM-DD (when it was published or accessed).");

const note = z.string().optional().describe("Free remark: how the number was read or estimated.");

/** Object forms built by `param`, so error reporting can recognise a parameter union. */
const paramForms = new WeakSet<z.ZodType>();

/** True when `schema` is one of the object forms (cited, assumed) of a parameter. */
export function isParamForm(schema: z.ZodType): boolean {
  return paramForms.has(schema);
}

function citedForm(inner: z.ZodNumber) {
  const form = z
    .strictObject({
      value: inner,
      source: z.string().trim().min(1).describe("URL or bibliographic reference the number was read from."),
      date: sourceDate,
      note,
    })
    .describe("A number with its source: { value, source, date }.");
  paramForms.add(form);
  return form;
}

function assumedForm(inner: z.ZodNumber) {
  const form = z
    .strictObject({
      value: inner,
      assumption: z.literal(true).describe("Marks the number as an assumption, not a cited fact."),
      range: z
        .tuple([inner, inner])
        .describe("Plausible interval [low, high] containing value; exploration samples within it."),
      note,
    })
    .superRefine((v, ctx) => {
      const [lo, hi] = v.range;
      if (lo > hi) {
        ctx.addIssue({
          code: "custom",
          path: ["range"],
          input: v.range,
          message: "range low end above high end",
          params: { code: "invalid-range", expected: "[low, high] with low ≤ high", found: `[${lo}, ${hi}]` },
        });
      } else if (v.value < lo || v.value > hi) {
        ctx.addIssue({
          code: "custom",
          path: ["value"],
          input: v.value,
          message: "value outside its assumption range",
          params: {
            code: "outside-assumption-range",
            expected: `a value within [${lo}, ${hi}]`,
            found: `${v.value}`,
          },
        });
      }
    })
    .describe(
      "An assumed number with the interval it may lie in: { value, assumption: true, range: [low, high] }.",
    );
  paramForms.add(form);
  return form;
}

type CitedInput = z.output<ReturnType<typeof citedForm>>;
type AssumedInput = z.output<ReturnType<typeof assumedForm>>;

function toParamValue(v: number | CitedInput | AssumedInput): ParamValue {
  if (typeof v === "number") return new ParamValue(v, { kind: "bare" });
  const withNote = v.note === undefined ? {} : { note: v.note };
  if ("source" in v)
    return new ParamValue(v.value, { kind: "cited", source: v.source, date: v.date, ...withNote });
  return new ParamValue(v.value, { kind: "assumed", range: [v.range[0], v.range[1]], ...withNote });
}

/**
 * Largest magnitude of any number in a scenario: 10^15, above world GDP in USD (about 10^14) and any
 * count of vehicles or people. The engine multiplies a few scenario numbers together (vehicles × value ×
 * days, rates × capacities); with every factor at most 10^15 those products stay far inside double
 * precision, where a value of 10^305 would turn totals into Infinity and their differences into NaN.
 */
export const MAX_MAGNITUDE = 1e15;

function paramUnion(constraint: z.ZodNumber) {
  // A refinement rather than min/max, so that a field's own range still reads "a number ≥ 0 (km)".
  const inner = constraint.check((ctx) => {
    if (Math.abs(ctx.value) <= MAX_MAGNITUDE) return;
    ctx.issues.push({
      code: "custom",
      input: ctx.value,
      message: "number too large for the model to compute with",
      params: {
        code: "out-of-range",
        expected: `a number of magnitude at most ${MAX_MAGNITUDE} (10^15), so that products of numbers stay finite`,
        found: String(ctx.value),
      },
    });
  });
  return z.union([inner, citedForm(inner), assumedForm(inner)]).transform(toParamValue);
}

export type ParamSchema = ReturnType<typeof paramUnion>;
export type DefaultedParamSchema = z.ZodDefault<ParamSchema>;

/**
 * Schema of a numeric field. `inner` constrains the value (and both ends of an assumption range), e.g.
 * `param(z.number().positive())`. With `defaultValue`, the field may be left out and the default is
 * recorded as a parameter of kind "default".
 */
export function param(inner: z.ZodNumber): ParamSchema;
export function param(inner: z.ZodNumber, defaultValue: number): DefaultedParamSchema;
export function param(inner: z.ZodNumber, defaultValue?: number): ParamSchema | DefaultedParamSchema {
  const schema = paramUnion(inner);
  if (defaultValue === undefined) return schema;
  if (!inner.safeParse(defaultValue).success)
    throw new Error(`default ${defaultValue} violates its own constraint`);
  return schema.default(() => new ParamValue(defaultValue, { kind: "default" }));
}

/** A path inside a document as zod and YAML see it: keys and array indices. */
export type PathKey = string | number;

/** `["links", 3, "capacityVehPerDay"]` → `links[3].capacityVehPerDay`. */
export function formatPath(path: readonly PathKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out ? `.${key}` : key;
  return out;
}

/** `T` with every `ParamValue` replaced by a number and optional fields no longer admitting `undefined`. */
export type Resolved<T> = T extends ParamValue
  ? number
  : T extends readonly (infer U)[]
    ? Resolved<U>[]
    : T extends object
      ? { [K in keyof T]: Resolved<Exclude<T[K], undefined>> }
      : T;

/**
 * Replaces each `ParamValue` in a parsed document by its number, in a fresh copy, and lists the
 * provenance of every number in document order.
 */
export function resolveParameters<T>(data: T): { value: Resolved<T>; parameters: ScenarioParameter[] } {
  const parameters: ScenarioParameter[] = [];
  const walk = (node: unknown, path: PathKey[]): unknown => {
    if (node instanceof ParamValue) {
      parameters.push({ path: formatPath(path), value: node.value, ...node.info });
      return node.value;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (node !== null && typeof node === "object") {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node))
        if (value !== undefined) out[key] = walk(value, [...path, key]);
      return out;
    }
    return node;
  };
  return { value: walk(data, []) as Resolved<T>, parameters };
}
