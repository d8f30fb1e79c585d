/** Trust has memory: how much of trust's relaxation toward its baseline is real. */
import { defineHypothesis } from "./spec.js";

export const trustMemory = defineHypothesis({
  key: "trustMemory",
  title: "Trust has memory",
  claim:
    "Trust has memory: what was done is not forgotten within a year or two, so relations do not drift back to a neutral level on their own.",
  domain: [0, 1],
  strengthMeaning:
    "The share of trust's daily relaxation toward its baseline that memory removes: the rate becomes relaxPerDay·(1 − strength); 1 means no drift at all.",
  params: {},
});
