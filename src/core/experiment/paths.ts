/**
 * Paths into a scenario, as `corridor sources` prints them (`links[3].capacityVehPerDay`) or with an
 * entry's id in the brackets (`links[karachi_peshawar].capacityVehPerDay`), which survives reordering.
 */
import { formatPath, type PathKey } from "../scenario/index.js";

/** `a.b[2].c[id].d` → ["a", "b", 2, "c", "id", "d"], brackets holding text kept as text (ids). */
export function splitPath(text: string): (PathKey | { id: string })[] | undefined {
  const out: (PathKey | { id: string })[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]|(\.)/gy;
  let match: RegExpExecArray | null;
  let expectKey = true;
  let last = 0;
  for (;;) {
    match = re.exec(text);
    if (!match) break;
    last = re.lastIndex;
    if (match[1] !== undefined) {
      if (!expectKey) return undefined;
      out.push(match[1]);
      expectKey = false;
    } else if (match[2] !== undefined) {
      const inner = match[2].trim();
      if (inner === "") return undefined;
      out.push(/^\d+$/.test(inner) ? Number(inner) : { id: inner });
      expectKey = false;
    } else {
      if (expectKey) return undefined;
      expectKey = true;
    }
  }
  if (last !== text.length || expectKey || out.length === 0) return undefined;
  return out;
}

/** The keys of `text` in `data`, ids in brackets turned into the index of the entry with that id. */
export function resolvePath(text: string, data: unknown): PathKey[] | undefined {
  const parts = splitPath(text);
  if (!parts) return undefined;
  const keys: PathKey[] = [];
  let node: unknown = data;
  for (const part of parts) {
    if (typeof part === "object") {
      if (!Array.isArray(node)) return undefined;
      const index = node.findIndex(
        (item) => item !== null && typeof item === "object" && (item as { id?: unknown }).id === part.id,
      );
      if (index < 0) return undefined;
      keys.push(index);
      node = node[index];
    } else {
      keys.push(part);
      node = node !== null && typeof node === "object" ? (node as Record<PathKey, unknown>)[part] : undefined;
    }
  }
  return keys;
}

/** `keys` written with each entry's id where it has one: `links[karachi_peshawar].capacityVehPerDay`. */
export function idPath(keys: readonly PathKey[], data: unknown): string {
  let out = "";
  let node: unknown = data;
  for (const key of keys) {
    if (typeof key === "number") {
      const item = Array.isArray(node) ? node[key] : undefined;
      const id = item !== null && typeof item === "object" ? (item as { id?: unknown }).id : undefined;
      out += typeof id === "string" ? `[${id}]` : `[${key}]`;
      node = item;
    } else {
      out += out ? `.${key}` : key;
      node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return out;
}

export function getAt(data: unknown, keys: readonly PathKey[]): unknown {
  let node = data;
  for (const key of keys)
    node = node !== null && typeof node === "object" ? (node as Record<PathKey, unknown>)[key] : undefined;
  return node;
}

/** Sets the number at `keys` (which must exist) in place. */
export function setAt(data: unknown, keys: readonly PathKey[], value: unknown): void {
  const parent = getAt(data, keys.slice(0, -1));
  if (parent === null || typeof parent !== "object")
    throw new Error(`no entry at ${formatPath(keys.slice(0, -1))}`);
  (parent as Record<PathKey, unknown>)[keys[keys.length - 1]!] = value;
}
