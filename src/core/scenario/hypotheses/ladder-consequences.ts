/** The ladder has consequences: strikes and clashes kill, provoke or deter, and close crossings. */
import { z } from "zod";
import { unitInterval } from "../fields.js";
import { param } from "../param.js";
import { defineHypothesis } from "./spec.js";

export const ladderConsequences = defineHypothesis({
  key: "ladderConsequences",
  title: "The ladder has consequences",
  claim:
    "Strikes and clashes are not signals only: they kill, they provoke retaliation by the groups struck (or deter them), and they shut the border.",
  domain: [-1, 1],
  strengthMeaning:
    "The sign sets provocation (> 0: attacks rise while the pair is at strikes or clashes) or deterrence (< 0: they fall); the magnitude scales casualties, the baseline change and closures.",
  params: {
    fatalitiesPerDayStrikes: param(z.number().min(0), 0.3).describe(
      "Mean deaths per day from strikes while the pair is at strikes, at |strength| 1. Default 0.3.",
    ),
    fatalitiesPerDayClashes: param(z.number().min(0), 2).describe(
      "Mean deaths per day from border clashes while the pair is at clashes, at |strength| 1. Default 2.",
    ),
    baselineChange: param(unitInterval(), 0.5).describe(
      "Share of the sanctuary zones' baseline added (provocation) or removed (deterrence) while at strikes or clashes, at |strength| 1. Default 0.5.",
    ),
    closurePerDayClashes: param(unitInterval(), 0.05).describe(
      "Daily probability, at |strength| 1, that the pair's open crossings close while they clash. Default 0.05.",
    ),
  },
});
