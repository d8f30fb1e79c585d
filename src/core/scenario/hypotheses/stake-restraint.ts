/** Stake and restraint: the sanctuary host's enforcement moves toward a target set by its incentives. */
import { z } from "zod";
import { actorRefSchema } from "../fields.js";
import { param } from "../param.js";
import { defineHypothesis } from "./spec.js";

export const stakeRestraint = defineHypothesis({
  key: "stakeRestraint",
  title: "Stake and restraint",
  claim:
    "Interdependence restrains: a neighbour with its own stake in the open corridor, trust, verified cooperation and rewards tied to action chooses to rein in the armed groups on its soil, and lets enforcement lapse when these fade.",
  domain: [0, 5],
  strengthMeaning:
    "Multiplies every incentive's weight in the host's target enforcement; the host starts at its scenario enforcement and moves toward the target with the given half-life.",
  params: {
    halfLifeDays: param(z.number().positive(), 180).describe(
      "Half-life of the host's adjustment of its enforcement toward the target, days. Default 180.",
    ),
    stakeWeight: param(z.number(), 0.5).describe(
      "Target enforcement added per unit rise of the host's trade stake — the value of its trade crossing the victim state's territory, as a share of all its trade on day 0 — above its day-0 level. Default 0.5.",
    ),
    trustWeight: param(z.number(), 0.5).describe(
      "Target enforcement added per unit rise of the host's trust in the victim above its day-0 level. Default 0.5.",
    ),
    cooperationWeight: param(z.number(), 0.05).describe(
      "Target enforcement added per remembered verified cooperative act between host and victim (CBMs honoured, cooperation). Default 0.05.",
    ),
    coercionWeight: param(z.number(), 0.1).describe(
      "Target enforcement added per remembered complied coercion episode (coercion the host judged credible). Default 0.1.",
    ),
    memoryHalfLifeDays: param(z.number().positive(), 365).describe(
      "Half-life of the host's memory of cooperative acts and complied coercion, days. Default 365.",
    ),
    aid: z
      .array(
        z.strictObject({
          from: actorRefSchema.describe("Id of the actor offering recognition or aid tied to enforcement."),
          weight: param(z.number(), 0.1).describe(
            "Target enforcement added per unit of that actor's trust in the host above 0.5 (rewards on offer for acting). Default 0.1.",
          ),
        }),
      )
      .default([])
      .describe("Recognition or aid tied to action: who offers it and how much it weighs."),
  },
  references: (entry) => {
    const list = Array.isArray(entry["aid"]) ? entry["aid"] : [];
    return list.flatMap((item, i) =>
      item !== null && typeof item === "object"
        ? [
            {
              path: ["aid", i, "from"],
              kind: "actor" as const,
              value: (item as Record<string, unknown>)["from"],
            },
          ]
        : [],
    );
  },
});
