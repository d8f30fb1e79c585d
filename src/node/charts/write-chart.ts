/**
 * Node side of the charts: a linkedom document for Plot to render into, and writers for SVG and PNG
 * (rasterised by resvg, a Rust SVG renderer, with the system's fonts). Files are written to a temporary
 * name and renamed, so an interrupted write never leaves half a chart under the final name.
 */
import { renameSync, writeFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { parseHTML } from "linkedom";
import type { ChartDocument, ChartElement } from "../../core/charts/index.js";

/** A fresh document for Plot (`document` option of every chart function). */
export function chartDocument(): ChartDocument {
  return parseHTML("<!doctype html><html><head></head><body></body></html>").document;
}

/** The chart as a standalone SVG file's text (with the SVG namespace, which resvg and browsers need). */
export function svgText(chart: ChartElement): string {
  let svg = chart.outerHTML;
  if (!/^<svg[^>]*\sxmlns=/.test(svg)) svg = svg.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}

/** The chart rasterised to PNG at `scale` × its CSS size, on a white background. */
export function pngBytes(chart: ChartElement, scale = 2): Buffer {
  const resvg = new Resvg(svgText(chart), {
    background: "white",
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}

function writeAtomically(path: string, data: string | Buffer): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

/** Writes `<base>.svg` and, unless `png` is false, `<base>.png`; returns the paths written. */
export function writeChart(chart: ChartElement, base: string, options: { png?: boolean } = {}): string[] {
  const written = [`${base}.svg`];
  writeAtomically(`${base}.svg`, svgText(chart));
  if (options.png !== false) {
    writeAtomically(`${base}.png`, pngBytes(chart));
    written.push(`${base}.png`);
  }
  return written;
}
