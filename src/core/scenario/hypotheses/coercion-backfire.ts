/** Coercion backfires: closures, transit suspensions and mass returns raise grievance and recruitment. */
import { z } from "zod";
import { param } from "../param.js";
import { defineHypothesis } from "./spec.js";

export const coercionBackfire = defineHypothesis({
  key: "coercionBackfire",
  title: "Coercion backfires",
  claim:
    "A narrow focus on security has cost it dearly: closures, transit suspensions and mass deportations breed grievance and recruitment among those they hit and sour relations beyond the day's act.",
  domain: [0, 5],
  strengthMeaning:
    "At 1, each unit of grievance stock adds incidentsPerGrievance incidents/day to the affected zones and erodes the target's trust in the coercer by trustErosionPerGrievance of it a day.",
  params: {
    lagDays: param(z.number().int().min(0), 30).describe(
      "Days between a coercive act and the grievance it feeds (recruitment takes time). Default 30.",
    ),
    halfLifeDays: param(z.number().positive(), 180).describe(
      "Half-life of the grievance stock once the pressure stops, days. Default 180.",
    ),
    perClosedCrossing: param(z.number().min(0), 1).describe(
      "Grievance added per day per crossing the coercer keeps closed against the target. Default 1.",
    ),
    perSuspension: param(z.number().min(0), 1).describe(
      "Grievance added per day while the coercer suspends the target's transit. Default 1.",
    ),
    perThousandReturned: param(z.number().min(0), 1).describe(
      "Grievance added per 1,000 people the coercer returns to the target. Default 1.",
    ),
    incidentsPerGrievance: param(z.number().min(0), 0.0005).describe(
      "Incidents/day added to each affected zone per unit of grievance stock, at strength 1. Default 0.0005.",
    ),
    trustErosionPerGrievance: param(z.number().min(0), 2e-6).describe(
      "Share of the target's trust in the coercer lost per day per unit of grievance stock, at strength 1. Default 2e-6.",
    ),
  },
});
