/** Some settlements hold: a ceasefire's hazard depends on spoilers, monitoring and guarantors' leverage. */
import { z } from "zod";
import { actorRefSchema, unitInterval } from "../fields.js";
import { param } from "../param.js";
import { defineHypothesis } from "./spec.js";

export const ceasefireDurability = defineHypothesis({
  key: "ceasefireDurability",
  title: "Some settlements hold",
  claim:
    "Mediated ceasefires are not bound to collapse: whether they hold depends on spoilers outside the deal, on monitoring and on the leverage of the guarantors.",
  domain: [0, 5],
  strengthMeaning:
    "At 0 a ceasefire fails as in the base ladder (any attributed major incident breaks it); above 0 monitoring and guarantors divide the hazard by 1 + strength·(…), and an attack breaks it only with probability e^(−strength·absorption).",
  params: {
    spoilerWindowDays: param(z.number().int().min(1), 30).describe(
      "Days over which major attacks count as spoilers of the ceasefire. Default 30.",
    ),
    spoilerHazard: param(z.number().min(0), 0.5).describe(
      "Relative rise of the daily failure hazard per major attack in the window. Default 0.5.",
    ),
    monitoringWeight: param(z.number().min(0), 1).describe(
      "Weight of active monitoring in dividing the hazard. Default 1.",
    ),
    absorption: param(z.number().min(0), 1).describe(
      "How well the deal absorbs one attack: it breaks with probability e^(−strength·absorption). Default 1.",
    ),
    guarantors: z
      .array(
        z.strictObject({
          actor: actorRefSchema.describe("Id of a mediator or outside power guaranteeing the ceasefire."),
          leverage: param(unitInterval(), 0.5).describe(
            "Its leverage over the parties, 0–1, dividing the hazard while it mediates the pair. Default 0.5.",
          ),
        }),
      )
      .default([])
      .describe("Guarantors and their leverage."),
  },
  references: (entry) => {
    const list = Array.isArray(entry["guarantors"]) ? entry["guarantors"] : [];
    return list.flatMap((item, i) =>
      item !== null && typeof item === "object"
        ? [
            {
              path: ["guarantors", i, "actor"],
              kind: "actor" as const,
              value: (item as Record<string, unknown>)["actor"],
            },
          ]
        : [],
    );
  },
});
