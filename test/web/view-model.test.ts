/** The workbench's view logic: what the map and charts draw, parameter edits in the YAML, export formats. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { COLORS as CHART_COLORS } from "../../src/core/charts/common.js";
import { comparePolicies, simulate } from "../../src/core/engine/index.js";
import { InputError } from "../../src/core/errors/index.js";
import { loadScenario } from "../../src/core/scenario/index.js";
import {
  assumptionGroups,
  comparisonReport,
  crossingState,
  crossingsOnDay,
  cumulative,
  daysOf,
  flowsOnDay,
  flowWidth,
  maxDailyFlow,
  maxZoneIncidents,
  measureRows,
  nearestEvent,
  networkGeoJson,
  OKABE_ITO,
  parametersOf,
  pathKeys,
  provenance,
  seriesCsv,
  setParameterInText,
  sliderStep,
  toCsv,
  trailingMean,
  trailingSum,
  zoneIncidents,
  zoneOpacity,
} from "../../web/src/view-model.js";

const EXAMPLE = fileURLToPath(new URL("../../scenarios/examples/two-routes.yaml", import.meta.url));
const text = readFileSync(EXAMPLE, "utf8");
const loaded = loadScenario(text, "two-routes.yaml");
const run = simulate(loaded.scenario, { seed: 3, days: 400 });

describe("map state for a day", () => {
  it("calls a crossing closed below 5 % of the day open, strained when restricted or queueing, else open", () => {
    expect(crossingState(0, 0)).toBe("closed");
    expect(crossingState(0.5, 0)).toBe("strained");
    expect(crossingState(1, 12)).toBe("strained");
    expect(crossingState(1, 0)).toBe("open");
  });

  it("reads each crossing's flow, open share and queue from the run's columns for that day", () => {
    const day = 200;
    const states = crossingsOnDay(run.scenario, run.series, day);
    expect(states.map((s) => s.id)).toEqual(run.scenario.crossings.map((c) => c.id));
    for (const s of states) {
      expect(s.flow).toBe(run.series.values[`flow.${s.id}`]![day]);
      expect(s.openShare).toBe(run.series.values[`open_share.${s.id}`]![day]);
    }
  });

  it("shades zones by incidents in the trailing 90 days, scaled to the run's busiest window", () => {
    const max = maxZoneIncidents(run.scenario, run.series);
    const last = run.series.days - 1;
    const counts = zoneIncidents(run.scenario, run.series, last);
    for (const z of run.scenario.zones) {
      const daily = run.series.values[`incidents.${z.id}`]!;
      expect(counts.get(z.id)).toBe(trailingSum(daily, last, 90));
      expect(counts.get(z.id)!).toBeLessThanOrEqual(max);
    }
    expect(zoneOpacity(0, max)).toBeLessThan(zoneOpacity(max, max));
    expect(zoneOpacity(max * 10, max)).toBe(zoneOpacity(max, max));
  });

  it("widens links with the square root of flow, 1 px for none, capped at the largest", () => {
    expect(flowWidth(0, 100)).toBe(1);
    expect(flowWidth(100, 100)).toBe(10);
    expect(flowWidth(25, 100)).toBeCloseTo(1 + 9 * 0.5);
    expect(flowWidth(400, 100)).toBe(10);
  });
});

describe("series helpers", () => {
  it("sums trailing windows, smooths and accumulates", () => {
    const v = [1, 2, 3, 4, 5];
    expect(trailingSum(v, 4, 2)).toBe(9);
    expect(trailingSum(v, 1, 10)).toBe(3);
    expect([...trailingMean(v, 2)]).toEqual([1, 1.5, 2.5, 3.5, 4.5]);
    expect([...cumulative(v)]).toEqual([1, 3, 6, 10, 15]);
  });

  it("finds the nearest event within a tolerance", () => {
    const events = run.events;
    expect(events.length).toBeGreaterThan(0);
    const e = events[Math.floor(events.length / 2)]!;
    expect(nearestEvent(events, e.day, 0)?.day).toBe(e.day);
    expect(nearestEvent([], 10, 5)).toBeUndefined();
  });
});

describe("parameters", () => {
  it("parses parameter paths into YAML keys", () => {
    expect(pathKeys("links[3].capacityVehPerDay")).toEqual(["links", 3, "capacityVehPerDay"]);
    expect(pathKeys("model.trust.etaUp")).toEqual(["model", "trust", "etaUp"]);
    expect(pathKeys("zones[0].sanctuary.share")).toEqual(["zones", 0, "sanctuary", "share"]);
  });

  it("sets an assumed number in the text, keeping its range and the rest of the file", () => {
    const assumed = loaded.parameters.find((p) => p.kind === "assumed" && p.range)!;
    expect(assumed).toBeDefined();
    const [lo, hi] = assumed.range!;
    const target = lo + (hi - lo) / 3;
    const changed = setParameterInText(text, assumed.path, target);
    const again = loadScenario(changed, "two-routes.yaml");
    const after = again.parameters.find((p) => p.path === assumed.path)!;
    expect(after.value).toBeCloseTo(target, 12);
    expect(after.kind).toBe("assumed");
    expect(after.range).toEqual(assumed.range);
    const others = (list: typeof loaded.parameters) =>
      list.filter((p) => p.path !== assumed.path).map((p) => [p.path, p.value]);
    expect(others(again.parameters)).toEqual(others(loaded.parameters));
  });

  it("sets a bare number in place", () => {
    const bare = "name: x\nvalue: 3\n";
    expect(setParameterInText(bare, "value", 7)).toBe("name: x\nvalue: 7\n");
  });

  it("lists an element's parameters and says where each comes from", () => {
    const ps = parametersOf(loaded.parameters, "crossings", 0);
    expect(ps.length).toBeGreaterThan(0);
    expect(ps.every((p) => p.path.startsWith("crossings[0]."))).toBe(true);
    expect(provenance({ path: "a", value: 1, kind: "cited", source: "https://x", date: "2024" })).toBe(
      "source: https://x (2024)",
    );
    expect(provenance({ path: "a", value: 1, kind: "assumed", range: [0, 2] })).toBe("assumption, range 0–2");
    expect(provenance({ path: "a", value: 1, kind: "bare" })).toMatch(/no source/);
  });

  it("groups assumed numbers with ranges for the sliders, and picks a step near a thousandth of the range", () => {
    const groups = assumptionGroups(loaded.parameters);
    const all = [...groups.values()].flat();
    expect(all.length).toBe(loaded.parameters.filter((p) => p.kind === "assumed" && p.range).length);
    for (const [group, list] of groups) for (const p of list) expect(p.path.startsWith(group)).toBe(true);
    expect(sliderStep([0, 1])).toBe(0.001);
    expect(sliderStep([100, 5000])).toBe(1);
  });
});

describe("scenario text is data", () => {
  it("never runs a YAML tag that asks for code", () => {
    const marker = globalThis as { corridorPwned?: boolean };
    const evil = `${text}\nextra: !!js/function "function () { globalThis.corridorPwned = true }"\n`;
    expect(() => loadScenario(evil, "evil.yaml")).toThrow(InputError);
    expect(marker.corridorPwned).toBeUndefined();
  });
});

describe("exports", () => {
  it("quotes CSV fields that need it and leaves non-finite numbers empty", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          [Number.NaN, 2],
        ],
      ),
    ).toBe('a,b\n"x,y","say ""hi"""\n,2\n');
  });

  it("writes the daily series as CSV with one row per day", () => {
    const csv = seriesCsv(run.series).trimEnd().split("\n");
    expect(csv.length).toBe(run.series.days + 1);
    expect(csv[0]).toBe(["date", "day", ...run.series.columns].join(","));
    expect(csv[1]!.startsWith(`${run.series.dates[0]},0,`)).toBe(true);
  });

  it("writes the network as GeoJSON with nodes at their coordinates and links as lines", () => {
    const geo = networkGeoJson(run.scenario);
    const features = geo.features as {
      geometry: { type: string; coordinates: unknown };
      properties: { element: string; id: string };
    }[];
    expect(features.filter((f) => f.properties.element === "node").length).toBe(run.scenario.nodes.length);
    expect(features.filter((f) => f.properties.element === "crossing").length).toBe(
      run.scenario.crossings.length,
    );
    const n = run.scenario.nodes[0]!;
    expect(features[0]!.geometry.coordinates).toEqual([n.lon, n.lat]);
  });

  it("writes a self-contained comparison report with every policy's bands and no script or outside resource", () => {
    const runs = ["a", "b"].flatMap((policy, i) =>
      [1, 2, 3].map((seed) => ({ policy, seed, outcomes: { ...run.outcomes, incidents: 10 * i + seed } })),
    );
    const rows = comparePolicies(runs, { actor: run.scenario.actors[0]!.id });
    expect(measureRows(rows, "incidents").map((r) => r.mean)).toEqual([2, 12]);
    const html = comparisonReport({
      scenario: "<x>",
      file: "f.yaml",
      focus: { actor: "pk" },
      rows,
      runs: 6,
      days: 400,
      start: "s",
      end: "e",
      charts: ["<svg><script>alert(1)</script></svg>"],
      generated: "now",
    });
    expect(html).toContain("&lt;x&gt;");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
    expect(html).toContain("not a forecast");
    expect(html).toContain("seeds 1…N per policy");
    expect(html).not.toContain("Claims over these futures");
  });

  it("adds the claims and what the futures varied to the report, escaped", () => {
    const rows = comparePolicies([{ policy: "a", seed: 1, outcomes: run.outcomes }], {
      actor: run.scenario.actors[0]!.id,
    });
    const html = comparisonReport({
      scenario: "x",
      file: "f.yaml",
      focus: { actor: "pk" },
      rows,
      runs: 1,
      days: 400,
      start: "s",
      end: "e",
      charts: [],
      generated: "now",
      futures: "futures 1…4 sampling every assumption",
      claims: [
        {
          name: "c<1>",
          side: "one",
          sentence: "A < B.",
          holds: "75 % [30, 95] %",
          verdict: "per future",
          fails: "u in [0, 1]",
        },
      ],
    });
    expect(html).toContain("futures 1…4 sampling every assumption");
    expect(html).toContain("<h2>Claims over these futures</h2>");
    expect(html).toContain("c&lt;1&gt;");
    expect(html).toContain("75 % [30, 95] %");
    expect(html).toContain("u in [0, 1]");
  });
});

describe("daily link flows on the map", () => {
  const flows = {
    links: [{ id: "a" }, { id: "a" }, { id: "b" }],
    changes: [
      { day: 0, flow: [1, 2, 10] },
      { day: 5, flow: [3, 4, 0] },
      { day: 9, flow: [0, 0, 7] },
    ],
  };

  it("reads the flows that hold on a day (both directions summed), the last change on or before it", () => {
    expect([...flowsOnDay(flows, 0)!]).toEqual([
      ["a", 3],
      ["b", 10],
    ]);
    expect(flowsOnDay(flows, 4)!.get("a")).toBe(3);
    expect(flowsOnDay(flows, 5)!.get("a")).toBe(7);
    expect(flowsOnDay(flows, 8)!.get("b")).toBe(0);
    expect(flowsOnDay(flows, 9)!.get("b")).toBe(7);
    expect(flowsOnDay(flows, 400)!.get("b")).toBe(7);
    expect(flowsOnDay({ links: flows.links }, 3)).toBeUndefined();
  });

  it("scales widths by the largest flow of any day", () => {
    expect(maxDailyFlow(flows)).toBe(10);
    expect(maxDailyFlow({ links: flows.links })).toBe(0);
  });
});

describe("one colour-blind-safe palette", () => {
  it("draws the analysis charts (Sobol, PRIM, claims) in Okabe–Ito colours, as the workbench's own", () => {
    const palette = OKABE_ITO.map((c) => c.toLowerCase());
    for (const colour of [CHART_COLORS.first, CHART_COLORS.total, CHART_COLORS.selected])
      expect(palette).toContain(colour.toLowerCase());
  });
});

describe("the Days box", () => {
  it("is the scenario's own horizon when blank, else whole days within 30 days and 100 years", () => {
    expect(daysOf("")).toBeUndefined();
    expect(daysOf("  ")).toBeUndefined();
    expect(daysOf("abc")).toBeUndefined();
    expect(daysOf("-5")).toBeUndefined();
    expect(daysOf("365")).toBe(365);
    expect(daysOf("365.9")).toBe(365);
    expect(daysOf("3")).toBe(30);
    expect(daysOf("1e9")).toBe(36_500);
  });
});
