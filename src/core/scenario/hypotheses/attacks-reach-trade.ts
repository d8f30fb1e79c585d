/** Attacks reach trade: traders' risk premium learns from attacks on a route as well as closures. */
import { defineHypothesis } from "./spec.js";

export const attacksReachTrade = defineHypothesis({
  key: "attacksReachTrade",
  title: "Attacks reach trade",
  claim:
    "Insecurity taxes trade before any closure: traders price attacks on a route into what they charge, so violence shifts routes by itself.",
  domain: [0, 1],
  strengthMeaning:
    "Disruption probability one incident in a link's or crossing's security zone adds to that day in traders' risk memory (a closed day counts 1; the day's total is capped at 1).",
  params: {},
});
