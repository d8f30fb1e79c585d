/**
 * Source spans and the caret-style issues built from them. Every AST node and token carries a span of
 * 0-based offsets into the text it was parsed from; an issue reports the 1-based column of the span's
 * start (so the column is the offset in the condition text plus one) and draws carets under the span.
 */
import type { InputIssue } from "../errors/index.js";

/** Half-open range [start, end) of 0-based character offsets into the parsed text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** An issue found in policy text; `span` lets an editor underline it, `column` is `span.start + 1`. */
export interface LanguageIssue extends InputIssue {
  code: string;
  column: number;
  span: Span;
}

/** Lines longer than this are cut to WINDOW characters either side of the span. */
const LONG_LINE = 100;
const WINDOW = 40;

/**
 * Two indented lines: the line of `source` holding the span's start, and carets under the span.
 * Long lines are cut to a window around the span so the carets stay readable.
 */
export function caretSnippet(source: string, span: Span): string {
  const start = Math.max(0, Math.min(span.start, source.length));
  const lineStart = source.lastIndexOf("\n", start - 1) + 1;
  const newline = source.indexOf("\n", start);
  const lineEnd = newline === -1 ? source.length : newline;
  const end = Math.max(start, Math.min(span.end, lineEnd));
  const long = lineEnd - lineStart > LONG_LINE;
  const from = long ? Math.max(lineStart, start - WINDOW) : lineStart;
  const to = long ? Math.min(lineEnd, end + WINDOW) : lineEnd;
  const head = from > lineStart ? "…" : "";
  const tail = to < lineEnd ? "…" : "";
  const line = head + source.slice(from, to) + tail;
  // Keep tabs under tabs so the carets line up in a terminal.
  const pad = head.replace(/./g, " ") + source.slice(from, start).replace(/[^\t]/g, " ");
  const carets = "^".repeat(Math.max(1, end - start));
  return `  ${line}\n  ${pad}${carets}`;
}

/**
 * Builds a caret-style issue: a one-line summary, then (when the source text is known) the offending line with
 * carets under the span. Expected/found go in the summary, not in separate fields, so a formatted issue reads
 * top to bottom and the suggestion lands after the carets.
 */
export function issueAt(
  source: string | undefined,
  span: Span,
  code: string,
  summary: string,
  suggestion?: string,
): LanguageIssue {
  const message = source === undefined ? summary : `${summary}\n${caretSnippet(source, span)}`;
  return {
    code,
    column: span.start + 1,
    span: { start: span.start, end: span.end },
    message,
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

/** 1-based line and column of an offset, for callers that embed multi-line policy text in a file. */
export function locate(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const stop = Math.max(0, Math.min(offset, source.length));
  for (let i = 0; i < stop; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: stop - lineStart + 1 };
}
