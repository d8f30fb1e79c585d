/** The scenario file format, assembled from one schema per entity. */
import { z } from "zod";
import { actantSchema } from "./actant.js";
import { actorSchema } from "./actor.js";
import { crossingSchema } from "./crossing.js";
import { demandSchema } from "./demand.js";
import { eventSchema } from "./event.js";
import { dateSchema, startDateSchema } from "./fields.js";
import { generalizedCostSchema } from "./generalized-cost.js";
import { hypothesesSchema } from "./hypotheses/index.js";
import { leversSchema } from "./levers.js";
import { linkSchema } from "./link.js";
import { modelSchema } from "./model.js";
import { nodeSchema } from "./node.js";
import type { Resolved } from "./param.js";
import { policySchema } from "./policy.js";
import { projectSchema } from "./project.js";
import { relationSchema } from "./relation.js";
import { returnsSchema } from "./returns.js";
import type { Scenario } from "./types.js";
import { zoneSchema } from "./zone.js";

export const SCENARIO_SCHEMA_ID = "urn:corridor:scenario:v1";

export const scenarioFileSchema = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .describe("Path or URL of this JSON Schema, for editors; ignored by Corridor."),
    extends: z
      .string()
      .optional()
      .describe(
        "Path of a base scenario file (relative to this one): its top-level sections are kept unless this file sets them.",
      ),
    name: z.string().trim().min(1, { error: "non-empty text" }).describe("Name of the scenario."),
    description: z.string().default("").describe("What the scenario represents and what it is for."),
    start: startDateSchema
      .optional()
      .describe("Calendar date of day 0 of a run, YYYY-MM-DD. Omit to let the run choose."),
    end: dateSchema
      .optional()
      .describe(
        "Last day a run simulates, YYYY-MM-DD, after start (which it needs); `--days` overrides it. Omit: ten years.",
      ),
    generalizedCost: generalizedCostSchema,
    nodes: z.array(nodeSchema).describe("Places: cities, ports, junctions, the national sides of crossings."),
    links: z.array(linkSchema).default([]).describe("Road and rail sections between nodes."),
    crossings: z.array(crossingSchema).default([]).describe("Border crossings between national-side nodes."),
    demand: z.array(demandSchema).default([]).describe("Trade flows between zones, vehicles/day."),
    zones: z
      .array(zoneSchema)
      .default([])
      .describe("Security zones with self-exciting incident rates; links and crossings name them in `zone`."),
    actants: z
      .array(actantSchema)
      .default([])
      .describe("Fences, biometric checks, scanners and document regimes at crossings and in zones."),
    actors: z
      .array(actorSchema)
      .default([])
      .describe("States, armed groups, mediators and international bodies."),
    policies: z
      .array(policySchema)
      .default([])
      .describe("Named policies of the actors: rules and staged programmes in the policy language."),
    relations: z
      .array(relationSchema)
      .default([])
      .describe("Initial trust, escalation rung and mediators of pairs of actors."),
    projects: z
      .array(projectSchema)
      .default([])
      .describe("Announced infrastructure: railways, roads, pipelines, power lines, crossings, ports."),
    returns: z
      .array(returnsSchema)
      .default([])
      .describe("Programmes of returns (deportations) over a period."),
    levers: leversSchema,
    events: z
      .array(eventSchema)
      .default([])
      .describe("Dated events forced in a hindcast: actions, attacks, or both."),
    model: modelSchema,
    hypotheses: hypothesesSchema,
  })
  .meta({
    $id: SCENARIO_SCHEMA_ID,
    title: "Corridor scenario",
    description:
      "A Corridor scenario (format v1): network, border crossings, trade demand, security zones, actants, actors, policies and their levers, relations, projects, returns, forced events, model parameters and the hypotheses of the debate switched on. Every number may be bare, cited { value, source, date } or assumed { value, assumption: true, range: [low, high] }.",
  });

/** A scenario file as written (numbers in any of the three forms, defaults not yet filled). */
export type ScenarioFile = z.input<typeof scenarioFileSchema>;

/** A scenario file after the schema: defaults filled, numbers still carrying their provenance. */
export type ScenarioParsed = z.output<typeof scenarioFileSchema>;

// Compile-time check that the interfaces above match the schema exactly.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Simplify<T> = T extends readonly (infer U)[]
  ? Simplify<U>[]
  : T extends object
    ? { [K in keyof T]: Simplify<T[K]> }
    : T;
const schemaMatchesTypes: Equal<Simplify<Resolved<ScenarioParsed>>, Simplify<Scenario>> = true;
void schemaMatchesTypes;
