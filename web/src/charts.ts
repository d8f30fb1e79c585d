/**
 * The linked charts of a run (Observable Plot, SVG). Each is drawn once per run; playing only moves
 * a cursor line, so a ten-year play redraws nothing but one attribute per chart per frame.
 */
import * as Plot from "@observablehq/plot";
import type { SimEvent } from "../../src/core/engine/index.js";
import type { Scenario } from "../../src/core/scenario/index.js";
import type { SeriesPayload } from "./protocol.js";
import { cumulative, OKABE_ITO, RUNG_COLOURS, RUNG_NAMES, toCsv, trailingMean } from "./view-model.js";

export interface ChartSpec {
  id: string;
  title: string;
  /** Long-format rows drawn by the chart, also its CSV export. */
  rows: { date: Date; day: number; series: string; value: number }[];
  unit: string;
  /** Extra marks drawn under the lines (e.g. escalation bands). */
  under?: Plot.Markish[];
  yDomain?: [number, number];
  curve?: "step-after" | "linear";
}

export interface DrawnChart {
  spec: ChartSpec;
  figure: Element;
  svg: SVGSVGElement;
  cursor: SVGLineElement;
  xOf(day: number): number;
  dayAt(px: number): number;
}

const STEP = 7;
const SMOOTH = 30;

function dateOf(series: SeriesPayload, day: number): Date {
  return new Date(`${series.dates[Math.min(day, series.days - 1)]}T00:00:00Z`);
}

/** Rows for named columns, one point a week; `transform` smooths or accumulates the daily values. */
function rowsOf(
  series: SeriesPayload,
  columns: { name: string; label: string; scale?: number }[],
  transform: (values: Float64Array) => Float64Array = (v) => v,
): ChartSpec["rows"] {
  const rows: ChartSpec["rows"] = [];
  for (const c of columns) {
    const raw = series.values[c.name];
    if (!raw) continue;
    const values = transform(raw);
    for (let d = 0; d < series.days; d += STEP)
      rows.push({ date: dateOf(series, d), day: d, series: c.label, value: values[d]! * (c.scale ?? 1) });
    const last = series.days - 1;
    if (last % STEP !== 0)
      rows.push({
        date: dateOf(series, last),
        day: last,
        series: c.label,
        value: values[last]! * (c.scale ?? 1),
      });
  }
  return rows;
}

/** The escalation ladder of one pair as bands: a rect for each stretch of days off the normal rung. */
export function ladderBands(series: SeriesPayload, name: string): { x1: Date; x2: Date; rung: string }[] {
  const ladder = series.values[name];
  if (!ladder) return [];
  const bands: { x1: Date; x2: Date; rung: string }[] = [];
  let start = 0;
  for (let d = 1; d <= series.days; d++) {
    if (d < series.days && ladder[d] === ladder[start]) continue;
    const rung = RUNG_NAMES[ladder[start]!] ?? "normal";
    if (rung !== "normal") bands.push({ x1: dateOf(series, start), x2: dateOf(series, d), rung });
    start = d;
  }
  return bands;
}

/** Which charts a run gets, from the columns its series has. */
export function chartSpecs(
  scenario: Scenario,
  series: SeriesPayload,
  focus: { actor: string; dependent?: string },
): ChartSpec[] {
  const zones = scenario.zones.map((z) => ({ id: z.id, name: z.name }));
  const specs: ChartSpec[] = [
    {
      id: "incidents",
      title: "Incidents by zone (cumulative)",
      unit: "incidents",
      rows: rowsOf(
        series,
        zones.map((z) => ({ name: `incidents.${z.id}`, label: z.name })),
        cumulative,
      ),
    },
    {
      id: "fatalities",
      title: "Fatalities by zone (cumulative)",
      unit: "people",
      rows: rowsOf(
        series,
        zones.map((z) => ({ name: `fatalities.${z.id}`, label: z.name })),
        cumulative,
      ),
    },
  ];
  const crossings = scenario.crossings
    .map((c) => ({
      c,
      total: (series.values[`flow.${c.id}`] ?? new Float64Array(0)).reduce((s, x) => s + x, 0),
    }))
    .sort((a, b) => b.total - a.total)
    .slice(0, 7);
  specs.push({
    id: "throughput",
    title: `Throughput by crossing (${SMOOTH}-day mean)`,
    unit: "vehicles/day",
    rows: rowsOf(
      series,
      crossings.map(({ c }) => ({ name: `flow.${c.id}`, label: c.name })),
      (v) => trailingMean(v, SMOOTH),
    ),
  });
  specs.push({
    id: "trade",
    title: `Trade value per day (${SMOOTH}-day mean)`,
    unit: "USD m/day",
    rows: rowsOf(
      series,
      [
        { name: "trade.potential_usd", label: "potential", scale: 1e-6 },
        { name: "trade.served_usd", label: "served", scale: 1e-6 },
        { name: "trade.spoiled_usd", label: "spoiled", scale: 1e-6 },
      ],
      (v) => trailingMean(v, SMOOTH),
    ),
  });
  const pairs = scenario.relations.filter((r) => series.values[`trust.${r.a}.${r.b}`]);
  const main =
    pairs.find(
      (r) => [r.a, r.b].includes(focus.actor) && (!focus.dependent || [r.a, r.b].includes(focus.dependent)),
    ) ?? pairs[0];
  const trustColumns = pairs.flatMap((r) => [
    { name: `trust.${r.a}.${r.b}`, label: `${r.a} → ${r.b}` },
    { name: `trust.${r.b}.${r.a}`, label: `${r.b} → ${r.a}` },
  ]);
  const bands = main ? ladderBands(series, `ladder.${main.a}.${main.b}`) : [];
  specs.push({
    id: "trust",
    title: main ? `Trust per pair; bands: escalation rung of ${main.a}–${main.b}` : "Trust per pair",
    unit: "trust 0–1",
    yDomain: [0, 1],
    rows: rowsOf(series, trustColumns),
    under: bands.length
      ? [Plot.rectY(bands, { x1: "x1", x2: "x2", y1: 0, y2: 1, fill: "rung", fillOpacity: 0.35 })]
      : [],
  });
  const dep = focus.dependent;
  const depColumns = [
    ...(dep
      ? [{ name: `dependence.${dep}.${focus.actor}`, label: `dependence of ${dep} on ${focus.actor}` }]
      : []),
    ...(dep ? [{ name: `hhi.${dep}`, label: `route concentration of ${dep} (HHI)` }] : []),
    {
      name: `dependence.${focus.actor}.${dep ?? ""}`,
      label: `dependence of ${focus.actor} on ${dep ?? "–"}`,
    },
  ];
  specs.push({
    id: "dependence",
    title: "Dependence and route concentration",
    unit: "share 0–1",
    yDomain: [0, 1],
    rows: rowsOf(series, depColumns),
  });
  specs.push({
    id: "connectivity",
    title: "Declared vs operational connectivity (projects)",
    unit: "projects",
    curve: "step-after",
    rows: rowsOf(series, [
      { name: "projects.declared", label: "declared" },
      { name: "projects.operational", label: "operational" },
    ]),
  });
  return specs.filter((s) => s.rows.length > 0);
}

export function drawChart(spec: ChartSpec, width: number): DrawnChart {
  const labels = [...new Set(spec.rows.map((r) => r.series))];
  const rungs = RUNG_NAMES.filter((r) => r !== "normal");
  const figure = Plot.plot({
    width,
    height: 190,
    marginLeft: 52,
    marginRight: 12,
    style: { fontSize: "11px", background: "transparent" },
    x: { type: "utc", label: null },
    y: { label: spec.unit, grid: true, ...(spec.yDomain && { domain: spec.yDomain }) },
    color: {
      domain: [...labels, ...(spec.under?.length ? rungs : [])],
      range: [
        ...labels.map((_, i) => OKABE_ITO[i % OKABE_ITO.length]!),
        ...(spec.under?.length ? rungs.map((r) => RUNG_COLOURS[r] ?? "#999999") : []),
      ],
      legend: true,
    },
    marks: [
      ...(spec.under ?? []),
      Plot.lineY(spec.rows, {
        x: "date",
        y: "value",
        stroke: "series",
        curve: spec.curve ?? "linear",
        strokeWidth: 1.6,
      }),
      Plot.tip(
        spec.rows,
        Plot.pointerX({ x: "date", y: "value", stroke: "series", channels: { series: "series" } }),
      ),
    ],
  });
  const svg = (
    figure instanceof SVGSVGElement
      ? figure
      : (figure.querySelector("svg[class*=plot]") ?? figure.querySelector("svg"))
  ) as SVGSVGElement;
  const x = (
    figure as unknown as { scale(name: string): { apply(v: unknown): number; invert(px: number): Date } }
  ).scale("x");
  const t0 = spec.rows[0]?.date.getTime() ?? 0;
  const xOf = (day: number) => x.apply(new Date(t0 + day * 86_400_000));
  const dayAt = (px: number) => Math.round((x.invert(px).getTime() - t0) / 86_400_000);
  const cursor = document.createElementNS("http://www.w3.org/2000/svg", "line");
  cursor.setAttribute("class", "cursor");
  cursor.setAttribute("y1", "10");
  cursor.setAttribute("y2", String(190 - 22));
  svg.append(cursor);
  return { spec, figure, svg, cursor, xOf, dayAt };
}

export function moveCursor(chart: DrawnChart, day: number): void {
  const px = chart.xOf(day);
  chart.cursor.setAttribute("x1", px.toFixed(1));
  chart.cursor.setAttribute("x2", px.toFixed(1));
}

export function chartCsv(spec: ChartSpec): string {
  return toCsv(
    ["date", "day", "series", "value", "unit"],
    spec.rows.map((r) => [r.date.toISOString().slice(0, 10), r.day, r.series, r.value, spec.unit]),
  );
}

/** The events of a run as a strip: one row per kind, one dot per event. */
export function drawEventStrip(
  events: readonly SimEvent[],
  series: SeriesPayload,
  width: number,
): DrawnChart {
  const rows = events.map((e) => ({
    date: dateOf(series, e.day),
    day: e.day,
    series: e.kind,
    value: 0,
    id: e.id,
    text: e.text,
  }));
  const kinds = [...new Set(rows.map((r) => r.series))].sort();
  const height = Math.max(80, 16 * kinds.length + 40);
  const figure = Plot.plot({
    width,
    height,
    marginLeft: 130,
    marginRight: 12,
    style: { fontSize: "11px", background: "transparent" },
    x: { type: "utc", label: null, domain: [dateOf(series, 0), dateOf(series, series.days - 1)] },
    y: { label: null, domain: kinds },
    marks: [
      Plot.dot(rows, { x: "date", y: "series", r: 3, fill: "series", fillOpacity: 0.7 }),
      Plot.tip(
        rows,
        Plot.pointer({
          x: "date",
          y: "series",
          title: (r: { text: string; id: number }) => `#${r.id} ${r.text}\n(click for why)`,
        }),
      ),
    ],
    color: { range: [...OKABE_ITO] },
  });
  const svg = figure as unknown as SVGSVGElement;
  const x = (
    figure as unknown as { scale(name: string): { apply(v: unknown): number; invert(px: number): Date } }
  ).scale("x");
  const t0 = dateOf(series, 0).getTime();
  const cursor = document.createElementNS("http://www.w3.org/2000/svg", "line");
  cursor.setAttribute("class", "cursor");
  cursor.setAttribute("y1", "0");
  cursor.setAttribute("y2", String(height - 20));
  svg.append(cursor);
  return {
    spec: { id: "events", title: "Events", unit: "", rows },
    figure,
    svg,
    cursor,
    xOf: (day) => x.apply(new Date(t0 + day * 86_400_000)),
    dayAt: (px) => Math.round((x.invert(px).getTime() - t0) / 86_400_000),
  };
}
