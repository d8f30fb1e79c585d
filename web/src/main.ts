/**
 * The workbench page: loads a scenario from the server, runs it in a worker, and wires the views
 * (map and charts, assumptions, editor, comparison) to the run on screen.
 */
import type { Topology } from "topojson-specification";
import {
  chooseFocus,
  explainEvent,
  MEASURES,
  type Outcomes,
  parentChain,
  type SimEvent,
} from "../../src/core/engine/index.js";
import { formatIssue, type InputIssue } from "../../src/core/errors/index.js";
import type { Scenario, ScenarioLayer, ScenarioParameter } from "../../src/core/scenario/index.js";
import { chartCsv, chartSpecs, type DrawnChart, drawChart, drawEventStrip, moveCursor } from "./charts.js";
import { setupCompare } from "./compare.js";
import { createScenarioEditor, type ScenarioEditor } from "./editor.js";
import type { SchemaNode } from "./editor-model.js";
import { setupExploration } from "./exploration.js";
import { download, exportButtons, svgText, svgToPng } from "./export.js";
import { setParameterInLayers } from "./layers.js";
import { escapeHtml, type MapSelection, RegionMap } from "./map.js";
import type { WorkerReply } from "./protocol.js";
import { Runner } from "./runner.js";
import { nextTask } from "./tasks.js";
import {
  assumptionGroups,
  daysOf,
  eventsBetween,
  formatNumber,
  meanFlows,
  networkGeoJson,
  parametersOf,
  provenance,
  seriesCsv,
  sliderStep,
} from "./view-model.js";

type RunResult = Extract<WorkerReply, { type: "result" }>;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const state: {
  file: string;
  text: string;
  world: Topology | undefined;
  run: RunResult | undefined;
  previous: Outcomes | undefined;
  map: RegionMap | undefined;
  mapKey: string;
  charts: DrawnChart[];
  day: number;
  playing: boolean;
  policies: Record<string, string>;
  seed: number;
  /** Days to simulate; undefined: the scenario's own horizon (its `end:`, else ten years). */
  days: number | undefined;
  /** The files the scenario extends, as the server sent them (layers.ts). */
  bases: ScenarioLayer[];
  issues: InputIssue[];
  timings: Record<string, number>;
} = {
  file: "",
  text: "",
  world: undefined,
  run: undefined,
  previous: undefined,
  map: undefined,
  mapKey: "",
  charts: [],
  day: 0,
  playing: false,
  policies: {},
  seed: 1,
  days: undefined,
  bases: [],
  issues: [],
  timings: {},
};

/** Timings the end-to-end test reads (first paint, run and play durations). */
(globalThis as unknown as { corridorTimings: Record<string, number> }).corridorTimings = state.timings;

function setStatus(text: string): void {
  $("status").textContent = text;
}

function showBanner(text: string | undefined): void {
  const banner = $("banner");
  banner.hidden = text === undefined;
  banner.textContent = text ?? "";
}

// ---------------------------------------------------------------- server

let serverLost = false;

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    serverLost = true;
    showBanner(
      "The workbench server is not answering. Runs already on screen still work; start `npx corridor serve` again and reload to open or save files.",
    );
    throw new Error("server gone");
  }
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `${response.status} ${response.statusText}`);
  return body;
}

/** Checks the server every few seconds, so a stopped server is said at once, not at the next click. */
function watchServer(): void {
  setInterval(() => {
    fetch("api/health", { cache: "no-store" })
      .then((r) => {
        if (r.ok && serverLost) {
          serverLost = false;
          showBanner(undefined);
        }
      })
      .catch(() => {
        serverLost = true;
        showBanner(
          "The workbench server is not answering. Runs already on screen still work; start `npx corridor serve` again and reload to open or save files.",
        );
      });
  }, 4000);
}

// ---------------------------------------------------------------- runs

const runner = new Runner(onReply);
let runStarted = 0;

function requestRun(): void {
  runStarted = performance.now();
  setStatus("Running…");
  const policies = Object.values(state.policies).filter(Boolean);
  runner.request({
    text: state.text,
    file: state.file,
    bases: state.bases,
    seed: state.seed,
    ...(state.days === undefined ? {} : { days: state.days }),
    policies,
  });
}

function onReply(reply: WorkerReply): void {
  if (reply.id !== runner.latestId && reply.type !== "progress") return;
  switch (reply.type) {
    case "progress":
      setStatus(`Running… day ${reply.day} of ${reply.days}`);
      return;
    case "invalid":
      state.issues = reply.issues;
      renderIssues();
      setStatus(
        `${reply.issues.length} problem${reply.issues.length === 1 ? "" : "s"} in the scenario; the last valid run stays on screen`,
      );
      return;
    case "failed":
      setStatus(`The run failed: ${reply.message}`);
      return;
    case "result":
      state.issues = [];
      renderIssues();
      state.previous = state.run?.outcomes;
      state.run = reply;
      state.timings.lastRunMs = performance.now() - runStarted;
      state.timings.lastWorkerMs = reply.ms;
      // A blank Days box runs the scenario's own horizon: show it there.
      $<HTMLInputElement>("days").placeholder = String(reply.outcomes.days);
      void showRun().then((shown) => {
        if (!shown) return;
        state.timings.lastShownMs = performance.now() - runStarted;
        setStatus(
          `${reply.scenario.name}: ${reply.outcomes.start} to ${reply.outcomes.end}, seed ${reply.outcomes.seed} (${Math.round(reply.ms)} ms)`,
        );
      });
      return;
    default:
      return;
  }
}

function focusOf(scenario: Scenario): { actor: string; dependent?: string } {
  try {
    return chooseFocus(scenario);
  } catch {
    return { actor: scenario.actors[0]?.id ?? "" };
  }
}

/** Draws a new run in steps (map, each chart, controls), giving the page back between them. */
async function showRun(): Promise<boolean> {
  const run = state.run;
  if (!run) return false;
  const current = () => state.run === run;
  const scenario = run.scenario;
  const key = JSON.stringify([
    scenario.nodes.map((n) => [n.id, n.lon, n.lat]),
    scenario.links.map((l) => l.id),
    scenario.crossings.map((c) => c.id),
    scenario.zones.map((z) => z.id),
  ]);
  if (!state.map || key !== state.mapKey) {
    state.map = new RegionMap($("map"), state.world, scenario, (selection) => showDetails(selection));
    state.mapKey = key;
    const mapSvg = state.map.svg;
    $("map-exports").replaceChildren(
      exportButtons([
        {
          label: "SVG",
          title: "Download the map as SVG",
          action: () => download("map.svg", svgText(mapSvg), "image/svg+xml"),
        },
        {
          label: "PNG",
          title: "Download the map as PNG",
          action: async () => download("map.png", await svgToPng(mapSvg)),
        },
        {
          label: "GeoJSON",
          title: "Download the network as GeoJSON",
          action: () =>
            download(
              "network.geojson",
              JSON.stringify(networkGeoJson(scenario, meanFlows(state.run?.flows.links ?? [])), null, 1),
              "application/geo+json",
            ),
        },
        {
          label: "Series CSV",
          title: "Download the run's daily series as CSV",
          action: () => state.run && download("series.csv", seriesCsv(state.run.series), "text/csv"),
        },
      ]),
    );
  }
  state.map.setRun(run.series, meanFlows(run.flows.links), run.flows);
  await nextTask();
  if (!current() || !(await drawCharts(run, current))) return false;
  const scrubber = $<HTMLInputElement>("scrubber");
  scrubber.max = String(run.series.days - 1);
  state.day = Math.min(state.day, run.series.days - 1);
  showDay(state.day);
  renderPolicyControls(scenario);
  renderOutcomes(run);
  compare.setScenario(scenario, state.text, state.file, state.bases);
  await nextTask();
  if (!current()) return false;
  renderAssumptions(run.parameters);
  return true;
}

async function drawCharts(run: RunResult, current: () => boolean): Promise<boolean> {
  const box = $("charts");
  const width = Math.max(340, box.clientWidth - 16);
  const specs = chartSpecs(run.scenario, run.series, focusOf(run.scenario));
  const charts: DrawnChart[] = [];
  for (const spec of specs) {
    charts.push(drawChart(spec, width));
    await nextTask();
    if (!current()) return false;
  }
  state.charts = charts;
  box.replaceChildren(
    ...state.charts.map((chart) => {
      const wrap = document.createElement("div");
      wrap.className = "chart";
      wrap.dataset.chart = chart.spec.id;
      const title = document.createElement("h3");
      title.textContent = chart.spec.title;
      title.append(
        exportButtons([
          {
            label: "SVG",
            title: `Download “${chart.spec.title}” as SVG`,
            action: () => download(`${chart.spec.id}.svg`, svgText(chart.svg), "image/svg+xml"),
          },
          {
            label: "PNG",
            title: `Download “${chart.spec.title}” as PNG`,
            action: async () => download(`${chart.spec.id}.png`, await svgToPng(chart.svg)),
          },
          {
            label: "CSV",
            title: `Download the data of “${chart.spec.title}” as CSV`,
            action: () => download(`${chart.spec.id}.csv`, chartCsv(chart.spec), "text/csv"),
          },
        ]),
      );
      wrap.append(title, chart.figure);
      chart.svg.addEventListener("click", (event) => setDay(chart.dayAt(svgX(chart.svg, event))));
      return wrap;
    }),
  );
  const stripBox = $("events-strip");
  const strip = drawEventStrip(run.events, run.series, Math.max(400, stripBox.clientWidth - 10));
  state.charts.push(strip);
  const today = document.createElement("div");
  today.className = "events-today";
  today.id = "events-today";
  stripBox.replaceChildren(strip.figure, today);
  strip.svg.addEventListener("click", (event) => {
    const day = strip.dayAt(svgX(strip.svg, event));
    const near = run.events.filter((e) => Math.abs(e.day - day) <= 15);
    const pick = near.sort((a, b) => Math.abs(a.day - day) - Math.abs(b.day - day))[0];
    setDay(day);
    if (pick) showEvent(pick);
  });
  return true;
}

function svgX(svg: SVGSVGElement, event: MouseEvent): number {
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute("width")) || box.width;
  return ((event.clientX - box.left) * width) / box.width;
}

// ---------------------------------------------------------------- play

let pendingFrame = 0;

function setDay(day: number): void {
  if (!state.run) return;
  state.day = Math.max(0, Math.min(state.run.series.days - 1, day));
  if (!pendingFrame)
    pendingFrame = requestAnimationFrame(() => {
      pendingFrame = 0;
      showDay(state.day);
    });
}

function showDay(day: number): void {
  const run = state.run;
  if (!run) return;
  state.map?.showDay(day);
  for (const chart of state.charts) moveCursor(chart, day);
  $<HTMLInputElement>("scrubber").value = String(day);
  $("day-label").textContent = `day ${day} · ${run.series.dates[day]}`;
  const today = document.getElementById("events-today");
  if (today) {
    const recent = eventsBetween(run.events, Math.max(0, day - 30), day).slice(-8);
    today.replaceChildren(
      ...recent.map((e) => {
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = `${e.date} ${e.kind}: ${e.text}`;
        b.addEventListener("click", () => showEvent(e));
        return b;
      }),
    );
  }
}

const SPEEDS: Record<string, number> = { "1": 30, "4": 120, "16": 480, "0": 3000 };

function play(): void {
  const run = state.run;
  if (!run || state.playing) return;
  if (state.day >= run.series.days - 1) state.day = 0;
  state.playing = true;
  $("play").textContent = "❚❚ Pause";
  $("play").setAttribute("aria-label", "Pause");
  const started = performance.now();
  const from = state.day;
  let last = started;
  let position = state.day;
  const frame = (now: number) => {
    if (!state.playing || !state.run) return;
    const rate = SPEEDS[$<HTMLSelectElement>("speed").value] ?? 30;
    position += ((now - last) / 1000) * rate;
    last = now;
    const end = state.run.series.days - 1;
    state.day = Math.min(end, Math.floor(position));
    showDay(state.day);
    if (state.day >= end) {
      state.timings.lastPlayMs = performance.now() - started;
      state.timings.lastPlayDays = end - from;
      pause();
      return;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

function pause(): void {
  state.playing = false;
  $("play").textContent = "▶ Play";
  $("play").setAttribute("aria-label", "Play");
}

// ---------------------------------------------------------------- details and events

function row(name: string, value: unknown, note = ""): string {
  return `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(typeof value === "number" ? formatNumber(value) : String(value))}${note ? `<div class="provenance">${escapeHtml(note)}</div>` : ""}</td></tr>`;
}

function showDetails(selection: MapSelection): void {
  const run = state.run;
  if (!run) return;
  const element = (run.scenario[selection.section] as unknown as Record<string, unknown>[])[selection.index];
  if (!element) return;
  const params = parametersOf(run.parameters, selection.section, selection.index);
  const byField = new Map<string, ScenarioParameter>();
  for (const p of params) byField.set(p.path.slice(`${selection.section}[${selection.index}].`.length), p);
  const rows = Object.entries(element)
    .filter(([, v]) => v !== undefined && typeof v !== "object")
    .map(([k, v]) => {
      const p = byField.get(k);
      return row(k, v, p ? provenance(p) : "");
    });
  const nested = params.filter(
    (p) => !Object.hasOwn(element, p.path.slice(`${selection.section}[${selection.index}].`.length)),
  );
  for (const p of nested) rows.push(row(p.path, p.value, provenance(p)));
  let extra = "";
  if (selection.section === "crossings") {
    const id = String(element.id);
    const outcome = run.outcomes.crossings.find((c) => c.id === id);
    const actants = run.scenario.actants.filter((a) => a.at === id);
    if (outcome)
      extra += `<h3>This run</h3><table>${row("mean flow (veh/day)", outcome.meanFlow)}${row("closed days", outcome.closedDays)}${row("restricted days", outcome.restrictedDays)}${row("largest queue", outcome.maxQueue)}</table>`;
    if (actants.length)
      extra += `<h3>Actants</h3><ul>${actants.map((a) => `<li>${escapeHtml(a.name)} (${escapeHtml(a.kind)}): interdiction ${formatNumber(a.interdiction)}, detection ${formatNumber(a.detection)}, +${formatNumber(a.processingHoursAdded)} h processing</li>`).join("")}</ul>`;
  }
  if (selection.section === "zones") {
    const id = String(element.id);
    const outcome = run.outcomes.zones.find((z) => z.id === id);
    if (outcome)
      extra += `<h3>This run</h3><table>${row("incidents", outcome.incidents)}${row("fatalities", outcome.fatalities)}${row("incidents that hit a link", outcome.linkHits)}</table>`;
  }
  $("details-body").innerHTML =
    `<h2>${escapeHtml(String(element.name ?? element.id))}</h2><p class="provenance">${selection.section.replace(/s$/, "")} · ${escapeHtml(String(element.id))}</p><table>${rows.join("")}</table>${extra}`;
  $("details").hidden = false;
  $("details-close").focus();
}

function showEvent(event: SimEvent): void {
  const run = state.run;
  if (!run) return;
  const { chain } = parentChain(run.events, event);
  const led = run.events.filter((e) => e.parent === event.id);
  const block = (text: string) => `<div class="explanation">${escapeHtml(text)}</div>`;
  $("details-body").innerHTML =
    `<h2>Why: event #${event.id}</h2>${block(explainEvent(event))}` +
    (chain.length
      ? `<h3>It follows from</h3>${chain.map((e) => block(explainEvent(e))).join("")}`
      : "<p>It follows from no earlier event.</p>") +
    (led.length
      ? `<h3>It led to</h3><ul>${led.map((e) => `<li>#${e.id} ${escapeHtml(e.date)} ${escapeHtml(e.kind)}: ${escapeHtml(e.text)}</li>`).join("")}</ul>`
      : "");
  $("details").hidden = false;
  $("details-close").focus();
}

// ---------------------------------------------------------------- assumptions

function renderPolicyControls(scenario: Scenario): void {
  const box = $("policy-controls");
  const signature = JSON.stringify(scenario.policies.map((p) => [p.id, p.actor]));
  if (box.dataset.signature === signature) return;
  box.dataset.signature = signature;
  const actors = scenario.actors.filter((a) => scenario.policies.some((p) => p.actor === a.id));
  box.replaceChildren(
    ...actors.map((actor) => {
      const line = document.createElement("div");
      line.className = "policy-row";
      const label = document.createElement("label");
      label.textContent = `${actor.name} (${actor.id})`;
      const select = document.createElement("select");
      select.id = `policy-${actor.id}`;
      label.htmlFor = select.id;
      const def = document.createElement("option");
      def.value = "";
      def.textContent = actor.policy ? `default: ${actor.policy}` : "default: no policy";
      select.append(def);
      for (const p of scenario.policies.filter((x) => x.actor === actor.id)) {
        const option = document.createElement("option");
        option.value = p.id;
        option.textContent = p.id;
        option.title = p.description;
        select.append(option);
      }
      select.value = state.policies[actor.id] ?? "";
      const description = document.createElement("span");
      description.className = "hint";
      const describe = () => {
        const id = select.value || actor.policy;
        description.textContent = scenario.policies.find((p) => p.id === id)?.description ?? "";
      };
      describe();
      select.addEventListener("change", () => {
        state.policies[actor.id] = select.value;
        describe();
        requestRun();
      });
      line.append(label, select, description);
      return line;
    }),
  );
}

function renderAssumptions(parameters: readonly ScenarioParameter[]): void {
  const box = $("assumption-controls");
  const signature = JSON.stringify(
    parameters.filter((p) => p.kind === "assumed").map((p) => [p.path, p.range, p.value]),
  );
  if (box.dataset.signature === signature) return;
  box.dataset.signature = signature;
  const groups = assumptionGroups(parameters);
  const rows: HTMLElement[] = [];
  const first = ["hypotheses", "levers", "model", "zones", "actors", "relations"];
  const ordered = [...groups].sort(
    (a, b) => (first.indexOf(a[0]) + 1 || 99) - (first.indexOf(b[0]) + 1 || 99),
  );
  for (const [group, list] of ordered) {
    // Key assumptions open; the many per-element numbers (nodes, links, demand) folded away.
    const section = document.createElement("details");
    section.open = first.slice(0, 3).includes(group);
    section.dataset.group = group;
    const head = document.createElement("summary");
    head.textContent = `${group} (${list.length})`;
    section.append(head);
    rows.push(section);
    for (const p of list) {
      const [lo, hi] = p.range!;
      const line = document.createElement("div");
      line.className = "assumption";
      line.dataset.path = p.path;
      const name = document.createElement("label");
      name.className = "path";
      name.textContent = p.path;
      const note = document.createElement("div");
      note.className = "provenance";
      note.textContent = `${provenance(p)}${p.note ? `; ${p.note}` : ""}`;
      name.append(note);
      const slider = document.createElement("input");
      slider.type = "range";
      slider.min = String(Math.min(lo, hi));
      slider.max = String(Math.max(lo, hi));
      slider.step = String(sliderStep([lo, hi]));
      slider.value = String(p.value);
      slider.setAttribute("aria-label", `${p.path}, ${provenance(p)}`);
      const id = `slider-${p.path.replace(/[^a-zA-Z0-9]/g, "-")}`;
      slider.id = id;
      name.htmlFor = id;
      const value = document.createElement("output");
      value.textContent = formatNumber(p.value);
      slider.addEventListener("input", () => {
        value.textContent = formatNumber(Number(slider.value));
      });
      slider.addEventListener("change", () => {
        state.text = setParameterInLayers(state.text, state.bases, p.path, Number(slider.value));
        setEditorText(state.text);
        requestRun();
      });
      line.append(name, slider, value);
      section.append(line);
    }
  }
  if (rows.length === 0) {
    const none = document.createElement("p");
    none.className = "hint";
    none.textContent = "This scenario marks no number as an assumption with a range.";
    rows.push(none);
  }
  box.replaceChildren(...rows);
  applyAssumptionFilter();
}

function applyAssumptionFilter(): void {
  const filter = $<HTMLInputElement>("assumption-filter").value.trim().toLowerCase();
  for (const line of $("assumption-controls").querySelectorAll<HTMLElement>(".assumption"))
    line.hidden = filter !== "" && !(line.dataset.path ?? "").toLowerCase().includes(filter);
  if (filter === "") return;
  for (const group of $("assumption-controls").querySelectorAll<HTMLDetailsElement>("details"))
    group.open = group.querySelector(".assumption:not([hidden])") !== null;
}

function renderOutcomes(run: RunResult): void {
  const focus = focusOf(run.scenario);
  const before = state.previous;
  const rows = MEASURES.map((m) => {
    const label = m.label.replace("the dependent", focus.dependent ?? "–").replace("the actor", focus.actor);
    const now = m.read(run.outcomes, focus);
    const was = before ? m.read(before, focus) : Number.NaN;
    const moved =
      before !== undefined &&
      Number.isFinite(now) &&
      Number.isFinite(was) &&
      Math.abs(now - was) > 1e-9 * Math.max(1, Math.abs(was));
    return `<tr data-measure="${m.key}" class="${moved ? "moved" : ""}"><td>${escapeHtml(label)} [${escapeHtml(m.unit)}]</td><td class="num">${formatNumber(now)}</td><td class="num">${before ? formatNumber(was) : ""}</td></tr>`;
  });
  $("outcome-table").innerHTML =
    `<table class="data-table"><thead><tr><th>measure</th><th>this run</th><th>previous run</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

// ---------------------------------------------------------------- editor

let editTimer = 0;
let schema: SchemaNode | undefined;
let editor: ScenarioEditor | undefined;

function setEditorText(text: string): void {
  editor?.setText(text);
  editor?.showIssues(state.issues);
}

function renderIssues(): void {
  const box = $("issues");
  editor?.showIssues(state.issues);
  if (state.issues.length === 0) {
    box.innerHTML = `<p class="ok">The scenario is valid.</p>`;
    showBanner(serverLost ? ($("banner").textContent ?? undefined) : undefined);
    return;
  }
  box.innerHTML = `<p><b>${state.issues.length} problem${state.issues.length === 1 ? "" : "s"}</b>; the map and charts show the last valid run.</p><ul>${state.issues
    .map(
      (i) =>
        `<li data-line="${i.line ?? ""}" tabindex="0">${escapeHtml(formatIssue({ ...i, file: undefined as unknown as string }))}</li>`,
    )
    .join("")}</ul>`;
  for (const li of box.querySelectorAll<HTMLElement>("li[data-line]")) {
    const go = () => goToLine(Number(li.dataset.line));
    li.addEventListener("click", go);
    li.addEventListener("keydown", (e) => e.key === "Enter" && go());
  }
  showBanner(
    `The scenario has ${state.issues.length} problem${state.issues.length === 1 ? "" : "s"} (see the editor); the last valid run stays on screen.`,
  );
}

function goToLine(line: number): void {
  if (!(line > 0)) return;
  selectTab("editor");
  editor?.goToLine(line);
}

function setupEditor(): void {
  editor = createScenarioEditor($("yaml"), {
    label: "Scenario YAML",
    schema: () => schema,
    onEdit(text) {
      clearTimeout(editTimer);
      editTimer = window.setTimeout(() => {
        state.text = text;
        requestRun();
      }, 400);
    },
  });
  const editorText = () => editor?.text() ?? state.text;
  $("download-yaml").addEventListener("click", () =>
    download(state.file.split("/").pop() || "scenario.yaml", editorText(), "text/yaml"),
  );
  $("save").addEventListener("click", async () => {
    const name = prompt("Save as (a file in the scenarios folder):", state.file);
    if (!name) return;
    const save = (overwrite: boolean) =>
      api<{ path: string }>("api/scenario", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ path: name, text: editorText(), overwrite }),
      });
    try {
      await save(false).catch(async (error: Error) => {
        if (/exists/.test(error.message) && confirm(`${name} exists. Replace it?`)) return save(true);
        throw error;
      });
      state.file = name;
      $("editor-file").textContent = name;
      setStatus(`Saved ${name}`);
    } catch (error) {
      setStatus(`Not saved: ${(error as Error).message}`);
    }
  });
}

// ---------------------------------------------------------------- tabs and keys

const TABS = ["play", "assumptions", "editor", "compare", "exploration"] as const;

function selectTab(name: (typeof TABS)[number]): void {
  for (const t of TABS) {
    $(`tab-${t}`).setAttribute("aria-selected", String(t === name));
    $(`view-${t}`).hidden = t !== name;
  }
}

function setupControls(): void {
  for (const t of TABS) $(`tab-${t}`).addEventListener("click", () => selectTab(t));
  document.querySelector(".tabs")?.addEventListener("keydown", (event) => {
    const key = (event as KeyboardEvent).key;
    if (key !== "ArrowRight" && key !== "ArrowLeft") return;
    const current = TABS.findIndex((t) => $(`tab-${t}`).getAttribute("aria-selected") === "true");
    const next = TABS[(current + (key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length]!;
    selectTab(next);
    $(`tab-${next}`).focus();
  });
  $("play").addEventListener("click", () => (state.playing ? pause() : play()));
  $("step").addEventListener("click", () => {
    pause();
    setDay(state.day + 1);
  });
  $<HTMLInputElement>("scrubber").addEventListener("input", (event) => {
    pause();
    setDay(Number((event.target as HTMLInputElement).value));
  });
  $("details-close").addEventListener("click", () => {
    $("details").hidden = true;
  });
  document.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement;
    if (event.key === "Escape") $("details").hidden = true;
    if (
      ["INPUT", "TEXTAREA", "SELECT", "BUTTON"].includes(target.tagName) ||
      target.isContentEditable ||
      $("view-play").hidden
    )
      return;
    if (event.key === " ") {
      event.preventDefault();
      state.playing ? pause() : play();
    } else if (event.key === "ArrowRight" && !target.closest(".tabs")) setDay(state.day + 1);
    else if (event.key === "ArrowLeft" && !target.closest(".tabs")) setDay(state.day - 1);
  });
  $<HTMLInputElement>("seed").addEventListener("change", (event) => {
    state.seed = Math.max(1, Math.floor(Number((event.target as HTMLInputElement).value) || 1));
    requestRun();
  });
  $<HTMLInputElement>("days").addEventListener("change", (event) => {
    state.days = daysOf((event.target as HTMLInputElement).value);
    requestRun();
  });
  $("assumption-filter").addEventListener("input", applyAssumptionFilter);
  $<HTMLSelectElement>("scenario-select").addEventListener(
    "change",
    (event) => void openScenario((event.target as HTMLSelectElement).value),
  );
}

async function openScenario(path: string): Promise<void> {
  const { text, bases } = await api<{ text: string; bases?: ScenarioLayer[] }>(
    `api/scenario?path=${encodeURIComponent(path)}`,
  );
  state.file = path;
  state.text = text;
  state.bases = bases ?? [];
  state.policies = {};
  state.run = undefined;
  state.previous = undefined;
  $("editor-file").textContent = path;
  setEditorText(text);
  requestRun();
}

const compare = setupCompare({ setStatus, focusOf, api });
const exploration = setupExploration(api, setStatus);

async function start(): Promise<void> {
  setupControls();
  setupEditor();
  watchServer();
  const params = new URLSearchParams(location.search);
  if (params.has("days")) state.days = daysOf(params.get("days") ?? "");
  $<HTMLInputElement>("days").value = state.days === undefined ? "" : String(state.days);
  const [list, world] = await Promise.all([
    api<{ scenarios: string[]; initial: string | null }>("api/scenarios"),
    fetch("world.json")
      .then((r) => (r.ok ? (r.json() as Promise<Topology>) : undefined))
      .catch(() => undefined),
  ]);
  state.world = world;
  // The schema only feeds completion: the editor works without it.
  void fetch("corridor.schema.json")
    .then((r) => (r.ok ? (r.json() as Promise<SchemaNode>) : undefined))
    .then((s) => {
      schema = s;
    })
    .catch(() => undefined);
  void exploration.refreshList().catch(() => undefined);
  const select = $<HTMLSelectElement>("scenario-select");
  for (const s of list.scenarios) {
    const option = document.createElement("option");
    option.value = s;
    option.textContent = s;
    select.append(option);
  }
  const initial = params.get("scenario") ?? list.initial ?? list.scenarios[0];
  if (!initial) {
    setStatus("No scenario files in the scenarios folder.");
    return;
  }
  select.value = initial;
  await openScenario(initial);
}

state.timings.scriptStart = performance.now();
start().catch((error: Error) => setStatus(`Could not start: ${error.message}`));
