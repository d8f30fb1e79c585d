/**
 * Compare policies in the browser: N futures (seeds of the scenario as written, or a sample of its
 * assumptions) of each of one actor's policies run in a pool of workers; as outcomes stream in, the
 * distributions are redrawn at most a few times a second, and at the end the scenario's claims are
 * evaluated over the futures.
 */
import * as Plot from "@observablehq/plot";
import { significantRestrictions } from "../../src/core/analysis/index.js";
import { comparePolicies, MEASURES, type PolicyComparison } from "../../src/core/engine/index.js";
import { loadLayers, type Scenario, type ScenarioLayer } from "../../src/core/scenario/index.js";
import {
  type Assignment,
  assignmentsOf,
  type ClaimRow,
  type CompareRun,
  type SampledFutures,
  sampleFutures,
} from "./compare-model.js";
import { download, svgText } from "./export.js";
import { chainOf } from "./layers.js";
import { escapeHtml } from "./map.js";
import { evaluateClaimsOffPage, Pool } from "./runner.js";
import { nextTask } from "./tasks.js";
import { comparisonReport, daysOf, measureRows, OKABE_ITO, toCsv } from "./view-model.js";

interface Deps {
  setStatus(text: string): void;
  focusOf(scenario: Scenario): { actor: string; dependent?: string };
  api<T>(path: string): Promise<T>;
}

interface ClaimSpecText {
  name: string;
  text: string;
  sentence?: string;
  side?: string;
}

/** Master seed of the sampled futures: the same N futures every time, as a comparison should be. */
const FUTURES_SEED = 1;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** Measures drawn as charts (the table lists them all). */
const CHARTED = [
  "served_usd_bn",
  "closure_days",
  "incidents",
  "fatalities",
  "trust_dependent_in_actor_final",
  "dependence_final_pct",
].filter((key) => MEASURES.some((m) => m.key === key));

export function setupCompare(deps: Deps) {
  let scenario: Scenario | undefined;
  let text = "";
  let file = "";
  let bases: ScenarioLayer[] = [];
  let runs: CompareRun[] = [];
  let rows: PolicyComparison[] = [];
  let pool: Pool | undefined;
  let drawTimer = 0;
  let lastFocus: { actor: string; dependent?: string } = { actor: "" };
  let claims: ClaimSpecText[] = [];
  let claimsNote = "";
  let sampled: SampledFutures | undefined;
  let futureCount = 0;
  let claimRows: ClaimRow[] = [];
  const timings = (globalThis as unknown as { corridorTimings: Record<string, number> }).corridorTimings;

  const actorSelect = $<HTMLSelectElement>("compare-actor");

  function policyBoxes(): void {
    if (!scenario) return;
    const actor = actorSelect.value;
    const box = $("compare-policies");
    box.replaceChildren(
      ...scenario.policies
        .filter((p) => p.actor === actor)
        .map((p) => {
          const label = document.createElement("label");
          label.title = p.description;
          const input = document.createElement("input");
          input.type = "checkbox";
          input.value = p.id;
          input.checked = true;
          input.name = "compare-policy";
          label.append(input, ` ${p.id} `);
          return label;
        }),
    );
  }

  async function loadClaims(path: string): Promise<void> {
    try {
      const body = await deps.api<{ file: string | null; claims: ClaimSpecText[] }>(
        `api/claims?path=${encodeURIComponent(path)}`,
      );
      claims = body.claims;
      claimsNote = body.file
        ? `Claims of ${body.file}.`
        : `${path} has no claims file (a <code>.claims.yaml</code> beside it).`;
    } catch (error) {
      claims = [];
      claimsNote = `The claims file could not be read: ${escapeHtml((error as Error).message)}`;
    }
  }

  function setScenario(
    next: Scenario,
    nextText: string,
    nextFile: string,
    nextBases: ScenarioLayer[] = [],
  ): void {
    const signature = JSON.stringify(next.policies.map((p) => [p.id, p.actor]));
    text = nextText;
    bases = nextBases;
    if (nextFile !== file) void loadClaims(nextFile);
    file = nextFile;
    if (actorSelect.dataset.signature === signature) {
      scenario = next;
      return;
    }
    scenario = next;
    actorSelect.dataset.signature = signature;
    const focus = deps.focusOf(next);
    const actors = next.actors.filter((a) => next.policies.some((p) => p.actor === a.id));
    actorSelect.replaceChildren(
      ...actors.map((a) => {
        const o = document.createElement("option");
        o.value = a.id;
        o.textContent = `${a.name} (${a.id})`;
        return o;
      }),
    );
    actorSelect.value = focus.actor;
    policyBoxes();
  }

  actorSelect.addEventListener("change", policyBoxes);

  const wraps = new Map<string, HTMLElement>();
  let drawing = false;

  function chartOf(key: string, policies: string[]): HTMLElement {
    const m = MEASURES.find((x) => x.key === key)!;
    const label = measureLabel(m.label, lastFocus);
    const points = runs
      .map((r) => ({ policy: r.policy, seed: r.seed, value: m.read(r.outcomes, lastFocus) }))
      .filter((p) => Number.isFinite(p.value));
    const bands = measureRows(rows, key);
    const figure = Plot.plot({
      width: 380,
      height: 60 + 28 * policies.length,
      marginLeft: 130,
      style: { fontSize: "11px", background: "transparent" },
      x: { label: `${label} [${m.unit}]`, grid: true },
      y: { domain: policies, label: null },
      color: { domain: policies, range: policies.map((_, i) => OKABE_ITO[i % OKABE_ITO.length]!) },
      marks: [
        Plot.dot(points, { x: "value", y: "policy", fill: "policy", fillOpacity: 0.35, r: 2.5 }),
        Plot.ruleY(bands, { y: "policy", x1: "p10", x2: "p90", stroke: "policy", strokeWidth: 3 }),
        Plot.tickX(bands, { x: "mean", y: "policy", stroke: "#000", strokeWidth: 2 }),
      ],
    });
    const wrap = document.createElement("div");
    wrap.className = "chart";
    wrap.dataset.measure = key;
    const h = document.createElement("h3");
    h.textContent = `${label}: mean (black) and 10th–90th percentile (bar); dots are futures`;
    const svgButton = document.createElement("button");
    svgButton.type = "button";
    svgButton.className = "small";
    svgButton.textContent = "SVG";
    svgButton.addEventListener("click", () =>
      download(`compare-${key}.svg`, svgText(figure as SVGSVGElement), "image/svg+xml"),
    );
    h.append(svgButton);
    wrap.append(h, figure);
    return wrap;
  }

  /** Redraws the charts one per task and the table last; a redraw asked for meanwhile runs after. */
  async function draw(final: boolean): Promise<void> {
    drawTimer = 0;
    if (!scenario || drawing) return;
    drawing = true;
    try {
      rows = comparePolicies(
        runs,
        lastFocus,
        Object.fromEntries(scenario.policies.map((p) => [p.id, p.description])),
      );
      const policies = rows.map((r) => r.policy);
      const box = $("compare-charts");
      if (wraps.size === 0) box.replaceChildren();
      for (const key of CHARTED) {
        const wrap = chartOf(key, policies);
        const old = wraps.get(key);
        if (old?.isConnected) old.replaceWith(wrap);
        else box.append(wrap);
        wraps.set(key, wrap);
        await nextTask();
      }
      $("compare-table").innerHTML = tableHtml(rows, lastFocus);
    } finally {
      drawing = false;
    }
    if (final) {
      await renderClaims();
      ($("compare-report") as HTMLButtonElement).disabled = false;
      ($("compare-csv") as HTMLButtonElement).disabled = false;
    }
  }

  async function waitForDrawing(): Promise<void> {
    while (drawing) await nextTask();
  }

  function schedule(): void {
    // Batch redraws while results stream in: at most one every 300 ms, so input stays responsive.
    if (!drawTimer && !drawing) drawTimer = window.setTimeout(() => void draw(false), 300);
  }

  $("compare-run").addEventListener("click", () => {
    if (!scenario) return;
    pool?.cancel();
    const chosen = [...document.querySelectorAll<HTMLInputElement>("input[name=compare-policy]:checked")].map(
      (i) => i.value,
    );
    if (chosen.length === 0) {
      deps.setStatus("Choose at least one policy to compare.");
      return;
    }
    const count = Math.max(
      1,
      Math.min(1000, Math.floor(Number($<HTMLInputElement>("compare-seeds").value) || 10)),
    );
    const vary = $<HTMLSelectElement>("compare-vary").value;
    sampled = undefined;
    if (vary === "assumptions") {
      try {
        const loaded = loadLayers(chainOf(file, text, bases));
        sampled = sampleFutures(loaded.scenario, loaded.parameters, count, FUTURES_SEED);
      } catch (error) {
        deps.setStatus(`Cannot sample the futures: ${(error as Error).message.split("\n", 1)[0]}`);
        return;
      }
    }
    futureCount = count;
    const futures: (Assignment[] | undefined)[] = Array.from({ length: count }, (_, f) =>
      sampled ? assignmentsOf(sampled, f) : undefined,
    );
    const days = daysOf($<HTMLInputElement>("compare-days").value);
    const focus = deps.focusOf(scenario);
    lastFocus = {
      actor: actorSelect.value,
      ...(focus.dependent && focus.dependent !== actorSelect.value ? { dependent: focus.dependent } : {}),
    };
    runs = [];
    wraps.clear();
    $("compare-claims").replaceChildren();
    claimRows = [];
    claimsRequest += 1;
    let id = 0;
    // Future f runs with seed f + 1 under every policy: the policies of one future share their draws.
    const jobs = chosen.flatMap((policy) =>
      futures.map((assign, f) => ({
        id: ++id,
        text,
        file,
        bases,
        seed: f + 1,
        ...(days === undefined ? {} : { days }),
        policies: [policy],
        ...(assign ? { assign } : {}),
      })),
    );
    const progress = $<HTMLProgressElement>("compare-progress");
    progress.max = jobs.length;
    progress.value = 0;
    ($("compare-report") as HTMLButtonElement).disabled = true;
    ($("compare-csv") as HTMLButtonElement).disabled = true;
    pool = new Pool(Pool.defaultSize());
    const started = performance.now();
    let failures = 0;
    const what = sampled ? `${count} sampled futures` : `${count} seeds`;
    deps.setStatus(`Comparing ${chosen.length} policies × ${what}…`);
    void pool
      .run(jobs, (job, reply) => {
        if (reply.type === "outcomes")
          runs.push({
            policy: job.policies![0]!,
            future: job.seed - 1,
            seed: job.seed,
            outcomes: reply.outcomes,
          });
        else failures += 1;
        progress.value = runs.length + failures;
        schedule();
      })
      .then(() => {
        clearTimeout(drawTimer);
        void waitForDrawing()
          .then(() => draw(true))
          .then(() => {
            timings.lastCompareMs = performance.now() - started;
            deps.setStatus(
              `Compared ${chosen.length} policies × ${what} in ${(timings.lastCompareMs / 1000).toFixed(1)} s${failures ? `; ${failures} runs failed` : ""}`,
            );
          });
      });
  });

  $("compare-csv").addEventListener("click", () => {
    const inputs = sampled?.names ?? [];
    const header = ["policy", "future", "seed", ...inputs, ...MEASURES.map((m) => m.key)];
    download(
      "compare-runs.csv",
      toCsv(
        header,
        runs.map((r) => [
          r.policy,
          r.future,
          r.seed,
          ...(sampled ? sampled.rows[r.future]! : []),
          ...MEASURES.map((m) => m.read(r.outcomes, lastFocus)),
        ]),
      ),
      "text/csv",
    );
  });

  $("compare-report").addEventListener("click", () => {
    if (!scenario) return;
    const charts = [...document.querySelectorAll<SVGSVGElement>("#compare-charts svg")].map((svg) =>
      svgText(svg),
    );
    const html = comparisonReport({
      scenario: scenario.name,
      file,
      focus: lastFocus,
      rows,
      runs: runs.length,
      days: runs[0]?.outcomes.days ?? 0,
      start: runs[0]?.outcomes.start ?? "",
      end: runs[0]?.outcomes.end ?? "",
      charts,
      generated: new Date().toISOString(),
      futures: sampled
        ? `futures 1…${futureCount} sampling every assumption and hypothesis strength (Latin hypercube, master seed ${FUTURES_SEED}), future f with seed f`
        : `seeds 1…${futureCount} per policy`,
      claims: claimRows.map((row) => {
        const c = claimCells(row);
        return {
          name: row.name,
          side: row.side ?? "",
          sentence: row.sentence ?? row.text,
          holds: row.result ? `${c.holds} ${c.interval}` : "",
          verdict: c.verdict,
          fails: c.fails,
        };
      }),
    });
    download("comparison-report.html", html, "text/html");
  });

  /** The claims over the finished comparison, evaluated in a worker; a newer comparison wins. */
  let claimsRequest = 0;
  async function renderClaims(): Promise<void> {
    const box = $("compare-claims");
    const head = `<h2>Claims over these futures</h2><p class="hint">${claimsNote}${
      sampled
        ? ` Each claim's share of the ${futureCount} sampled futures where it holds, with its 95 % interval, and where it fails (PRIM on the sampled assumptions).`
        : ` Each claim's share of the ${futureCount} seeds where it holds, with its 95 % interval. The futures differ only by their seed, so there is no assumption to say where a claim fails: vary every assumption for that.`
    }</p>`;
    if (claims.length === 0) {
      box.innerHTML = head;
      return;
    }
    const mine = ++claimsRequest;
    box.innerHTML = `${head}<p class="hint" id="claims-pending">Evaluating the claims…</p>`;
    let rows: ClaimRow[];
    try {
      rows = await evaluateClaimsOffPage({
        claims,
        runs,
        focus: lastFocus,
        futures: futureCount,
        ...(sampled ? { sampled } : {}),
      });
    } catch (error) {
      if (mine === claimsRequest)
        box.innerHTML = `${head}<p class="hint">The claims could not be evaluated: ${escapeHtml((error as Error).message)}</p>`;
      return;
    }
    if (mine !== claimsRequest) return;
    claimRows = rows;
    box.innerHTML = `${head}<table class="data-table" id="compare-claims-table"><thead><tr><th>claim</th><th>side</th><th>holds in</th><th>95 % interval</th><th>verdict</th><th>fails mostly when</th></tr></thead><tbody>${rows.map(claimRowHtml).join("")}</tbody></table>`;
  }

  return { setScenario };
}

/** A claim row as plain-text cells: the page's table and the report's. */
function claimCells(row: ClaimRow): { holds: string; interval: string; verdict: string; fails: string } {
  const r = row.result;
  if (!r) return { holds: "", interval: "", verdict: "", fails: row.unavailable ?? "" };
  const fails = r.failing.every((x) => x === 0)
    ? "holds in every future"
    : r.breaks && significantRestrictions(r.breaks).length > 0
      ? significantRestrictions(r.breaks)
          .map((x) => `${x.name} in [${fmt(x.lo)}, ${fmt(x.hi)}]`)
          .join(" and ")
      : r.breaksOn?.length
        ? "no simple condition found"
        : "–";
  return {
    holds: `${fmt(100 * r.share)} %${r.ties ? ` (${fmt(100 * r.ties)} % ties)` : ""}`,
    interval: `[${fmt(100 * r.interval.low)}, ${fmt(100 * r.interval.high)}] %`,
    verdict: r.verdict === "share" ? "per future" : r.verdict,
    fails,
  };
}

function claimRowHtml(row: ClaimRow): string {
  const name = `<td>${escapeHtml(row.name)}<div class="provenance">${escapeHtml(row.sentence ?? row.text)}</div></td><td>${escapeHtml(row.side ?? "")}</td>`;
  const c = claimCells(row);
  if (!row.result)
    return `<tr data-claim="${escapeHtml(row.name)}">${name}<td colspan="4" class="hint">${escapeHtml(c.fails)}</td></tr>`;
  return `<tr data-claim="${escapeHtml(row.name)}">${name}<td class="num">${escapeHtml(c.holds)}</td><td class="num">${escapeHtml(c.interval)}</td><td>${escapeHtml(c.verdict)}</td><td>${escapeHtml(c.fails)}</td></tr>`;
}
function measureLabel(label: string, focus: { actor: string; dependent?: string }): string {
  return label.replace("the dependent", focus.dependent ?? "–").replace("the actor", focus.actor);
}

function tableHtml(rows: PolicyComparison[], focus: { actor: string; dependent?: string }): string {
  if (rows.length === 0) return "";
  const head = `<tr><th>measure</th>${rows.map((r) => `<th title="${escapeHtml(r.description)}">${escapeHtml(r.policy)} (${r.runs} runs)</th>`).join("")}</tr>`;
  const body = MEASURES.map((m) => {
    const cells = rows.map((r) => {
      const b = r.measures[m.key]!;
      return `<td class="num">${fmt(b.mean)} <span class="provenance">[${fmt(b.p10)}, ${fmt(b.p90)}]</span></td>`;
    });
    return `<tr><td>${escapeHtml(measureLabel(m.label, focus))} [${escapeHtml(m.unit)}]</td>${cells.join("")}</tr>`;
  }).join("");
  return `<table class="data-table" id="compare-results"><thead>${head}</thead><tbody>${body}</tbody></table><p class="hint">Mean over the futures with the 10th–90th percentile band. Explorations under the scenario's assumptions, not forecasts.</p>`;
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return "–";
  const a = Math.abs(x);
  return a >= 1000 ? Math.round(x).toLocaleString("en-US") : String(Number(x.toPrecision(3)));
}
