/** The messages a new user meets on common mistakes: one clear line, exit code 2, never a stack trace. */
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/node/cli.js";
import { bufferIo } from "../../src/node/io.js";

const TWO_ROUTES = "scenarios/examples/two-routes.yaml";
const SIOUX = "test/fixtures/tntp/SiouxFalls/SiouxFalls_net.tntp";

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

const scratch = () => mkdtempSync(join(tmpdir(), "corridor-messages-"));

describe("a mistyped scenario path", () => {
  it("gets the closest scenario file suggested, with or without its extension", async () => {
    const noExtension = await run("run", "scenarios/af-pak");
    expect(noExtension.code).toBe(2);
    expect(noExtension.err).toContain('did you mean "scenarios/af-pak.yaml"?');
    const typo = await run("run", "two-route.yaml");
    expect(typo.err).toContain('did you mean "scenarios/examples/two-routes.yaml"?');
  });
});

describe("network commands", () => {
  it("say that a missing net file is missing, not that its trips file is", async () => {
    const r = await run("criticality", "/nonexistent");
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "corridor: /nonexistent: expected a readable TNTP net file, found no such file or folder\n",
    );
  });

  it("say that --trips names the net file when it does", async () => {
    const r = await run("assign", "--net", SIOUX, "--trips", SIOUX);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--trips: expected the TNTP demand file (X_trips.tntp), not the net file");
  });

  it("keep CR-only line endings from splitting a message", async () => {
    const dir = scratch();
    const net = join(dir, "Cr_net.tntp");
    const text = readFileSync(SIOUX, "utf8")
      .replace(/\r?\n/g, "\r")
      .replace("<NUMBER OF LINKS> 76", "<NUMBER OF LINKS> 7x6");
    writeFileSync(net, text);
    writeFileSync(join(dir, "Cr_trips.tntp"), readFileSync(SIOUX.replace("_net", "_trips"), "utf8"));
    const r = await run("assign", "--net", net);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain("\r");
    expect(r.err).toMatch(/Cr_net\.tntp:\d+/);
  });
});

describe("flags", () => {
  it("take whole numbers in decimal digits only: --days 0x10, 1e3 or 16.0 is rejected", async () => {
    for (const days of ["0x10", "1e3", "16.0", "0b11", " "]) {
      const r = await run("run", TWO_ROUTES, "--days", days);
      expect(r.code).toBe(2);
      expect(r.err).toContain(
        `corridor: --days: expected a positive whole number in decimal digits, found "${days}"`,
      );
    }
  });

  it("are reported without Commander's repeated prefix", async () => {
    const r = await run("explain", "runs/x", "--date", "2024-13-01");
    expect(r.code).toBe(2);
    expect(r.err.split("\n")[0]).toBe('corridor: --date: expected a date YYYY-MM-DD, found "2024-13-01"');
    expect(r.err).not.toMatch(/error: option|is invalid\./);
  });
});

describe("files that are links", () => {
  it("report a loop of symbolic links in plain words, not ELOOP", async () => {
    const dir = scratch();
    symlinkSync(join(dir, "b.yaml"), join(dir, "a.yaml"));
    symlinkSync(join(dir, "a.yaml"), join(dir, "b.yaml"));
    const r = await run("run", join(dir, "a.yaml"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("found a loop of symbolic links");
    expect(r.err).not.toContain("ELOOP");
  });
});

describe("explain on a damaged run.json", () => {
  it("names the missing field instead of printing day 0 to NaN", async () => {
    const dir = scratch();
    writeFileSync(
      join(dir, "run.json"),
      JSON.stringify({ scenario: "x", file: "x.yaml", seed: 1, start: "2024-01-01", end: "2024-01-05" }),
    );
    writeFileSync(join(dir, "events.jsonl"), "");
    const r = await run("explain", dir, "--day", "3");
    expect(r.code).toBe(2);
    expect(r.err).toContain("run.json: days: expected the run.json written by corridor run, found nothing");
    expect(r.err + r.out).not.toContain("NaN");
  });
});

describe("YAML", () => {
  it("reports an unknown tag as bad input, with no raw warning even under --quiet", async () => {
    const dir = scratch();
    const file = join(dir, "tagged.yaml");
    writeFileSync(
      file,
      readFileSync(TWO_ROUTES, "utf8").replace(
        /^name: .*$/m,
        "name: !!js/function 'function () { return 1 }'",
      ),
    );
    const warnings: string[] = [];
    const listener = (w: Error) => warnings.push(w.message);
    process.on("warning", listener);
    const r = await run("run", file, "--quiet", "--days", "3");
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off("warning", listener);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /tagged\.yaml:\d+:\d+: unknown YAML tag !!js\/function: a scenario is plain data and tags are never evaluated/,
    );
    expect(warnings).toEqual([]);
  });
});
