import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/node/cli.js";
import { bufferIo } from "../../src/node/io.js";

const SIOUX = "test/fixtures/tntp/SiouxFalls/SiouxFalls_net.tntp";
const TWO_ROUTES = "scenarios/examples/two-routes.yaml";

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe("corridor assign", () => {
  it("prints the JSON summary fields and writes from,to,flow,cost", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corridor-"));
    const out = join(dir, "flows.csv");
    const r = await run("assign", "--net", SIOUX, "--gap", "1e-8", "--json", "--out", out);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    for (const field of ["tstt", "beckmann", "gap", "iterations", "seconds"])
      expect(summary).toHaveProperty(field);
    expect(Math.abs(summary.beckmann - 4_231_335.287107) / 4_231_335.287107).toBeLessThan(1e-6);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("from,to,flow,cost");
    expect(lines).toHaveLength(77);
  });

  it("rejects an unknown algorithm with a suggestion and exit code 2", async () => {
    const r = await run("assign", "--net", SIOUX, "--algorithm", "bfww");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bfw/);
    expect(r.err).not.toMatch(/at .*\.js/);
  });

  it("reports a truncated file on one line with the file name, exit code 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corridor-"));
    const net = join(dir, "Cut_net.tntp");
    writeFileSync(net, readFileSync(SIOUX, "utf8").split("\n").slice(0, 20).join("\n"));
    writeFileSync(join(dir, "Cut_trips.tntp"), readFileSync(SIOUX.replace("_net", "_trips"), "utf8"));
    const r = await run("assign", "--net", net);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Cut_net.tntp");
    expect(r.out).not.toMatch(/NaN/);
  });
});

describe("corridor criticality", () => {
  it("ranks the only crossing of the two-route scenario first: closing it cuts all demand", async () => {
    const r = await run("criticality", TWO_ROUTES, "--json");
    expect(r.code).toBe(0);
    const { ranking } = JSON.parse(r.out);
    expect(ranking[0].label).toBe("crossing friendship_gate");
    expect(ranking[0].unservedDemand).toBeCloseTo(450, 6);
    // Closing one of the two western roads leaves the other: nothing is cut off, cost rises.
    const pass = ranking.find((x: { label: string }) => x.label === "link pass_road_west");
    expect(pass.unservedDemand).toBe(0);
    expect(pass.costIncrease).toBeGreaterThan(0);
  });

  it("ranks Sioux Falls links by rise in total cost and writes a CSV", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corridor-"));
    const out = join(dir, "rank.csv");
    const r = await run("criticality", SIOUX, "--top", "3", "--out", out);
    expect(r.code).toBe(0);
    const rows = readFileSync(out, "utf8").trim().split("\n");
    expect(rows).toHaveLength(77);
    const rises = rows.slice(1).map((row) => Number(row.split(",")[3]));
    for (let i = 1; i < rises.length; i++) expect(rises[i]!).toBeLessThanOrEqual(rises[i - 1]! + 1e-9);
    expect(rises[0]!).toBeGreaterThan(0);
  });

  it("gives exit code 2 for a missing scenario", async () => {
    const r = await run("criticality", "no-such-file.yaml");
    expect(r.code).toBe(2);
    expect(r.err).toContain("no-such-file.yaml");
  });
});

describe("corridor schema", () => {
  it("prints a JSON Schema", async () => {
    const r = await run("schema");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toHaveProperty("properties.nodes");
  });
});
