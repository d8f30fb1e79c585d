/** The dependent neighbour's own strategy: investment in alternative routes and partners. */
import { z } from "zod";
import { actorRefSchema } from "../fields.js";
import { param } from "../param.js";
import { defineHypothesis } from "./spec.js";

export const neighbourStrategy = defineHypothesis({
  key: "neighbourStrategy",
  title: "The dependent neighbour's own strategy",
  claim:
    "The dependent neighbour has regional ambitions of its own: closures push it to build routes through its other partners (ports, rail, new partners), which erodes the coercer's leverage for good.",
  domain: [0, 10],
  strengthMeaning:
    "β: share of its expected loss (remembered loss share × trade value over the review window) a state reinvests in routes through its partners at each review.",
  params: {
    actors: z
      .array(actorRefSchema)
      .default([])
      .describe("Ids of the states that pursue the strategy. Default [] (every state)."),
    halfLifeDays: param(z.number().positive(), 90).describe(
      "Half-life of its memory of losses, closures and incidents, days. Default 90.",
    ),
    reviewDays: param(z.number().min(1), 90).describe("Days between investment decisions. Default 90."),
    discountPerYear: param(z.number().min(0), 0.1).describe(
      "δ: discount rate a year over the construction lag (model.adaptation.constructionDays), in I = β·π·ΣV·e^(−δL/365). Default 0.1.",
    ),
    exponent: param(z.number().min(0), 1).describe(
      "η: concentration of the budget on the most attractive partner, wₛ ∝ Aₛ^η. Default 1.",
    ),
    costReductionUsdPerVehiclePerMillionUsd: param(z.number().min(0), 0).describe(
      "USD a vehicle cut from the cost of the partner's crossings per million USD invested (split over its crossings), besides model.adaptation.vehiclesPerDayPerMillionUsd of capacity. Default 0 (capacity only).",
    ),
    instabilityWeight: param(z.number().min(0), 0).describe(
      "ι: counter-pressure per remembered incident a day in the zones of a partner's crossings. Default 0.",
    ),
    minInvestmentUsd: param(z.number().min(0), 1e6).describe(
      "A budget below this is not spent (no decision that review). Default 1e6.",
    ),
    counterPressure: z
      .array(
        z.strictObject({
          actor: actorRefSchema.describe("Id of the partner state."),
          value: param(z.number().min(0).max(1)).describe(
            "κ⁰ ∈ [0, 1]: exogenous counter-pressure on routes through it (sanctions); 1 rules them out.",
          ),
        }),
      )
      .default([])
      .describe("Counter-pressure on routes through each partner. Default [] (none)."),
  },
  references: (entry) => {
    const actors = Array.isArray(entry["actors"]) ? entry["actors"] : [];
    const pressure = Array.isArray(entry["counterPressure"]) ? entry["counterPressure"] : [];
    return [
      ...actors.map((value, i) => ({ path: ["actors", i], kind: "actor" as const, value })),
      ...pressure.flatMap((item, i) =>
        item !== null && typeof item === "object"
          ? [
              {
                path: ["counterPressure", i, "actor"],
                kind: "actor" as const,
                value: (item as Record<string, unknown>)["actor"],
              },
            ]
          : [],
      ),
    ];
  },
});
