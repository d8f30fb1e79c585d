import { defineConfig } from "vitest/config";

// The tests that exercise the engine's steps, for mutation testing (stryker.config.json): the engine
// tests and the pure core's unit tests. CLI, browser and web tests run the built dist/ and could not
// see a mutant in src/ anyway. Left out, to keep a mutant's cost near a second: the worker-determinism
// test (its worker loads dist/, so it differs for every instrumented build) and the two many-seed
// comparisons of the built-in region (hypotheses-flip, comparison), which cover every line and take
// seconds; the exact tests on small cases are what should catch a slip.
export default defineConfig({
  test: {
    include: ["test/engine/**/*.test.ts", "src/core/**/*.test.ts"],
    testTimeout: 60_000,
    exclude: [
      "test/engine/worker-determinism.test.ts",
      "test/engine/hypotheses-flip.test.ts",
      "test/engine/comparison.test.ts",
    ],
    // One process for every mutant: modules (and the scenarios the tests load) stay loaded between runs;
    // the instrumented code reads the active mutant at each call, so nothing stale is tested.
    isolate: false,
  },
});
