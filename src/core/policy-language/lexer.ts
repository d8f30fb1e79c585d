/**
 * Tokenizer for policy text. Bare names are letters, digits and `_` (not starting with a digit), so
 * `spin-boldak` reads as a subtraction; ids with dashes, spaces or other characters are written quoted:
 * `"spin-boldak"` or `'spin-boldak'` (no escapes, no line breaks inside).
 */
import { InputError } from "../errors/index.js";
import { issueAt, type Span } from "./span.js";

/** Words with a fixed meaning; an id spelled like one must be quoted. */
export const KEYWORDS: readonly string[] = ["and", "or", "not", "true", "false", "when", "then", "for"];

export type TokenKind = "number" | "name" | "string" | "op" | "(" | ")" | "," | ";" | "eof";

export interface Token {
  readonly kind: TokenKind;
  /** Source text of the token; for a quoted id, the id without its quotes. */
  readonly text: string;
  /** Numeric value of a number token; 0 otherwise. */
  readonly value: number;
  readonly span: Span;
}

const NUMBER = /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER_TAIL = /[A-Za-z0-9_.]*/y;
const TWO_CHAR_OPS = new Set(["<=", ">=", "==", "!="]);
const ONE_CHAR_OPS = new Set(["+", "-", "*", "/", "<", ">"]);

/** Operators from other languages, mapped to the word or symbol this language uses. */
const FOREIGN_OPS: Record<string, string> = {
  "&&": "and",
  "||": "or",
  "&": "and",
  "|": "or",
  "!": "not",
  "=": "==",
};

export function describeToken(token: Token): string {
  switch (token.kind) {
    case "number":
      return `the number ${token.text}`;
    case "name":
      return `the name "${token.text}"`;
    case "string":
      return `the quoted id "${token.text}"`;
    case "eof":
      return "the end of the text";
    default:
      return `"${token.text}"`;
  }
}

/** Splits `source` into tokens ending with an `eof` token; throws an `InputError` at the first bad character. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const fail = (start: number, end: number, code: string, summary: string, suggestion?: string): never => {
    throw new InputError(issueAt(source, { start, end }, code, summary, suggestion));
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r") {
      i++;
      continue;
    }
    const start = i;
    if ((ch >= "0" && ch <= "9") || (ch === "." && /[0-9]/.test(source[i + 1] ?? ""))) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(source)!;
      let end = i + match[0].length;
      NUMBER_TAIL.lastIndex = end;
      const tail = NUMBER_TAIL.exec(source)![0];
      if (tail.length > 0) {
        end += tail.length;
        fail(
          start,
          end,
          "bad-number",
          `expected a number such as 30, 0.5 or 1e-3, found "${source.slice(start, end)}"`,
        );
      }
      const value = Number(match[0]);
      if (!Number.isFinite(value))
        fail(start, end, "number-out-of-range", `number "${match[0]}" is too large`);
      tokens.push({ kind: "number", text: match[0], value, span: { start, end } });
      i = end;
      continue;
    }
    if ((ch >= "A" && ch <= "Z") || (ch >= "a" && ch <= "z") || ch === "_") {
      NAME.lastIndex = i;
      const text = NAME.exec(source)![0];
      i += text.length;
      tokens.push({ kind: "name", text, value: 0, span: { start, end: i } });
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== ch && source[j] !== "\n") j++;
      if (j >= source.length || source[j] !== ch) {
        fail(start, j, "unterminated-string", `quoted id has no closing ${ch}`);
      }
      if (j === i + 1) fail(start, j + 1, "empty-id", "expected an id between the quotes, found nothing");
      tokens.push({ kind: "string", text: source.slice(i + 1, j), value: 0, span: { start, end: j + 1 } });
      i = j + 1;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === "," || ch === ";") {
      tokens.push({ kind: ch, text: ch, value: 0, span: { start, end: i + 1 } });
      i++;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      tokens.push({ kind: "op", text: two, value: 0, span: { start, end: i + 2 } });
      i += 2;
      continue;
    }
    const foreign = FOREIGN_OPS[two] !== undefined ? two : FOREIGN_OPS[ch] !== undefined ? ch : undefined;
    if (foreign !== undefined) {
      const ours = FOREIGN_OPS[foreign]!;
      fail(
        start,
        start + foreign.length,
        "unknown-operator",
        `"${foreign}" is not an operator here; write "${ours}"`,
        ours,
      );
    }
    if (ONE_CHAR_OPS.has(ch)) {
      tokens.push({ kind: "op", text: ch, value: 0, span: { start, end: i + 1 } });
      i++;
      continue;
    }
    // Report a whole surrogate pair as one character.
    const code = source.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(code);
    fail(start, start + char.length, "unexpected-character", `unexpected character "${char}"`);
  }
  tokens.push({ kind: "eof", text: "", value: 0, span: { start: source.length, end: source.length } });
  return tokens;
}
