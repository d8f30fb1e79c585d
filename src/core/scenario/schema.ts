/** The scenario file format, assembled from one schema per entity. */
import { z } from "zod";
import { crossingSchema } from "./crossing.js";
import { demandSchema } from "./demand.js";
import { generalizedCostSchema } from "./generalized-cost.js";
import { linkSchema } from "./link.js";
import { nodeSchema } from "./node.js";

export const SCENARIO_SCHEMA_ID = "urn:corridor:scenario:v0";

export const scenarioFileSchema = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .describe("Path or URL of this JSON Schema, for editors; ignored by Corridor."),
    name: z.string().trim().min(1, { error: "non-empty text" }).describe("Name of the scenario."),
    description: z.string().default("").describe("What the scenario represents and what it is for."),
    start: z.iso
      .date({ error: "a date as YYYY-MM-DD" })
      .optional()
      .describe("Calendar date of day 0 of a run, YYYY-MM-DD. Omit to let the run choose."),
    generalizedCost: generalizedCostSchema,
    nodes: z.array(nodeSchema).describe("Places: cities, ports, junctions, the national sides of crossings."),
    links: z.array(linkSchema).default([]).describe("Road and rail sections between nodes."),
    crossings: z.array(crossingSchema).default([]).describe("Border crossings between national-side nodes."),
    demand: z.array(demandSchema).default([]).describe("Trade flows between zones, vehicles/day."),
  })
  .meta({
    $id: SCENARIO_SCHEMA_ID,
    title: "Corridor scenario",
    description:
      "A Corridor scenario (format v0): network, border crossings and trade demand. Every number may be bare, cited { value, source, date } or assumed { value, assumption: true, range: [low, high] }.",
  });

/** A scenario file as written (numbers in any of the three forms, defaults not yet filled). */
export type ScenarioFile = z.input<typeof scenarioFileSchema>;

/** A scenario file after the schema: defaults filled, numbers still carrying their provenance. */
export type ScenarioParsed = z.output<typeof scenarioFileSchema>;
