import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/node/cli.js";
import { bufferIo } from "../../src/node/io.js";
import { compareGolden, roundNumbers } from "../support/golden.js";

// The main job at a tiny size: 4 futures × 4 policies × 120 days.
const ARGS = ["demo", "--futures", "4", "--days", "120", "--workers", "1"];

describe("corridor demo, the main job", () => {
  let out: string;
  let io: ReturnType<typeof bufferIo>;
  let code: number;
  beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), "corridor-demo-")), "demo");
    io = bufferIo();
    code = await main([...ARGS, "--out", out], io);
  }, 180_000);

  it("explores every policy across sampled futures and writes the store, tables, charts and summary", () => {
    expect(code, io.stderr).toBe(0);
    const files = readdirSync(out);
    for (const f of [
      "store.duckdb",
      "comparison.csv",
      "summary.json",
      "summary.txt",
      "claims.svg",
      "claims.png",
      "distribution-fatalities.svg",
      "corridor-manifest.json",
    ])
      expect(files).toContain(f);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(summary.futures).toBe(4);
    expect(summary.policies).toEqual(["coercive", "open-now", "phased-conditional", "mediated-cbm"]);
    expect(summary.cases.ok).toBe(16);
    expect(summary.claims.map((c: { name: string }) => c.name)).toEqual([
      "security-first",
      "coercion-erodes",
      "mediation-outlasts-coercion",
      "announced-outruns-operating",
    ]);
    for (const c of summary.claims) {
      expect(c.futures).toBe(4);
      expect(c.share).toBeGreaterThanOrEqual(0);
      expect(c.share).toBeLessThanOrEqual(1);
    }
  });

  it("prints the comparison with bands and paired differences, the robustness table and the claims", () => {
    expect(io.stdout).toMatch(/outcome \(median, 10–90 % of futures\)\s+coercive\s+open-now/);
    expect(io.stdout).toMatch(/paired difference from coercive/);
    expect(io.stdout).toMatch(/Robustness on fatalities \(lower is better; 4 futures\)/);
    expect(io.stdout).toMatch(/security-first — /);
    expect(readFileSync(join(out, "summary.txt"), "utf8")).toBe(io.stdout);
  });

  it("prints the same table as its golden file (fixed seed, numbers rounded)", () => {
    const problem = compareGolden("demo-tiny.txt", roundNumbers(io.stdout));
    expect(problem).toBeUndefined();
  });

  it("keeps earlier results: a second run goes to a fresh folder, --seeds is explained", async () => {
    const again = bufferIo();
    expect(await main([...ARGS, "--out", out], again)).toBe(2);
    expect(again.stderr).toMatch(/--force/);
    const seeds = bufferIo();
    expect(await main(["demo", "--seeds", "5"], seeds)).toBe(2);
    expect(seeds.stderr).toMatch(/--futures/);
    expect(existsSync(join(out, "store.duckdb"))).toBe(true);
  });
});
