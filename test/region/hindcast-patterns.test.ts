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

  it("come out of route choice under the curbs: lifted, or at the low end of their range, the transit stays in Pakistan", () => {
    // Nothing forces a route: the curbs make the Pakistani route dearer, and the equilibrium moves the
    // trade once the Iranian route is cheaper. The lever's range spans both answers.
    const withCurbs = (y2023: number, y2025: number) => {
      const s = structuredClone(scenario);
      s.levers["transit_curbs_2023"] = y2023;
      s.levers["transit_curbs_2025"] = y2025;
      return simulate(s, { seed: 1 });
    };
    const fall = MEASURES["pakistanTransitFall2022To2024"]!;
    expect(fall(hindcast()[0]!)).toBeGreaterThan(0.4);
    expect(fall(withCurbs(0, 0))).toBeLessThan(0.1);
    expect(fall(withCurbs(0.04, 0.06))).toBeLessThan(0.1);
  });
});
