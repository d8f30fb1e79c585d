/** A road or rail section between two nodes. */
import { z } from "zod";
import { MAX_BPR_POWER } from "../network/index.js";
import { idSchema, nodeRefSchema, refSchema, securityZoneSchema } from "./fields.js";
import { param } from "./param.js";

export const LINK_MODES = ["road", "rail"] as const;

export const modeSchema = z.enum(LINK_MODES);

/** BPR volume-delay defaults (Bureau of Public Roads 1964): t = t₀·(1 + b·(v/c)^power). */
export const BPR_B_DEFAULT = 0.15;
export const BPR_POWER_DEFAULT = 4;

export const bprBSchema = param(z.number().min(0), BPR_B_DEFAULT).describe(
  "BPR b in t = t0·(1 + b·(flow/capacity)^power), no unit. Default 0.15 (Bureau of Public Roads 1964).",
);
export const bprPowerSchema = param(z.number().min(0).max(MAX_BPR_POWER), BPR_POWER_DEFAULT).describe(
  `BPR power in t = t0·(1 + b·(flow/capacity)^power), no unit, 0 to ${MAX_BPR_POWER}. Default 4 (Bureau of Public Roads 1964).`,
);
export const feeSchema = param(z.number().min(0), 0).describe(
  "Toll or fee per vehicle per traversal, USD. Default 0.",
);
export const projectRefSchema = refSchema("project").describe(
  "Id of the project that builds it: absent from the network until the project operates. Omit for existing infrastructure.",
);
export const bidirectionalSchema = z
  .boolean()
  .default(true)
  .describe(
    "true (default): the entry stands for two directed links, from→to and to→from, each with the given capacity. false: from→to only.",
  );

export const linkSchema = z
  .strictObject({
    id: idSchema,
    from: nodeRefSchema.describe("Id of the node the link starts at."),
    to: nodeRefSchema.describe("Id of the node the link ends at."),
    mode: modeSchema.describe("road | rail."),
    lengthKm: param(z.number().min(0)).describe("Length, km."),
    freeFlowHours: param(z.number().min(0)).describe("Travel time with no congestion, hours."),
    capacityVehPerDay: param(z.number().positive()).describe(
      "Practical capacity per direction, vehicles/day (rail: wagons/day).",
    ),
    bprB: bprBSchema,
    bprPower: bprPowerSchema,
    feeUsd: feeSchema,
    zone: securityZoneSchema.optional(),
    bidirectional: bidirectionalSchema,
    project: projectRefSchema.optional(),
  })
  .meta({ title: "Link", description: "A road or rail section between two nodes." });
