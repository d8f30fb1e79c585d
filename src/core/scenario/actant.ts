/** A non-human actor on a crossing or in a zone: a fence, a biometric check, a scanner, a document regime. */
import { z } from "zod";
import { actorRefSchema, dateSchema, idSchema, nameSchema, refSchema, unitInterval } from "./fields.js";
import { param } from "./param.js";

export const ACTANT_KINDS = ["fence", "biometric", "scanner", "document-regime", "other"] as const;

const ACTANT_DEFAULTS = {
  completion: 1,
  interdiction: 0,
  detection: 0,
  processingHoursAdded: 0,
  capacityFactor: 1,
  costUsdPerDay: 0,
} as const;

export const actantSchema = z
  .strictObject({
    id: idSchema.describe("Unique id among actants."),
    name: nameSchema,
    kind: z.enum(ACTANT_KINDS).describe("fence | biometric | scanner | document-regime | other."),
    at: refSchema("crossing or zone").describe("Id of the crossing or zone it stands at."),
    since: dateSchema.optional().describe("Date it takes effect, YYYY-MM-DD. Omit: in force from the start."),
    completion: param(unitInterval(), ACTANT_DEFAULTS.completion).describe(
      "Share built or in force, 0–1 (a fence's completion); scales interdiction and detection. Default 1.",
    ),
    interdiction: param(unitInterval(), ACTANT_DEFAULTS.interdiction).describe(
      "Share of the zone's incident baseline it prevents when complete, 0–1. Default 0.",
    ),
    detection: param(unitInterval(), ACTANT_DEFAULTS.detection).describe(
      "Share of incidents it lets be verified when complete, 0–1 (a monitor of that strength). Default 0.",
    ),
    processingHoursAdded: param(z.number(), ACTANT_DEFAULTS.processingHoursAdded).describe(
      "Processing time it adds at its crossing, hours/vehicle; negative for a faster regime. Default 0.",
    ),
    capacityFactor: param(z.number().positive(), ACTANT_DEFAULTS.capacityFactor).describe(
      "Multiplies its crossing's processing capacity, > 0. Default 1.",
    ),
    owner: actorRefSchema.optional().describe("Id of the actor that pays for it."),
    costUsdPerDay: param(z.number().min(0), ACTANT_DEFAULTS.costUsdPerDay).describe(
      "Running cost booked to the owner, USD/day. Default 0.",
    ),
  })
  .meta({
    title: "Actant",
    description:
      "A fence, biometric check, scanner or document regime at a crossing or in a zone, changing interdiction, detection, processing time or capacity.",
  });
