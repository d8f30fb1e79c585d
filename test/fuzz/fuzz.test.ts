import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check, mutated, PARSERS } from "./parsers.js";

// A few hundred generated inputs in every `npm test` (fixed seed, so a failure is reproducible);
// `npm run fuzz` runs 10,000 per parser (FUZZ.md).
const RUNS = 60;

describe("generated bad inputs never crash a parser", () => {
  for (const parser of PARSERS) {
    it(`${parser.name}: a clear error with file and line or field, or a valid result with no NaN`, () => {
      const seen = { valid: 0, "input-error": 0 };
      fc.assert(
        fc.property(mutated(parser.seeds), (text) => {
          seen[check(parser, text)]++;
        }),
        { numRuns: RUNS, seed: 20261203 },
      );
      expect(seen.valid + seen["input-error"]).toBe(RUNS);
      // Mutations must mostly break the input, or the test proves little.
      expect(seen["input-error"]).toBeGreaterThan(RUNS / 10);
    }, 60_000);
  }

  it("counts an exception that is not an InputError as a failure of the property", () => {
    const broken = { name: "broken", seeds: ["x"], parse: () => JSON.parse("{") };
    expect(() => check(broken, "x")).toThrow(/broken: SyntaxError/);
    const nan = { name: "nan", seeds: ["x"], parse: () => ({ a: [1, Number.NaN] }) };
    expect(() => check(nan, "x")).toThrow(/NaN at a\.1/);
  });
});
