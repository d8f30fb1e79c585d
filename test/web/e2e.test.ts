/// <reference lib="dom" />
/**
 * The workbench end to end in headless Chromium (Debian's, driven by playwright-core): load the
 * page, play the built-in region, move an assumption, break the YAML, compare two policies, export,
 * and lose the server. Takes screenshots of the main views (into docs/ with UPDATE_SCREENSHOTS=1) and the timings it measured
 * to test/web/.timings.json (read into BENCHMARKS.md). Skipped when Chromium is missing.
 */
import { execFile, execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import { loadScenario } from "../../src/core/scenario/index.js";
import { type RunningWorkbench, startWorkbench } from "../../src/node/server/index.js";

const CHROMIUM = process.env.CORRIDOR_CHROMIUM ?? "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
// Screenshots refresh docs/ only when asked (UPDATE_SCREENSHOTS=1): a test run leaves the checkout as it was.
const DOCS =
  process.env.UPDATE_SCREENSHOTS === "1"
    ? join(ROOT, "docs")
    : mkdtempSync(join(tmpdir(), "corridor-shots-"));
const timings: Record<string, number> = {};

interface LongTask {
  start: number;
  duration: number;
}

describe.skipIf(!existsSync(CHROMIUM))("workbench in a browser", () => {
  let dir = "";
  let workbench: RunningWorkbench | undefined;
  let browser: Browser;
  let page: Page;
  let explored: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    // Build the browser app from the current sources, so the test never runs a stale bundle.
    execFileSync(process.execPath, [join(ROOT, "scripts/build-web.mjs")], { stdio: "inherit" });
    dir = mkdtempSync(join(tmpdir(), "corridor-e2e-"));
    mkdirSync(join(dir, "scenarios/examples"), { recursive: true });
    mkdirSync(join(dir, "runs"));
    copyFileSync(join(ROOT, "scenarios/af-pak.yaml"), join(dir, "scenarios/af-pak.yaml"));
    copyFileSync(join(ROOT, "scenarios/af-pak.claims.yaml"), join(dir, "scenarios/af-pak.claims.yaml"));
    copyFileSync(join(ROOT, "scenarios/af-pak-hindcast.yaml"), join(dir, "scenarios/af-pak-hindcast.yaml"));
    copyFileSync(
      join(ROOT, "scenarios/examples/two-routes.yaml"),
      join(dir, "scenarios/examples/two-routes.yaml"),
    );
    // A small exploration (Saltelli design, 90-day runs) written by the real `corridor explore`, in the background.
    writeFileSync(
      join(dir, "experiment.yaml"),
      `name: workbench test\nmodel:\n  scenario: ${join(dir, "scenarios/examples/two-routes.yaml")}\n  days: 90\n` +
        "sampler: { method: saltelli, size: 4 }\nclaims:\n" +
        '  - { name: phased_serves_more, sentence: "Phased opening serves more trade than pressure", claim: "served_usd_bn[xa_phased] > served_usd_bn[xa_pressure]" }\n',
    );
    explored = new Promise((resolve, reject) =>
      execFile(
        process.execPath,
        [
          join(ROOT, "bin/corridor.js"),
          "explore",
          join(dir, "experiment.yaml"),
          "--workers",
          "1",
          "--store",
          join(dir, "runs/explore-test/store.duckdb"),
        ],
        (error) => (error ? reject(error) : resolve()),
      ),
    );
    workbench = await startWorkbench({
      host: "127.0.0.1",
      port: 0,
      scenariosDir: join(dir, "scenarios"),
      runsDir: join(dir, "runs"),
      webDir: join(ROOT, "dist/web"),
      initialScenario: "af-pak.yaml",
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on("pageerror", (error) => {
      throw error;
    });
    await page.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      (globalThis as unknown as { longTasks: typeof tasks }).longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: "longtask", buffered: true });
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await workbench?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    timings.loadAverage1m = loadavg()[0]!;
    if (Object.keys(timings).length > 1)
      writeFileSync(join(ROOT, "test/web/.timings.json"), `${JSON.stringify(timings, null, 2)}\n`);
  });

  const status = () => page.textContent("#status");
  /** The editor's text, as a user takes it away: the "Download YAML" button of the editor's tab. */
  const editorText = async () => {
    await page.click("#tab-editor");
    const download = page.waitForEvent("download");
    await page.click("#download-yaml");
    return readFileSync((await (await download).path())!, "utf8");
  };
  const waitForRun = (previous?: string) =>
    page.waitForFunction(
      (before) => {
        const text = document.querySelector("#status")?.textContent ?? "";
        return /seed \d+ \(\d+ ms\)/.test(text) && text !== before;
      },
      previous ?? "",
      { timeout: 30_000 },
    );

  it("loads the built-in region and draws the map and the charts", async () => {
    await page.goto(workbench!.url);
    await waitForRun();
    const paint = await page.evaluate(
      () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
    );
    timings.firstPaintMs = paint;
    timings.firstRunOnScreenMs = await page.evaluate(() => performance.now());
    timings.tenYearRunInWorkerMs = await page.evaluate(
      () =>
        (globalThis as unknown as { corridorTimings: { lastWorkerMs: number } }).corridorTimings.lastWorkerMs,
    );
    expect(paint).toBeGreaterThan(0);
    expect(await page.locator(".country").count()).toBeGreaterThan(20);
    expect(await page.locator("circle.crossing").count()).toBeGreaterThan(5);
    expect(await page.locator(".chart[data-chart=incidents] svg").count()).toBeGreaterThan(0);
    expect(await page.locator(".chart[data-chart=trust] svg").count()).toBeGreaterThan(0);
    expect(await status()).toContain("2026-01-01");
  });

  it("gives the same outcomes in the page's simulation worker as in Node for the same seed", async () => {
    const text = readFileSync(join(ROOT, "scenarios/examples/two-routes.yaml"), "utf8");
    const node = simulate(loadScenario(text, "two-routes.yaml").scenario, { seed: 5, days: 730 });
    const browser = await page.evaluate(
      (source) =>
        new Promise<string>((resolve, reject) => {
          const worker = new Worker("worker.js");
          worker.onmessage = (event) => {
            const reply = event.data as { type: string; outcomes?: unknown; message?: string };
            if (reply.type === "outcomes") resolve(JSON.stringify(reply.outcomes));
            else if (reply.type !== "progress") reject(new Error(reply.message ?? reply.type));
          };
          worker.postMessage({
            type: "run",
            id: 1,
            text: source,
            file: "two-routes.yaml",
            seed: 5,
            days: 730,
            outcomesOnly: true,
          });
        }),
      text,
    );
    expect(browser).toBe(JSON.stringify(node.outcomes));
  });

  it("plays ten years at full speed and the map and charts change", async () => {
    const before = await page.evaluate(() => ({
      links: [...document.querySelectorAll<SVGElement>("line.link")].map((l) => l.dataset.flow),
      zones: [...document.querySelectorAll<SVGElement>(".zone")].map((z) => z.dataset.incidents),
      cursor: document.querySelector(".chart .cursor")?.getAttribute("x1"),
      label: document.querySelector("#day-label")?.textContent,
    }));
    await page.selectOption("#speed", "0");
    await page.click("#play");
    await page.waitForFunction(
      () =>
        /day 365\d? |day 3[6-9]\d |day [4-9]\d\d |day \d{4} /.test(
          document.querySelector("#day-label")?.textContent ?? "",
        ),
      null,
      { timeout: 10_000 },
    );
    await page.waitForFunction(() => document.querySelector("#play")?.textContent?.includes("Play"), null, {
      timeout: 10_000,
    });
    const after = await page.evaluate(() => ({
      links: [...document.querySelectorAll<SVGElement>("line.link")].map((l) => l.dataset.flow),
      zones: [...document.querySelectorAll<SVGElement>(".zone")].map((z) => z.dataset.incidents),
      cursor: document.querySelector(".chart .cursor")?.getAttribute("x1"),
      label: document.querySelector("#day-label")?.textContent,
      play: (globalThis as unknown as { corridorTimings: { lastPlayMs: number; lastPlayDays: number } })
        .corridorTimings,
    }));
    timings.tenYearPlayMs = after.play.lastPlayMs;
    timings.tenYearPlayDays = after.play.lastPlayDays;
    expect(after.play.lastPlayDays).toBeGreaterThan(3000);
    expect(after.label).not.toBe(before.label);
    expect(after.zones).not.toEqual(before.zones);
    // Links carry the day's flow: the network of the last day is not the network of day 0.
    expect(after.links).not.toEqual(before.links);
    expect(Number(after.cursor)).toBeGreaterThan(Number(before.cursor));
    // Back to the first year's end for the screenshot.
    await page.fill("#scrubber", "365");
    await page.dispatchEvent("#scrubber", "input");
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(DOCS, "workbench-play.png") });
  });

  it("opens an element's parameters with their sources and an event's explanation", async () => {
    await page.locator("circle.crossing").first().click();
    const details = page.locator("#details");
    await expect.poll(() => details.isVisible()).toBe(true);
    const text = (await details.textContent()) ?? "";
    expect(text).toMatch(/source: |assumption, range /);
    expect(text).toContain("capacityVehPerDay");
    await page.screenshot({ path: join(DOCS, "workbench-details.png") });
    await page.click("#details-close");
    await page.locator("#events-today button").first().click();
    const why = (await page.locator("#details").textContent()) ?? "";
    expect(why).toMatch(/Why: event #\d+/);
    expect(why).toContain("cause:");
    await page.click("#details-close");
  });

  it("moves an assumption slider and the outcome moves with it", async () => {
    await page.click("#tab-assumptions");
    const before = await status();
    const incidents = async () =>
      Number(
        ((await page.locator("tr[data-measure=incidents] td.num").first().textContent()) ?? "").replace(
          /,/g,
          "",
        ),
      );
    const was = await incidents();
    await page.evaluate(() => {
      const slider = document.querySelector<HTMLInputElement>(
        '.assumption[data-path="zones[0].baselinePerDay"] input[type=range]',
      )!;
      slider.value = slider.max;
      slider.dispatchEvent(new Event("input"));
      slider.dispatchEvent(new Event("change"));
    });
    await waitForRun(before ?? "");
    const now = await incidents();
    expect(now).toBeGreaterThan(was);
    expect(await page.locator("tr[data-measure=incidents].moved").count()).toBe(1);
    await page.screenshot({ path: join(DOCS, "workbench-assumptions.png") });
    expect(await editorText()).toMatch(/baselinePerDay:[\s\S]*?value: 1\.4904/);
  });

  it("shows a broken scenario's error at its line and keeps the last valid run", async () => {
    await page.click("#tab-editor");
    const text = await editorText();
    const lines = text.split("\n");
    const index = lines.findIndex((l) => /^\s+value: [\d.]+\s*$/.test(l));
    expect(index).toBeGreaterThan(0);
    const number = /[\d.]+(?=\s*$)/.exec(lines[index]!)![0];
    const charts = await page.locator(".chart svg").count();
    // Go to the line (the editor's go-to-line panel), select the number at its end and type over it.
    await page.click("#yaml .cm-content");
    await page.keyboard.press("Control+Alt+g");
    await page.keyboard.type(String(index + 1));
    await page.keyboard.press("Enter");
    await page.keyboard.press("End");
    for (let i = 0; i < number.length; i++) await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.type("lots");
    await page.waitForSelector("#issues li", { timeout: 20_000 });
    const issue = page.locator(`#issues li[data-line="${index + 1}"]`);
    expect(await issue.count()).toBeGreaterThan(0);
    expect(await issue.first().textContent()).toMatch(new RegExp(`line ${index + 1}`));
    // The editor tints that line, underlines the word and marks the gutter.
    await page.waitForSelector(`#yaml .cm-bad-line[data-line="${index + 1}"]`, { timeout: 5_000 });
    expect(await page.textContent(`#yaml .cm-bad-line[data-line="${index + 1}"] .cm-lintRange-error`)).toBe(
      "lots",
    );
    expect(await page.locator("#yaml .cm-lint-marker-error").count()).toBeGreaterThan(0);
    expect(await page.locator(".chart svg").count()).toBe(charts);
    expect(await page.textContent("#banner")).toMatch(/last valid run/);
    // Going to the problem from the list scrolls there and selects the line.
    await page.keyboard.press("Control+Home");
    await issue.first().click();
    expect(await page.locator(`#yaml .cm-bad-line[data-line="${index + 1}"]`).count()).toBe(1);
    await page.screenshot({ path: join(DOCS, "workbench-editor.png") });
    // Undo restores the valid scenario; the editor's history holds only the user's edits.
    for (let i = 0; i < 6; i++) await page.keyboard.press("Control+z");
    await page.waitForSelector("#issues .ok", { timeout: 30_000 });
    expect(await editorText()).toBe(text);
  });

  it("completes field names and values from the scenario format's schema", async () => {
    await page.click("#tab-editor");
    const text = await editorText();
    expect(text).not.toMatch(/^extends:/m);
    await page.click("#yaml .cm-content");
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("exte");
    const option = page.locator(".cm-tooltip-autocomplete li", { hasText: "extends" });
    await option.first().waitFor({ timeout: 5_000 });
    // The list ignores keys for its first 75 ms (CodeMirror's interactionDelay), as a person never notices.
    await page.waitForTimeout(150);
    await page.keyboard.press("Tab");
    const completed = await editorText();
    expect(completed.split("\n").at(-1)).toBe("extends: ");
    // Escape leaves the editor; undo (from inside it) puts the text back.
    await page.click("#yaml .cm-content");
    expect(await page.evaluate(() => document.activeElement?.closest(".cm-editor") !== null)).toBe(true);
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => document.activeElement?.closest(".cm-editor") === null)).toBe(true);
    await page.click("#yaml .cm-content");
    const before = await status();
    for (let i = 0; i < 4; i++) await page.keyboard.press("Control+z");
    await page.waitForSelector("#issues .ok", { timeout: 30_000 });
    // The valid text runs again; let that run reach the screen before the next test times the page.
    await waitForRun(before ?? "");
    expect(await editorText()).toBe(text);
  });

  it("compares two policies over seeds in workers and stays responsive while runs stream in", async () => {
    await page.click("#tab-compare");
    const policies = await page
      .locator("input[name=compare-policy]")
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(policies.length).toBeGreaterThanOrEqual(2);
    for (const p of policies.slice(2)) await page.uncheck(`input[name=compare-policy][value="${p}"]`);
    // Small enough to finish well inside the timeout on a loaded 2-core machine; the checks are the same.
    await page.fill("#compare-seeds", "4");
    await page.fill("#compare-days", "365");
    const started = await page.evaluate(() => performance.now());
    await page.click("#compare-run");
    await page.waitForSelector("#compare-report:not([disabled])", { timeout: 120_000 });
    const ended = await page.evaluate(() => performance.now());
    const tasks = await page.evaluate(() => (globalThis as unknown as { longTasks: LongTask[] }).longTasks);
    const during = tasks.filter((t) => t.start >= started && t.start <= ended);
    timings.compareRuns = 8;
    timings.compareMs = ended - started;
    timings.longestTaskWhileStreamingMs = Math.max(0, ...during.map((t) => t.duration));
    timings.longTasksWhileStreaming = during.length;
    timings.compareWorkers = await page.evaluate(() =>
      Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)),
    );
    const header = (await page.locator("#compare-results thead").textContent()) ?? "";
    expect(header).toContain(policies[0]);
    expect(header).toContain(policies[1]);
    expect(await page.locator("#compare-charts .chart").count()).toBeGreaterThan(3);
    await page.screenshot({ path: join(DOCS, "workbench-compare.png"), fullPage: true });
    const download = page.waitForEvent("download");
    await page.click("#compare-report");
    const report = readFileSync((await (await download).path())!, "utf8");
    expect(report).toContain("Policy comparison");
    expect(report).not.toMatch(/<script/i);
    // The scenario's claims over these seeds: those naming both compared policies are evaluated.
    const claims = page.locator("#compare-claims-table tbody tr");
    expect(await claims.count()).toBe(4);
    const evaluated = page.locator("#compare-claims-table tbody tr:has(td.num)");
    expect(await evaluated.count()).toBeGreaterThan(0);
    expect(await page.textContent("#compare-claims")).toMatch(/among the compared policies/);
    expect(await page.textContent("#compare-claims")).toMatch(/differ only by their seed/);
  }, 150_000);

  it("compares over sampled futures and says where each claim fails", async () => {
    await page.click("#tab-compare");
    await page.selectOption("#compare-vary", "assumptions");
    await page.fill("#compare-seeds", "6");
    await page.fill("#compare-days", "365");
    await page.click("#compare-run");
    await page.waitForFunction(
      () => /sampled futures in/.test(document.querySelector("#status")?.textContent ?? ""),
      null,
      {
        timeout: 120_000,
      },
    );
    expect(await page.textContent("#compare-claims")).toMatch(/6 sampled futures/);
    expect(await page.locator("#compare-claims-table tbody tr:has(td.num)").count()).toBeGreaterThan(0);
    const csvDownload = page.waitForEvent("download");
    await page.click("#compare-csv");
    const csv = readFileSync((await (await csvDownload).path())!, "utf8").split("\n");
    expect(csv[0]).toMatch(/^policy,future,seed,.*hypotheses\.\w+\.strength/);
    expect(csv.filter((l) => l.trim() !== "")).toHaveLength(1 + 2 * 6);
    const reportDownload = page.waitForEvent("download");
    await page.click("#compare-report");
    const report = readFileSync((await (await reportDownload).path())!, "utf8");
    expect(report).toContain("Claims over these futures");
    expect(report).toMatch(/sampling every assumption and hypothesis strength/);
    await page.selectOption("#compare-vary", "seeds");
  }, 150_000);

  it("exports a chart's data as CSV and a chart as SVG", async () => {
    await page.click("#tab-play");
    const csvDownload = page.waitForEvent("download");
    await page.locator(".chart[data-chart=incidents] button", { hasText: "CSV" }).click();
    const csv = readFileSync((await (await csvDownload).path())!, "utf8");
    expect(csv.split("\n")[0]).toBe("date,day,series,value,unit");
    expect(csv.split("\n").length).toBeGreaterThan(100);
    const svgDownload = page.waitForEvent("download");
    await page.locator(".chart[data-chart=trust] button", { hasText: "SVG" }).click();
    const svg = readFileSync((await (await svgDownload).path())!, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  });

  it("opens an exploration store: claims, Sobol, PRIM, robustness and a scatter", async () => {
    await explored;
    await page.click("#tab-exploration");
    await page.click("#store-refresh");
    await page.waitForSelector('#store-select option[value="explore-test/store.duckdb"]', {
      state: "attached",
    });
    await page.selectOption("#store-select", "explore-test/store.duckdb");
    await page.click("#store-open");
    await page.waitForSelector("#claims-table", { timeout: 20_000 });
    const claims = (await page.textContent("#claims-table")) ?? "";
    expect(claims).toContain("phased_serves_more");
    expect(claims).toMatch(/\d+ %/);
    expect(await page.locator("#robustness-table tbody tr").count()).toBeGreaterThan(2);
    expect(await page.locator("#sobol svg").count()).toBeGreaterThan(0);
    expect(await page.locator("#prim svg").count()).toBeGreaterThan(0);
    expect(await page.locator("#scatter svg circle").count()).toBeGreaterThan(10);
    expect(await page.locator("#distribution svg circle").count()).toBeGreaterThan(10);
    // Brushing selects futures: drag across the left half of the plot, and the table lists the cases.
    const plot = page.locator("#scatter svg:has(rect.brush)");
    await plot.scrollIntoViewIfNeeded();
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + 5, box.y + 5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 5, { steps: 5 });
    await page.mouse.up();
    await page.waitForSelector("#brush-table tbody tr", { timeout: 10_000 });
    expect(await page.locator("#brush-table tbody tr").count()).toBeGreaterThan(0);
    expect(await page.textContent("#brush-summary")).toMatch(/cases selected, \d+ futures/);
    // The selection is marked in the outcome distribution and the claims are evaluated on it.
    const all = await page.locator("#distribution svg circle").count();
    const marked = await page.locator("#distribution g.selected-future circle").count();
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThan(all);
    expect(await page.textContent("#claims-table thead")).toMatch(/in the \d+ selected futures/);
    expect(await page.locator("#claims-table td.selected-share").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(DOCS, "workbench-exploration.png"), fullPage: true });
    await page.click("#brush-clear");
    expect(await page.locator("#brush-table tbody tr").count()).toBe(0);
    expect(await page.locator("#distribution g.selected-future circle").count()).toBe(0);
    expect(await page.textContent("#claims-table thead")).not.toMatch(/selected futures/);
  });

  it("runs a scenario to its own end date while the Days box is blank", async () => {
    await page.click("#tab-play");
    expect(await page.inputValue("#days")).toBe("");
    const before = (await status()) ?? "";
    await page.selectOption("#scenario-select", "af-pak-hindcast.yaml");
    await waitForRun(before);
    // The hindcast ends on 2025-12-31: 1,583 days from 2021-09-01, not the ten years of a scenario
    // without an end date.
    expect(await status()).toMatch(/2021-09-01 to 2025-12-31/);
    expect(await page.getAttribute("#days", "placeholder")).toBe("1583");
  });

  it("says so clearly when the server is gone", async () => {
    await workbench!.close();
    workbench = undefined;
    await page.waitForFunction(() => !document.querySelector("#banner")?.hasAttribute("hidden"), null, {
      timeout: 15_000,
    });
    expect(await page.textContent("#banner")).toMatch(/server is not answering/);
    expect(await page.locator(".chart svg").count()).toBeGreaterThan(0);
  });
});
