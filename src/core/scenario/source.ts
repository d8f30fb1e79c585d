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
  type Scalar,
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
  /**
   * Position of the value at `path` (or of its key, with `key: true`); the nearest existing ancestor when
   * the path is absent. With `offset`, the position of that character of a text value (a policy rule, say),
   * through quotes, escapes and folded lines; the start of the value when it cannot be traced.
   */
  locate(path: readonly PathKey[], options?: LocateOptions): Position;
}

export interface LocateOptions {
  key?: boolean;
  offset?: number;
}

export type ReadResult = { ok: true; source: ScenarioSource } | { ok: false; issues: InputIssue[] };

/** Parses YAML or JSON text. Syntax errors come back as issues with their line and column. */
export function readSource(text: string, file: string): ReadResult {
  const lineCounter = new LineCounter();
  // merge: YAML users expect `<<: *anchor` merge keys. logLevel "silent": nothing goes to the console
  // (the `yaml` package would print a Node warning even under --quiet); its warnings become issues below.
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    merge: true,
    logLevel: "silent",
  });
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
  if (doc.warnings.length > 0) {
    // An unknown tag (`!!js/function`, `!foo`) would silently leave a plain string: a scenario is data,
    // and Corridor never evaluates a tag as code, so say so instead of guessing what was meant.
    return {
      ok: false,
      issues: doc.warnings.map((warning) => {
        const tag = /Unresolved tag: (\S+)/.exec(warning.message)?.[1]?.replace(/^tag:yaml\.org,2002:/, "!!");
        return {
          code: warning.code === "TAG_RESOLVE_FAILED" ? "yaml-unknown-tag" : "yaml-warning",
          file,
          ...at(warning.pos[0]),
          message: tag
            ? `unknown YAML tag ${tag}: a scenario is plain data and tags are never evaluated; remove the tag`
            : `${firstLine(warning.message)} (${warning.code})`,
        };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 }) as unknown;
  } catch (error) {
    // An alias without its anchor (or an alias bomb) only shows when the document is converted.
    const message = error instanceof Error ? firstLine(error.message) : String(error);
    const alias = /alias[^:]*:\s*(\S+)/i.exec(message)?.[1];
    const offset = alias ? text.indexOf(`*${alias}`) : -1;
    return {
      ok: false,
      issues: [
        { code: "yaml-syntax", file, ...(offset >= 0 ? at(offset) : { line: 1, column: 1 }), message },
      ],
    };
  }
  return {
    ok: true,
    source: { data, locate: (path, options) => at(offsetOf(doc, text, path, options ?? {})) },
  };
}

function firstLine(message: string): string {
  return message.split("\n", 1)[0]!.trim();
}

function offsetOf(doc: Document, text: string, path: readonly PathKey[], options: LocateOptions): number {
  const wantKey = options.key ?? false;
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
  if (options.offset !== undefined && isScalar(node) && !wantKey)
    return offsetInScalar(node, text, options.offset) ?? offset;
  return offset;
}

/**
 * Where character `target` of a text value sits in the file. Walks the value and its source side by side,
 * skipping what YAML removes: the opening quote, a block scalar's header line, indentation, escape
 * backslashes and the line breaks that folding turns into spaces. Undefined when they cannot be matched.
 */
function offsetInScalar(node: Scalar, text: string, target: number): number | undefined {
  const value = node.value;
  const range = node.range;
  if (typeof value !== "string" || !range || target < 0 || target > value.length) return undefined;
  const end = range[1];
  let j = range[0];
  if (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") j++;
  else if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") {
    const newline = text.indexOf("\n", j);
    if (newline === -1 || newline >= end) return undefined;
    j = newline + 1;
  }
  const space = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r";
  let i = 0;
  while (i < target) {
    if (j >= end) return undefined;
    const v = value[i];
    const c = text[j];
    if (v === c) {
      i++;
      j++;
    } else if (space(c)) {
      j++;
      if (space(v)) i++;
    } else if (space(v)) i++;
    else if (c === "\\" || (c === "'" && node.type === "QUOTE_SINGLE")) j++;
    else return undefined;
  }
  while (j < end && space(text[j]) && !space(value[target])) j++;
  return j;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? range[0] : undefined;
}
