import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { experimentJsonSchema } from "../../src/core/experiment/index.js";
import { scenarioJsonSchema } from "../../src/core/scenario/index.js";

describe("corridor.schema.json", () => {
  it("is the current schema (regenerate with `npx corridor schema > corridor.schema.json`)", () => {
    const committed = JSON.parse(
      readFileSync(new URL("../../corridor.schema.json", import.meta.url), "utf8"),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
});

describe("experiment.schema.json", () => {
  it("is the current schema (regenerate with `npx corridor schema --experiment > experiment.schema.json`)", () => {
    const committed = JSON.parse(
      readFileSync(new URL("../../experiment.schema.json", import.meta.url), "utf8"),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(experimentJsonSchema())));
  });
});
