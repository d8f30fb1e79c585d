import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import { validateScenario } from "../../src/core/scenario/index.js";
import { toyData } from "./scenarios.js";

type Data = Record<string, unknown>;

const project = (id: string, constructionDays: number, condition: string) => ({
  id,
  name: id,
  kind: "road",
  announced: "2020-01-01",
  declaredCapacity: 100,
  capacityUnit: "vehicles/day",
  status: "building",
  condition,
  constructionDays,
  sponsors: ["xa", "xb"],
});

function toy(projects: Data[], hypotheses?: Data, extra: Data = {}) {
  const data = toyData({ model: { escalation: { calmDays: 100_000 } } });
  data["projects"] = projects;
  data["zones"] = [
    { id: "border", name: "Border", country: "XA", baselinePerDay: 0, excitationPerDay: 0, decayPerDay: 1 },
  ];
  Object.assign(data, extra);
  if (hypotheses) data["hypotheses"] = hypotheses;
  return validateScenario(data, "toy.yaml").scenario;
}

const attackOn = (dates: string[]) => ({
  events: dates.map((date) => ({ date, incident: { zone: "border", fatalities: 1 }, note: "attack" })),
});

const operatingDay = (events: { kind: string; target?: string; day: number }[], id: string) =>
  events.find((e) => e.kind === "project-operational" && e.target === id)?.day;

describe("operation needs sustained security (one-project toy)", () => {
  // 20 days of work; the benchmark fails on days 5–14 (an attack on day 5, counted over 10 days).
  const quiet = "incidents(border, 10) == 0";
  const scenario = (strength?: number) =>
    toy(
      [project("road", 20, quiet)],
      strength === undefined ? undefined : { securityBenchmarks: { strength } },
      attackOn(["2025-01-06"]),
    );

  it("operates when construction ends without the hypothesis", () => {
    expect(operatingDay(simulate(scenario(), { days: 60 }).events, "road")).toBe(19);
  });

  it("pauses construction while the benchmark fails and waits for it to hold N days", () => {
    // Built on days 0–4 and 15–29; the benchmark has held since day 15, 30 days in a row on day 44.
    const { events, outcomes } = simulate(scenario(30), { days: 60 });
    expect(operatingDay(events, "road")).toBe(44);
    const paused = outcomes.mechanisms.find((m) => m.hypothesis === "securityBenchmarks")!;
    // Construction stood still on the ten days the benchmark failed (days 5–14).
    expect(paused.contributions["daysPaused"]).toBe(10);
  });

  it("changes nothing at strength 0", () => {
    const none = simulate(scenario(), { days: 60 });
    const zero = simulate(scenario(0), { days: 60 });
    expect(JSON.stringify(zero.events)).toBe(JSON.stringify(none.events));
    expect(zero.outcomes).toEqual(none.outcomes);
  });

  it("flips which of two corridors runs first: a quick one through violence or a slow one through calm", () => {
    const two = (strength?: number) =>
      toy(
        [project("quick", 20, quiet), project("slow", 60, "day() >= 0")],
        strength === undefined ? undefined : { securityBenchmarks: { strength } },
        attackOn(["2025-01-06", "2025-01-26", "2025-02-15", "2025-03-07", "2025-03-27", "2025-04-16"]),
      );
    const off = simulate(two(), { days: 150 }).events;
    expect(operatingDay(off, "quick")!).toBeLessThan(operatingDay(off, "slow")!);
    const on = simulate(two(30), { days: 150 }).events;
    // The calm corridor's benchmark has held since day 0: it opens when finished.
    expect(operatingDay(on, "slow")).toBe(59);
    // The quick one is built by day 39 but its benchmark holds 30 days in a row only after the last
    // attack (day 105): failing to day 114, held from 115, opened on day 144.
    expect(operatingDay(on, "quick")).toBe(144);
  });
});

describe("announcements follow warmth (one-project toy)", () => {
  const forever = [project("road", 100_000, "day() >= 0")];
  const count = (trust: number, ladder: string, strength: number, exponent = 1) => {
    const scenario = toy(
      forever,
      { warmAnnouncements: { strength, exponent } },
      {
        relations: [{ a: "xa", b: "xb", trustAB: trust, trustBA: trust, ladder }],
        model: { trust: { relaxPerDay: 0 }, escalation: { calmDays: 100_000 }, routing: { gap: 1e-9 } },
      },
    );
    const { events, outcomes } = simulate(scenario, { days: 1000 });
    const drawn = outcomes.mechanisms.find((m) => m.hypothesis === "warmAnnouncements")!.contributions;
    expect(events.filter((e) => e.kind === "project-announced").length).toBe(drawn["announcements"]);
    return drawn["announcements"]!;
  };

  it("announces at α/365 · W^k a day: about 68 in 1,000 days at W = 0.5, α = 50, k = 1", () => {
    // h = 50/365 × 0.5 = 0.0685: Binomial(1000, h), mean 68.5, sd 8.0; within 4 standard deviations.
    expect(Math.abs(count(0.5, "normal", 50) - 68.5)).toBeLessThan(32);
    // k = 2: h = 50/365 × 0.25, mean 34.2, sd 5.7.
    expect(Math.abs(count(0.5, "normal", 50, 2) - 34.2)).toBeLessThan(23);
    // At strikes the calm is 1/3: W = 0.5/3, mean 22.8, sd 4.7.
    expect(Math.abs(count(0.5, "strikes", 50) - 22.8)).toBeLessThan(19);
  });

  it("announces more between warm sponsors than cold ones, whatever gets built", () => {
    expect(count(0.8, "normal", 10)).toBeGreaterThan(count(0.1, "normal", 10));
  });
});
