/** A project operates only once its security benchmarks hold for a sustained period. */
import { defineHypothesis } from "./spec.js";

export const securityBenchmarks = defineHypothesis({
  key: "securityBenchmarks",
  title: "Operation needs sustained security",
  claim:
    "Declared corridors run only where security holds: construction stops when the benchmark fails and a finished project opens only after the benchmark has held for a sustained period.",
  domain: [0, 3650],
  strengthMeaning:
    "N: days in a row the project's condition (its security benchmark) must hold before a finished project operates; construction also advances only on days it holds.",
  params: {},
});
