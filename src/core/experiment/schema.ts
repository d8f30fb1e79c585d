/**
 * The experiment file format: what to explore (a scenario, or a module exporting
 * `(inputs) => outcomes`), over which uncertainties, under which levers, reading which outcomes, with
 * which sampler, seeds and claims. Validated like scenarios (file:line:column per problem); its JSON
 * Schema is `corridor schema --experiment`, committed as experiment.schema.json.
 */
import { z } from "zod";

export const EXPERIMENT_SCHEMA_ID = "urn:corridor:experiment:v1";

const finite = z.number().refine(Number.isFinite, { error: "a finite number" });

function ordered<T extends { lo: number; hi: number }>(v: T, ctx: z.RefinementCtx): void {
  if (v.lo > v.hi)
    ctx.addIssue({
      code: "custom",
      path: ["lo"],
      input: v,
      message: "range low end above high end",
      params: { code: "invalid-range", expected: "lo ≤ hi", found: `lo ${v.lo}, hi ${v.hi}` },
    });
}

const uniform = z
  .strictObject({ kind: z.literal("uniform"), lo: finite, hi: finite })
  .superRefine(ordered)
  .describe("Every value in [lo, hi] equally likely.");
const triangular = z
  .strictObject({ kind: z.literal("triangular"), lo: finite, mode: finite, hi: finite })
  .superRefine((v, ctx) => {
    ordered(v, ctx);
    if (v.lo <= v.hi && (v.mode < v.lo || v.mode > v.hi))
      ctx.addIssue({
        code: "custom",
        path: ["mode"],
        input: v.mode,
        message: "mode outside [lo, hi]",
        params: { code: "out-of-domain", expected: `a mode within [${v.lo}, ${v.hi}]`, found: `${v.mode}` },
      });
  })
  .describe("Triangular on [lo, hi] with its peak at mode.");
const normal = z
  .strictObject({ kind: z.literal("normal"), mean: finite, sd: z.number().positive() })
  .describe("Normal with mean and standard deviation sd > 0.");
const lognormal = z
  .strictObject({ kind: z.literal("lognormal"), mu: finite, sigma: z.number().positive() })
  .describe("exp of a normal with mean mu and standard deviation sigma > 0 (of the logarithm).");
const integer = z
  .strictObject({ kind: z.literal("integer"), lo: z.int(), hi: z.int() })
  .superRefine(ordered)
  .describe("Whole numbers lo, lo + 1, …, hi, equally likely.");
const categorical = z
  .strictObject({
    kind: z.literal("categorical"),
    values: z.array(z.union([z.number(), z.string(), z.boolean()])).min(1),
    weights: z.array(z.number().nonnegative()).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.weights && (v.weights.length !== v.values.length || v.weights.every((w) => w === 0)))
      ctx.addIssue({
        code: "custom",
        path: ["weights"],
        input: v.weights,
        message: "weights do not fit the values",
        params: {
          code: "out-of-domain",
          expected: `${v.values.length} weights ≥ 0, not all zero`,
          found: `${v.weights.length} weights`,
        },
      });
  })
  .describe("One of values (equally likely, or in proportion to weights).");
const boolean = z
  .strictObject({ kind: z.literal("boolean"), p: z.number().min(0).max(1).default(0.5) })
  .describe("true with probability p (stored as 1), else false (0).");

export const distributionSchema = z
  .discriminatedUnion("kind", [uniform, triangular, normal, lognormal, integer, categorical, boolean])
  .describe(
    "Distribution of an uncertainty: uniform, triangular, normal, lognormal, integer, categorical or boolean.",
  );

export type DistributionSpec = z.output<typeof distributionSchema>;

const uncertaintySchema = z
  .strictObject({
    path: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .optional()
      .describe(
        "Scenario number(s) this input sets, e.g. zones[kp_border].baselinePerDay (an index or an id in brackets). Several paths share one sample (linked parameters).",
      ),
    name: z
      .string()
      .min(1)
      .optional()
      .describe("Name of the input (the module's input, and the store's column); default the first path."),
    distribution: distributionSchema
      .optional()
      .describe("Default for a scenario number: uniform over its assumption range."),
  })
  .describe("One uncertain input: a scenario path (or a module input name) and its distribution.");

const leverParameterSchema = z.strictObject({
  path: z.string().min(1).optional().describe("Scenario number this lever sets."),
  name: z
    .string()
    .min(1)
    .optional()
    .describe("Name of the lever (module input or column); default the path."),
  values: z.array(finite).min(1).describe("The values the lever takes, each in its own case."),
});

const leversSchema = z
  .strictObject({
    policies: z
      .record(z.string(), z.union([z.literal("all"), z.array(z.string().min(1)).min(1)]))
      .optional()
      .describe('Per actor id, the named policies to try (or "all" of the actor\'s policies).'),
    parameters: z.array(leverParameterSchema).default([]).describe("Parameter values to try."),
  })
  .describe("Choices compared in every future, combined as a full factorial.");

export const AGGREGATES = ["mean", "sum", "min", "max", "first", "final"] as const;

const outcomeSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "a name of letters, digits and _ (used in claims)" })
      .describe("Name of the outcome, used in claims and as the store's column."),
    kind: z
      .enum(["maximize", "minimize", "info"])
      .default("info")
      .describe("Whether more is better (maximize), less is better (minimize) or neither (info)."),
    measure: z
      .string()
      .optional()
      .describe("One of the comparison measures (as `corridor compare` prints), e.g. fatalities."),
    field: z
      .string()
      .optional()
      .describe(
        "A number in the run's outcomes (outcomes.json), e.g. trade.servedUsd or crossings[0].closedDays; for a module, the returned property (default the name).",
      ),
    series: z.string().optional().describe("A daily series column (series.csv), aggregated over the days."),
    aggregate: z.enum(AGGREGATES).default("mean").describe("How a daily series becomes one number."),
    window: z
      .int()
      .positive()
      .optional()
      .describe("Aggregate only the last `window` days of the series (e.g. 365: the final year)."),
    keep: z.boolean().default(false).describe("Keep the daily series of every case in the store."),
  })
  .describe("One outcome read from each case.");

const claimSchema = z
  .strictObject({
    name: z.string().min(1).describe("Short name of the claim."),
    sentence: z.string().min(1).describe("The claim in one plain-language sentence."),
    claim: z
      .string()
      .min(1)
      .describe("The statement over outcomes, e.g. fatalities[phased-conditional] < fatalities[open-now]."),
    side: z.string().optional().describe("Whose argument it is, in a few words."),
  })
  .describe("A named statement over outcomes, reported with the share of futures where it holds.");

/** Sampler names: short ones, and the long ones of src/core/explore. */
export const SAMPLERS = [
  "mc",
  "lhs",
  "sobol",
  "saltelli",
  "morris",
  "factorial",
  "monte-carlo",
  "latin-hypercube",
  "full-factorial",
] as const;

const samplerSchema = z
  .strictObject({
    method: z.enum(SAMPLERS).default("lhs").describe("How futures are drawn in the unit cube."),
    size: z
      .int()
      .positive()
      .default(100)
      .describe(
        "Futures: mc/lhs/sobol draw `size`; saltelli takes `size` base rows (a power of two) and makes size × (k + 2); morris `size` trajectories of k + 1; factorial `levels` per input.",
      ),
    levels: z.int().min(2).optional().describe("Grid levels (morris, factorial)."),
  })
  .describe("The design of the futures.");

export const experimentFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe("Path or URL of this JSON Schema, for editors."),
    name: z.string().trim().min(1).optional().describe("Name of the experiment."),
    description: z.string().default("").describe("What the experiment asks."),
    model: z
      .strictObject({
        scenario: z.string().min(1).optional().describe("Scenario file, relative to this file."),
        module: z
          .string()
          .min(1)
          .optional()
          .describe("JS module (relative to this file) exporting (inputs) => outcomes."),
        export: z.string().default("default").describe("The module's export to call."),
        days: z
          .int()
          .positive()
          .optional()
          .describe("Days each run simulates (default: to the scenario's end date, else ten years)."),
        actor: z.string().optional().describe("Actor whose measures the comparison focuses on."),
        dependent: z.string().optional().describe("The dependent actor of the comparison measures."),
      })
      .describe("What each case evaluates: a scenario file or a module."),
    uncertainties: z
      .array(uncertaintySchema)
      .optional()
      .describe(
        "Uncertain inputs. Omitted for a scenario: every assumption with its range and every hypothesis strength.",
      ),
    constraints: z
      .array(
        z.strictObject({
          lo: z.string().min(1).describe("Name of the input that must stay ≤ the other."),
          hi: z.string().min(1).describe("Name of the input that must stay ≥ the other."),
        }),
      )
      .default([])
      .describe("Pairs of inputs kept in order (lo ≤ hi) in every future: the pair is sorted per future."),
    levers: leversSchema.optional(),
    outcomes: z
      .array(outcomeSchema)
      .optional()
      .describe("Outcomes per case. Omitted for a scenario: the comparison measures."),
    replications: z.int().positive().default(1).describe("Seeds per future and lever."),
    pairing: z
      .enum(["common", "independent"])
      .default("common")
      .describe(
        "common: the levers of one future and replication share its random streams (paired comparisons); independent: every case its own.",
      ),
    sampler: samplerSchema.default({ method: "lhs", size: 100 }),
    seed: z.int().min(0).default(1).describe("Master seed: fixes the design and every case's streams."),
    claims: z
      .union([z.string().min(1), z.array(claimSchema)])
      .optional()
      .describe("Claims, or the path of a file listing them (a YAML list, or { claims: [...] })."),
  })
  .superRefine((v, ctx) => {
    if ((v.model.scenario === undefined) === (v.model.module === undefined))
      ctx.addIssue({
        code: "custom",
        path: ["model"],
        input: v.model,
        message: "model needs exactly one of scenario and module",
        params: { code: "invalid-model", expected: "scenario: <file> or module: <file>" },
      });
  })
  .meta({
    $id: EXPERIMENT_SCHEMA_ID,
    title: "Corridor experiment",
    description:
      "A Corridor experiment (format v1): model, uncertainties, levers, outcomes, replications, sampler, master seed and claims.",
  });

export const claimsFileSchema = z.union([
  z.array(claimSchema),
  z.strictObject({ $schema: z.string().optional(), claims: z.array(claimSchema) }),
]);

export type ExperimentFile = z.input<typeof experimentFileSchema>;
export type Experiment = z.output<typeof experimentFileSchema>;
export type ClaimSpec = z.output<typeof claimSchema>;
export type OutcomeSpec = z.output<typeof outcomeSchema>;
export type UncertaintySpec = z.output<typeof uncertaintySchema>;

/** JSON Schema (draft 2020-12) of experiment files as written. */
export function experimentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(experimentFileSchema, { target: "draft-2020-12", io: "input" }) as Record<
    string,
    unknown
  >;
}
