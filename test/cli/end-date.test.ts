/** The scenario's end date: a plain run stops there, `--days` overrides it (past it with a note), bad ends are refused. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { daysPastEnd, runDays } from "../../src/core/engine/index.js";
import { main } from "../../src/node/cli.js";
import { bufferIo } from "../../src/node/io.js";
import { loadScenarioFile } from "../../src/node/load-scenario.js";

const TWO_ROUTES = "scenarios/examples/two-routes.yaml";

/** A scenario extending a copy of the two-routes example with the given top-level lines. */
function scenarioWith(lines: string): string {
  const dir = mkdtempSync(join(tmpdir(), "corridor-end-"));
  copyFileSync(TWO_ROUTES, join(dir, "two-routes.yaml"));
  const path = join(dir, "ends.yaml");
  writeFileSync(path, `extends: two-routes.yaml\nname: Ends\n${lines}`);
  return path;
}

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe("a scenario's end date", () => {
  it("sets the days of a run: start to end, both counted", () => {
    const { scenario } = loadScenarioFile(scenarioWith("start: 2024-01-01\nend: 2024-01-31\n"));
    expect(runDays(scenario)).toBe(31);
    expect(runDays(scenario, { days: 5 })).toBe(5);
    // The end is a date: a run started later still stops on it.
    expect(runDays(scenario, { start: "2024-01-11" })).toBe(21);
  });

  it("leaves ten years when the scenario has none", () => {
    const { scenario } = loadScenarioFile(TWO_ROUTES);
    expect(runDays(scenario)).toBe(3650);
    expect(daysPastEnd(scenario, 99_999)).toBe(0);
  });

  it("stops a plain run on the end date", async () => {
    const path = scenarioWith("start: 2024-02-27\nend: 2024-03-02\n");
    const r = await run("run", path, "--json", "--quiet");
    expect(r.code).toBe(0);
    const outcomes = JSON.parse(r.out);
    expect(outcomes.days).toBe(5); // 27, 28, 29 February (a leap year), 1 and 2 March
    expect(r.err).not.toContain("past the scenario's end");
  });

  it("lets --days run past the end date and says how far", async () => {
    const path = scenarioWith("start: 2024-01-01\nend: 2024-01-10\n");
    const r = await run("run", path, "--json", "--quiet", "--days", "15");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).days).toBe(15);
    expect(r.err).toContain("note: --days 15 runs 5 days past the scenario's end (2024-01-10)");
  });

  it("says nothing when --days stops before the end date", async () => {
    const path = scenarioWith("start: 2024-01-01\nend: 2024-01-10\n");
    const r = await run("run", path, "--json", "--quiet", "--days", "4");
    expect(JSON.parse(r.out).days).toBe(4);
    expect(r.err).toBe("");
  });

  it.each([
    [
      "on its start",
      "start: 2024-01-10\nend: 2024-01-10\n",
      /end.*a date after start \(2024-01-10\).*2024-01-10/s,
    ],
    [
      "before its start",
      "start: 2024-01-10\nend: 2023-12-31\n",
      /end.*a date after start \(2024-01-10\).*2023-12-31/s,
    ],
    ["not a date", "start: 2024-01-01\nend: 2024-02-30\n", /end.*YYYY-MM-DD/s],
    ["more than 100 years on", "start: 2024-01-01\nend: 2124-01-02\n", /end.*more than 36525 days/s],
  ])("is refused %s, naming the field, with exit code 2", async (_what, lines, message) => {
    const r = await run("run", scenarioWith(lines), "--json", "--quiet");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("is refused without a start date", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corridor-end-"));
    const path = join(dir, "no-start.yaml");
    const text = readFileSync(TWO_ROUTES, "utf8").replace(/^start: .*$/m, "end: 2024-01-10");
    expect(text).not.toMatch(/^start:/m);
    writeFileSync(path, text);
    const r = await run("run", path, "--json", "--quiet");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/end.*an end date needs a start date/s);
  });
});
