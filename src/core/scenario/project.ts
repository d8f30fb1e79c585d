/** A project: announced with a declared capacity, built once its condition holds, then operating. */
import { z } from "zod";
import { actorRefSchema, dateSchema, idSchema, nameSchema, policyTextSchema } from "./fields.js";
import { param } from "./param.js";

export const PROJECT_KINDS = [
  "railway",
  "road",
  "pipeline",
  "power-line",
  "crossing",
  "port",
  "other",
] as const;
export const PROJECT_STATUSES = ["announced", "building", "operational", "stalled"] as const;

export const projectSchema = z
  .strictObject({
    id: idSchema.describe("Unique id among projects; links and crossings it builds name it in `project`."),
    name: nameSchema,
    kind: z.enum(PROJECT_KINDS).describe("railway | road | pipeline | power-line | crossing | port | other."),
    announced: dateSchema.describe("Date announced, YYYY-MM-DD (may be before the scenario start)."),
    declaredCapacity: param(z.number().min(0)).describe(
      "Capacity as declared in the announcement, in capacityUnit.",
    ),
    capacityUnit: z
      .string()
      .trim()
      .min(1, { error: "a unit such as vehicles/day" })
      .describe('Unit of declaredCapacity, e.g. "vehicles/day", "MW", "bcm/year".'),
    status: z
      .enum(PROJECT_STATUSES)
      .default("announced")
      .describe("Status at the start: announced (default) | building | operational | stalled."),
    condition: policyTextSchema('"trust(xa, xb) > 0.6"')
      .optional()
      .describe(
        "Condition in the policy language (no `for N days` clause) that must hold for building to start. Omit: always.",
      ),
    constructionDays: param(z.number().min(0)).describe("Days from the start of building to operation."),
    builtDays: param(z.number().min(0), 0).describe(
      "Days of construction already done at the start (status building), ≤ constructionDays. Default 0.",
    ),
    sponsors: z
      .array(actorRefSchema)
      .default([])
      .describe("Ids of the actors behind it (their costs and announcements). Default []."),
  })
  .meta({
    title: "Project",
    description:
      "A railway, road, pipeline, power line, crossing or port: announced with a declared capacity, built when its condition holds, then operating.",
  });
