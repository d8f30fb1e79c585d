import { defineConfig } from "vitest/config";

// The tests that exercise the engine's steps, for mutation testing (stryker.config.json): the engine
// tests and the pure core's unit tests. CLI, browser and web tests run the built dist/ and could not
// see a mutant in src/ anyway.
export default defineConfig({
  test: {
    include: ["test/engine/**/*.test.ts", "src/core/**/*.test.ts"],
    testTimeout: 60_000,
    // The worker-determinism test compares a run in a worker (which loads dist/) with one on the main
    // thread (which loads the mutated src/): it differs for every instrumented build.
    exclude: ["test/engine/worker-determinism.test.ts"],
    pool: "forks",
  },
});
