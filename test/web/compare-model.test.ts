import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MEASURES, simulate } from "../../src/core/engine/index.js";
import { getAt } from "../../src/core/experiment/index.js";
import { loadScenario } from "../../src/core/scenario/index.js";
import {
  assignmentsOf,
  type CompareRun,
  compareClaims,
  explorableModel,
  sampleFutures,
  scenarioOfFuture,
} from "../../web/src/compare-model.js";

const text = readFileSync(new URL("../../scenarios/examples/two-routes.yaml", import.meta.url), "utf8");
const loaded = loadScenario(text, "two-routes.yaml");
const focus = { actor: "xa", dependent: "xb" };

describe("sampled futures of the compare view", () => {
  const futures = sampleFutures(loaded.scenario, loaded.parameters, 8, 1);

  it("samples every assumption with a range and every hypothesis strength, within the ranges, reproducibly", () => {
    const ranged = loaded.parameters.filter(
      (p) => p.kind === "assumed" && p.range && p.range[0] < p.range[1],
    );
    expect(futures.names.length).toBeGreaterThanOrEqual(ranged.length);
    expect(futures.names.some((n) => /^hypotheses\.\w+\.strength$/.test(n))).toBe(true);
    expect(futures.rows).toHaveLength(8);
    futures.inputs.forEach((input, i) => {
      const d = input.distribution as { lo: number; hi: number };
      for (const row of futures.rows) {
        expect(row[i]).toBeGreaterThanOrEqual(d.lo);
        expect(row[i]).toBeLessThanOrEqual(d.hi);
      }
    });
    expect(sampleFutures(loaded.scenario, loaded.parameters, 8, 1).rows).toEqual(futures.rows);
    expect(sampleFutures(loaded.scenario, loaded.parameters, 8, 2).rows).not.toEqual(futures.rows);
  });

  it("sets each sampled value at its path in a copy, leaving the scenario as written", () => {
    const explorable = explorableModel(loaded.scenario, loaded.parameters).scenario;
    const assign = assignmentsOf(futures, 3);
    const scenario = scenarioOfFuture(explorable, assign);
    for (const a of assign) expect(getAt(scenario, a.path)).toBe(a.value);
    expect(getAt(explorable, assign[0]!.path)).not.toBe(assign[0]!.value);
    const base = simulate(loaded.scenario, { seed: 4, days: 365 }).outcomes;
    const varied = simulate(scenario, { seed: 4, days: 365 }).outcomes;
    expect(varied).not.toEqual(base);
  });
});

describe("claims over the compared futures", () => {
  const futures = sampleFutures(loaded.scenario, loaded.parameters, 12, 1);
  const explorable = explorableModel(loaded.scenario, loaded.parameters).scenario;
  const runs: CompareRun[] = ["xa_phased", "xa_pressure"].flatMap((policy) =>
    futures.rows.map((_, f) => ({
      policy,
      future: f,
      seed: f + 1,
      outcomes: simulate(scenarioOfFuture(explorable, assignmentsOf(futures, f)), {
        seed: f + 1,
        days: 365,
        policies: [policy],
      }).outcomes,
    })),
  );
  const served = MEASURES.find((m) => m.key === "served_usd_bn")!;

  it("gives each claim the share of futures where it holds, paired by future", () => {
    const [row] = compareClaims(
      [{ name: "more", text: "served_usd_bn[xa_phased] > served_usd_bn[xa_pressure]", side: "s" }],
      runs,
      focus,
      12,
      futures,
    );
    let holds = 0;
    for (let f = 0; f < 12; f++) {
      const a = runs.find((r) => r.policy === "xa_phased" && r.future === f)!;
      const b = runs.find((r) => r.policy === "xa_pressure" && r.future === f)!;
      if (served.read(a.outcomes, focus) > served.read(b.outcomes, focus)) holds += 1;
    }
    expect(row!.result!.share).toBeCloseTo(holds / 12, 12);
    expect(row!.result!.futures).toBe(12);
    expect(row!.result!.interval.low).toBeLessThanOrEqual(row!.result!.share);
    expect(row!.side).toBe("s");
  });

  it("says where a claim fails from the sampled assumptions, and not from seeds alone", () => {
    const claim = { name: "c", text: "fatalities[xa_phased] < fatalities[xa_pressure]" };
    const withInputs = compareClaims([claim], runs, focus, 12, futures)[0]!.result!;
    const seedsOnly = compareClaims([claim], runs, focus, 12)[0]!.result!;
    expect(seedsOnly.share).toBe(withInputs.share);
    expect(seedsOnly.breaks).toBeUndefined();
    // The claim fails in some of these futures but not all, so PRIM has failures to explain.
    expect(withInputs.share).toBeGreaterThan(0);
    expect(withInputs.share).toBeLessThan(1);
    expect(withInputs.breaksOn!.length).toBe(futures.names.length);
    expect(withInputs.breaks!.restrictions.length).toBeGreaterThan(0);
  });

  it("lists a claim naming a policy that was not compared as unavailable, without failing the others", () => {
    const rows = compareClaims(
      [
        { name: "other", text: "incidents[xa_phased] < incidents[open_all]" },
        { name: "ok", text: "incidents[xa_phased] <= incidents[xa_pressure]" },
      ],
      runs,
      focus,
      12,
    );
    expect(rows[0]!.result).toBeUndefined();
    expect(rows[0]!.unavailable).toBe("needs open_all among the compared policies");
    expect(rows[1]!.result).toBeDefined();
  });
});
