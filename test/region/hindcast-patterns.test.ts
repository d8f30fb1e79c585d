/**
 * The hindcast's patterns (test/fixtures/hindcast-patterns.yaml) against the record: each measured on
 * seeds 1–3 (the median), inside its range where docs/region.md says the hindcast reproduces it,
 * outside where it says it does not — and docs/region.md names every pattern under the heading that
 * matches, so the table there and these tests cannot drift apart.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type SimulationResult, simulate } from "../../src/core/engine/index.js";
import { MEASURES } from "./hindcast-measures.js";
import { HINDCAST, loadRegion } from "./load-region.js";

interface Pattern {
  id: string;
  pattern: string;
  measure: string;
  range: [number, number];
  record: string;
  sources: { url: string; date: string }[];
  reproduced: boolean;
}

const { patterns } = parse(readFileSync("test/fixtures/hindcast-patterns.yaml", "utf8")) as {
  patterns: Pattern[];
};
const SEEDS = [1, 2, 3];
const { scenario } = loadRegion(HINDCAST);
let runs: SimulationResult[] | undefined;
const hindcast = () => {
  runs ??= SEEDS.map((seed) => simulate(scenario, { seed }));
  return runs;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const measured = (p: Pattern) => median(hindcast().map((r) => MEASURES[p.measure]!(r)));
const inside = (x: number, [lo, hi]: [number, number]) => x >= lo && x <= hi;

describe("the hindcast's patterns", () => {
  it("are each stated with a measure, a range and dated sources", () => {
    expect(patterns.length).toBeGreaterThanOrEqual(6);
    for (const p of patterns) {
      expect(MEASURES[p.measure], p.id).toBeTypeOf("function");
      expect(p.range[0], p.id).toBeLessThan(p.range[1]);
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      for (const s of p.sources) {
        expect(s.url, p.id).toMatch(/^https:\/\//);
        expect(String(s.date), p.id).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      }
    }
  });

  const reproduced = patterns.filter((p) => p.reproduced);
  const missed = patterns.filter((p) => !p.reproduced);

  it.each(reproduced.map((p) => [p.pattern, p] as const))("reproduces: %s", (_text, p) => {
    const value = measured(p);
    expect(inside(value, p.range), `${p.id}: ${value} not in [${p.range}]`).toBe(true);
  });

  it.each(missed.map((p) => [p.pattern, p] as const))("misses, as docs/region.md says: %s", (_text, p) => {
    const value = measured(p);
    expect(inside(value, p.range), `${p.id}: ${value} is in [${p.range}]: move it to the reproduced`).toBe(
      false,
    );
  });

  it("are listed in docs/region.md under what it says of each", () => {
    const doc = readFileSync("docs/region.md", "utf8");
    const section = doc.slice(doc.indexOf("### Patterns against the record"));
    expect(section.length).toBeGreaterThan(0);
    for (const p of patterns) {
      const row = section.split("\n").find((l) => l.includes(`\`${p.id}\``));
      expect(row, `${p.id} has a row in docs/region.md`).toBeDefined();
      expect(row, p.id).toContain(p.reproduced ? "reproduced" : "not reproduced");
      if (p.reproduced) expect(row, p.id).not.toContain("not reproduced");
    }
  });

  it("come out of route choice under the curbs: lifted, the transit stays in Pakistan; with every good on the fee's list, nearly all of it leaves", () => {
    // Nothing forces a route: the curbs make the Pakistani route dearer for the goods they apply to,
    // and the equilibrium moves those goods once the Iranian route is cheaper for them.
    const lifted = structuredClone(scenario);
    lifted.levers["transit_curbs_2023"] = 0;
    lifted.levers["transit_curbs_2025"] = 0;
    const allListed = structuredClone(scenario);
    for (const d of allListed.demand) if (d.transitVia !== undefined) d.transitFeeExposure = 1;
    const fall = MEASURES["pakistanTransitFall2022To2024"]!;
    const base = fall(hindcast()[0]!);
    expect(base).toBeGreaterThan(0.4);
    expect(fall(simulate(lifted, { seed: 1 }))).toBeLessThan(0.1);
    expect(fall(simulate(allListed, { seed: 1 }))).toBeGreaterThan(0.9);
  });
});
