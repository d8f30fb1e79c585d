import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/corridor.js", import.meta.url));

describe("a reader that stops early", () => {
  it("ends the command quietly, without a stack trace, when stdout is closed (corridor sources --json | head)", async () => {
    const child = spawn(process.execPath, [BIN, "sources", "scenarios/af-pak.yaml", "--json"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    // Read the first chunk, then close the pipe as `head` does.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|node:events|at /);
    expect(code).toBe(0);
  }, 60_000);
});
