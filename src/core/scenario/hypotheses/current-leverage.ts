/** Coercion by current leverage: leverage from the target's dependence at the time of each review. */
import { z } from "zod";
import { param } from "../param.js";
import { defineHypothesis } from "./spec.js";

export const currentLeverage = defineHypothesis({
  key: "currentLeverage",
  title: "Coercion by current leverage",
  claim:
    "Coercion works only as far as the target still depends on the coercer: as the neighbour's reliance falls, coercion weakens, while costs no rerouting avoids (returns of people) keep their weight.",
  domain: [0, 1],
  strengthMeaning:
    "Weight w of the target's dependence at the review (every crossing between the two open, on that day's network) against the one before day 0, in d = d₀ + w·(d(t) − d₀); 1 uses today's alone.",
  params: {
    returnsOutsideCap: param(z.number().min(0).max(1), 1).describe(
      "u: share of the humanitarian cost of returns counted outside the outside-option cap, L = min(C − u·C_u, S) + u·C_u, 0–1. Default 1.",
    ),
  },
});
