/**
 * Shared chart settings. Charts are Observable Plot specifications rendered into a caller's `document`:
 * the browser's own, or a linkedom document in Node (src/node/charts writes SVG and PNG). Each function
 * returns Plot's SVG element; no chart uses Plot's figure wrapper (titles, legends), so the result is
 * always a standalone SVG. Labels are drawn as marks instead.
 */

/** The document Plot renders into (a DOM Document; typed loosely so the core needs no DOM types). */
export type ChartDocument = object;

export interface ChartOptions {
  readonly document: ChartDocument;
  readonly width?: number;
}

/** Fonts present on typical machines and in resvg's system font lookup. */
export const FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";

/** Okabe & Ito's colour-blind-safe palette (2008), as the workbench's own charts use it. */
export const COLORS = {
  first: "#0072B2",
  total: "#E69F00",
  selected: "#D55E00",
  neutral: "#6b6b6b",
} as const;

/** A chart's SVG root as produced by Plot (an SVGSVGElement of the given document). */
export interface ChartElement {
  readonly outerHTML: string;
}
