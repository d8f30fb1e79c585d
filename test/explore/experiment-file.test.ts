import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/core/errors/index.js";
import {
  completeHypotheses,
  isDefaultUncertainty,
  rangeDistribution,
} from "../../src/core/experiment/index.js";
import { HYPOTHESES } from "../../src/core/scenario/index.js";
import { main } from "../../src/node/cli.js";
import { loadExperiment } from "../../src/node/explore/load-experiment.js";
import { bufferIo } from "../../src/node/io.js";
import { loadScenarioFile } from "../../src/node/load-scenario.js";

const SCENARIO = resolve("scenarios/examples/two-routes.yaml");

/** Writes an experiment over the two-routes example with `body` after its model, and loads it. */
async function problems(body: string): Promise<InputError> {
  const dir = mkdtempSync(join(tmpdir(), "corridor-experiment-"));
  const file = join(dir, "e.yaml");
  writeFileSync(file, `name: test\nmodel:\n  scenario: ${SCENARIO}\n  days: 30\n${body}`);
  try {
    await loadExperiment(file);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("experiment files: bad input before any case runs", () => {
  it("names an uncertainty path that is not in the scenario, with the closest path and its line", async () => {
    const e = await problems("uncertainties:\n  - path: zones[pass_zone].baselinePerDy\n");
    expect(e.issues[0]).toMatchObject({
      code: "unknown-path",
      line: 6,
      suggestion: "zones[pass_zone].baselinePerDay",
    });
    expect(e.message).toContain("e.yaml:6:");
  });

  it("rejects a range with lo above hi", async () => {
    const e = await problems(
      "uncertainties:\n  - path: zones[0].baselinePerDay\n    distribution: { kind: uniform, lo: 0.2, hi: 0.1 }\n",
    );
    expect(e.issues[0]).toMatchObject({ code: "invalid-range", line: 7 });
  });

  it("rejects a distribution parameter out of its domain", async () => {
    const e = await problems(
      "uncertainties:\n  - path: zones[0].baselinePerDay\n    distribution: { kind: normal, mean: 0.05, sd: -1 }\n",
    );
    expect(e.issues[0]).toMatchObject({ code: "out-of-range", path: "uncertainties[0].distribution.sd" });
  });

  it("rejects a sampler size Saltelli's design cannot use, naming the nearest powers of two", async () => {
    const e = await problems("sampler: { method: saltelli, size: 100 }\n");
    expect(e.issues[0]).toMatchObject({ code: "saltelli-size", path: "sampler.size", line: 5 });
    expect(e.issues[0]!.found).toContain("64");
    expect(e.issues[0]!.found).toContain("128");
  });

  it("rejects a lever policy the actor does not have, with the closest id", async () => {
    const e = await problems("levers:\n  policies: { xa: [xa_phasd] }\n");
    expect(e.issues[0]).toMatchObject({ code: "unknown-policy", suggestion: "xa_phased" });
  });

  it("rejects a claim naming an unknown policy or an unknown outcome", async () => {
    const claims = (text: string) =>
      `outcomes:\n  - { name: fatalities, field: fatalities }\nclaims:\n  - { name: c, sentence: s, claim: "${text}" }\n`;
    const policy = await problems(claims("fatalities[xa_phasd] < fatalities[xa_pressure]"));
    expect(policy.issues[0]).toMatchObject({ code: "unknown-policy", suggestion: "xa_phased" });
    const outcome = await problems(claims("fatalitis[xa_phased] < fatalities[xa_pressure]"));
    expect(outcome.issues[0]).toMatchObject({ code: "unknown-outcome", suggestion: "fatalities" });
  });

  it("rejects an outcome field that names nothing in a run's outcomes", async () => {
    const e = await problems("outcomes:\n  - { name: f, field: fatalitis }\n");
    expect(e.issues[0]).toMatchObject({ code: "unknown-outcome-field", suggestion: "fatalities" });
  });

  it("exits with code 2 and writes no store", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corridor-experiment-"));
    const file = join(dir, "e.yaml");
    writeFileSync(file, `model:\n  scenario: ${SCENARIO}\nsampler: { method: saltelli, size: 3 }\n`);
    const io = bufferIo();
    expect(await main(["explore", file, "--store", join(dir, "s.duckdb")], io)).toBe(2);
    expect(io.stderr).not.toContain("    at ");
    expect(existsSync(join(dir, "s.duckdb"))).toBe(false);
  });
});

describe("exploring a scenario without an experiment file", () => {
  it("samples every assumption with a range and every hypothesis strength, uniform over the range (whole days for durations), under each policy of the actor", async () => {
    const loaded = await loadExperiment(SCENARIO);
    const file = loadScenarioFile(SCENARIO);
    // Every assumption with a range, and every hypothesis strength (absent ones over their domain).
    const assumed = completeHypotheses(file.scenario, file.parameters).parameters.filter(
      isDefaultUncertainty,
    );
    expect(assumed.filter((p) => p.path.startsWith("hypotheses.")).length).toBe(HYPOTHESES.length);
    expect(assumed.length).toBeGreaterThan(10);
    expect(loaded.plan.inputs).toHaveLength(assumed.length);
    const sorted = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
    expect(sorted(loaded.plan.inputs.map((x) => x.distribution))).toEqual(
      sorted(assumed.map(rangeDistribution)),
    );
    expect(loaded.plan.levers).toEqual([
      expect.objectContaining({ name: "policy_xa", values: ["xa_phased", "xa_pressure"] }),
    ]);
    // The sampled values stay inside each range.
    for (let f = 0; f < loaded.futures.count; f++)
      loaded.futures.row(f).forEach((v, i) => {
        const d = loaded.plan.inputs[i]!.distribution as { lo: number; hi: number };
        expect(v).toBeGreaterThanOrEqual(d.lo);
        expect(v).toBeLessThanOrEqual(d.hi);
      });
  });

  it("leaves out the coordinates of nodes, which only place them on the map, unless an experiment names them", async () => {
    const file = loadScenarioFile(resolve("scenarios/af-pak.yaml"));
    const ranged = file.parameters.filter((p) => /^nodes\[\d+\]\.(lon|lat)$/.test(p.path) && p.range);
    expect(ranged.length).toBeGreaterThan(10);
    expect(ranged.filter(isDefaultUncertainty)).toEqual([]);
    // The same kind of number anywhere else is sampled.
    expect(isDefaultUncertainty({ ...ranged[0]!, path: "links[0].lengthKm" })).toBe(true);
    const loaded = await loadExperiment(resolve("scenarios/af-pak.yaml"), { futures: 2 });
    expect(loaded.plan.inputs.some((x) => /\.(lon|lat)$/.test(x.name))).toBe(false);
  });
});
