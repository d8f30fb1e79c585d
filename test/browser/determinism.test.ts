/**
 * The same engine in a browser: the pure core is bundled for the page (esbuild), run in headless
 * Chromium (Debian's, driven by playwright-core), and must give the same bits as in Node for a seed.
 * Chromium is installed by scripts/ensure-chromium.sh (run by .ci/run); without it the test is skipped.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import { loadScenario } from "../../src/core/scenario/index.js";

const CHROMIUM = process.env.CORRIDOR_CHROMIUM ?? "/usr/bin/chromium";
const EXAMPLE = fileURLToPath(new URL("../../scenarios/examples/two-routes.yaml", import.meta.url));
const ENTRY = `
export { loadScenario } from "./src/core/scenario/index.ts";
export { simulate } from "./src/core/engine/index.ts";
`;

/** SHA-256 over every series column's bytes, then the events and outcomes as JSON: the run's fingerprint. */
function fingerprint(columns: Uint8Array[], events: string, outcomes: string): string {
  const hash = createHash("sha256");
  for (const bytes of columns) hash.update(bytes);
  hash.update(events);
  hash.update(outcomes);
  return hash.digest("hex");
}

describe.skipIf(!existsSync(CHROMIUM))("determinism in a browser", () => {
  let server: Server;
  let url = "";

  beforeAll(async () => {
    const bundle = await build({
      stdin: { contents: ENTRY, resolveDir: fileURLToPath(new URL("../..", import.meta.url)), loader: "ts" },
      bundle: true,
      format: "iife",
      globalName: "corridor",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    const script = bundle.outputFiles[0]!.text;
    const page = "<!doctype html><meta charset=utf-8><script src=corridor.js></script>";
    server = createServer((request, response) => {
      const js = request.url === "/corridor.js";
      response.writeHead(200, { "content-type": js ? "text/javascript" : "text/html" });
      response.end(js ? script : page);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(() => {
    server?.close();
  });

  it("gives the same bits in headless Chromium as in Node for the same seed", async () => {
    const text = readFileSync(EXAMPLE, "utf8");
    const here = simulate(loadScenario(text, "two-routes.yaml").scenario, { seed: 5, days: 730 });
    const expected = fingerprint(
      here.series.columns.map((c) => new Uint8Array(here.series.values[c]!.buffer)),
      JSON.stringify(here.events),
      JSON.stringify(here.outcomes),
    );

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
    try {
      const page = await browser.newPage();
      await page.goto(url);
      const result = await page.evaluate(
        ({ text }) => {
          const api = (
            globalThis as unknown as {
              corridor: { loadScenario: typeof loadScenario; simulate: typeof simulate };
            }
          ).corridor;
          const run = api.simulate(api.loadScenario(text, "two-routes.yaml").scenario, {
            seed: 5,
            days: 730,
          });
          // Column bytes as base64, so no number goes through a decimal conversion on the way back.
          const columns = run.series.columns.map((c) => {
            const bytes = new Uint8Array(run.series.values[c]!.buffer);
            let binary = "";
            for (const b of bytes) binary += String.fromCharCode(b);
            return btoa(binary);
          });
          return { columns, events: JSON.stringify(run.events), outcomes: JSON.stringify(run.outcomes) };
        },
        { text },
      );
      const got = fingerprint(
        result.columns.map((b64) => new Uint8Array(Buffer.from(b64, "base64"))),
        result.events,
        result.outcomes,
      );
      expect(got).toBe(expected);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
