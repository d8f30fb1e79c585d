/**
 * Interrupting `corridor explore` and starting it again: the compiled CLI runs as a child process
 * (so it can be killed for real), on a model slow enough to be stopped part-way.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { explore } from "../../src/node/explore/explore.js";
import { loadExperiment } from "../../src/node/explore/load-experiment.js";
import { bufferIo } from "../../src/node/io.js";
import { FIXTURES, query } from "./helpers.js";

const CLI = new URL("../../bin/corridor.js", import.meta.url).pathname;
const EXPERIMENT = `${FIXTURES}slow.yaml`;
const TOTAL = 100 * 2 * 2;

interface Started {
  child: ChildProcess;
  done: Promise<number | null>;
  /** Resolves once the progress lines report at least `n` finished cases. */
  reached(n: number): Promise<void>;
  stderr(): string;
}

function start(store: string): Started {
  const child = spawn(process.execPath, [CLI, "explore", EXPERIMENT, "--store", store, "--workers", "2"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  let finished = 0;
  const waiting: { n: number; resolve: () => void }[] = [];
  child.stderr!.on("data", (chunk) => {
    stderr += String(chunk);
    for (const m of stderr.matchAll(/cases: (\d+)\//g)) finished = Math.max(finished, Number(m[1]));
    for (const w of waiting.filter((w) => finished >= w.n)) w.resolve();
  });
  const done = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    done,
    reached: (n) =>
      new Promise<void>((resolve) => {
        if (finished >= n) resolve();
        else waiting.push({ n, resolve });
        void done.then(() => resolve());
      }),
    stderr: () => stderr,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const count = async (store: string) =>
  existsSync(store) ? Number((await query(store, "SELECT count(*) FROM cases")).rows[0]![0]) : 0;

async function reference(dir: string) {
  const store = join(dir, "reference.duckdb");
  await explore(await loadExperiment(EXPERIMENT), { store, workers: 1, version: "test" }, bufferIo());
  return (await query(store, "SELECT * FROM cases ORDER BY case_id")).rows;
}

describe("resuming an interrupted exploration", () => {
  it("after kill -9 at random points, leaves exactly N rows equal to an uninterrupted run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corridor-resume-"));
    const store = join(dir, "store.duckdb");
    const counts: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const { child, done, reached } = start(store);
      // Somewhere between a tenth and nine tenths of the cases, at a random point of the batch.
      await reached(Math.floor(TOTAL * (0.1 + 0.8 * Math.random())));
      await sleep(Math.floor(Math.random() * 100));
      child.kill("SIGKILL");
      await done;
      counts.push(await count(store));
    }
    const last = start(store);
    expect(await last.done).toBe(0);
    // The kills landed part-way: some cases were stored before the end.
    expect(
      counts.some((n) => n > 0 && n < TOTAL),
      `rows after each kill: ${counts.join(", ")}`,
    ).toBe(true);
    const rows = (await query(store, "SELECT * FROM cases ORDER BY case_id")).rows;
    expect(rows).toHaveLength(TOTAL);
    expect(new Set(rows.map((r) => r[0])).size).toBe(TOTAL);
    expect(rows).toEqual(await reference(dir));
  });

  it("after Ctrl-C, saves the cases under way, exits with 130 and resumes to the same store", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corridor-resume-"));
    const store = join(dir, "store.duckdb");
    const { child, done, reached, stderr } = start(store);
    await reached(TOTAL / 2);
    child.kill("SIGINT");
    expect(await done).toBe(130);
    expect(stderr()).toContain("run the same command again to resume");
    const saved = await count(store);
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(TOTAL);
    expect(await start(store).done).toBe(0);
    const rows = (await query(store, "SELECT * FROM cases ORDER BY case_id")).rows;
    expect(rows).toEqual(await reference(dir));
  });
});
