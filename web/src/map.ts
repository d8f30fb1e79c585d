/**
 * The region map: Natural Earth country outlines (world-atlas, offline) projected with d3-geo into
 * SVG, with the scenario's zones, links, crossings and nodes at their coordinates. Pan and zoom with
 * d3-zoom; each element is focusable, has a tooltip and opens its side panel when chosen.
 */
import { geoMercator, geoPath } from "d3-geo";
import { polygonHull } from "d3-polygon";
import { select } from "d3-selection";
import { type ZoomBehavior, zoom, zoomIdentity } from "d3-zoom";
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import type { LinkFlows } from "../../src/core/engine/index.js";
import type { Scenario } from "../../src/core/scenario/index.js";
import type { SeriesPayload } from "./protocol.js";
import {
  crossingsOnDay,
  flowsOnDay,
  flowWidth,
  formatNumber,
  maxDailyFlow,
  maxZoneIncidents,
  STATUS_COLOURS,
  ZONE_WINDOW_DAYS,
  zoneIncidents,
  zoneOpacity,
} from "./view-model.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const WIDTH = 900;
const HEIGHT = 620;

export interface MapSelection {
  section: "nodes" | "links" | "crossings" | "zones";
  index: number;
}

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** Link colour by volume/capacity: blue below 0.7, orange to 1, vermillion above (BPR delay grows fast past capacity). */
function congestionColour(ratio: number): string {
  if (ratio >= 1) return STATUS_COLOURS.closed;
  if (ratio >= 0.7) return STATUS_COLOURS.strained;
  return "#56B4E9";
}

export class RegionMap {
  readonly svg: SVGSVGElement;
  private readonly tooltip: HTMLDivElement;
  private readonly zoomBehaviour: ZoomBehavior<SVGSVGElement, unknown>;
  private readonly crossingLines = new Map<string, SVGLineElement>();
  private readonly crossingMarks = new Map<string, SVGCircleElement>();
  private readonly zoneShapes = new Map<string, SVGPathElement>();
  private readonly linkLines = new Map<string, SVGLineElement>();
  private readonly tooltipText = new Map<Element, () => string>();
  private series: SeriesPayload | undefined;
  private zoneMax = 0;
  private flowMax = 0;
  private flows: LinkFlows | undefined;
  private meanFlow: ReadonlyMap<string, number> = new Map();
  private day = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly world: Topology | undefined,
    private readonly scenario: Scenario,
    private readonly onSelect: (selection: MapSelection) => void,
  ) {
    this.svg = el("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", class: "region-map" });
    this.svg.setAttribute("aria-label", `Map of ${scenario.name}`);
    this.tooltip = document.createElement("div");
    this.tooltip.className = "tooltip";
    this.tooltip.hidden = true;
    container.replaceChildren(this.svg, this.tooltip, this.zoomButtons());
    const layer = el("g", { class: "zoom-layer" });
    this.svg.append(layer);
    this.draw(layer);
    this.zoomBehaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.5, 24])
      .on("zoom", (event: { transform: { toString(): string; k: number } }) => {
        layer.setAttribute("transform", event.transform.toString());
        // Keep strokes and labels readable at any zoom.
        layer.style.setProperty("--zoom", String(event.transform.k));
      });
    select(this.svg).call(this.zoomBehaviour);
  }

  private zoomButtons(): HTMLElement {
    const box = document.createElement("div");
    box.className = "zoom-buttons";
    const button = (label: string, title: string, action: () => void) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.title = title;
      b.setAttribute("aria-label", title);
      b.addEventListener("click", action);
      box.append(b);
    };
    button("+", "Zoom in", () => this.zoomBy(1.5));
    button("−", "Zoom out", () => this.zoomBy(1 / 1.5));
    button("⟲", "Reset the view", () => select(this.svg).call(this.zoomBehaviour.transform, zoomIdentity));
    return box;
  }

  zoomBy(factor: number): void {
    select(this.svg).call(this.zoomBehaviour.scaleBy, factor);
  }

  private draw(layer: SVGGElement): void {
    const s = this.scenario;
    const points = s.nodes.map((n) => [n.lon, n.lat] as [number, number]);
    const projection = geoMercator();
    const bounds = { type: "MultiPoint" as const, coordinates: points.length > 0 ? points : [[60, 30]] };
    projection.fitExtent(
      [
        [40, 40],
        [WIDTH - 40, HEIGHT - 40],
      ],
      bounds,
    );
    // Show some context around the network and never less than a few degrees.
    projection.scale(Math.min(projection.scale(), 4000) * 0.85);
    const centre =
      points.length > 0
        ? ([
            (Math.min(...points.map((p) => p[0])) + Math.max(...points.map((p) => p[0]))) / 2,
            (Math.min(...points.map((p) => p[1])) + Math.max(...points.map((p) => p[1]))) / 2,
          ] as [number, number])
        : ([60, 30] as [number, number]);
    projection
      .center(centre)
      .translate([WIDTH / 2, HEIGHT / 2])
      .clipExtent([
        [-200, -200],
        [WIDTH + 200, HEIGHT + 200],
      ]);
    const path = geoPath(projection);
    const xy = (lon: number, lat: number) => projection([lon, lat]) ?? [0, 0];

    const sea = el("rect", {
      x: -5000,
      y: -5000,
      width: 10000 + WIDTH,
      height: 10000 + HEIGHT,
      class: "sea",
    });
    layer.append(sea);
    if (this.world?.objects.countries) {
      const countries = feature(this.world, this.world.objects.countries) as unknown as FeatureCollection<
        Geometry,
        { name?: string }
      >;
      const g = el("g", { class: "countries" });
      for (const f of countries.features) {
        const d = path(f);
        if (!d) continue;
        const p = el("path", { d, class: "country" });
        const title = el("title");
        title.textContent = f.properties?.name ?? "";
        p.append(title);
        g.append(p);
      }
      layer.append(g);
    }

    const byId = new Map(s.nodes.map((n) => [n.id, n]));
    const ends = (from: string, to: string) => {
      const a = byId.get(from);
      const b = byId.get(to);
      if (!a || !b) return undefined;
      return [xy(a.lon, a.lat), xy(b.lon, b.lat)] as const;
    };

    // Zones: a rounded hull around the links and crossings that lie in them, shaded by recent incidents.
    const zones = el("g", { class: "zones" });
    s.zones.forEach((z, index) => {
      const pts: [number, number][] = [];
      for (const l of [...s.links, ...s.crossings]) {
        if (l.zone !== z.id) continue;
        const e = ends(l.from, l.to);
        if (e) pts.push(e[0] as [number, number], e[1] as [number, number]);
      }
      if (pts.length === 0) return;
      // Fewer than three points (one road): a capsule along it, drawn by the round stroke.
      const hull = polygonHull(pts) ?? pts;
      const d = `M${hull.map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join("L")}${hull.length > 2 ? "Z" : ""}`;
      const shape = el("path", { d, class: "zone", tabindex: 0, role: "button" });
      shape.setAttribute("aria-label", `Security zone ${z.name}`);
      this.interactive(shape, { section: "zones", index }, () => {
        const recent = this.series ? (zoneIncidents(s, this.series, this.day).get(z.id) ?? 0) : 0;
        return `<b>${escapeHtml(z.name)}</b> (security zone)<br>${recent} incidents in the last ${ZONE_WINDOW_DAYS} days`;
      });
      this.zoneShapes.set(z.id, shape);
      zones.append(shape);
    });
    layer.append(zones);

    const links = el("g", { class: "links" });
    s.links.forEach((l, index) => {
      const e = ends(l.from, l.to);
      if (!e) return;
      const line = el("line", {
        x1: e[0][0],
        y1: e[0][1],
        x2: e[1][0],
        y2: e[1][1],
        class: `link mode-${l.mode}`,
        tabindex: 0,
        role: "button",
      });
      line.setAttribute("aria-label", `Link ${l.id}`);
      this.interactive(line, { section: "links", index }, () => {
        const flow = Number(line.dataset.flow ?? 0);
        const mean = Number(line.dataset.meanFlow ?? 0);
        const flowText = this.flows
          ? `flow ${formatNumber(flow)} veh/day on this day (mean over the run ${formatNumber(mean)})`
          : `mean flow ${formatNumber(flow)} veh/day`;
        return `<b>${escapeHtml(l.id)}</b> (${l.mode} link)<br>${escapeHtml(l.from)} → ${escapeHtml(l.to)}, ${formatNumber(l.lengthKm)} km<br>${flowText}; capacity ${formatNumber(l.capacityVehPerDay)}`;
      });
      this.linkLines.set(l.id, line);
      links.append(line);
    });
    layer.append(links);

    const nodes = el("g", { class: "nodes" });
    s.nodes.forEach((n, index) => {
      const [x, y] = xy(n.lon, n.lat);
      const dot = el("circle", {
        cx: x,
        cy: y,
        r: n.zone ? 3.5 : 2.5,
        class: `node kind-${n.kind}`,
        tabindex: 0,
        role: "button",
      });
      dot.setAttribute("aria-label", `Node ${n.name}`);
      this.interactive(
        dot,
        { section: "nodes", index },
        () =>
          `<b>${escapeHtml(n.name)}</b> (${n.kind}, ${n.country})<br>${n.lat.toFixed(3)}° N, ${n.lon.toFixed(3)}° E`,
      );
      nodes.append(dot);
      if (n.zone) {
        const label = el("text", { x: x + 5, y: y - 4, class: "node-label" });
        label.textContent = n.name.replace(/\s*\(.*\)$/, "");
        nodes.append(label);
      }
    });
    layer.append(nodes);

    // Crossings above nodes: their marks sit on the border nodes and must take the pointer.
    const crossings = el("g", { class: "crossings" });
    s.crossings.forEach((c, index) => {
      const e = ends(c.from, c.to);
      if (!e) return;
      const line = el("line", { x1: e[0][0], y1: e[0][1], x2: e[1][0], y2: e[1][1], class: "crossing-line" });
      const mx = (e[0][0] + e[1][0]) / 2;
      const my = (e[0][1] + e[1][1]) / 2;
      const mark = el("circle", { cx: mx, cy: my, r: 6, class: "crossing", tabindex: 0, role: "button" });
      mark.setAttribute("aria-label", `Crossing ${c.name}`);
      const actants = s.actants.filter((a) => a.at === c.id);
      const tip = () => {
        const day = this.series
          ? crossingsOnDay(s, this.series, this.day).find((x) => x.id === c.id)
          : undefined;
        const state = day
          ? `${day.state}; open ${Math.round(100 * day.openShare)} % of the day; ${formatNumber(day.flow)} veh/day; queue ${formatNumber(day.queue)}`
          : c.status;
        const acts =
          actants.length > 0
            ? `<br>actants: ${actants.map((a) => `${escapeHtml(a.name)} (${a.kind})`).join(", ")}`
            : "";
        return `<b>${escapeHtml(c.name)}</b> (crossing)<br>${state}<br>capacity ${formatNumber(c.capacityVehPerDay)} veh/day${acts}`;
      };
      this.interactive(mark, { section: "crossings", index }, tip);
      this.interactive(line, { section: "crossings", index }, tip);
      this.crossingLines.set(c.id, line);
      this.crossingMarks.set(c.id, mark);
      crossings.append(line, mark);
      actants.forEach((a, i) => {
        const badge = el("rect", {
          x: mx + 7 + i * 7,
          y: my - 10,
          width: 6,
          height: 6,
          class: `actant actant-${a.kind}`,
        });
        const title = el("title");
        title.textContent = `${a.name} (${a.kind})`;
        badge.append(title);
        crossings.append(badge);
      });
    });
    layer.append(crossings);
  }

  private interactive(target: SVGElement, selection: MapSelection, tip: () => string): void {
    this.tooltipText.set(target, tip);
    target.addEventListener("mouseenter", (event) => this.showTooltip(target, event as MouseEvent));
    target.addEventListener("mousemove", (event) => this.moveTooltip(event as MouseEvent));
    target.addEventListener("mouseleave", () => {
      this.tooltip.hidden = true;
    });
    target.addEventListener("focus", () => this.showTooltip(target));
    target.addEventListener("blur", () => {
      this.tooltip.hidden = true;
    });
    target.addEventListener("click", (event) => {
      event.stopPropagation();
      this.onSelect(selection);
    });
    target.addEventListener("keydown", (event) => {
      if ((event as KeyboardEvent).key === "Enter" || (event as KeyboardEvent).key === " ") {
        event.preventDefault();
        this.onSelect(selection);
      }
    });
  }

  private showTooltip(target: Element, event?: MouseEvent): void {
    const text = this.tooltipText.get(target);
    if (!text) return;
    this.tooltip.innerHTML = text();
    this.tooltip.hidden = false;
    if (event) this.moveTooltip(event);
    else {
      const box = target.getBoundingClientRect();
      const outer = this.container.getBoundingClientRect();
      this.tooltip.style.left = `${box.right - outer.left + 8}px`;
      this.tooltip.style.top = `${box.top - outer.top}px`;
    }
  }

  private moveTooltip(event: MouseEvent): void {
    const outer = this.container.getBoundingClientRect();
    const x = event.clientX - outer.left + 12;
    const y = event.clientY - outer.top + 12;
    this.tooltip.style.left = `${Math.min(x, outer.width - 260)}px`;
    this.tooltip.style.top = `${Math.min(y, outer.height - 80)}px`;
  }

  /**
   * A new run: link widths from the day's flows when the run kept them (else its mean flows), colour
   * from volume/capacity; the day shown is reset.
   */
  setRun(series: SeriesPayload, meanFlow: ReadonlyMap<string, number>, flows?: LinkFlows): void {
    this.series = series;
    this.flows = flows?.changes ? flows : undefined;
    this.zoneMax = maxZoneIncidents(this.scenario, series);
    this.flowMax = Math.max(
      1,
      ...meanFlow.values(),
      this.flows ? maxDailyFlow(this.flows) : 0,
      ...this.scenario.crossings.map((c) => {
        const f = series.values[`flow.${c.id}`];
        return f ? Math.max(...f) : 0;
      }),
    );
    this.meanFlow = meanFlow;
    this.drawLinks(meanFlow);
    this.showDay(0);
  }

  private drawLinks(flowOf: ReadonlyMap<string, number>): void {
    for (const l of this.scenario.links) {
      const line = this.linkLines.get(l.id);
      if (!line) continue;
      const flow = flowOf.get(l.id) ?? 0;
      line.dataset.flow = String(flow);
      line.dataset.meanFlow = String(this.meanFlow.get(l.id) ?? 0);
      line.style.strokeWidth = `calc(${flowWidth(flow, this.flowMax)}px / var(--zoom, 1))`;
      line.style.stroke = congestionColour(
        flow / Math.max(1e-9, l.capacityVehPerDay * (l.bidirectional ? 2 : 1)),
      );
    }
  }

  /** Crossings' state and flow, and zone shading, on `day`. Cheap: only attributes change. */
  showDay(day: number): void {
    if (!this.series) return;
    this.day = day;
    const daily = this.flows ? flowsOnDay(this.flows, day) : undefined;
    if (daily) this.drawLinks(daily);
    for (const c of crossingsOnDay(this.scenario, this.series, day)) {
      const colour = STATUS_COLOURS[c.state];
      const line = this.crossingLines.get(c.id);
      const mark = this.crossingMarks.get(c.id);
      if (line) {
        line.style.stroke = colour;
        line.style.strokeWidth = `calc(${flowWidth(c.flow, this.flowMax)}px / var(--zoom, 1))`;
      }
      if (mark) {
        mark.style.fill = colour;
        mark.dataset.state = c.state;
      }
    }
    for (const [id, count] of zoneIncidents(this.scenario, this.series, day)) {
      const shape = this.zoneShapes.get(id);
      if (shape) {
        shape.style.fillOpacity = String(zoneOpacity(count, this.zoneMax));
        shape.style.strokeOpacity = String(zoneOpacity(count, this.zoneMax));
        shape.dataset.incidents = String(count);
      }
    }
  }
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );
}
