import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { createStream } from "../../src/core/random/index.js";
import { loadScenario } from "../../src/core/scenario/index.js";
import { fitHawkes, type HawkesParams, simulateHawkes } from "../../src/core/security/index.js";
import { main } from "../../src/node/cli.js";
import { bufferIo } from "../../src/node/io.js";

const EXAMPLE = "scenarios/examples/incidents-example.csv";
const STAR = "test/fixtures/scenarios/star.yaml";
const dir = mkdtempSync(join(tmpdir(), "corridor-fit-"));

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

function writeCsv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const MS_PER_DAY = 86_400_000;
const isoDay = (epochMs: number, day: number) =>
  new Date(epochMs + Math.floor(day) * MS_PER_DAY).toISOString().slice(0, 10);

interface ZoneJson {
  zone: string;
  id: string;
  events: number;
  mu: number;
  alpha: number;
  beta: number;
  standardErrors: { mu: number; alpha: number; beta: number } | null;
  branchingRatio: number;
  meanExcitationDays: number;
  stationaryRate: number;
  converged: boolean;
  goodnessOfFit: { statistic: number; pValue: number; n: number; consistent: boolean };
}

/** Within `share` of the truth and within 3.5 standard errors of it. */
function expectRecovered(z: ZoneJson, truth: HawkesParams, share: number) {
  expect(z.converged).toBe(true);
  const se = z.standardErrors!;
  for (const key of ["mu", "alpha", "beta"] as const) {
    expect(Math.abs(z[key] / truth[key] - 1)).toBeLessThan(share);
    expect(Math.abs(z[key] - truth[key])).toBeLessThan(3.5 * se[key]);
  }
}

describe("corridor fit-incidents on simulated series", () => {
  const north = { mu: 0.5, alpha: 0.8, beta: 1.2 };
  const south = { mu: 0.4, alpha: 0.3, beta: 0.6 };
  const T = 3000;
  const rows = [
    ...simulateHawkes(north, T, createStream(11, 0, "north")).map((t) => ({ t, zone: "north" })),
    ...simulateHawkes(south, T, createStream(11, 0, "south")).map((t) => ({ t, zone: "south" })),
  ].sort((a, b) => a.t - b.t);
  const numeric = writeCsv(
    "numeric.csv",
    `time,zone\n${rows.map((r) => `${r.t.toPrecision(17)},${r.zone}`).join("\n")}\n`,
  );

  it("recovers μ, α and β of each zone within 15 % from numeric times", async () => {
    const r = await run("fit-incidents", numeric, "--horizon-days", String(T), "--json");
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.window).toMatchObject({ days: T, spreadWithinDay: false });
    const zones = result.zones as ZoneJson[];
    expect(zones.map((z) => z.zone).sort()).toEqual(["north", "south"]);
    const byZone = new Map(zones.map((z) => [z.zone, z]));
    expectRecovered(byZone.get("north")!, north, 0.15);
    expectRecovered(byZone.get("south")!, south, 0.15);
    const z = byZone.get("north")!;
    expect(z.branchingRatio).toBeCloseTo(z.alpha / z.beta, 12);
    expect(z.meanExcitationDays).toBeCloseTo(1 / z.beta, 12);
    expect(z.stationaryRate).toBeCloseTo(z.mu / (1 - z.alpha / z.beta), 12);
    expect(z.events + byZone.get("south")!.events).toBe(rows.length);
    // Data drawn from the model itself pass the time-rescaling check.
    expect(z.goodnessOfFit.consistent).toBe(true);
    expect(z.goodnessOfFit.n).toBe(z.events);
  });

  it("fits one zone with --zone and suggests the closest zone for a typo", async () => {
    const one = JSON.parse((await run("fit-incidents", numeric, "--zone", "south", "--json")).out);
    expect(one.zones.map((z: ZoneJson) => z.zone)).toEqual(["south"]);
    const typo = await run("fit-incidents", numeric, "--zone", "sooth");
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('did you mean "south"?');
  });

  it("reads an ACLED-style export (event_date, fatalities) and cites the last event date in the scenario fragment", async () => {
    // Insurgency-like: n = 0.5 and a 10-day excitation, five years, dates rounded to the day.
    const truth = { mu: 1, alpha: 0.05, beta: 0.1 };
    const days = 1826;
    const times = simulateHawkes(truth, days, createStream(12, 0, "acled"));
    const origin = Date.UTC(2019, 0, 1);
    const body = times.map(
      (t, i) =>
        `PAK${i},${isoDay(origin, t)},2019,1,Explosions/Remote violence,Khyber Pakhtunkhwa,${i % 4},"notes, with a comma"`,
    );
    const file = writeCsv(
      "acled-export.csv",
      `event_id_cnty,event_date,year,time_precision,event_type,admin1,fatalities,notes\n${body.join("\n")}\n`,
    );
    const r = await run("fit-incidents", file, "--json");
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    const lastDate = isoDay(origin, times[times.length - 1]!);
    expect(result.timeColumn).toBe("date");
    expect(result.window).toMatchObject({ start: "2019-01-01", spreadWithinDay: true, seed: 1 });
    const [z] = result.zones as ZoneJson[];
    expect(z!.events).toBe(times.length);
    // Five years pin a 10-day excitation down only loosely (docs/incidents.md §4): the truth lies within
    // 3.5 standard errors, and spreading the day-rounded dates loses little against the exact times.
    for (const key of ["mu", "alpha", "beta"] as const)
      expect(Math.abs(z![key] - truth[key])).toBeLessThan(3.5 * z!.standardErrors![key]);
    const exact = fitHawkes(times, days);
    expect(Math.abs(z!.branchingRatio - exact.branchingRatio)).toBeLessThan(0.02);
    expect(Math.abs(z!.beta / exact.beta - 1)).toBeLessThan(0.05);

    const fragment = parseYaml(result.scenarioYaml) as { zones: Record<string, unknown>[] };
    expect(fragment.zones).toHaveLength(1);
    const zone = fragment.zones[0]!;
    expect(zone["id"]).toBe("acled-export");
    for (const [field, value] of [
      ["baselinePerDay", z!.mu],
      ["excitationPerDay", z!.alpha],
      ["decayPerDay", z!.beta],
    ] as const) {
      // A ranged assumption: the estimate, its interval ± 1.96 SE (rounded outwards) and the data file.
      const assumed = zone[field] as {
        value: number;
        assumption: true;
        range: [number, number];
        note: string;
      };
      expect(assumed.value).toBe(Number(value.toPrecision(4)));
      expect(assumed.assumption).toBe(true);
      expect(assumed.note).toContain("acled-export.csv");
      expect(assumed.note).toContain(`events to ${lastDate}`);
    }
    const ends = (field: string) => (zone[field] as { range: [number, number] }).range;
    const se = z!.standardErrors!;
    // Rounded outwards to four significant digits: never inside the exact end, at most 0.1 % beyond it.
    const outward = (rounded: number, exact: number, dir: -1 | 1) => {
      expect(dir * (rounded - exact)).toBeGreaterThanOrEqual(-1e-12);
      expect(Math.abs(rounded - exact)).toBeLessThanOrEqual(1e-3 * Math.abs(exact) + 1e-12);
    };
    outward(ends("baselinePerDay")[0], Math.max(0, z!.mu - 1.96 * se.mu), -1);
    outward(ends("baselinePerDay")[1], z!.mu + 1.96 * se.mu, 1);
    outward(ends("decayPerDay")[1], z!.beta + 1.96 * se.beta, 1);
    expect(ends("excitationPerDay")[1]).toBeLessThanOrEqual((z!.alpha + 1.96 * se.alpha) * 1.001);
    expect(ends("excitationPerDay")[1] / ends("decayPerDay")[0]).toBeLessThan(1);
  });

  it("keeps the ranges of a near-critical fit inside the stationary region, says so, and the fragment loads", async () => {
    // n = 0.9 over 300 days: independent ±1.96 SE ends of α and β would allow α/β ≥ 1.
    const times = simulateHawkes({ mu: 0.2, alpha: 0.9, beta: 1 }, 300, createStream(5, 0, "critical"));
    const file = writeCsv("critical.csv", `time,zone\n${times.map((t) => `${t},ridge`).join("\n")}\n`);
    const { zones, scenarioYaml } = JSON.parse((await run("fit-incidents", file, "--json")).out);
    const [z] = zones as ZoneJson[];
    const se = z!.standardErrors!;
    expect((z!.alpha + 1.96 * se.alpha) / (z!.beta - 1.96 * se.beta)).toBeGreaterThan(1);
    expect(scenarioYaml).toContain("narrowed");
    const fragment = parseYaml(scenarioYaml) as { zones: Record<string, { range: [number, number] }>[] };
    const zone = fragment.zones[0]!;
    expect(zone["excitationPerDay"]!.range[1] / zone["decayPerDay"]!.range[0]).toBeLessThan(1);
    const pasted = `${readFileSync(STAR, "utf8")}\n${(scenarioYaml as string).replace(/^( {4}name: .*)$/gm, "$1\n    country: XA")}`;
    expect(() => loadScenario(pasted, "pasted.yaml")).not.toThrow();
  });

  it("prints a fragment that loads into a scenario once a country is added", async () => {
    const { scenarioYaml } = JSON.parse((await run("fit-incidents", EXAMPLE, "--json")).out);
    const pasted = `${readFileSync(STAR, "utf8")}\n${(scenarioYaml as string).replace(/^( {4}name: .*)$/gm, "$1\n    country: XA")}`;
    const { scenario, parameters } = loadScenario(pasted, "pasted.yaml");
    expect(scenario.zones.map((z) => z.id)).toEqual(["pass_zone", "valley"]);
    const assumed = parameters.filter((p) => p.path.startsWith("zones[") && p.kind === "assumed");
    expect(assumed).toHaveLength(6);
    for (const p of assumed) {
      expect(p.note).toContain("incidents-example.csv (events to 2023-12-31)");
      expect(p.range![0]).toBeLessThanOrEqual(p.value);
      expect(p.range![1]).toBeGreaterThan(p.value);
    }
  });

  it("prints the estimates, the goodness of fit and the fragment as text", async () => {
    const r = await run("fit-incidents", numeric, "--zone", "north");
    expect(r.code).toBe(0);
    for (const label of ["μ (baseline)", "α (jump)", "β (decay)", "branching ratio", "excitation lasts"])
      expect(r.out).toContain(label);
    expect(r.out).toMatch(/μ \(baseline\) +0\.\d{4} ± 0\.\d{4} incidents\/day/);
    expect(r.out).toMatch(
      /KS D = 0\.\d{4}, p = [\d.]+ on \d+ time-rescaled intervals vs Exp\(1\): consistent/,
    );
    expect(r.out).toContain("converged");
    expect(r.out).toMatch(/\nzones:\n {2}- id: north\n/);
    // Numeric times have no calendar date: the fragment's note says the date is that of the fit.
    expect(r.out).toMatch(/event times in days; fitted \d{4}-\d\d-\d\d/);
  });

  it("says when evenly spaced events are not consistent with a self-exciting process", async () => {
    const file = writeCsv(
      "clockwork.csv",
      `time\n${Array.from({ length: 200 }, (_, i) => i + 0.5).join("\n")}\n`,
    );
    const r = await run("fit-incidents", file, "--horizon-days", "200");
    expect(r.code).toBe(0);
    expect(r.out).toContain("not consistent with the model at 5 %");
  });

  it("says so when the optimiser stops before converging", async () => {
    const r = await run("fit-incidents", numeric, "--zone", "north", "--max-iterations", "2");
    expect(r.code).toBe(0);
    expect(r.out).toContain("NOT converged");
    expect(r.err).toContain("did not converge");
  });
});

describe("corridor fit-incidents, bad input", () => {
  it("refuses fewer than ten events with exit code 2", async () => {
    const file = writeCsv("few.csv", "date\n2024-01-01\n2024-01-03\n2024-01-09\n");
    const r = await run("fit-incidents", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain("at least 10 events");
    expect(r.err).toContain("few.csv");
  });

  it("skips zones with too few events but fits the others", async () => {
    const lines = ["time,zone"];
    for (let i = 0; i < 40; i++) lines.push(`${(i * 2.3) % 90},big`);
    lines.push("5,tiny", "50,tiny");
    const file = writeCsv("mixed.csv", `${lines.join("\n")}\n`);
    const r = await run("fit-incidents", file, "--horizon-days", "100", "--json");
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.zones.map((z: ZoneJson) => z.zone)).toEqual(["big"]);
    expect(result.skipped).toMatchObject([{ zone: "tiny", events: 2 }]);
  });

  it("names the file, line and column of a malformed row", async () => {
    const file = writeCsv(
      "broken.csv",
      "event_date,fatalities\n2024-01-01,0\n2024-01-02,many\n2024-02-30,1\n",
    );
    const r = await run("fit-incidents", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain("broken.csv:3:2: fatalities");
    expect(r.err).toContain("broken.csv:4:1");
    expect(r.err).not.toMatch(/at .*\.js/);
  });

  it("refuses a window shorter than the data, --zone without zones, and a missing file", async () => {
    const file = writeCsv(
      "short.csv",
      `date\n${Array.from({ length: 12 }, (_, i) => `2024-01-${String(i + 1).padStart(2, "0")}`).join("\n")}\n`,
    );
    const short = await run("fit-incidents", file, "--horizon-days", "11");
    expect(short.code).toBe(2);
    expect(short.err).toContain("--horizon-days");
    expect(short.err).toContain("at least 12 days");
    const noZones = await run("fit-incidents", file, "--zone", "north");
    expect(noZones.code).toBe(2);
    expect(noZones.err).toContain("no zone column");
    const missing = await run("fit-incidents", join(dir, "nope.csv"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("nope.csv");
  });
});

describe("the example incident file", () => {
  /** The generator named in the file's comment lines and in docs/incidents.md. */
  function exampleCsv(): string {
    const zones = [
      { zone: "pass_zone", mu: 0.3, alpha: 0.05, beta: 0.1 },
      { zone: "valley", mu: 0.08, alpha: 0.06, beta: 0.2 },
    ];
    const rows: { t: number; zone: string; fatalities: number }[] = [];
    for (const z of zones) {
      const times = simulateHawkes(z, 1095, createStream(2024, 0, `example/${z.zone}`));
      const rng = createStream(2024, 0, `example/${z.zone}/fatalities`);
      for (const t of times) {
        let fatalities = 0;
        while (rng.next() < 0.6) fatalities++;
        rows.push({ t, zone: z.zone, fatalities });
      }
    }
    rows.sort((a, b) => a.t - b.t);
    const origin = Date.UTC(2021, 0, 1);
    return rows.map((r) => `${isoDay(origin, r.t)},${r.zone},${r.fatalities}`).join("\n");
  }

  it("is the seeded simulation its comment describes", () => {
    const text = readFileSync(EXAMPLE, "utf8");
    expect(text.split("\n")[0]).toMatch(/^# Synthetic incidents, NOT real data/);
    const data = text.slice(
      text.indexOf("event_date,zone,fatalities\n") + "event_date,zone,fatalities\n".length,
    );
    expect(data.trimEnd()).toBe(exampleCsv());
  });

  it("fits both of its zones", async () => {
    const r = await run("fit-incidents", EXAMPLE, "--json");
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.zones.map((z: ZoneJson) => z.id)).toEqual(["pass_zone", "valley"]);
    expect(result.window).toMatchObject({ start: "2021-01-01", end: "2023-12-31" });
  });
});
