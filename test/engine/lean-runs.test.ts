/**
 * A run that keeps less (no event log, a few daily series), as an exploration's cases do: the same
 * run, with only what was asked for in the result.
 */
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import { loadScenarioFile } from "../../src/node/load-scenario.js";
import { toyScenario } from "./scenarios.js";

// Incidents every few days and a closure in the middle, so there are events and moving series to lose.
const scenario = () => {
  const s = toyScenario({
    extra: {
      events: [
        { date: "2025-02-01", actor: "xa", actions: ["close(main_gate)"], note: "closure" },
        { date: "2025-02-11", actor: "xa", actions: ["open(main_gate)"], note: "reopening" },
      ],
    },
  });
  s.zones[0]!.baselinePerDay = 0.3;
  return s;
};

describe("a run that keeps less", () => {
  it("without its event log has the same outcomes and series, and no events", () => {
    const full = simulate(scenario(), { seed: 4, days: 120 });
    const lean = simulate(scenario(), { seed: 4, days: 120, keepEvents: false });
    expect(full.events.length).toBeGreaterThan(3);
    expect(lean.events).toEqual([]);
    expect(lean.outcomes).toEqual(full.outcomes);
    expect(lean.series.columns).toEqual(full.series.columns);
    for (const c of full.series.columns) expect(lean.series.values[c]).toEqual(full.series.values[c]);
  });

  it("of the built-in region, its hypotheses on, has the full run's outcomes and counts its events alike", () => {
    // The mechanisms explain themselves through the log; without one they only count (recordUnkept).
    const region = loadScenarioFile("scenarios/af-pak.yaml").scenario;
    const full = simulate(region, { seed: 2, days: 400 });
    const lean = simulate(region, { seed: 2, days: 400, keepEvents: false, keepSeries: [] });
    expect(full.events.some((e) => e.cause.startsWith("hypothesis "))).toBe(true);
    expect(lean.events).toEqual([]);
    expect(lean.outcomes).toEqual(full.outcomes);
  });

  it("with keepSeries holds exactly the columns asked for, with the full run's values", () => {
    const full = simulate(scenario(), { seed: 4, days: 120 });
    const asked = ["flow.main_gate", "incidents.border"];
    const lean = simulate(scenario(), { seed: 4, days: 120, keepSeries: asked });
    // In the output order of a full run, whatever the order asked.
    expect(lean.series.columns).toEqual(["incidents.border", "flow.main_gate"]);
    expect(Object.keys(lean.series.values).sort()).toEqual([...asked].sort());
    for (const c of asked) expect(lean.series.values[c]).toEqual(full.series.values[c]);
    // The closure shows in the kept flow, and the outcomes (computed from columns not kept) are unchanged.
    expect(Math.min(...lean.series.values["flow.main_gate"]!)).toBe(0);
    expect(lean.outcomes).toEqual(full.outcomes);
    expect(simulate(scenario(), { seed: 4, days: 120, keepSeries: [] }).series.columns).toEqual([]);
  });

  it("names a series it does not have", () => {
    expect(() => simulate(scenario(), { days: 10, keepSeries: ["flow.main_gate", "flow.nowhere"] })).toThrow(
      /no daily series named "flow\.nowhere"/,
    );
  });
});
