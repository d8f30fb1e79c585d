/**
 * The exploration view: a store from the runs folder, read by the server, analysed here with the
 * core's analysis library; the charts are the core's own (src/core/charts) rendered into this page.
 */
import * as Plot from "@observablehq/plot";
import { significantRestrictions } from "../../src/core/analysis/index.js";
import { claimChart, primBoxChart, primTradeoffChart, sobolChart } from "../../src/core/charts/index.js";
import {
  brushed,
  claimResults,
  claimResultsIn,
  distributionPoints,
  type Exploration,
  inputColumns,
  perFuture,
  primOf,
  robustnessTables,
  type SelectedCase,
  selection,
  sobolOf,
} from "./exploration-model.js";
import { download, svgText } from "./export.js";
import { escapeHtml } from "./map.js";
import { formatNumber, OKABE_ITO, toCsv } from "./view-model.js";

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

type Api = <T>(path: string) => Promise<T>;

function options(select: HTMLSelectElement, values: readonly string[], keep = true): void {
  const old = select.value;
  select.replaceChildren(
    ...values.map((v) => {
      const o = document.createElement("option");
      o.value = v;
      o.textContent = v;
      return o;
    }),
  );
  if (keep && values.includes(old)) select.value = old;
}

function svgBlock(title: string, svg: Element, name: string): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "chart";
  wrap.dataset.chart = name;
  const h = document.createElement("h3");
  h.textContent = title;
  const b = document.createElement("button");
  b.type = "button";
  b.className = "small";
  b.textContent = "SVG";
  b.addEventListener("click", () => download(`${name}.svg`, svgText(svg as SVGSVGElement), "image/svg+xml"));
  h.append(b);
  wrap.append(h, svg);
  return wrap;
}

function fmt(x: number): string {
  return formatNumber(x);
}

export function setupExploration(api: Api, setStatus: (text: string) => void) {
  let data: Exploration | undefined;
  /** Futures brushed on the scatter; highlighted in the distribution chart and the claims table. */
  let selectedFutures: number[] = [];

  async function refreshList(): Promise<void> {
    const { stores } = await api<{ stores: string[] }>("api/explorations");
    const select = $<HTMLSelectElement>("store-select");
    options(select, stores);
    $("store-none").hidden = stores.length > 0;
  }

  async function open(path: string): Promise<void> {
    setStatus(`Reading ${path}…`);
    data = await api<Exploration>(`api/exploration?path=${encodeURIComponent(path)}`);
    const d = data;
    $("store-summary").textContent =
      `${d.name}: ${d.rows} cases (${d.levers.length} levers × futures × ${d.replications} replication${d.replications === 1 ? "" : "s"}), ` +
      `${d.inputs.length} uncertain inputs, sampler ${String(d.sampler.method ?? d.sampler.kind)}; from ${d.source}.` +
      (d.truncated ? " Only the first cases are shown." : "");
    const outcomes = d.outcomes.map((o) => o.name);
    for (const id of ["sobol-outcome", "prim-outcome", "dist-outcome"])
      options($<HTMLSelectElement>(id), outcomes);
    selectedFutures = [];
    for (const id of ["sobol-lever", "prim-lever"]) options($<HTMLSelectElement>(id), d.levers);
    const vars = [...d.inputs, ...outcomes];
    options($<HTMLSelectElement>("scatter-x"), vars);
    options($<HTMLSelectElement>("scatter-y"), vars);
    options($<HTMLSelectElement>("scatter-colour"), ["lever", ...vars]);
    if (
      !vars.includes($<HTMLSelectElement>("scatter-y").value) ||
      $<HTMLSelectElement>("scatter-y").value === $<HTMLSelectElement>("scatter-x").value
    )
      $<HTMLSelectElement>("scatter-y").value = outcomes[0] ?? vars[0] ?? "";
    $("exploration-body").hidden = false;
    renderClaims();
    renderRobustness();
    renderSobol();
    renderPrim();
    renderScatter();
    renderDistribution();
    setStatus(`Opened ${path}: ${d.rows} cases`);
  }

  function renderClaims(): void {
    if (!data) return;
    const box = $("claims");
    const results = claimResults(data);
    if (!Array.isArray(results)) {
      box.innerHTML = `<p class="hint">The claims could not be evaluated: ${escapeHtml(results.error)}</p>`;
      return;
    }
    if (results.length === 0) {
      box.innerHTML = `<p class="hint">This experiment states no claims (an experiment file's <code>claims:</code> section).</p>`;
      return;
    }
    const inSelection = selectedFutures.length > 0 ? claimResultsIn(data, selectedFutures) : [];
    const selectedShare = (name: string) => {
      if (!Array.isArray(inSelection)) return "–";
      const r = inSelection.find((x) => x.name === name);
      return r && r.futures > 0
        ? `${fmt(100 * r.share)} % <span class="provenance">[${fmt(100 * r.interval.low)}, ${fmt(100 * r.interval.high)}] of ${r.futures}</span>`
        : "–";
    };
    const withSelection = selectedFutures.length > 0;
    const rows = results.map((r) => {
      const telling = r.breaks ? significantRestrictions(r.breaks) : [];
      const fails =
        telling.length > 0
          ? telling.map((x) => `${escapeHtml(x.name)} in [${fmt(x.lo)}, ${fmt(x.hi)}]`).join(" and ")
          : "no simple condition found";
      const selectedCell = withSelection
        ? `<td class="num selected-share">${selectedShare(r.name)}</td>`
        : "";
      return `<tr><td>${escapeHtml(r.name)}<div class="provenance">${escapeHtml(r.text)}</div></td><td class="num">${fmt(100 * r.share)} %</td><td class="num">[${fmt(100 * r.interval.low)}, ${fmt(100 * r.interval.high)}] %</td>${selectedCell}<td>${r.verdict === "share" ? "per future" : r.verdict}</td><td>${fails}</td></tr>`;
    });
    const selectedHead = withSelection ? `<th>in the ${selectedFutures.length} selected futures</th>` : "";
    box.innerHTML = `<table class="data-table" id="claims-table"><thead><tr><th>claim</th><th>holds in</th><th>95 % interval</th>${selectedHead}<th>verdict</th><th>fails mostly when</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
    box.append(
      svgBlock(
        "Claims: share of futures where each holds",
        claimChart(results, { document }) as unknown as Element,
        "claims",
      ),
    );
  }

  function renderRobustness(): void {
    if (!data) return;
    const tables = robustnessTables(data);
    const header = [
      "outcome",
      "direction",
      "lever",
      "worst",
      "best",
      "mean (Laplace)",
      "max regret",
      "preferred by",
    ];
    const rows: unknown[][] = [];
    for (const { outcome, result } of tables)
      for (const p of result.policies) {
        const by = Object.entries(result.preferred)
          .filter(([, list]) => list.includes(p.policy))
          .map(([criterion]) => criterion);
        rows.push([
          outcome,
          result.direction,
          p.policy,
          p.worst,
          p.best,
          p.laplace,
          p.maxRegret,
          by.join(" "),
        ]);
      }
    const box = $("robustness");
    box.innerHTML = `<table class="data-table" id="robustness-table"><thead><tr>${header.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${rows
      .map(
        (r) =>
          `<tr>${r.map((v) => `<td class="${typeof v === "number" ? "num" : ""}">${escapeHtml(typeof v === "number" ? fmt(v) : String(v))}</td>`).join("")}</tr>`,
      )
      .join("")}</tbody></table>`;
    const csv = document.createElement("button");
    csv.type = "button";
    csv.className = "small";
    csv.textContent = "CSV";
    csv.addEventListener("click", () => download("robustness.csv", toCsv(header, rows), "text/csv"));
    box.prepend(csv);
  }

  function renderSobol(): void {
    if (!data) return;
    const box = $("sobol");
    const outcome = $<HTMLSelectElement>("sobol-outcome").value;
    const result = sobolOf(data, outcome, $<HTMLSelectElement>("sobol-lever").value || undefined);
    if ("error" in result) {
      box.innerHTML = `<p class="hint">${escapeHtml(result.error)}</p>`;
      return;
    }
    box.replaceChildren(
      svgBlock(
        `Sobol indices of ${outcome} (first and total, with intervals)`,
        sobolChart(result, { document, names: data.inputs, top: 15, outcome }) as unknown as Element,
        "sobol",
      ),
    );
  }

  function renderPrim(): void {
    if (!data) return;
    const box = $("prim");
    const outcome = $<HTMLSelectElement>("prim-outcome").value;
    const found = primOf(data, outcome, $<HTMLSelectElement>("prim-lever").value || undefined);
    if ("error" in found) {
      box.innerHTML = `<p class="hint">${escapeHtml(found.error)}</p>`;
      return;
    }
    const { result, threshold } = found;
    const step = result.trajectory[result.selected]!;
    const note = document.createElement("p");
    note.className = "hint";
    note.textContent = `Futures of interest: ${outcome} worse than its median (${fmt(threshold)}). Selected box: coverage ${fmt(100 * step.coverage)} %, density ${fmt(100 * step.density)} %.`;
    box.replaceChildren(
      note,
      svgBlock(
        "PRIM: coverage against density (selected box marked)",
        primTradeoffChart(result, { document }) as unknown as Element,
        "prim-tradeoff",
      ),
      svgBlock(
        "PRIM: the selected box's limits",
        primBoxChart(result, { document, names: data.inputs }) as unknown as Element,
        "prim-box",
      ),
    );
  }

  function renderScatter(): void {
    if (!data) return;
    const d = data;
    const xName = $<HTMLSelectElement>("scatter-x").value;
    const yName = $<HTMLSelectElement>("scatter-y").value;
    const cName = $<HTMLSelectElement>("scatter-colour").value;
    const col = (name: string) => (d.columns[name] ?? []).map((v) => (v === null ? Number.NaN : v));
    const xs = col(xName);
    const ys = col(yName);
    const colour = cName === "lever" ? d.lever : col(cName);
    const points = xs
      .map((x, i) => ({ x, y: ys[i]!, c: colour[i]!, i }))
      .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    const figure = Plot.plot({
      width: 560,
      height: 380,
      marginLeft: 60,
      style: { fontSize: "11px", background: "transparent" },
      x: { label: xName, grid: true },
      y: { label: yName, grid: true },
      color:
        cName === "lever"
          ? { legend: true, range: [...OKABE_ITO] }
          : { legend: true, type: "linear", scheme: "viridis", label: cName },
      marks: [Plot.dot(points, { x: "x", y: "y", fill: "c", r: 3, fillOpacity: 0.75 })],
    });
    const svg =
      // With a legend Plot returns a <figure>: the plot is its own <svg> child, not a legend swatch's.
      (
        figure.tagName.toLowerCase() === "svg" ? figure : figure.querySelector(":scope > svg")
      ) as SVGSVGElement;
    const scales = figure as unknown as { scale(n: string): { invert(px: number): number } };
    attachBrush(svg, (box) => {
      const x = scales.scale("x");
      const y = scales.scale("y");
      const picked = brushed(xs, ys, {
        x0: x.invert(box.x0),
        x1: x.invert(box.x1),
        y0: y.invert(box.y0),
        y1: y.invert(box.y1),
      });
      const chosen = selection(d, picked, xs, ys);
      $("brush-summary").textContent = picked.length
        ? `${picked.length} cases selected, ${chosen.futures.length} futures (${fmt((100 * chosen.futures.length) / Math.max(1, new Set(d.future).size))} % of them).`
        : "No case in the brushed area.";
      $("brush-summary").dataset.count = String(picked.length);
      selectedFutures = chosen.futures;
      showSelection(chosen.rows, xName, yName);
      renderClaims();
      renderDistribution();
      for (const dot of svg.querySelectorAll("circle")) dot.removeAttribute("stroke");
      const circles = [...svg.querySelectorAll("circle")];
      points.forEach((p, k) => {
        if (picked.includes(p.i)) circles[k]?.setAttribute("stroke", "#000");
      });
    });
    $("scatter").replaceChildren(
      svgBlock(`${yName} against ${xName}, coloured by ${cName} (drag to select futures)`, figure, "scatter"),
    );
    // Redrawn with other axes, the scatter still marks the cases of the futures selected before.
    if (selectedFutures.length > 0) {
      const chosen = new Set(selectedFutures);
      const circles = [...svg.querySelectorAll("circle")];
      points.forEach((p, k) => {
        if (chosen.has(d.future[p.i]!)) circles[k]?.setAttribute("stroke", "#000");
      });
    }
  }

  /** The selected cases as a table under the scatter (the first 200), with clear and CSV buttons. */
  let selected: { rows: SelectedCase[]; x: string; y: string } | undefined;
  function showSelection(rows: SelectedCase[], xName: string, yName: string): void {
    selected = rows.length > 0 ? { rows, x: xName, y: yName } : undefined;
    ($("brush-clear") as HTMLButtonElement).disabled = !selected;
    ($("brush-csv") as HTMLButtonElement).disabled = !selected;
    if (!selected) {
      $("brush-table").replaceChildren();
      return;
    }
    const table = document.createElement("table");
    table.className = "data";
    const head = table.createTHead().insertRow();
    for (const h of ["future", "lever", xName, yName]) {
      const th = document.createElement("th");
      th.textContent = h;
      head.append(th);
    }
    const body = table.createTBody();
    for (const r of rows.slice(0, 200)) {
      const tr = body.insertRow();
      for (const v of [String(r.future), r.lever, fmt(r.x), fmt(r.y)]) tr.insertCell().textContent = v;
    }
    $("brush-table").replaceChildren(
      table,
      ...(rows.length > 200
        ? [
            Object.assign(document.createElement("p"), {
              className: "hint",
              textContent: `… and ${rows.length - 200} more (CSV has them all).`,
            }),
          ]
        : []),
    );
  }
  $("brush-clear").addEventListener("click", () => {
    selectedFutures = [];
    showSelection([], "", "");
    $("brush-summary").textContent = "";
    renderScatter();
    renderClaims();
    renderDistribution();
  });

  /** Every case's value of an outcome by lever; the cases of the selected futures drawn in black on top. */
  function renderDistribution(): void {
    if (!data) return;
    const outcome = $<HTMLSelectElement>("dist-outcome").value;
    const points = distributionPoints(data, outcome, new Set(selectedFutures));
    const levers = data.levers.length > 0 ? data.levers : [""];
    const any = selectedFutures.length > 0;
    const figure = Plot.plot({
      width: 480,
      height: 70 + 34 * levers.length,
      marginLeft: 130,
      style: { fontSize: "11px", background: "transparent" },
      x: { label: outcome, grid: true },
      y: { domain: levers, label: null },
      color: { domain: levers, range: [...OKABE_ITO] },
      marks: [
        Plot.dot(
          points.filter((p) => !p.selected),
          { x: "value", y: "lever", fill: "lever", r: 2.5, fillOpacity: any ? 0.18 : 0.5 },
        ),
        Plot.dot(
          points.filter((p) => p.selected),
          { x: "value", y: "lever", fill: "#000", r: 3, className: "selected-future" },
        ),
      ],
    });
    const title = any
      ? `${outcome} by lever: the ${selectedFutures.length} selected futures in black`
      : `${outcome} by lever, one dot per case (select futures on the scatter to mark them here)`;
    $("distribution").replaceChildren(svgBlock(title, figure, "distribution"));
  }
  $("brush-csv").addEventListener("click", () => {
    if (!selected) return;
    const { rows, x, y } = selected;
    download(
      "selected-futures.csv",
      toCsv(
        ["future", "lever", x, y],
        rows.map((r) => [r.future, r.lever, r.x, r.y]),
      ),
      "text/csv",
    );
  });

  /** A rectangle drawn by dragging on the chart selects the points inside it. */
  function attachBrush(
    svg: SVGSVGElement,
    onBrush: (box: { x0: number; x1: number; y0: number; y1: number }) => void,
  ): void {
    const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    rect.setAttribute("class", "brush");
    rect.setAttribute("fill", "rgba(0,114,178,0.12)");
    rect.setAttribute("stroke", "#0072B2");
    svg.append(rect);
    let start: [number, number] | undefined;
    const point = (event: PointerEvent): [number, number] => {
      const box = svg.getBoundingClientRect();
      const width = Number(svg.getAttribute("width")) || box.width;
      const height = Number(svg.getAttribute("height")) || box.height;
      return [
        ((event.clientX - box.left) * width) / box.width,
        ((event.clientY - box.top) * height) / box.height,
      ];
    };
    svg.addEventListener("pointerdown", (event) => {
      start = point(event);
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener("pointermove", (event) => {
      if (!start) return;
      const [x, y] = point(event);
      rect.setAttribute("x", String(Math.min(x, start[0])));
      rect.setAttribute("y", String(Math.min(y, start[1])));
      rect.setAttribute("width", String(Math.abs(x - start[0])));
      rect.setAttribute("height", String(Math.abs(y - start[1])));
    });
    svg.addEventListener("pointerup", (event) => {
      if (!start) return;
      const [x, y] = point(event);
      onBrush({ x0: start[0], x1: x, y0: start[1], y1: y });
      start = undefined;
    });
  }

  $("store-open").addEventListener("click", () => {
    const path = $<HTMLSelectElement>("store-select").value;
    if (path) open(path).catch((error: Error) => setStatus(`Could not open the store: ${error.message}`));
  });
  $("store-refresh").addEventListener("click", () => void refreshList().catch(() => undefined));
  for (const id of ["sobol-outcome", "sobol-lever"]) $(id).addEventListener("change", renderSobol);
  for (const id of ["prim-outcome", "prim-lever"]) $(id).addEventListener("change", renderPrim);
  for (const id of ["scatter-x", "scatter-y", "scatter-colour"])
    $(id).addEventListener("change", renderScatter);
  $("dist-outcome").addEventListener("change", renderDistribution);

  return { refreshList, inputColumns, perFuture };
}
