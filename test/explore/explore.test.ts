import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/node/cli.js";
import { explore } from "../../src/node/explore/explore.js";
import { loadExperiment } from "../../src/node/explore/load-experiment.js";
import { bufferIo } from "../../src/node/io.js";
import { FIXTURES, query } from "./helpers.js";

const temp = () => mkdtempSync(join(tmpdir(), "corridor-explore-"));
const rows = (store: string) => query(store, "SELECT * FROM cases ORDER BY case_id");

describe("corridor explore", () => {
  it("writes identical stores with 1 and with 2 workers", async () => {
    const dir = temp();
    const loaded = await loadExperiment(`${FIXTURES}two-routes.yaml`);
    const one = await explore(
      loaded,
      { store: join(dir, "one.duckdb"), workers: 1, version: "test" },
      bufferIo(),
    );
    const two = await explore(
      loaded,
      { store: join(dir, "two.duckdb"), workers: 2, runner: "pool", version: "test" },
      bufferIo(),
    );
    expect(one.workers).toBe(1);
    expect(two.workers).toBe(2);
    const a = await rows(join(dir, "one.duckdb"));
    const b = await rows(join(dir, "two.duckdb"));
    expect(a.rows).toHaveLength(6);
    expect(b).toEqual(a);
    const seriesSql = "SELECT * FROM series ORDER BY case_id, outcome, day";
    const sa = await query(join(dir, "one.duckdb"), seriesSql);
    expect(sa.rows).toHaveLength(6 * 60);
    expect(await query(join(dir, "two.duckdb"), seriesSql)).toEqual(sa);
  });

  it("keeps one row per case with its inputs, lever, seed, run and outcomes", async () => {
    const store = join(temp(), "s.duckdb");
    const loaded = await loadExperiment(`${FIXTURES}two-routes.yaml`);
    await explore(loaded, { store, workers: 1, version: "test" }, bufferIo());
    const t = await rows(store);
    expect(t.names).toEqual([
      "case_id",
      "future",
      "lever",
      "replication",
      "seed",
      "run",
      "status",
      "error",
      "policy_xa",
      "zones[pass_zone].baselinePerDay",
      "links[valley_road].capacityVehPerDay",
      "served",
      "fatalities",
      "closed_final",
    ]);
    const byName = (row: unknown[], name: string) => row[t.names.indexOf(name)];
    // Two policies per future share the future's inputs and streams (paired), futures differ.
    for (let f = 0; f < 3; f++) {
      const [p, q] = [t.rows[2 * f]!, t.rows[2 * f + 1]!];
      expect(byName(p, "future")).toBe(f);
      expect(byName(p, "policy_xa")).not.toBe(byName(q, "policy_xa"));
      expect(byName(p, "zones[pass_zone].baselinePerDay")).toBe(byName(q, "zones[pass_zone].baselinePerDay"));
      expect(byName(p, "run")).toBe(byName(q, "run"));
      const x = byName(p, "zones[pass_zone].baselinePerDay") as number;
      expect(x).toBeGreaterThanOrEqual(0.02);
      expect(x).toBeLessThanOrEqual(0.1);
    }
    expect(new Set(t.rows.map((r) => byName(r, "run"))).size).toBe(3);
  });

  it("refuses a store made by another experiment, before running anything", async () => {
    const dir = temp();
    const store = join(dir, "s.duckdb");
    const first = bufferIo();
    expect(
      await main(["explore", `${FIXTURES}ishigami.yaml`, "--store", store, "--workers", "1"], first),
    ).toBe(0);
    const io = bufferIo();
    const code = await main(["explore", `${FIXTURES}ishigami.yaml`, "--store", store, "--seed", "8"], io);
    expect(code).toBe(2);
    expect(io.stderr).toContain("another experiment");
    expect((await rows(store)).rows).toHaveLength(200);
  });

  it("refuses a store made from another version of the scenario", async () => {
    const dir = temp();
    copyFileSync(`${FIXTURES}../../../scenarios/examples/two-routes.yaml`, join(dir, "scenario.yaml"));
    const experiment = readFileSync(`${FIXTURES}two-routes.yaml`, "utf8").replace(
      "../../../scenarios/examples/two-routes.yaml",
      "scenario.yaml",
    );
    writeFileSync(join(dir, "experiment.yaml"), experiment);
    const store = join(dir, "s.duckdb");
    expect(
      await main(["explore", join(dir, "experiment.yaml"), "--store", store, "--workers", "1"], bufferIo()),
    ).toBe(0);
    writeFileSync(
      join(dir, "scenario.yaml"),
      `${readFileSync(join(dir, "scenario.yaml"), "utf8")}\n# edited\n`,
    );
    const io = bufferIo();
    expect(await main(["explore", join(dir, "experiment.yaml"), "--store", store], io)).toBe(2);
    expect(io.stderr).toContain("another version of");
  });

  it("says how many cases failed and why, and stores them with their error", async () => {
    const store = join(temp(), "s.duckdb");
    const io = bufferIo();
    expect(await main(["explore", `${FIXTURES}flaky.yaml`, "--store", store, "--workers", "1"], io)).toBe(0);
    const failed = await query(store, "SELECT count(*), min(error) FROM cases WHERE status = 'failed'");
    const n = Number(failed.rows[0]![0]);
    expect(n).toBeGreaterThan(0);
    expect(io.stdout).toContain(`${60 - n} ok, ${n} failed`);
    expect(io.stdout).toContain(`${n} failed like this: x1 too large`);
  });

  it("exports one row per case as Parquet and CSV that read back equal to the store", async () => {
    const dir = temp();
    const store = join(dir, "s.duckdb");
    await main(["explore", `${FIXTURES}two-routes.yaml`, "--store", store, "--workers", "1"], bufferIo());
    expect(await main(["export", store, "--format", "parquet"], bufferIo())).toBe(0);
    expect(await main(["export", store, "--format", "csv"], bufferIo())).toBe(0);
    const original = await rows(store);
    const parquet = await query(":memory:", `SELECT * FROM read_parquet('${join(dir, "cases.parquet")}')`);
    expect(parquet).toEqual(original);
    const csv = await query(":memory:", `SELECT * FROM read_csv('${join(dir, "cases.csv")}', header = true)`);
    expect(csv.names).toEqual(original.names);
    expect(csv.rows).toHaveLength(original.rows.length);
    const served = original.names.indexOf("served");
    for (const [i, r] of csv.rows.entries()) expect(Number(r[served])).toBe(original.rows[i]![served]);
    const series = await query(
      ":memory:",
      `SELECT count(*) FROM read_parquet('${join(dir, "series.parquet")}')`,
    );
    expect(Number(series.rows[0]![0])).toBe(6 * 60);
    // A second export does not silently replace the first.
    expect(await main(["export", store, "--format", "csv"], bufferIo())).toBe(2);
  });
});
