import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulate } from "../core/engine/index.js";
import { InputError } from "../core/errors/index.js";
import { parseScenario } from "../core/scenario/index.js";
import type { Scenario } from "../core/scenario/types.js";
import { main } from "./cli.js";
import { bufferIo } from "./io.js";
import { checkResources, estimateBatch, estimateRun, seriesColumns } from "./resources.js";

const TWO_ROUTES = "scenarios/examples/two-routes.yaml";
const AF_PAK = "scenarios/af-pak.yaml";
const GIB = 2 ** 30;
const load = (file: string) => parseScenario(readFileSync(file, "utf8"), file);

/** A scenario as large as the one that ran out of memory: 600,000 nodes, 2,000 of them demand zones. */
function huge(): Scenario {
  const base = load(TWO_ROUTES);
  const nodes = Array.from({ length: 600_000 }, (_, i) => ({
    ...base.nodes[0]!,
    id: `n${i}`,
    zone: i < 2000,
  }));
  const links = Array.from({ length: 600_000 }, (_, i) => ({ ...base.links[0]!, id: `l${i}` }));
  return { ...base, nodes, links };
}

describe("the resource estimate", () => {
  it("counts no fewer series columns than a run records", () => {
    for (const file of [TWO_ROUTES, AF_PAK]) {
      const scenario = load(file);
      const recorded = simulate(scenario, { seed: 1, days: 2 }).series.columns.length;
      expect(seriesColumns(scenario)).toBeGreaterThanOrEqual(recorded);
      expect(seriesColumns(scenario)).toBeLessThanOrEqual(recorded * 1.25);
    }
  });

  it("grows with days and with runs held at once", () => {
    const scenario = load(AF_PAK);
    const short = estimateRun(scenario, 365);
    const long = estimateRun(scenario, 3650);
    expect(long.seriesBytes).toBe(10 * short.seriesBytes);
    expect(long.seconds).toBeCloseTo(10 * short.seconds, 9);
    const batch = estimateBatch(scenario, 3650, 80, { workers: 2, keptRuns: 4 });
    expect(batch.bytes).toBeGreaterThan(5 * (long.bytes - 200 * 2 ** 20));
    expect(batch.seconds).toBeCloseTo((80 * long.seconds) / 2, 9);
  });

  it("lets an ordinary run through without a word", () => {
    const io = bufferIo();
    checkResources(estimateRun(load(AF_PAK), 3650), "a run", io, 12 * GIB);
    expect(io.stderr).toBe("");
  });

  it("refuses a 600,000-node scenario up front, with the memory it would need", () => {
    const attempt = () =>
      checkResources(estimateRun(huge(), 3650), "a run of huge.yaml", bufferIo(), 12 * GIB);
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(
      /^scenario: a run of huge\.yaml would need about [\d.]+ GiB of memory \(daily series .*network model [\d.]+ GiB: 1,200,002 nodes, links and crossings × 2,000 demand zones\), more than the 12\.0 GiB this machine offers; use a smaller network$/,
    );
  });

  it("warns about a comparison that will take hours, with its time and memory", () => {
    const io = bufferIo();
    checkResources(
      estimateBatch(load(AF_PAK), 100_000, 4_000, { workers: 2, keptRuns: 4 }),
      "a comparison",
      io,
      64 * GIB,
    );
    expect(io.stderr).toMatch(
      /^note: a comparison will take roughly [\d.]+ h and about [\d.]+ GiB of memory/,
    );
  });
});

describe("corridor run with far too many days", () => {
  // The 100-year cap on --days (options.ts) now comes before the memory estimate for every run; the
  // estimate still guards networks too large for the machine.
  it("is refused at once with the longest run allowed, before simulating", async () => {
    const io = bufferIo();
    const code = await main(["run", AF_PAK, "--days", "100000000", "--out", "/nonexistent/never"], io);
    expect(code).toBe(2);
    expect(io.stderr).toMatch(
      /^corridor: --days: expected at most 36525 days \(100 years, the longest run\)/,
    );
    expect(io.stderr).not.toContain("simulating");
  });
});
