/** Openness carries risk: movement through open crossings raises the border zone's incident baseline unless screened. */
import { z } from "zod";
import { param } from "../param.js";
import { defineHypothesis } from "./spec.js";

export const opennessRisk = defineHypothesis({
  key: "opennessRisk",
  title: "Openness carries risk",
  claim:
    "Infrastructure without governance amplifies risk: opening crossings before screening is in place lets people and arms move with the goods (premature liberalisation).",
  domain: [0, 10],
  strengthMeaning:
    "At 1, each 1,000 vehicles/day through an open, unscreened crossing add incidentsPerThousandVehicles incidents/day to its zone's baseline.",
  params: {
    incidentsPerThousandVehicles: param(z.number().min(0), 0.05).describe(
      "Incidents/day added to a crossing's zone per 1,000 vehicles/day through it (both directions) when nothing screens them, at strength 1. Default 0.05.",
    ),
  },
});
