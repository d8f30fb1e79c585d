/**
 * Regression tests for inputs that used to crash or mislead (issue 11, items 13–15): each is now a clear
 * error naming the file, line or option, exit code 2, with no stack trace and nothing written.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/node/cli.js";
import { bufferIo } from "../../src/node/io.js";

const EXAMPLE = "scenarios/examples/two-routes.yaml";
const SIOUX = "test/fixtures/tntp/SiouxFalls";

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

const temp = () => mkdtempSync(join(tmpdir(), "corridor-bad-"));

/** Writes `text` (or bytes) to a fresh folder and returns its path. */
function file(name: string, content: string | Uint8Array): string {
  const path = join(temp(), name);
  writeFileSync(path, content);
  return path;
}

function expectCleanError(r: { code: number; err: string }, ...parts: string[]) {
  expect(r.code).toBe(2);
  expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  for (const part of parts) expect(r.err).toContain(part);
}

const example = readFileSync(EXAMPLE, "utf8");

describe("dates and horizons", () => {
  it("refuses a start date whose horizon would pass year 9999, at the start line of the file", async () => {
    const path = file("late.yaml", example.replace("start: 2024-01-01", "start: 9995-01-01"));
    const out = join(temp(), "run");
    const r = await run("run", path, "--days", "10", "--out", out);
    expectCleanError(r, `${path}:16`, "start", "9899-12-31");
    expect(existsSync(out)).toBe(false);
  });

  it("refuses year 0000 at load, with file and line", async () => {
    const path = file("zero.yaml", example.replace("start: 2024-01-01", "start: 0000-01-01"));
    expectCleanError(
      await run("run", path, "--days", "10", "--out", join(temp(), "r")),
      `${path}:16`,
      "0001-01-01",
    );
  });

  it("bounds --days with the stated maximum, and refuses exponent notation as not decimal digits", async () => {
    const cases: [string, string][] = [
      ["1e300", "decimal digits"],
      ["1e10", "decimal digits"],
      ["1000000", "36525"],
    ];
    for (const [days, said] of cases) {
      expectCleanError(await run("run", EXAMPLE, "--days", days, "--out", join(temp(), "r")), "--days", said);
      expectCleanError(await run("compare", EXAMPLE, "--days", days, "--out", join(temp(), "c")), said);
    }
  });
});

describe("compare --policies", () => {
  it('says "--policies" names no policy when it is only commas', async () => {
    const out = join(temp(), "c");
    expectCleanError(await run("compare", EXAMPLE, "--policies", ",", "--out", out), "--policies");
    expect(existsSync(out)).toBe(false);
  });
});

describe("text that is not text", () => {
  it("refuses invalid UTF-8 and NUL bytes in a scenario, naming the line", async () => {
    const latin1 = new Uint8Array([
      ...Buffer.from(example.replace("Westtown (XA)", "Westt\u00f6wn (XA)"), "latin1"),
    ]);
    const path = file("latin1.yaml", latin1);
    expectCleanError(await run("sources", path), path, "UTF-8");
    const nul = file("nul.yaml", example.replace("name: Two routes", "name: Two\0routes"));
    expectCleanError(await run("sources", nul), `${nul}:11`, "NUL");
  });

  it("refuses a NUL byte in a TNTP file", async () => {
    const dir = temp();
    const net = readFileSync(join(SIOUX, "SiouxFalls_net.tntp"), "utf8");
    writeFileSync(join(dir, "X_net.tntp"), net.replace("<NUMBER OF ZONES>", "<NUMBER OF\0 ZONES>"));
    writeFileSync(join(dir, "X_trips.tntp"), readFileSync(join(SIOUX, "SiouxFalls_trips.tntp")));
    expectCleanError(await run("assign", "--net", join(dir, "X_net.tntp")), "X_net.tntp", "NUL");
  });
});

describe("TNTP files that used to be read wrongly", () => {
  it("refuses a trips file with a missing Origin line (a destination repeated within one origin)", async () => {
    const dir = temp();
    const trips = readFileSync(join(SIOUX, "SiouxFalls_trips.tntp"), "utf8");
    const lines = trips.split("\n");
    const origin2 = lines.findIndex((l) => /^Origin\s+2\s*$/.test(l.trim()));
    expect(origin2).toBeGreaterThan(0);
    lines.splice(origin2, 1);
    writeFileSync(join(dir, "X_net.tntp"), readFileSync(join(SIOUX, "SiouxFalls_net.tntp")));
    writeFileSync(join(dir, "X_trips.tntp"), lines.join("\n"));
    const r = await run("assign", "--net", join(dir, "X_net.tntp"));
    // The first repeated destination sits on the line that followed the removed "Origin 2" line.
    expectCleanError(r, `X_trips.tntp:${origin2 + 1}`, "Origin N", "first on line");
  });

  it("refuses a header of 10^9, 2^31 or 10^15 nodes before allocating anything", async () => {
    for (const nodes of ["1000000000", "2147483648", "1e15"]) {
      const dir = temp();
      const net = readFileSync(join(SIOUX, "SiouxFalls_net.tntp"), "utf8");
      writeFileSync(
        join(dir, "X_net.tntp"),
        net.replace(/<NUMBER OF NODES>\s*24/, `<NUMBER OF NODES> ${nodes}`),
      );
      writeFileSync(join(dir, "X_trips.tntp"), readFileSync(join(SIOUX, "SiouxFalls_trips.tntp")));
      expectCleanError(
        await run("assign", "--net", join(dir, "X_net.tntp")),
        "X_net.tntp:1",
        "NUMBER OF NODES",
      );
    }
  });

  it("refuses a BPR power of 10^6 at its line instead of ending with NaN", async () => {
    const dir = temp();
    const net = readFileSync(join(SIOUX, "SiouxFalls_net.tntp"), "utf8").split("\n");
    const first = net.findIndex((l) => /^\s*1\s+2\s/.test(l));
    net[first] = net[first]!.replace(/\s4\s/, " 1000000 ");
    writeFileSync(join(dir, "X_net.tntp"), net.join("\n"));
    writeFileSync(join(dir, "X_trips.tntp"), readFileSync(join(SIOUX, "SiouxFalls_trips.tntp")));
    const r = await run("assign", "--net", join(dir, "X_net.tntp"), "--json");
    expectCleanError(r, `X_net.tntp:${first + 1}`, "power", "20");
    expect(r.out).not.toContain("converged");
  });
});

describe("model domains", () => {
  it("refuses a BPR power of 1000 in a scenario, at its line", async () => {
    const path = file(
      "power.yaml",
      example.replace("bprPower:\n      {\n        value: 4,", "bprPower:\n      {\n        value: 1000,"),
    );
    expectCleanError(
      await run("run", path, "--days", "5", "--out", join(temp(), "r")),
      path,
      "bprPower",
      "20",
    );
  });

  it("refuses numbers whose products would overflow (a cargo worth 1.5e305 USD), at their line", async () => {
    const path = file(
      "huge.yaml",
      example.replace(
        "valueUsdPerVehicle: { value: 15000, assumption: true, range: [8000, 25000] }",
        "valueUsdPerVehicle: { value: 1.5e305, assumption: true, range: [8000, 1e306] }",
      ),
    );
    expectCleanError(
      await run("run", path, "--days", "5", "--out", join(temp(), "r")),
      `${path}:118`,
      "1000000000000000",
    );
  });

  it("ends a run with a near-zero capacity with finite numbers: the equilibrium routes around the link", async () => {
    const path = file("tiny.yaml", example.replace("capacityVehPerDay: 3000", "capacityVehPerDay: 1e-300"));
    const out = join(temp(), "r");
    const r = await run("run", path, "--days", "5", "--out", out, "--quiet");
    expect(r.code).toBe(0);
    const series = readFileSync(join(out, "series.csv"), "utf8");
    expect(series).not.toMatch(/NaN|Infinity/);
  });
});
