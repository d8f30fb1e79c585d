import { describe, expect, it } from "vitest";
import {
  type ComparisonRun,
  comparePolicies,
  ensembleQuantiles,
  leader,
  MEASURES,
  pairedDifference,
  pairedDifferences,
  simulate,
} from "../../src/core/engine/index.js";
import type { Outcomes } from "../../src/core/engine/types.js";
import { fakeOutcomes } from "../helpers/fake-result.js";
import { BASE, loadRegion } from "../region/load-region.js";
import { toyScenario } from "./scenarios.js";

const focus = { actor: "xa", dependent: "xb" };

/** Runs of two policies on seeds 1…n, the second's outcomes changed by `change(o, seed)`. */
function runs(n: number, change: (o: Outcomes, seed: number) => void = () => {}): ComparisonRun[] {
  return Array.from({ length: n }, (_, k) => k + 1).flatMap((seed) => {
    const a = fakeOutcomes();
    const b = fakeOutcomes();
    // Seed-to-seed variation shared by both policies, as common random numbers give.
    for (const o of [a, b]) {
      o.incidents += seed;
      o.trade.servedUsd *= 1 + seed / 10;
    }
    change(b, seed);
    return [
      { policy: "a", seed, outcomes: a },
      { policy: "b", seed, outcomes: b },
    ];
  });
}

/** For each measure, a change to an outcome that raises it. */
const RAISE: Record<string, (o: Outcomes) => void> = {
  served_usd_bn: (o) => (o.trade.servedUsd += 1e9),
  served_share_pct: (o) => (o.trade.servedShare += 0.1),
  spoiled_usd_m: (o) => (o.trade.spoiledUsd += 1e6),
  closure_days: (o) => (o.crossings[0]!.closedDays += 5),
  incidents: (o) => (o.incidents += 2),
  fatalities: (o) => (o.fatalities += 3),
  trust_dependent_in_actor_final: (o) => (o.pairs[0]!.trustBAFinal += 0.1),
  trust_dependent_in_actor_end: (o) => (o.pairs[0]!.trustBAEnd += 0.1),
  trust_actor_in_dependent_final: (o) => (o.pairs[0]!.trustABFinal += 0.1),
  trust_actor_in_dependent_end: (o) => (o.pairs[0]!.trustABEnd += 0.1),
  escalation_cycles: (o) => (o.pairs[0]!.escalationCycles += 1),
  dependence_start_pct: (o) => (o.dependence[0]!.start += 0.05),
  dependence_final_pct: (o) => (o.dependence[0]!.final += 0.05),
  dependence_end_pct: (o) => (o.dependence[0]!.end += 0.05),
  hhi_final: (o) => (o.concentration[0]!.herfindahlFinal += 0.1),
  hhi_end: (o) => (o.concentration[0]!.herfindahlEnd += 0.1),
  coercion_attempts: (o) => (o.coercion.attempts += 1),
  compliance_rate_pct: (o) => (o.coercion.complianceRate = (o.coercion.complianceRate ?? 0) + 0.2),
  projects_declared: (o) => (o.connectivity.declared += 1),
  projects_operational: (o) => (o.connectivity.operational += 1),
  resilience_loss: (o) => (o.resilience.totalLossArea += 100),
  people_returned: (o) => (o.peopleReturned += 1000),
};

describe("comparison measures", () => {
  it("has a hand-built case for every measure", () => {
    expect(Object.keys(RAISE).sort()).toEqual(MEASURES.map((m) => m.key).sort());
  });

  it("are the same, with zero paired differences, for two identical policies", () => {
    const r = runs(5);
    const rows = comparePolicies(r, focus);
    for (const m of MEASURES) expect(rows[0]!.measures[m.key]).toEqual(rows[1]!.measures[m.key]);
    for (const d of pairedDifferences(r, focus)) {
      expect(d.identical).toBe(true);
      const p = d.pairs[0]!;
      if (Number.isNaN(p.mean)) continue; // undefined in every run (none here but compliance may be)
      expect(p.mean).toBe(0);
      expect(p.low).toBe(0);
      expect(p.high).toBe(0);
      expect(p.clear).toBe(false);
      expect(p.equal).toBe(1);
    }
  });

  for (const m of MEASURES) {
    it(`moves ${m.key} up when the outcome behind it rises, and the paired difference sees it`, () => {
      const r = runs(5, (o) => RAISE[m.key]!(o));
      const rows = comparePolicies(r, focus);
      expect(rows[1]!.measures[m.key]!.mean).toBeGreaterThan(rows[0]!.measures[m.key]!.mean);
      const d = pairedDifferences(r, focus).find((x) => x.key === m.key)!;
      expect(d.identical).toBe(false);
      // a − b: policy a is lower in every seed by the same amount, so the difference is exact and clear.
      expect(d.pairs[0]!.mean).toBeLessThan(0);
      expect(d.pairs[0]!.clear).toBe(true);
      expect(d.pairs[0]!.bHigher).toBe(1);
    });
  }
});

describe("paired differences", () => {
  it("give the Student-t interval of the mean difference: d = 1, 2, 3 → 2 ± 4.303/√3", () => {
    const p = pairedDifference("a", "b", [2, 4, 6], [1, 2, 3]);
    expect(p.mean).toBe(2);
    expect(p.low).toBeCloseTo(2 - 4.302653 / Math.sqrt(3), 5);
    expect(p.high).toBeCloseTo(2 + 4.302653 / Math.sqrt(3), 5);
    expect(p.clear).toBe(false); // the interval includes 0
    expect(p.aHigher).toBe(1);
  });

  it("count the share of seeds in which the difference holds", () => {
    const p = pairedDifference("a", "b", [1, 2, 3, 4], [0, 3, 2, 4]);
    expect(p.aHigher).toBe(0.5);
    expect(p.bHigher).toBe(0.25);
    expect(p.equal).toBe(0.25);
  });

  it("name a leader only when it is clear of the others, and list the ones it cannot be told from", () => {
    // b is ahead of a by 1 ± noise (not clear with 4 seeds), c is far behind both.
    const r: ComparisonRun[] = [1, 2, 3, 4].flatMap((seed) => {
      const o = (served: number) => {
        const x = fakeOutcomes();
        x.trade.servedUsd = served * 1e9;
        return x;
      };
      const noise = [3, -2, 2, -1][seed - 1]!;
      return [
        { policy: "a", seed, outcomes: o(100 + seed) },
        { policy: "b", seed, outcomes: o(101 + seed + noise) },
        { policy: "c", seed, outcomes: o(50 + seed) },
      ];
    });
    const rows = comparePolicies(r, focus);
    const diffs = pairedDifferences(r, focus);
    const most = leader(rows, diffs, "served_usd_bn", "higher")!;
    expect(most.leader).toBe("b");
    expect(most.tied).toEqual(["a"]);
    const least = leader(rows, diffs, "served_usd_bn", "lower")!;
    expect(least.leader).toBe("c");
    expect(least.tied).toEqual([]);
    expect(least.runnerUp!.clear).toBe(true);
  });
});

describe("ensemble quantiles", () => {
  it("give per day the 10/50/90 % quantiles and the mean over runs", () => {
    const runsSeries = [1, 2, 3, 4, 5].map((k) => ({ x: Float64Array.from([k, 10 * k]) }));
    const s = ensembleQuantiles(runsSeries, 2);
    expect(s.columns).toEqual(["x.p10", "x.p50", "x.p90", "x.mean"]);
    expect(Array.from(s.values["x.p50"]!)).toEqual([3, 30]);
    expect(s.values["x.p10"]![0]).toBeCloseTo(1.4, 12);
    expect(s.values["x.p90"]![1]).toBeCloseTo(46, 12);
    expect(Array.from(s.values["x.mean"]!)).toEqual([3, 30]);
  });
});

describe("measures against common references in a run", () => {
  it("count a crossing closed from the start as a resilience loss against the open network", () => {
    const closed = toyScenario({
      extra: {},
    });
    closed.crossings[0]!.status = "closed";
    const o = simulate(closed, { seed: 1, days: 100 }).outcomes;
    expect(o.resilience.reference).toBe("open-network");
    expect(o.resilience.referenceServedShare).toBeCloseTo(1, 6);
    expect(o.trade.servedUsd).toBe(0);
    // 100 % short on each of 100 days (trapezoid from the first day to the end).
    expect(o.resilience.totalLossArea).toBeGreaterThan(9800);
    const open = simulate(toyScenario(), { seed: 1, days: 100 }).outcomes;
    expect(open.resilience.totalLossArea).toBe(0);
  });

  it("average dependence, concentration and trust over the last 365 days of the daily series", () => {
    // The built-in region under coercion: crossings close and reopen, so the series move in the window.
    const { scenario } = loadRegion(BASE);
    const r = simulate(scenario, { seed: 5, days: 730, policies: ["coercive"] });
    const o = r.outcomes;
    expect(o.finalWindowDays).toBe(365);
    const windowMean = (column: string) => {
      const v = Array.from(r.series.values[column]!).slice(730 - 365);
      return v.reduce((s, x) => s + x, 0) / v.length;
    };
    const d = o.dependence.find((x) => x.actor === "af" && x.on === "pk")!;
    expect(d.final).toBeCloseTo(windowMean("dependence.af.pk"), 12);
    const h = o.concentration.find((c) => c.actor === "af")!;
    expect(h.herfindahlFinal).toBeCloseTo(windowMean("hhi.af"), 12);
    const p = o.pairs.find((x) => x.a === "pk" && x.b === "af")!;
    expect(p.trustBAFinal).toBeCloseTo(windowMean("trust.af.pk"), 12);
    // The series is not flat in the window, so the mean is not the last day's value.
    const v = Array.from(r.series.values["dependence.af.pk"]!).slice(365);
    expect(Math.max(...v) - Math.min(...v)).toBeGreaterThan(0.05);
    expect(d.open).toBeGreaterThan(0);
  });
});
