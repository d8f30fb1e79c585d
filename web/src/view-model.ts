/**
 * The workbench's view logic, free of the DOM so it is unit-tested in Node: what the map and the
 * charts draw for a day, palettes, parameter paths, and the exports' text formats.
 */
import { parseDocument } from "yaml";
import { RUNGS } from "../../src/core/diplomacy/index.js";
import { MEASURES, type PolicyComparison, type SimEvent } from "../../src/core/engine/index.js";
import type { Scenario, ScenarioParameter } from "../../src/core/scenario/index.js";
import type { SeriesPayload } from "./protocol.js";

/** Okabe & Ito (2008), "Color Universal Design": eight colours told apart under the common colour-vision deficiencies. */
export const OKABE_ITO = [
  "#E69F00", // orange
  "#56B4E9", // sky blue
  "#009E73", // bluish green
  "#F0E442", // yellow
  "#0072B2", // blue
  "#D55E00", // vermillion
  "#CC79A7", // reddish purple
  "#000000",
] as const;

/** Status colours on the map: open, restricted/congested, closed; chosen from Okabe–Ito. */
export const STATUS_COLOURS = { open: "#0072B2", strained: "#E69F00", closed: "#D55E00" } as const;

/** Escalation rungs in the engine's coding (the ladder series holds the index into RUNGS). */
export const RUNG_NAMES: readonly string[] = RUNGS;

/** Band colours by rung name, calm to violent, ceasefire apart (Okabe–Ito). */
export const RUNG_COLOURS: Readonly<Record<string, string>> = {
  normal: "#ffffff",
  tension: "#F0E442",
  strikes: "#E69F00",
  clashes: "#D55E00",
  ceasefire: "#56B4E9",
};

/** Reads one column of a series, or undefined. */
export function column(series: SeriesPayload, name: string): Float64Array | undefined {
  return series.values[name];
}

/** Sum of `values` over the `window` days ending at `day` (inclusive). */
export function trailingSum(values: ArrayLike<number>, day: number, window: number): number {
  let sum = 0;
  for (let d = Math.max(0, day - window + 1); d <= day && d < values.length; d++) sum += values[d]!;
  return sum;
}

/** Mean of `values` over a centred-trailing window: smooths daily noise for line charts. */
export function trailingMean(values: ArrayLike<number>, window: number): Float64Array {
  const out = new Float64Array(values.length);
  let sum = 0;
  for (let d = 0; d < values.length; d++) {
    sum += values[d]!;
    if (d >= window) sum -= values[d - window]!;
    out[d] = sum / Math.min(d + 1, window);
  }
  return out;
}

export function cumulative(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let sum = 0;
  for (let d = 0; d < values.length; d++) {
    sum += values[d]!;
    out[d] = sum;
  }
  return out;
}

/** Stroke width (px) for a flow: square-root scale so small routes stay visible, 1 px at zero. */
export function flowWidth(flow: number, maxFlow: number, maxWidth = 10): number {
  if (!(maxFlow > 0) || !(flow > 0)) return 1;
  return 1 + (maxWidth - 1) * Math.sqrt(Math.min(flow, maxFlow) / maxFlow);
}

/** A crossing's state on a day: closed when it was open less than 5 % of the day; strained when restricted or queueing. */
export type CrossingState = "open" | "strained" | "closed";

export function crossingState(openShare: number, queue: number): CrossingState {
  if (openShare < 0.05) return "closed";
  if (openShare < 0.999 || queue > 0) return "strained";
  return "open";
}

export interface CrossingDay {
  id: string;
  state: CrossingState;
  flow: number;
  openShare: number;
  queue: number;
}

/** What the map shows for each crossing on `day`. */
export function crossingsOnDay(scenario: Scenario, series: SeriesPayload, day: number): CrossingDay[] {
  return scenario.crossings.map((c) => {
    const flow = column(series, `flow.${c.id}`)?.[day] ?? 0;
    const openShare = column(series, `open_share.${c.id}`)?.[day] ?? 1;
    const queue = column(series, `queue.${c.id}`)?.[day] ?? 0;
    return { id: c.id, state: crossingState(openShare, queue), flow, openShare, queue };
  });
}

/** Incidents per zone over the 90 days up to `day`: what the zone shading shows. */
export const ZONE_WINDOW_DAYS = 90;

export function zoneIncidents(scenario: Scenario, series: SeriesPayload, day: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const z of scenario.zones) {
    const values = column(series, `incidents.${z.id}`);
    out.set(z.id, values ? trailingSum(values, day, ZONE_WINDOW_DAYS) : 0);
  }
  return out;
}

/** Zone fill opacity for a count of recent incidents, relative to the most seen in any window of the run. */
export function zoneOpacity(count: number, max: number): number {
  if (!(max > 0)) return 0.05;
  return 0.05 + 0.5 * Math.min(1, count / max);
}

/** Largest trailing-window incident count of any zone on any day: fixes the shading scale for a run. */
export function maxZoneIncidents(scenario: Scenario, series: SeriesPayload): number {
  let max = 0;
  for (const z of scenario.zones) {
    const values = column(series, `incidents.${z.id}`);
    if (!values) continue;
    let sum = 0;
    for (let d = 0; d < values.length; d++) {
      sum += values[d]!;
      if (d >= ZONE_WINDOW_DAYS) sum -= values[d - ZONE_WINDOW_DAYS]!;
      if (sum > max) max = sum;
    }
  }
  return max;
}

/** Parses a parameter path such as `links[3].capacityVehPerDay` into YAML keys `["links", 3, "capacityVehPerDay"]`. */
export function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const part of path.split(".")) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) throw new Error(`not a parameter path: ${path}`);
    if (match[1]) keys.push(match[1]);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]));
  }
  return keys;
}

/**
 * The scenario text with the number at `path` set to `value`, the rest of the file (comments,
 * sources, order) kept. A cited or assumed number keeps its provenance and gets the new `value`.
 */
export function setParameterInText(text: string, path: string, value: number): string {
  const doc = parseDocument(text);
  const keys = pathKeys(path);
  const node = doc.getIn(keys, true) as unknown;
  const isMap =
    node !== null && typeof node === "object" && "items" in (node as object) && doc.hasIn([...keys, "value"]);
  if (isMap) doc.setIn([...keys, "value"], value);
  else doc.setIn(keys, value);
  return doc.toString({ lineWidth: 0 });
}

/** Parameters whose path starts at element `section[index]`, e.g. crossings[2]. */
export function parametersOf(
  parameters: readonly ScenarioParameter[],
  section: string,
  index: number,
): ScenarioParameter[] {
  const prefix = `${section}[${index}].`;
  return parameters.filter((p) => p.path.startsWith(prefix));
}

/** One line saying where a number comes from: its source and date, its range, or that it is bare or a default. */
export function provenance(p: ScenarioParameter): string {
  switch (p.kind) {
    case "cited":
      return `source: ${p.source ?? "?"}${p.date ? ` (${p.date})` : ""}`;
    case "assumed":
      return p.range ? `assumption, range ${p.range[0]}–${p.range[1]}` : "assumption";
    case "default":
      return "format default";
    default:
      return "bare number: no source or range given";
  }
}

/** Assumed numbers with a range: the sliders of the assumptions panel, grouped by their first path segment. */
export function assumptionGroups(parameters: readonly ScenarioParameter[]): Map<string, ScenarioParameter[]> {
  const groups = new Map<string, ScenarioParameter[]>();
  for (const p of parameters) {
    if (p.kind !== "assumed" || !p.range) continue;
    const group = p.path.split(/[.[]/)[0] ?? p.path;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push(p);
  }
  return groups;
}

/** Slider step: about a thousandth of the range, rounded to a power of ten. */
export function sliderStep(range: readonly [number, number]): number {
  const width = Math.abs(range[1] - range[0]);
  if (!(width > 0)) return 1;
  return 10 ** Math.floor(Math.log10(width / 1000));
}

/** CSV text with a header row; fields quoted when they hold a comma, quote or newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const field = (value: unknown): string => {
    const text =
      value === null || value === undefined
        ? ""
        : typeof value === "number" && !Number.isFinite(value)
          ? ""
          : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[header, ...rows].map((row) => row.map(field).join(",")).join("\n")}\n`;
}

/** The daily series as CSV: date, day, then every column. */
export function seriesCsv(series: SeriesPayload): string {
  const rows: unknown[][] = [];
  for (let d = 0; d < series.days; d++)
    rows.push([series.dates[d], d, ...series.columns.map((c) => series.values[c]![d])]);
  return toCsv(["date", "day", ...series.columns], rows);
}

/** The scenario's network as GeoJSON: nodes as points, links and crossings as lines, with mean flows when given. */
export function networkGeoJson(
  scenario: Scenario,
  meanFlow: ReadonlyMap<string, number> = new Map(),
): { type: "FeatureCollection"; features: unknown[] } {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const features: unknown[] = scenario.nodes.map((n) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [n.lon, n.lat] },
    properties: { element: "node", id: n.id, name: n.name, kind: n.kind, country: n.country },
  }));
  const line = (from: string, to: string) => {
    const a = byId.get(from);
    const b = byId.get(to);
    return a && b
      ? {
          type: "LineString",
          coordinates: [
            [a.lon, a.lat],
            [b.lon, b.lat],
          ],
        }
      : null;
  };
  for (const l of scenario.links)
    features.push({
      type: "Feature",
      geometry: line(l.from, l.to),
      properties: {
        element: "link",
        id: l.id,
        from: l.from,
        to: l.to,
        mode: l.mode,
        capacityVehPerDay: l.capacityVehPerDay,
        meanFlow: meanFlow.get(l.id) ?? null,
      },
    });
  for (const c of scenario.crossings)
    features.push({
      type: "Feature",
      geometry: line(c.from, c.to),
      properties: {
        element: "crossing",
        id: c.id,
        name: c.name,
        from: c.from,
        to: c.to,
        status: c.status,
        capacityVehPerDay: c.capacityVehPerDay,
        meanFlow: meanFlow.get(c.id) ?? null,
      },
    });
  return { type: "FeatureCollection", features };
}

/** Mean flow per element, both directions summed. */
export function meanFlows(links: readonly { id: string; meanFlow: number }[]): Map<string, number> {
  return sumById(
    links,
    links.map((l) => l.meanFlow),
  );
}

/**
 * Each link's flow on `day` (both directions summed), from the flow changes a run recorded: the last
 * change on or before the day holds. Undefined when the run kept no daily flows.
 */
export function flowsOnDay(
  flows: { links: readonly { id: string }[]; changes?: readonly { day: number; flow: ArrayLike<number> }[] },
  day: number,
): Map<string, number> | undefined {
  const changes = flows.changes;
  if (!changes || changes.length === 0) return undefined;
  let lo = 0;
  let hi = changes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (changes[mid]!.day <= day) lo = mid;
    else hi = mid - 1;
  }
  return sumById(flows.links, changes[lo]!.flow);
}

/** Per-link values summed by element id (a two-way link or crossing has one entry per direction). */
function sumById(links: readonly { id: string }[], values: ArrayLike<number>): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < links.length; i++) out.set(links[i]!.id, (out.get(links[i]!.id) ?? 0) + values[i]!);
  return out;
}

/** The largest flow of any link (both directions summed) on any day the changes cover. */
export function maxDailyFlow(flows: {
  links: readonly { id: string }[];
  changes?: readonly { day: number; flow: ArrayLike<number> }[];
}): number {
  let max = 0;
  for (const c of flows.changes ?? [])
    for (const v of sumById(flows.links, c.flow).values()) if (v > max) max = v;
  return max;
}

/** Events of a day window, newest last. */
export function eventsBetween(events: readonly SimEvent[], from: number, to: number): SimEvent[] {
  return events.filter((e) => e.day >= from && e.day <= to);
}

/** The nearest event to `day` (within `tolerance` days), preferring the earliest among ties. */
export function nearestEvent(
  events: readonly SimEvent[],
  day: number,
  tolerance: number,
): SimEvent | undefined {
  let best: SimEvent | undefined;
  for (const e of events) {
    const gap = Math.abs(e.day - day);
    if (gap > tolerance) continue;
    if (!best || gap < Math.abs(best.day - day)) best = e;
  }
  return best;
}

/** Formats a number for a tooltip or table: thousands separators, three significant digits below 1,000. */
/**
 * The Days box as a request: blank (or not a number) is the scenario's own horizon (undefined: its
 * `end:`, else ten years); a number is whole days, at least 30 and at most 100 years.
 */
export function daysOf(text: string): number | undefined {
  const value = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0) return undefined;
  return Math.min(36_500, Math.max(30, Math.floor(value)));
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "–";
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString("en-US");
  if (magnitude === 0) return "0";
  return String(Number(value.toPrecision(3)));
}

/** One measure's band per policy, for interval charts. */
export function measureRows(
  rows: readonly PolicyComparison[],
  key: string,
): { policy: string; mean: number; p10: number; p90: number }[] {
  return rows
    .map((r) => ({
      policy: r.policy,
      ...(r.measures[key] ?? { mean: Number.NaN, p10: Number.NaN, p90: Number.NaN }),
    }))
    .filter((r) => Number.isFinite(r.mean))
    .map(({ policy, mean, p10, p90 }) => ({ policy, mean, p10, p90 }));
}

function escapeText(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );
}

export interface ReportInput {
  scenario: string;
  file: string;
  focus: { actor: string; dependent?: string };
  rows: readonly PolicyComparison[];
  runs: number;
  days: number;
  start: string;
  end: string;
  /** Chart SVGs as standalone text. */
  charts: readonly string[];
  generated: string;
  /** What the futures varied: "seeds" or a sentence on the sampled assumptions. */
  futures?: string;
  /** The claims table as shown, in plain text cells. */
  claims?: readonly {
    name: string;
    side: string;
    sentence: string;
    holds: string;
    verdict: string;
    fails: string;
  }[];
}

/**
 * A one-page HTML report of a comparison: the table of bands and the charts, inline, with no script
 * and no outside resource, so it opens from disk without the server.
 */
export function comparisonReport(input: ReportInput): string {
  const label = (l: string) =>
    l.replace("the dependent", input.focus.dependent ?? "–").replace("the actor", input.focus.actor);
  const num = (x: number) =>
    Number.isFinite(x)
      ? Math.abs(x) >= 1000
        ? Math.round(x).toLocaleString("en-US")
        : String(Number(x.toPrecision(3)))
      : "–";
  const head = `<tr><th>measure</th>${input.rows.map((r) => `<th>${escapeText(r.policy)}<br><small>${escapeText(r.description)}</small></th>`).join("")}</tr>`;
  const body = MEASURES.map(
    (m) =>
      `<tr><td>${escapeText(label(m.label))} [${escapeText(m.unit)}]</td>${input.rows
        .map((r) => {
          const b = r.measures[m.key]!;
          return `<td>${num(b.mean)} <small>[${num(b.p10)}, ${num(b.p90)}]</small></td>`;
        })
        .join("")}</tr>`,
  ).join("");
  // Chart SVGs come from our own Plot output; strip any script just the same.
  const charts = input.charts
    .map((svg) => `<div class="c">${svg.replace(/<script[\s\S]*?<\/script>/gi, "")}</div>`)
    .join("");
  const claims =
    input.claims && input.claims.length > 0
      ? `\n<h2>Claims over these futures</h2><table><tr><th>claim</th><th>side</th><th>holds in (95 % interval)</th><th>verdict</th><th>fails mostly when</th></tr>${input.claims
          .map(
            (c) =>
              `<tr><td>${escapeText(c.name)}<br><small>${escapeText(c.sentence)}</small></td><td>${escapeText(c.side)}</td><td>${escapeText(c.holds)}</td><td>${escapeText(c.verdict)}</td><td>${escapeText(c.fails)}</td></tr>`,
          )
          .join("")}</table>`
      : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Corridor comparison: ${escapeText(input.scenario)}</title>
<style>body{font:14px system-ui,sans-serif;max-width:1100px;margin:24px auto;padding:0 16px;color:#1d1d1d}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
small{color:#666}.grid{display:flex;flex-wrap:wrap;gap:8px}.c{border:1px solid #ddd;padding:4px}</style></head>
<body><h1>Policy comparison: ${escapeText(input.scenario)}</h1>
<p>Scenario file <code>${escapeText(input.file)}</code>; policies of <b>${escapeText(input.focus.actor)}</b>${input.focus.dependent ? `, dependent <b>${escapeText(input.focus.dependent)}</b>` : ""}; ${input.runs} runs of ${input.days} days (${escapeText(input.start)} to ${escapeText(input.end)}), ${escapeText(input.futures ?? "seeds 1…N per policy")}. Generated ${escapeText(input.generated)} by the Corridor workbench.</p>
<p><b>An exploration under the scenario's stated assumptions, not a forecast.</b> Each cell is the mean over the futures with the 10th–90th percentile band in brackets.</p>
<table>${head}${body}</table>
<h2>Distributions</h2><div class="grid">${charts}</div>${claims}
</body></html>
`;
}
