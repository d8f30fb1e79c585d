/** A border crossing: a link between the two national sides, whose cost is processing, not travel. */
import { z } from "zod";
import { idSchema, nameSchema, nodeRefSchema, securityZoneSchema } from "./fields.js";
import {
  bidirectionalSchema,
  bprBSchema,
  bprPowerSchema,
  feeSchema,
  modeSchema,
  projectRefSchema,
} from "./link.js";
import { param } from "./param.js";

export const CROSSING_STATUSES = ["open", "closed", "restricted"] as const;

export const crossingSchema = z
  .strictObject({
    id: idSchema.describe("Unique id among links and crossings, used by policies (e.g. close(torkham))."),
    name: nameSchema,
    from: nodeRefSchema.describe("Id of the node on one national side."),
    to: nodeRefSchema.describe("Id of the node on the other national side (a different country)."),
    status: z
      .enum(CROSSING_STATUSES)
      .default("open")
      .describe(
        "Status at the start: open (default) | closed (removed from the network) | restricted (open hoursOpenPerDay).",
      ),
    hoursOpenPerDay: param(z.number().positive().max(24))
      .optional()
      .describe("Hours a day the crossing processes traffic; required when status is restricted, only then."),
    capacityVehPerDay: param(z.number().positive()).describe(
      "Processing capacity per direction when open all day, vehicles/day.",
    ),
    processingHours: param(z.number().min(0)).describe(
      "Time to clear the crossing with no queue (free-flow time of the crossing link), hours.",
    ),
    feeUsd: feeSchema,
    mode: modeSchema.default("road").describe("road (default) | rail."),
    bprB: bprBSchema,
    bprPower: bprPowerSchema,
    zone: securityZoneSchema.optional(),
    bidirectional: bidirectionalSchema,
    project: projectRefSchema.optional(),
  })
  .meta({
    title: "Crossing",
    description:
      "A border crossing: a link between the two national sides, with a status and a processing capacity.",
  });
