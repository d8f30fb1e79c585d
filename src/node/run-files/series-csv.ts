/**
 * series.csv: one row per simulated day, `day,date,` then the engine's series columns in order.
 * Numbers are written with String(x), the shortest text that reads back to the same double, so nothing
 * is lost (NaN and ±Infinity are written as `NaN`, `Infinity`, `-Infinity`).
 */
import type { Series } from "../../core/engine/types.js";

/** The header's leading columns, before the engine's own. */
export const SERIES_KEY_COLUMNS = ["day", "date"] as const;

export function seriesCsv(series: Series): string {
  const columns = series.columns.map((name) => {
    const values = series.values[name];
    if (!values || values.length < series.days) {
      throw new Error(`series column "${name}" has ${values?.length ?? 0} values for ${series.days} days`);
    }
    return values;
  });
  if (series.dates.length < series.days) {
    throw new Error(`series has ${series.dates.length} dates for ${series.days} days`);
  }
  const lines = [[...SERIES_KEY_COLUMNS, ...series.columns].map(csvField).join(",")];
  for (let day = 0; day < series.days; day++) {
    let line = `${day},${series.dates[day]}`;
    for (const values of columns) line += `,${String(values[day])}`;
    lines.push(line);
  }
  return `${lines.join("\n")}\n`;
}

/** Quotes a header field when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
