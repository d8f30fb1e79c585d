import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/node/cli.js";
import { bufferIo } from "../../src/node/io.js";

const TEXT = readFileSync("scenarios/examples/two-routes.yaml", "utf8");

async function runCut(text: string) {
  const file = join(mkdtempSync(join(tmpdir(), "corridor-cut-")), "cut.yaml");
  writeFileSync(file, text);
  const io = bufferIo();
  const code = await main(["run", file, "--days", "5", "--json"], io);
  return { code, err: io.stderr, file };
}

describe("a scenario file cut short", () => {
  it("is an error at a line whenever the cut leaves a required part unfinished", async () => {
    const lines = TEXT.split("\n");
    // Cut in the middle of the links (an entry loses its required fields) and before the demand.
    for (const at of [
      lines.findIndex((l) => l.includes("id: pass_road_west")) + 2,
      lines.findIndex((l) => l.startsWith("demand:")),
    ]) {
      const r = await runCut(lines.slice(0, at).join("\n"));
      expect(r.code, `cut at line ${at}`).toBe(2);
      expect(r.err).toMatch(/cut\.yaml(:\d+:\d+)?:/);
      expect(r.err).not.toMatch(/\bat .*\.js/);
    }
  });

  it("is an error when the cut halves a line", async () => {
    const r = await runCut(TEXT.slice(0, Math.floor(TEXT.length * 0.6)));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cut\.yaml/);
  });
});
