/** A place on the network. */
import { z } from "zod";
import { countrySchema, idSchema, nameSchema } from "./fields.js";
import { param } from "./param.js";

/** What a node is on the ground; it only changes how the node is drawn and described. */
export const NODE_KINDS = [
  "city",
  "port",
  "dry-port",
  "rail-terminal",
  "junction",
  "crossing-side",
  "zone-centroid",
] as const;

export const nodeSchema = z
  .strictObject({
    id: idSchema,
    name: nameSchema,
    kind: z
      .enum(NODE_KINDS)
      .describe(
        "city | port | dry-port | rail-terminal | junction | crossing-side (one national side of a border crossing) | zone-centroid (point standing for a region's demand).",
      ),
    country: countrySchema,
    lon: param(z.number().min(-180).max(180)).describe(
      "Longitude, decimal degrees east (WGS 84), -180 to 180.",
    ),
    lat: param(z.number().min(-90).max(90)).describe("Latitude, decimal degrees north (WGS 84), -90 to 90."),
    zone: z
      .boolean()
      .default(false)
      .describe(
        "Demand zone: trade flows may start or end here. Every demand origin and destination must be one.",
      ),
    noThrough: z
      .boolean()
      .default(false)
      .describe(
        "Routes may start or end here but never pass through (the TNTP first-through-node rule). Only for zones.",
      ),
  })
  .meta({
    title: "Node",
    description: "A place on the network: city, port, junction, one side of a crossing…",
  });
