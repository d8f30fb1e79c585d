import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import { main } from "../../src/node/cli.js";
import { bufferIo } from "../../src/node/io.js";
import { loadScenarioFile } from "../../src/node/load-scenario.js";
import { compareGolden, roundNumbers } from "../support/golden.js";

/** A run's outcomes and a few rows of its series, as stable text: numbers rounded, no paths or times. */
function runText(file: string, days: number, seed: number): string {
  const { scenario } = loadScenarioFile(file);
  const r = simulate(scenario, { seed, days });
  const { mechanisms: _m, ...outcomes } = r.outcomes as unknown as Record<string, unknown>;
  const columns = r.series.columns.filter((c) =>
    /^(incidents|fatalities|open_share|trust|dependence)\./.test(c),
  );
  const rows = [0, Math.floor(days / 2), days - 1].map(
    (d) => `${r.series.dates[d]} ${columns.map((c) => `${c}=${r.series.values[c]![d]}`).join(" ")}`,
  );
  return roundNumbers(
    `${JSON.stringify(outcomes, null, 1)}\nevents ${r.events.length}\n${rows.join("\n")}\n`,
  );
}

describe("golden outputs of the named scenarios at fixed seeds", () => {
  it("two-routes.yaml, seed 1, one year", () => {
    expect(
      compareGolden("run-two-routes.txt", runText("scenarios/examples/two-routes.yaml", 365, 1)),
    ).toBeUndefined();
  });

  it("af-pak.yaml, seed 1, 90 days", () => {
    expect(compareGolden("run-af-pak.txt", runText("scenarios/af-pak.yaml", 90, 1))).toBeUndefined();
  });

  it("af-pak-hindcast.yaml, seed 1, to its end", () => {
    const { scenario } = loadScenarioFile("scenarios/af-pak-hindcast.yaml");
    const r = simulate(scenario, { seed: 1 });
    expect(
      compareGolden("run-af-pak-hindcast.txt", runText("scenarios/af-pak-hindcast.yaml", r.outcomes.days, 1)),
    ).toBeUndefined();
  }, 30_000);

  it("compare of the built-in region, 2 seeds × 1 year", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "corridor-golden-")), "cmp");
    const io = bufferIo();
    expect(
      await main(
        ["compare", "scenarios/af-pak.yaml", "--seeds", "2", "--days", "365", "--workers", "1", "--out", out],
        io,
      ),
    ).toBe(0);
    // The printed table, without the last line (time taken and the folder's path).
    const table = io.stdout
      .split("\n")
      .filter((l) => !/ in [\d.]+ s\. Results in /.test(l))
      .join("\n");
    expect(compareGolden("compare-af-pak.txt", roundNumbers(table))).toBeUndefined();
    expect(readFileSync(join(out, "runs.csv"), "utf8").split("\n").length).toBeGreaterThan(8);
  }, 60_000);
});
