/**
 * The scenario editor's view logic, pure (no editor, no DOM) so it is tested on plain text.
 *
 * Completion is read from the scenario format's JSON Schema: at the cursor, the
 * YAML path is worked out from the indentation of the lines above (block style) and the braces open on
 * the cursor's line (flow style, as in `{value: 3, source: …}`), the schema is walked along that path,
 * and the field names (with their descriptions) or the allowed values there are offered.
 *
 * Diagnostics place the problems the scenario loader reports (line and column) on the text.
 */
import { formatIssue, type InputIssue } from "../../src/core/errors/index.js";

/** The part of JSON Schema the scenario format uses (properties, items, enums, consts, unions). */
export interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
}

/** One step of a path: a mapping key, or `[]` for an item of a sequence. */
export type PathStep = string | typeof ITEM;
export const ITEM: unique symbol = Symbol("item");

export interface Completion {
  label: string;
  /** "property" for a field name (inserted with its colon), "enum" for a value. */
  type: "property" | "enum";
  detail?: string | undefined;
  info?: string | undefined;
}

export interface CompletionResult {
  /** Offset where the word being completed starts. */
  from: number;
  options: Completion[];
}

/** Where the cursor is in the YAML: the path to the mapping it is in, and whether a key or a value is being typed. */
export interface CursorContext {
  path: PathStep[];
  /** "key": typing a field name of the mapping at `path`; "value": typing the value of field `key`. */
  role: "key" | "value";
  key?: string | undefined;
  /** The word typed so far and where it starts. */
  word: string;
  from: number;
  /** Keys already present in the mapping (not offered again). */
  siblings: Set<string>;
}

const KEY = /^([A-Za-z_$][\w$.-]*)\s*:(?:\s|$)/;

interface Segment {
  column: number;
  kind: "dash" | "key";
  key?: string | undefined;
}

/** The block-structure segments of one line: its leading `- ` dashes and its key, by column. */
function segments(line: string): Segment[] {
  const out: Segment[] = [];
  let column = 0;
  while (column < line.length && line[column] === " ") column++;
  for (;;) {
    if (line[column] === "-" && (line[column + 1] === " " || column + 1 === line.length)) {
      out.push({ column, kind: "dash" });
      column += 1;
      while (column < line.length && line[column] === " ") column++;
      continue;
    }
    const match = KEY.exec(line.slice(column));
    if (match) out.push({ column, kind: "key", key: match[1] });
    return out;
  }
}

function isBlank(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === "" || trimmed.startsWith("#");
}

/** The path of block mappings and sequences enclosing `column` on line `lineIndex` (exclusive of the line's own segments at or right of column). */
function blockPath(lines: string[], lineIndex: number, column: number): PathStep[] {
  const reversed: PathStep[] = [];
  let limit = column;
  for (let i = lineIndex; i >= 0 && limit > 0; i--) {
    const line = lines[i]!;
    if (i !== lineIndex && isBlank(line)) continue;
    const segs = segments(i === lineIndex ? line.slice(0, column) : line);
    for (let s = segs.length - 1; s >= 0; s--) {
      const seg = segs[s]!;
      if (seg.column >= limit) continue;
      reversed.push(seg.kind === "dash" ? ITEM : seg.key!);
      limit = seg.column;
    }
  }
  return reversed.reverse();
}

/** Keys already written in the block mapping whose keys sit at `column`, around line `lineIndex`. */
function blockSiblings(lines: string[], lineIndex: number, column: number, startsItem: boolean): Set<string> {
  const found = new Set<string>();
  const scan = (from: number, step: number) => {
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      const line = lines[i]!;
      if (isBlank(line)) continue;
      const segs = segments(line);
      const first = segs[0];
      if (!first || first.column < column) {
        // A dash at the item's own column starts this item (looking up) or the next one (looking down).
        const item = segs.find((s) => s.kind === "key" && s.column === column);
        if (step < 0 && item?.key) found.add(item.key);
        return;
      }
      const key = segs.find((s) => s.kind === "key" && s.column === column);
      if (key?.key) found.add(key.key);
    }
  };
  if (!startsItem) scan(lineIndex - 1, -1);
  scan(lineIndex + 1, 1);
  return found;
}

/** Reads the cursor's context from the document text and the cursor offset. */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const before = text.slice(0, offset);
  const lineIndex = before.split("\n").length - 1;
  const lineStart = before.lastIndexOf("\n") + 1;
  const prefix = before.slice(lineStart);
  if (/(^|\s)#/.test(prefix.replace(/"[^"]*"|'[^']*'/g, ""))) return undefined;
  const lines = text.split("\n");
  const word = /[\w$.-]*$/.exec(prefix)![0];
  const from = offset - word.length;

  // Flow style on this line: the braces still open before the cursor, each named by the key before it.
  const open: { key: string | undefined; keys: Set<string> }[] = [];
  let lastKey: string | undefined;
  let flowStart = -1;
  for (let i = 0; i < prefix.length - word.length; i++) {
    const ch = prefix[i];
    if (ch === '"' || ch === "'") {
      const end = prefix.indexOf(ch, i + 1);
      if (end < 0) return undefined;
      i = end;
    } else if (ch === "{") {
      open.push({ key: lastKey, keys: new Set() });
      lastKey = undefined;
      if (open.length === 1) flowStart = i;
    } else if (ch === "}") open.pop();
    else if (ch === "[" || ch === "]") {
      if (open.length > 0) return undefined;
    } else if (ch === ":") {
      const m = /([\w$.-]+)\s*$/.exec(prefix.slice(0, i));
      if (m) {
        lastKey = m[1];
        open.at(-1)?.keys.add(m[1]!);
      }
    } else if (ch === ",") lastKey = undefined;
  }
  const head = prefix.slice(0, prefix.length - word.length);
  if (open.length > 0) {
    const path = blockPath(lines, lineIndex, flowStart);
    for (let i = 1; i < open.length; i++) if (open[i]!.key) path.push(open[i]!.key!);
    const siblings = open.at(-1)!.keys;
    if (/[{,]\s*$/.test(head)) return { path, role: "key", word, from, siblings };
    const value = /[{,]\s*([\w$.-]+)\s*:\s*$/.exec(head);
    if (value) return { path, role: "value", key: value[1], word, from, siblings };
    return undefined;
  }

  // Block style: a key being typed (after the indentation and any dashes), or the value after `key: `.
  if (/^ *(?:- +)*$/.test(head)) {
    const column = head.length;
    const siblings = blockSiblings(lines, lineIndex, column, head.includes("-"));
    return { path: blockPath(lines, lineIndex, column), role: "key", word, from, siblings };
  }
  const value = /^[\s-]*([\w$.-]+)\s*:\s+$/.exec(head);
  if (value) {
    const column = head.indexOf(value[1]!);
    return {
      path: blockPath(lines, lineIndex, column),
      role: "value",
      key: value[1],
      word,
      from,
      siblings: new Set(),
    };
  }
  return undefined;
}

/** Every alternative a schema node stands for, unions flattened. */
function alternatives(node: SchemaNode | undefined): SchemaNode[] {
  if (!node) return [];
  const out: SchemaNode[] = [node];
  for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])])
    out.push(...alternatives(branch));
  return out;
}

/** The schema nodes reached by following `path` from `root` (several where unions allow). */
export function schemaAt(root: SchemaNode, path: PathStep[]): SchemaNode[] {
  let nodes = alternatives(root);
  for (const step of path) {
    const next: SchemaNode[] = [];
    for (const node of nodes) {
      if (step === ITEM) next.push(...alternatives(node.items));
      else if (node.properties?.[step]) next.push(...alternatives(node.properties[step]));
      else if (typeof node.additionalProperties === "object")
        next.push(...alternatives(node.additionalProperties));
    }
    nodes = next;
    if (nodes.length === 0) break;
  }
  return nodes;
}

/** The field names or values to offer at the cursor, filtered by the word typed so far. */
export function completionsAt(
  schema: SchemaNode,
  text: string,
  offset: number,
): CompletionResult | undefined {
  const context = cursorContext(text, offset);
  if (!context) return undefined;
  const here = schemaAt(schema, context.path);
  const options: Completion[] = [];
  const seen = new Set<string>();
  const add = (c: Completion) => {
    if (seen.has(c.label) || !c.label.startsWith(context.word)) return;
    seen.add(c.label);
    options.push(c);
  };
  if (context.role === "key") {
    for (const node of here)
      for (const [name, field] of Object.entries(node.properties ?? {})) {
        if (context.siblings.has(name) || name === "$schema") continue;
        add({ label: name, type: "property", detail: typeOf(field), info: firstDescription(field) });
      }
  } else {
    const values = schemaAt(schema, [...context.path, context.key!]);
    for (const node of values) {
      for (const v of node.enum ?? []) add({ label: String(v), type: "enum", info: node.description });
      if (node.const !== undefined && typeof node.const !== "object")
        add({ label: String(node.const), type: "enum", info: node.description });
      if (node.type === "boolean" && node.const === undefined)
        for (const v of ["true", "false"]) add({ label: v, type: "enum" });
    }
  }
  return options.length > 0 ? { from: context.from, options } : undefined;
}

function firstDescription(node: SchemaNode): string | undefined {
  for (const alt of alternatives(node)) if (alt.description) return alt.description;
  return undefined;
}

function typeOf(node: SchemaNode): string | undefined {
  const kinds = new Set<string>();
  for (const alt of alternatives(node)) {
    if (alt.enum) kinds.add("one of");
    else if (typeof alt.type === "string") kinds.add(alt.type === "integer" ? "number" : alt.type);
  }
  return kinds.size > 0 ? [...kinds].join(" | ") : undefined;
}

/** A problem placed on the text: the characters to underline and the message to show. */
export interface IssueRange {
  line: number;
  from: number;
  to: number;
  message: string;
}

/**
 * Places each located issue on the text: from its column to the end of the word there (a YAML scalar or
 * key), or over the line's content when no column is known. Issues without a line are left to the list.
 */
export function issueRanges(text: string, issues: readonly InputIssue[]): IssueRange[] {
  const lines = text.split("\n");
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const out: IssueRange[] = [];
  for (const issue of issues) {
    if (issue.line === undefined || issue.line < 1) continue;
    const line = Math.min(issue.line, lines.length);
    const content = lines[line - 1]!;
    const indent = content.length - content.trimStart().length;
    const column =
      issue.column === undefined ? indent : Math.min(Math.max(issue.column - 1, 0), content.length);
    const word = /^[^\s,{}[\]#]*/.exec(content.slice(column))![0];
    const end =
      issue.column === undefined || word.length === 0 ? content.trimEnd().length : column + word.length;
    const from = starts[line - 1]! + column;
    const to = starts[line - 1]! + Math.max(end, column);
    const { file: _file, ...located } = issue;
    out.push({ line, from, to, message: formatIssue(located) });
  }
  return out;
}
