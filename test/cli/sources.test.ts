import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/node/cli.js";
import { bufferIo } from "../../src/node/io.js";

const SCENARIO = `
name: Sources check
nodes:
  - { id: a, name: A, kind: city, country: XA, lon: 60, lat: 33, zone: true }
  - { id: b, name: B, kind: city, country: XB, lon: { value: 61, source: https://example.org/gazetteer, date: 2024 }, lat: 33, zone: true }
links:
  - id: road
    from: a
    to: b
    mode: road
    lengthKm: { value: 100, assumption: true, range: [80, 130] }
    freeFlowHours: 2
    capacityVehPerDay: 1000
`;

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe("corridor sources", () => {
  const dir = mkdtempSync(join(tmpdir(), "corridor-sources-"));
  const file = join(dir, "s.yaml");
  writeFileSync(file, SCENARIO);

  it("counts cited, assumed and bare numbers written in the file", async () => {
    const r = await run("sources", file, "--json");
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary.cited).toBe(1);
    expect(summary.assumed).toBe(1);
    // lon/lat of a, lat of b, freeFlowHours, capacity: 5 bare.
    expect(summary.bare).toBe(5);
    expect(summary.total).toBe(summary.cited + summary.assumed + summary.bare + summary.defaults);
    const length = summary.parameters.find((p: { path: string }) => p.path === "links[0].lengthKm");
    expect(length).toMatchObject({ kind: "assumed", range: [80, 130] });
  });

  it("lists only bare numbers with --bare, naming their paths", async () => {
    const r = await run("sources", file, "--bare");
    expect(r.code).toBe(0);
    expect(r.out).toContain("links[0].capacityVehPerDay");
    expect(r.out).not.toContain("links[0].lengthKm ");
  });

  it("exits with code 2 for a missing file", async () => {
    const r = await run("sources", join(dir, "missing.yaml"));
    expect(r.code).toBe(2);
  });
});
