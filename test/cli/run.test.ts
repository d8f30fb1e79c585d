import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/core/scenario/index.js";
import { main } from "../../src/node/cli.js";
import { defaultRunDir, formatSummary } from "../../src/node/commands/run.js";
import { bufferIo } from "../../src/node/io.js";
import { RUN_FILES } from "../../src/node/run-files/index.js";
import { fakeOutcomes } from "../helpers/fake-result.js";
import { expectParquetMatchesCsv, readParquet } from "../helpers/parquet.js";

const TWO_ROUTES = "scenarios/examples/two-routes.yaml";

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "corridor-run-"));
}

describe("the run summary", () => {
  const summary = formatSummary(fakeOutcomes(), TWO_ROUTES);
  const lines = summary.split("\n");

  it("opens with the scenario, seed and dates, and says it is not a forecast", () => {
    expect(lines[0]).toBe(
      `Two routes, one crossing (${TWO_ROUTES}), seed 7, 2024-01-01 to 2024-01-03 (3 days): ` +
        "an exploration under the scenario's assumptions, not a forecast.",
    );
  });

  it("gives trade value in whole USD with thousands separators", () => {
    expect(summary).toMatch(/served\s+1,234,568\n/);
    expect(summary).toMatch(/unserved\s+2,500,000\n/);
    expect(summary).toMatch(/spoiled\s+1,000\n/);
  });

  it("gives closure days per crossing, incidents and fatalities", () => {
    expect(summary).toMatch(/Friendship Gate\s+2\s+1\s+449\.5\s+120\n/);
    expect(summary).toContain("Security: incidents 3, fatalities 7");
    expect(summary).toMatch(/pass_zone\s+3\s+7\s+1\n/);
  });

  it("gives trust start → end and its final-window mean, days per rung and escalation cycles for each pair", () => {
    const header = lines.find((l) => l.startsWith("Pair"))!;
    expect(header.split(/\s{2,}/)).toEqual([
      "Pair",
      "trust a→b",
      "final mean",
      "trust b→a",
      "final mean",
      "normal",
      "tension",
      "strikes",
      "escalation cycles",
      "ceasefires (failed)",
    ]);
    expect(summary).toMatch(
      /xa–xb\s+0\.50 → 0\.25\s+0\.30\s+0\.60 → 0\.40\s+0\.45\s+1\s+1\s+1\s+1\s+1 \(0\)\n/,
    );
  });

  it("gives dependence, coercion, resilience, connectivity and returns", () => {
    // start, final-window mean, last day, open network
    expect(summary).toMatch(/xb on xa\s+90\.0 %\s+85\.0 %\s+80\.0 %\s+90\.0 %\n/);
    expect(summary).toContain("Coercion: attempts 2, complied 1, defied 1, compliance rate 50.0 %");
    expect(summary).toContain(
      "Resilience against the open network (served share 100.0 % = 100 %): shocks 1, loss 60.0 %-days, mean recovery 1.0 days, not recovered 0",
    );
    expect(summary).toContain("Connectivity: projects declared 2, operational 1, gap 50.0 %");
    expect(summary).toContain("People returned: 1,500");
  });

  it("says n/a rather than NaN when no coercion was judged and nothing recovered", () => {
    const o = fakeOutcomes();
    o.coercion = { attempts: 0, complied: 0, defied: 0, complianceRate: null, episodes: [] };
    o.resilience.meanRecoveryDays = null;
    const text = formatSummary(o, TWO_ROUTES);
    expect(text).toContain("compliance rate n/a");
    expect(text).toContain("mean recovery n/a");
    expect(text).not.toMatch(/NaN|null|undefined/);
  });
});

describe("run options", () => {
  it("puts a run in runs/<scenario file stem>-seed<N> by default", () => {
    expect(defaultRunDir("scenarios/examples/two-routes.yaml", 42)).toBe(join("runs", "two-routes-seed42"));
    expect(defaultRunDir("my.scenario.json", 1)).toBe(join("runs", "my.scenario-seed1"));
  });
});

// End to end, through the real engine.
describe("corridor run on the two-route example", () => {
  it("prints the summary and writes every run file, consistent with each other", async () => {
    const out = join(scratch(), "run");
    const r = await run("run", TWO_ROUTES, "--seed", "3", "--days", "30", "--out", out);
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.out).toContain("seed 3");
    expect(r.out).toContain("not a forecast");
    expect(r.out).toContain("Trade value");
    expect(r.out).toContain(`files written to ${out}/`);
    expect(readdirSync(out).sort()).toEqual([...RUN_FILES].sort());

    const outcomes = JSON.parse(readFileSync(join(out, "outcomes.json"), "utf8"));
    expect(outcomes).toMatchObject({ seed: 3, days: 30, start: "2024-01-01" });
    const csv = readFileSync(join(out, "series.csv"), "utf8").trimEnd().split("\n");
    expect(csv).toHaveLength(31);
    expect(csv[0]).toMatch(/^day,date(,|$)/);
    expect(csv[1]).toMatch(/^0,2024-01-01(,|$)/);
    expectParquetMatchesCsv(
      readFileSync(join(out, "series.csv"), "utf8"),
      await readParquet(join(out, "series.parquet")),
    );

    const info = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(info).toMatchObject({
      scenario: "Two routes, one crossing",
      file: TWO_ROUTES,
      seed: 3,
      days: 30,
      start: outcomes.start,
      end: outcomes.end,
      options: { seed: 3, run: 0, days: 30, start: outcomes.start, policies: [] },
    });
    expect(info.fileSha256).toBe(createHash("sha256").update(readFileSync(TWO_ROUTES, "utf8")).digest("hex"));
    expect(info.command).toBe(`corridor run ${TWO_ROUTES} --seed 3 --days 30`);

    const events = readFileSync(join(out, "events.jsonl"), "utf8").split("\n").filter(Boolean);
    for (const line of events) expect(JSON.parse(line)).toHaveProperty("cause");
    const geo = JSON.parse(readFileSync(join(out, "network.geojson"), "utf8"));
    const { scenario } = loadScenario(readFileSync(TWO_ROUTES, "utf8"), TWO_ROUTES);
    expect(geo.features).toHaveLength(
      scenario.nodes.length + scenario.links.length + scenario.crossings.length,
    );

    // And explain reads the same folder.
    const explained = await run("explain", out);
    expect(explained.code).toBe(0);
    expect(explained.out).toContain(`${events.length} events logged`);
  });

  it("gives identical files for the same seed", async () => {
    const [a, b] = [join(scratch(), "a"), join(scratch(), "b")];
    expect((await run("run", TWO_ROUTES, "--seed", "5", "--days", "20", "--out", a, "--quiet")).code).toBe(0);
    expect((await run("run", TWO_ROUTES, "--seed", "5", "--days", "20", "--out", b, "--quiet")).code).toBe(0);
    for (const file of ["outcomes.json", "series.csv", "events.jsonl", "network.geojson"])
      expect(readFileSync(join(b, file), "utf8")).toBe(readFileSync(join(a, file), "utf8"));
  });

  it("prints only outcomes.json on stdout with --json", async () => {
    const out = join(scratch(), "run");
    const r = await run("run", TWO_ROUTES, "--days", "10", "--out", out, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(readFileSync(join(out, "outcomes.json"), "utf8")));
    expect(r.err).toContain(`files written to ${out}/`);
  });

  it("shows sparse progress on stderr, and none with --quiet", async () => {
    const out = join(scratch(), "run");
    const loud = await run("run", TWO_ROUTES, "--days", "50", "--out", out);
    const progress = loud.err.split("\n").filter((l) => l.startsWith("simulating days"));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.length).toBeLessThanOrEqual(11);
    expect(progress.at(-1)).toBe("simulating days: 50/50");
    const quiet = await run("run", TWO_ROUTES, "--days", "50", "--out", out, "--quiet", "--force");
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe("");
    expect(quiet.out.trim().split("\n")).toEqual([`files written to ${out}/ (${RUN_FILES.join(", ")})`]);
  });

  it("replaces an earlier run in the same folder only with --force", async () => {
    const out = join(scratch(), "run");
    await run("run", TWO_ROUTES, "--days", "20", "--out", out, "--quiet");
    const refused = await run("run", TWO_ROUTES, "--days", "10", "--out", out, "--quiet");
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("pass --force to replace them");
    expect(readFileSync(join(out, "series.csv"), "utf8").trimEnd().split("\n")).toHaveLength(21);
    expect((await run("run", TWO_ROUTES, "--days", "10", "--out", out, "--quiet", "--force")).code).toBe(0);
    expect(readFileSync(join(out, "series.csv"), "utf8").trimEnd().split("\n")).toHaveLength(11);
  });

  it("follows a policy picked with --policy and records it for reproduction", async () => {
    const out = join(scratch(), "run");
    const r = await run("run", TWO_ROUTES, "--days", "10", "--policy", "xa_pressure", "--out", out, "--json");
    expect(r.err).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).policies).toMatchObject({ xa: "xa_pressure" });
    const info = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(info.options.policies).toEqual(["xa_pressure"]);
    expect(info.command).toContain("--policy xa_pressure");
  });
});

describe("corridor run on bad input", () => {
  it("rejects an unknown policy with exit code 2, the closest id, and no run folder", async () => {
    const out = join(scratch(), "run");
    const r = await run("run", TWO_ROUTES, "--policy", "xa_presure", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('did you mean "xa_pressure"');
    expect(r.err).not.toMatch(/at .*\.(js|ts)/);
    expect(existsSync(out)).toBe(false);
  });

  it("gives exit code 2 for a missing scenario file", async () => {
    const r = await run("run", "no-such-scenario.yaml");
    expect(r.code).toBe(2);
    expect(r.err).toContain("no-such-scenario.yaml");
  });

  it("gives exit code 2 for a bad --seed or --days", async () => {
    expect((await run("run", TWO_ROUTES, "--seed", "-1")).code).toBe(2);
    expect((await run("run", TWO_ROUTES, "--seed", "1.5")).code).toBe(2);
    expect((await run("run", TWO_ROUTES, "--days", "0")).code).toBe(2);
  });

  it("refuses to write over a folder that is not a run folder, before simulating", async () => {
    const out = scratch();
    mkdirSync(join(out, "notes"));
    const r = await run("run", TWO_ROUTES, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`refusing to write to ${out}`);
    expect(r.err).toContain("corridor-manifest.json");
    expect(r.err).not.toContain("simulating days");
    expect(readdirSync(out)).toEqual(["notes"]);
  });
});
