/**
 * Exact days of the projects step (src/core/engine/steps/projects.ts) on the one-project toy: when a
 * project is announced, starts building and operates, what a stalled one needs to restart, and how
 * construction pauses while a security benchmark fails. The toy starts on 2025-01-01 (day 0).
 */
import { describe, expect, it } from "vitest";
import type { SimEvent } from "../../src/core/engine/events.js";
import { simulate } from "../../src/core/engine/index.js";
import { validateScenario } from "../../src/core/scenario/index.js";
import { toyData } from "./scenarios.js";

type Data = Record<string, unknown>;

const project = (fields: Data) => ({
  id: "road",
  name: "road",
  kind: "road",
  announced: "2020-01-01",
  declaredCapacity: 100,
  capacityUnit: "vehicles/day",
  status: "building",
  constructionDays: 20,
  sponsors: ["xa", "xb"],
  ...fields,
});

function run(fields: Data, days = 60, extra: Data = {}) {
  const data = toyData({ model: { escalation: { calmDays: 100_000 } } });
  data["projects"] = [project(fields)];
  data["zones"] = [
    { id: "border", name: "Border", country: "XA", baselinePerDay: 0, excitationPerDay: 0, decayPerDay: 1 },
  ];
  Object.assign(data, extra);
  return simulate(validateScenario(data, "toy.yaml").scenario, { days }).events;
}

const day = (events: SimEvent[], kind: string) => events.find((e) => e.kind === kind)?.day;
const kinds = (events: SimEvent[]) => events.filter((e) => e.kind.startsWith("project-"));

describe("projects step: announcement, building, operation", () => {
  it("announces on its date, starts building the next day and operates after its construction days", () => {
    // Announced on day 10 (the step ends there that day), building from day 11; the day building starts
    // counts no work, so the 20 days of work are days 12–31.
    const events = run({ announced: "2025-01-11", status: "announced" });
    expect(kinds(events).map((e) => [e.kind, e.day])).toEqual([
      ["project-announced", 10],
      ["project-building", 11],
      ["project-operational", 31],
    ]);
    const building = events.find((e) => e.kind === "project-building")!;
    expect(building.cause).toBe("no condition: building starts");
    expect(building.values).toEqual({ "construction days": 20 });
    expect(events.find((e) => e.kind === "project-operational")!.cause).toBe("construction finished");
  });

  it("does not announce again a project already building on its announcement date", () => {
    // Announced on day 0 with status building: work runs days 0–19, no announcement event.
    const events = run({ announced: "2025-01-01" });
    expect(kinds(events).map((e) => [e.kind, e.day])).toEqual([["project-operational", 19]]);
  });

  it("keeps a stalled project without a condition stalled", () => {
    expect(kinds(run({ status: "stalled" }, 120))).toEqual([]);
  });

  it("restarts a stalled project on the day its condition first holds", () => {
    const events = run({ status: "stalled", condition: "day() >= 5" });
    expect(day(events, "project-building")).toBe(5);
    expect(events.find((e) => e.kind === "project-building")!.cause).toBe("condition holds: day() >= 5");
    expect(day(events, "project-operational")).toBe(25);
  });

  it("waits for an announced project's condition before building", () => {
    const events = run({ status: "announced", condition: "day() >= 7" });
    expect(day(events, "project-building")).toBe(7);
    expect(day(events, "project-operational")).toBe(27);
  });
});

describe("projects step: construction pauses while the security benchmark fails", () => {
  // The benchmark fails on days 5–14 (an attack on day 5, counted over 10 days); with a benchmark of one
  // day, the pause alone sets the date: built on days 0–4 and 15–29, operating on day 29.
  const attack = {
    events: [{ date: "2025-01-06", incident: { zone: "border", fatalities: 1 }, note: "attack" }],
  };
  const quiet = "incidents(border, 10) == 0";

  it("adds the failing days to the construction time", () => {
    const events = run({ condition: quiet }, 60, {
      ...attack,
      hypotheses: { securityBenchmarks: { strength: 1 } },
    });
    const operating = events.find((e) => e.kind === "project-operational")!;
    expect(operating.day).toBe(29);
    expect(operating.values).toEqual({ "construction days": 20, "benchmark held (days)": 15 });
    expect(operating.cause).toMatch(/^hypothesis securityBenchmarks .*held 15 days in a row \(≥ 1\)$/);
  });

  it("builds through the attack without the hypothesis, and names no benchmark", () => {
    const operating = run({ condition: quiet }, 60, attack).find((e) => e.kind === "project-operational")!;
    expect(operating.day).toBe(19);
    expect(operating.values).toEqual({ "construction days": 20 });
  });
});
