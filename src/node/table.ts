/** Plain-text tables for the terminal: every command's summary is laid out by these two functions. */

export interface TableOptions {
  /** Columns aligned left (text); the others are aligned right (numbers). Default: the first. */
  left?: readonly number[];
  /** A rule of "─" under the header. Default false. */
  rule?: boolean;
}

/**
 * Lines of a table with its columns padded to their widest cell and two spaces between them, trailing
 * space trimmed. Widths are found with a loop, not `Math.max(...cells)`: a table of a large network's
 * links has more rows than a spread may pass as arguments.
 */
export function tableLines(
  header: readonly string[],
  rows: readonly string[][],
  options: TableOptions = {},
): string[] {
  const left = options.left ?? [0];
  const widths = header.map((h) => h.length);
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) widths[c] = Math.max(widths[c] ?? 0, row[c]!.length);
  }
  const line = (cells: readonly string[]) =>
    widths
      .map((w, c) => (left.includes(c) ? (cells[c] ?? "").padEnd(w) : (cells[c] ?? "").padStart(w)))
      .join("  ")
      .trimEnd();
  return [
    line(header),
    ...(options.rule ? [widths.map((w) => "─".repeat(w)).join("  ")] : []),
    ...rows.map(line),
  ];
}

/** A table as text, ending in a newline. */
export function formatTable(
  header: readonly string[],
  rows: readonly string[][],
  options: TableOptions = {},
): string {
  return `${tableLines(header, rows, options).join("\n")}\n`;
}

/** `label  value` lines with the labels padded to the longest, each line prefixed by `indent`. */
export function formatPairs(rows: readonly (readonly [string, string])[], indent = ""): string {
  let width = 0;
  for (const [label] of rows) width = Math.max(width, label.length);
  return rows.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}\n`).join("");
}
