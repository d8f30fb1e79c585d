/**
 * Reads scenario text with the `yaml` package, keeping the syntax tree so any path in the data can be
 * traced back to a line and column. JSON is YAML, so `.json` files go through the same parser.
 */
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from "yaml";
import type { InputIssue } from "../errors/index.js";
import type { PathKey } from "./param.js";

export interface Position {
  line: number;
  column: number;
}

export interface ScenarioSource {
  /** The document as plain data (undefined for an empty file). */
  data: unknown;
  /** Position of the value at `path` (or of its key, with `key: true`); the nearest existing ancestor when the path is absent. */
  locate(path: readonly PathKey[], options?: { key?: boolean }): Position;
}

export type ReadResult = { ok: true; source: ScenarioSource } | { ok: false; issues: InputIssue[] };

/** Parses YAML or JSON text. Syntax errors come back as issues with their line and column. */
export function readSource(text: string, file: string): ReadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => ({
        code: "yaml-syntax",
        file,
        ...at(error.pos[0]),
        message: `${firstLine(error.message)} (${error.code})`,
      })),
    };
  }
  const data = doc.toJS({ maxAliasCount: 1000 }) as unknown;
  return {
    ok: true,
    source: { data, locate: (path, options) => at(offsetOf(doc, path, options?.key ?? false)) },
  };
}

function firstLine(message: string): string {
  return message.split("\n", 1)[0]!.trim();
}

function offsetOf(doc: Document, path: readonly PathKey[], wantKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const key = path[i]!;
    let next: unknown;
    let keyNode: unknown;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key),
      );
      next = pair?.value;
      keyNode = pair?.key;
    } else if (isSeq(node) && typeof key === "number") {
      next = node.items[key];
    }
    const last = i === path.length - 1;
    if (last && wantKey && keyNode !== undefined) return rangeStart(keyNode) ?? offset;
    if (next === undefined || next === null) return offset;
    // A key with an empty value (`lon:`) has a null scalar without range; point at the key instead.
    offset = rangeStart(next) ?? rangeStart(keyNode) ?? offset;
    node = next;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? range[0] : undefined;
}
