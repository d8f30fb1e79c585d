import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { band } from "../../src/core/engine/index.js";
import { main } from "../../src/node/cli.js";
import { bufferIo } from "../../src/node/io.js";

const EXAMPLE = "scenarios/examples/two-routes.yaml";

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe("band", () => {
  it("gives the mean and the 10th/90th percentiles by linear interpolation, ignoring NaN", () => {
    const b = band([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Number.NaN]);
    expect(b.mean).toBe(5.5);
    expect(b.p10).toBeCloseTo(1.9, 12);
    expect(b.p90).toBeCloseTo(9.1, 12);
    expect(b.n).toBe(10);
  });
});

describe("corridor compare", () => {
  it("runs every policy of the actor for each seed and writes the comparison and one run folder per policy", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "corridor-compare-")), "cmp");
    const r = await run("compare", EXAMPLE, "--seeds", "3", "--days", "200", "--out", out, "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.focus).toEqual({ actor: "xa", dependent: "xb" });
    expect(report.policies.map((p: { policy: string }) => p.policy).sort()).toEqual([
      "xa_phased",
      "xa_pressure",
    ]);
    for (const p of report.policies) expect(p.runs).toBe(3);
    const csv = readFileSync(join(out, "runs.csv"), "utf8").trim().split("\n");
    expect(csv).toHaveLength(1 + 2 * 3);
    // The comparison's mean equals the mean of the per-run rows it came from.
    const column = csv[0]!.split(",").indexOf("served_usd_bn");
    const phased = csv
      .slice(1)
      .filter((l) => l.startsWith("xa_phased,"))
      .map((l) => Number(l.split(",")[column]));
    const mean = phased.reduce((s, x) => s + x, 0) / phased.length;
    const reported = report.policies.find((p: { policy: string }) => p.policy === "xa_phased").measures
      .served_usd_bn.mean;
    expect(reported).toBeCloseTo(mean, 9);
    expect(existsSync(join(out, "xa_phased-seed1", "events.jsonl"))).toBe(true);
    // Paired differences for every measure and pair of policies, over the 3 common seeds.
    expect(report.differences).toHaveLength(report.measures.length);
    for (const d of report.differences) for (const p of d.pairs) expect(p.n).toBeLessThanOrEqual(3);
    // The ensemble: per policy and day, the 10/50/90 % quantiles over seeds, ordered.
    const ensemble = readFileSync(join(out, "ensemble-xa_phased.csv"), "utf8").trim().split("\n");
    expect(ensemble).toHaveLength(1 + 200);
    const head = ensemble[0]!.split(",");
    expect(head.slice(0, 2)).toEqual(["day", "date"]);
    const at = (name: string) => head.indexOf(name);
    expect(at("performance_pct.p10")).toBeGreaterThan(1);
    for (const row of ensemble.slice(1)) {
      const x = row.split(",").map(Number);
      expect(x[at("performance_pct.p10")]!).toBeLessThanOrEqual(x[at("performance_pct.p50")]!);
      expect(x[at("performance_pct.p50")]!).toBeLessThanOrEqual(x[at("performance_pct.p90")]!);
    }
    expect(existsSync(join(out, "ensemble-xa_phased.parquet"))).toBe(true);
  });

  it("rejects an unknown policy with the closest id, before running anything", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "corridor-compare-")), "cmp");
    const r = await run("compare", EXAMPLE, "--policies", "xa_phasd", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("xa_phased");
    expect(existsSync(out)).toBe(false);
  });
});

describe("corridor compare on worker threads", () => {
  it("gives the same comparison with one thread and with two (runs depend only on scenario, seed and policy)", async () => {
    const base = mkdtempSync(join(tmpdir(), "corridor-compare-"));
    const one = await run(
      "compare",
      EXAMPLE,
      "--seeds",
      "3",
      "--days",
      "300",
      "--workers",
      "1",
      "--out",
      join(base, "one"),
      "--json",
    );
    const two = await run(
      "compare",
      EXAMPLE,
      "--seeds",
      "3",
      "--days",
      "300",
      "--workers",
      "2",
      "--out",
      join(base, "two"),
      "--json",
    );
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    const strip = (text: string) => ({ ...JSON.parse(text), file: "" });
    expect(strip(two.out)).toEqual(strip(one.out));
    expect(readFileSync(join(base, "two", "runs.csv"), "utf8")).toBe(
      readFileSync(join(base, "one", "runs.csv"), "utf8"),
    );
  });
});
