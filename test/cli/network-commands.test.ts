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

  it("prices the demand a closure leaves without a route at each trip's reservation cost", async () => {
    const r = await run("criticality", TWO_ROUTES, "--json");
    const { ranking, unservedPrice } = JSON.parse(r.out);
    expect(unservedPrice.source).toMatch(/reservation cost/);
    const gate = ranking[0];
    // The raw cost falls when the trips are lost; priced, the loss is a cost.
    expect(gate.costIncrease).toBeLessThan(0);
    expect(gate.pricedCostIncrease).toBeCloseTo(gate.costIncrease + gate.unservedCost, 6);
    expect(gate.pricedCostIncrease).toBeGreaterThan(0);
    const fixed = JSON.parse((await run("criticality", TWO_ROUTES, "--json", "--unserved-cost", "1000")).out);
    expect(fixed.ranking[0].unservedCost).toBeCloseTo(450 * 1000, 6);
  });

  it("names the elements it leaves out and why, and closes them too from the all-open reference", async () => {
    const asWritten = await run("criticality", "scenarios/af-pak.yaml", "--crossings", "--json");
    const a = JSON.parse(asWritten.out);
    expect(a.reference).toMatch(/as written/);
    expect(a.leftOut.map((e: { label: string }) => e.label)).toContain("crossing torkham");
    expect(a.leftOut[0].why).toBe("closed in the reference state");
    expect(a.ranking.map((x: { label: string }) => x.label)).not.toContain("crossing torkham");
    const open = JSON.parse(
      (await run("criticality", "scenarios/af-pak.yaml", "--crossings", "--reference", "open", "--json")).out,
    );
    expect(open.leftOut).toEqual([]);
    expect(open.ranking).toHaveLength(a.ranking.length + a.leftOut.length);
    const text = await run("criticality", "scenarios/af-pak.yaml", "--crossings");
    expect(text.out).toMatch(/left out \(5\): crossing torkham \(closed in the reference state\)/);
    expect(text.out).not.toMatch(/-0\.0\b/);
  }, 60_000);

  it("takes the reference state from a run on a date, and refuses a bad one", async () => {
    const r = await run("criticality", TWO_ROUTES, "--reference", "2025-03-01", "--json");
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).reference).toMatch(/on 2025-03-01/);
    const bad = await run("criticality", TWO_ROUTES, "--reference", "yesterday");
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--reference: expected scenario, open, or a date/);
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
