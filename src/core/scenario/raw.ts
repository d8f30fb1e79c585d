/**
 * Reading the raw document defensively, for the checks that run after the schema: they must work on
 * whatever the author wrote, so that every problem of a file is reported at once, schema or not.
 */
export type Entry = Record<string, unknown>;

export const isEntry = (v: unknown): v is Entry => v !== null && typeof v === "object" && !Array.isArray(v);

/** The objects of the list `data[key]`, with their indices; anything else is skipped (the schema reports it). */
export function entries(data: unknown, key: string): [number, Entry][] {
  const list = isEntry(data) ? data[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i): [number, Entry][] => (isEntry(item) ? [[i, item]] : []));
}

/** The strings of the list `entry[key]`, with their indices. */
export function texts(entry: Entry, key: string): [number, string][] {
  const list = entry[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i): [number, string][] => (typeof item === "string" ? [[i, item]] : []));
}

export const text = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** A numeric field as written: bare, or the `value` of a cited or assumed number. */
export function numberOf(v: unknown): number | undefined {
  const n = isEntry(v) ? v["value"] : v;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
}

/** The interval a numeric field may take: its assumption range, or the single value. */
export function intervalOf(v: unknown): readonly [number, number] | undefined {
  const range = isEntry(v) ? v["range"] : undefined;
  if (Array.isArray(range) && typeof range[0] === "number" && typeof range[1] === "number")
    return [range[0], range[1]];
  const n = numberOf(v);
  return n === undefined ? undefined : [n, n];
}
