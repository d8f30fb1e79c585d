import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import type { SimulationResult } from "../../src/core/engine/types.js";
import { loadScenario } from "../../src/core/scenario/index.js";

const EXAMPLE = fileURLToPath(new URL("../../scenarios/examples/two-routes.yaml", import.meta.url));
const DIST = new URL("../../dist/core/", import.meta.url);

/** A digest of everything a run produces, so two runs can be compared bit for bit. */
function digest(result: Pick<SimulationResult, "series" | "events" | "outcomes">): string {
  const hash = createHash("sha256");
  for (const column of result.series.columns) hash.update(Buffer.from(result.series.values[column]!.buffer));
  hash.update(JSON.stringify(result.events));
  hash.update(JSON.stringify(result.outcomes));
  return hash.digest("hex");
}

// The worker runs the compiled core (npm test builds it first), in its own thread and isolate.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { createHash } = require("node:crypto");
(async () => {
  const { loadScenario } = await import(workerData.dist + "scenario/index.js");
  const { simulate } = await import(workerData.dist + "engine/index.js");
  const { scenario } = loadScenario(workerData.text, "two-routes.yaml");
  const result = simulate(scenario, { seed: workerData.seed, days: workerData.days });
  const hash = createHash("sha256");
  for (const column of result.series.columns) hash.update(Buffer.from(result.series.values[column].buffer));
  hash.update(JSON.stringify(result.events));
  hash.update(JSON.stringify(result.outcomes));
  parentPort.postMessage(hash.digest("hex"));
})();
`;

function inWorker(text: string, seed: number, days: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { dist: DIST.href, text, seed, days } });
    worker.once("message", (message) => {
      resolve(message as string);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

describe("determinism across threads", () => {
  it("gives the same bits in a worker thread as on the main thread, for the same seed", async () => {
    const text = readFileSync(EXAMPLE, "utf8");
    const { scenario } = loadScenario(text, "two-routes.yaml");
    const here = digest(simulate(scenario, { seed: 11, days: 730 }));
    const [a, b] = await Promise.all([inWorker(text, 11, 730), inWorker(text, 11, 730)]);
    expect(a).toBe(here);
    expect(b).toBe(here);
    expect(await inWorker(text, 12, 730)).not.toBe(here);
  });
});
