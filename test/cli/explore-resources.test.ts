import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/node/cli.js";
import { bufferIo } from "../../src/node/io.js";

describe("corridor explore states its resources before any case runs", () => {
  it("refuses a design too large for the machine's memory, with the size that fits, and writes nothing", async () => {
    const store = join(mkdtempSync(join(tmpdir(), "corridor-explore-size-")), "s", "store.duckdb");
    const io = bufferIo();
    expect(
      await main(["explore", "scenarios/af-pak.yaml", "--futures", "20000000", "--store", store], io),
    ).toBe(2);
    expect(io.stderr).toMatch(
      /sampler\.size: expected a design that fits in the [\d.]+ GiB this machine offers \(at most about [\d,]+ futures of \d+ inputs\), found 20,000,000 futures/,
    );
    expect(existsSync(store)).toBe(false);
  });

  it("says how long a long exploration will take, and that an interrupted one resumes", async () => {
    const store = join(mkdtempSync(join(tmpdir(), "corridor-explore-long-")), "store.duckdb");
    const io = bufferIo();
    // A store made by another experiment stops the command right after the estimate, before any case.
    await main(
      [
        "explore",
        "scenarios/examples/two-routes.yaml",
        "--futures",
        "2",
        "--days",
        "5",
        "--store",
        store,
        "--workers",
        "1",
      ],
      bufferIo(),
    );
    expect(await main(["explore", "scenarios/af-pak.yaml", "--futures", "20000", "--store", store], io)).toBe(
      2,
    );
    expect(io.stderr).toMatch(
      /note: an exploration of 80,000 runs of 3,650 days of scenarios\/af-pak\.yaml will take roughly .* the cases done are kept, and the same command resumes/,
    );
  });
});
