import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
    // The JSON report lets .ci/run print a closing line that CI can read.
    reporters: ["default", "json"],
    outputFile: { json: ".vitest.json" },
  },
});
