import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/node/cli.js";
import { bufferIo } from "../../src/node/io.js";

const TWO_ROUTES = "scenarios/examples/two-routes.yaml";

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

let runDir = "";
let compareDir = "";
beforeAll(async () => {
  const parent = mkdtempSync(join(tmpdir(), "corridor-query-"));
  runDir = join(parent, "run");
  compareDir = join(parent, "cmp");
  expect((await run("run", TWO_ROUTES, "--days", "60", "--out", runDir, "--quiet")).code).toBe(0);
  const compared = await run(
    "compare",
    TWO_ROUTES,
    "--seeds",
    "2",
    "--days",
    "30",
    "--workers",
    "1",
    "--out",
    compareDir,
  );
  expect(compared.code).toBe(0);
});

describe("corridor query on a run folder", () => {
  it("offers the run's files as views, with the same rows as the files", async () => {
    const r = await run("query", runDir, "SELECT count(*) AS days, max(day) AS last FROM series", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([{ days: 60, last: 59 }]);
    const events = readFileSync(join(runDir, "events.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const kinds = await run(
      "query",
      runDir,
      "SELECT kind, count(*) AS n FROM events GROUP BY kind ORDER BY kind",
      "--json",
    );
    const expected = [...new Set(events.map((e) => e.kind as string))]
      .sort()
      .map((kind) => ({ kind, n: events.filter((e) => e.kind === kind).length }));
    expect(JSON.parse(kinds.out)).toEqual(expected);
    const outcomes = JSON.parse(readFileSync(join(runDir, "outcomes.json"), "utf8"));
    const served = await run("query", runDir, "SELECT trade.servedUsd AS served FROM outcomes", "--json");
    expect(JSON.parse(served.out)[0].served).toBe(outcomes.trade.servedUsd);
    const features = JSON.parse(readFileSync(join(runDir, "network.geojson"), "utf8")).features.length;
    const network = await run("query", runDir, "SELECT count(*) AS n FROM network", "--json");
    expect(JSON.parse(network.out)).toEqual([{ n: features }]);
  });

  it("prints a table with a row count, and CSV with --csv", async () => {
    const table = await run("query", runDir, "SELECT day, date FROM series WHERE day < 3 ORDER BY day");
    expect(table.out.split("\n")).toEqual([
      "day  date",
      "───  ──────────",
      "  0  2024-01-01",
      "  1  2024-01-02",
      "  2  2024-01-03",
      "(3 rows)",
      "",
    ]);
    const csv = await run("query", runDir, "SELECT day, 'a,b' AS text FROM series WHERE day = 0", "--csv");
    expect(csv.out).toBe('day,text\n0,"a,b"\n');
  });

  it("reports bad SQL as bad input with the views to use, exit code 2", async () => {
    const typo = await run("query", runDir, "SELECT * FROM serie");
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(
      /^corridor: SQL: Catalog Error: Table with name serie does not exist! \(available: views series, events, network, manifest, outcomes, run\)\n$/,
    );
    const syntax = await run("query", runDir, "SELEC 1");
    expect(syntax.code).toBe(2);
    expect(syntax.err).toContain('syntax error at or near "SELEC"');
  });

  it("only reads: a COPY over a result file or a read of another file is refused", async () => {
    const before = readFileSync(join(runDir, "series.parquet"));
    const copy = await run(
      "query",
      runDir,
      `COPY (SELECT 1 AS a) TO '${join(runDir, "series.parquet")}' (FORMAT parquet, USE_TMP_FILE false)`,
    );
    expect(copy.code).toBe(2);
    expect(copy.err).toContain("expected a query that only reads");
    expect(readFileSync(join(runDir, "series.parquet")).equals(before)).toBe(true);
    const other = await run("query", runDir, "SELECT * FROM read_csv('/etc/passwd')");
    expect(other.code).toBe(2);
    expect(other.err).toContain("Permission Error");
    expect(other.err).not.toContain("root");
  });
});

describe("corridor query on a comparison folder", () => {
  it("offers runs.csv and comparison.json, and each run folder as a schema", async () => {
    const runs = await run(
      "query",
      compareDir,
      "SELECT policy, count(*) AS n FROM runs GROUP BY policy ORDER BY policy",
      "--json",
    );
    expect(JSON.parse(runs.out)).toEqual([
      { policy: "xa_phased", n: 2 },
      { policy: "xa_pressure", n: 2 },
    ]);
    const nested = await run(
      "query",
      compareDir,
      'SELECT count(*) AS n FROM "xa_phased-seed1".series',
      "--json",
    );
    expect(JSON.parse(nested.out)).toEqual([{ n: 30 }]);
  });
});

describe("corridor query on a DuckDB store", () => {
  it("opens it read-only", async () => {
    const store = join(mkdtempSync(join(tmpdir(), "corridor-store-")), "s.duckdb");
    const instance = await DuckDBInstance.create(store);
    const connection = await instance.connect();
    await connection.run("CREATE TABLE t AS SELECT range AS i FROM range(5)");
    connection.closeSync();
    instance.closeSync();
    const r = await run("query", store, "SELECT sum(i) AS total FROM t", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([{ total: 10 }]);
    const write = await run("query", store, "CREATE TABLE u AS SELECT 1");
    expect(write.code).toBe(2);
  });

  it("refuses a file that is neither a folder nor a .duckdb store", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "corridor-store-")), "notes.txt");
    writeFileSync(file, "x");
    const r = await run("query", file, "SELECT 1");
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "expected a results folder (from run, compare, demo) or a .duckdb store, found another kind of file",
    );
  });
});
