/**
 * The claim language: a named statement over outcomes of policies, parsed into a tree (never evaluated
 * as code). Grammar, weakest binding first:
 *
 *   claim      := or
 *   or         := and ("or" and)*
 *   and        := not ("and" not)*
 *   not        := "not" not | comparison
 *   comparison := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
 *   sum        := product (("+" | "-") product)*
 *   product    := unary (("*" | "/") unary)*
 *   unary      := "-" unary | primary
 *   primary    := number | outcome "[" policy "]" | "P" "(" claim ")" | "mean" "(" sum ")" | "(" claim ")"
 *
 * `outcome` is a name of letters, digits and "_"; `policy` is any text up to "]" (trimmed), so policy ids
 * with dashes read as written: `fatalities[phased-conditional] < fatalities[open-now]`. `P(c)` is the
 * share of futures in which c holds, `mean(e)` the mean of e over futures. The lexer and parser are
 * separate from the policy language's because claims need bracketed references and aggregate operators
 * that the policy conditions do not have; issues use the same caret format (policy-language's span).
 */
import { caretSnippet, type LanguageIssue, type Span } from "../policy-language/index.js";

export type ClaimNode =
  | { readonly kind: "number"; readonly value: number; readonly span: Span }
  | {
      readonly kind: "ref";
      readonly outcome: string;
      readonly policy: string;
      readonly outcomeSpan: Span;
      readonly policySpan: Span;
      readonly span: Span;
    }
  | { readonly kind: "prob" | "mean"; readonly arg: ClaimNode; readonly span: Span }
  | { readonly kind: "neg" | "not"; readonly arg: ClaimNode; readonly span: Span }
  | {
      readonly kind: "binary";
      readonly op: "+" | "-" | "*" | "/" | "<" | "<=" | ">" | ">=" | "==" | "!=" | "and" | "or";
      readonly left: ClaimNode;
      readonly right: ClaimNode;
      readonly span: Span;
    };

type TokenKind = "number" | "name" | "op" | "(" | ")" | "[" | "]" | "eof";
interface Token {
  kind: TokenKind;
  text: string;
  span: Span;
}

/** A claim issue: caret message, 0-based span, 1-based column. */
export type ClaimIssue = LanguageIssue;

export class ClaimSyntaxError extends Error {
  constructor(readonly issue: ClaimIssue) {
    super(issue.message);
    this.name = "ClaimSyntaxError";
  }
}

export function claimIssue(
  source: string,
  span: Span,
  code: string,
  summary: string,
  suggestion?: string,
): ClaimIssue {
  return {
    code,
    column: span.start + 1,
    span,
    message: `${summary}\n${caretSnippet(source, span)}`,
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

const OPS2 = ["<=", ">=", "==", "!="];
const OPS1 = ["+", "-", "*", "/", "<", ">"];
const FOREIGN: Record<string, string> = {
  "&&": "and",
  "||": "or",
  "=": "==",
  "!": "not",
  "&": "and",
  "|": "or",
};

function tokenize(source: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const fail = (start: number, end: number, code: string, summary: string, suggestion?: string): never => {
    throw new ClaimSyntaxError(claimIssue(source, { start, end }, code, summary, suggestion));
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    const num = /^(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i));
    if (num) {
      const tail = /^[A-Za-z0-9_.]+/.exec(source.slice(i + num[0].length));
      if (tail)
        fail(
          start,
          i + num[0].length + tail[0].length,
          "bad-number",
          `expected a number, found "${source.slice(start, i + num[0].length + tail[0].length)}"`,
        );
      out.push({ kind: "number", text: num[0], span: { start, end: i + num[0].length } });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (name) {
      out.push({ kind: "name", text: name[0], span: { start, end: i + name[0].length } });
      i += name[0].length;
      continue;
    }
    if (ch === "[") {
      // Everything up to "]" is the policy id.
      const close = source.indexOf("]", i + 1);
      const newline = source.indexOf("\n", i + 1);
      if (close < 0 || (newline >= 0 && newline < close))
        fail(start, source.length, "unclosed-bracket", 'expected "]" to close the policy name');
      out.push({ kind: "[", text: "[", span: { start, end: i + 1 } });
      const raw = source.slice(i + 1, close);
      const lead = raw.length - raw.trimStart().length;
      const id = raw.trim();
      if (id.length === 0)
        fail(start, close + 1, "empty-policy", "expected a policy name between the brackets, found nothing");
      out.push({ kind: "name", text: id, span: { start: i + 1 + lead, end: i + 1 + lead + id.length } });
      out.push({ kind: "]", text: "]", span: { start: close, end: close + 1 } });
      i = close + 1;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === "]") {
      out.push({ kind: ch, text: ch, span: { start, end: i + 1 } });
      i++;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (OPS2.includes(two)) {
      out.push({ kind: "op", text: two, span: { start, end: i + 2 } });
      i += 2;
      continue;
    }
    const foreign = FOREIGN[two] !== undefined ? two : FOREIGN[ch] !== undefined ? ch : undefined;
    if (foreign !== undefined)
      fail(
        start,
        i + foreign.length,
        "foreign-operator",
        `"${foreign}" is not an operator here; write "${FOREIGN[foreign]}"`,
        FOREIGN[foreign],
      );
    if (OPS1.includes(ch)) {
      out.push({ kind: "op", text: ch, span: { start, end: i + 1 } });
      i++;
      continue;
    }
    fail(start, i + 1, "unexpected-character", `unexpected character "${ch}"`);
  }
  out.push({ kind: "eof", text: "", span: { start: source.length, end: source.length } });
  return out;
}

const MAX_DEPTH = 100;

/** Parses claim text; throws ClaimSyntaxError with a caret issue at the first problem. */
export function parseClaim(source: string): ClaimNode {
  const tokens = tokenize(source);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos]!;
  const next = () => tokens[Math.min(pos++, tokens.length - 1)]!;
  const describe = (t: Token) =>
    t.kind === "eof" ? "the end of the claim" : t.kind === "number" ? `the number ${t.text}` : `"${t.text}"`;
  const fail = (t: Token, what: string, code = "unexpected-token"): never => {
    throw new ClaimSyntaxError(claimIssue(source, t.span, code, `expected ${what}, found ${describe(t)}`));
  };
  const isWord = (w: string) => peek().kind === "name" && peek().text === w;
  const span = (a: Span, b: Span): Span => ({ start: a.start, end: b.end });

  const or = (): ClaimNode => {
    if (++depth > MAX_DEPTH) fail(peek(), `at most ${MAX_DEPTH} levels of nesting`, "too-deep");
    let left = and();
    while (isWord("or")) {
      next();
      const right = and();
      left = { kind: "binary", op: "or", left, right, span: span(left.span, right.span) };
    }
    depth--;
    return left;
  };
  const and = (): ClaimNode => {
    let left = not();
    while (isWord("and")) {
      next();
      const right = not();
      left = { kind: "binary", op: "and", left, right, span: span(left.span, right.span) };
    }
    return left;
  };
  const not = (): ClaimNode => {
    if (isWord("not")) {
      const t = next();
      const arg = not();
      return { kind: "not", arg, span: span(t.span, arg.span) };
    }
    return comparison();
  };
  const comparison = (): ClaimNode => {
    const left = sum();
    const t = peek();
    if (t.kind === "op" && ["<", "<=", ">", ">=", "==", "!="].includes(t.text)) {
      next();
      const right = sum();
      const after = peek();
      if (after.kind === "op" && ["<", "<=", ">", ">=", "==", "!="].includes(after.text))
        fail(after, 'the end of the comparison (chain comparisons with "and")', "chained-comparison");
      return { kind: "binary", op: t.text as "<", left, right, span: span(left.span, right.span) };
    }
    return left;
  };
  const sum = (): ClaimNode => {
    let left = product();
    while (peek().kind === "op" && (peek().text === "+" || peek().text === "-")) {
      const op = next().text as "+";
      const right = product();
      left = { kind: "binary", op, left, right, span: span(left.span, right.span) };
    }
    return left;
  };
  const product = (): ClaimNode => {
    let left = unary();
    while (peek().kind === "op" && (peek().text === "*" || peek().text === "/")) {
      const op = next().text as "*";
      const right = unary();
      left = { kind: "binary", op, left, right, span: span(left.span, right.span) };
    }
    return left;
  };
  const unary = (): ClaimNode => {
    if (peek().kind === "op" && peek().text === "-") {
      const t = next();
      const arg = unary();
      return { kind: "neg", arg, span: span(t.span, arg.span) };
    }
    return primary();
  };
  const expect = (kind: TokenKind, what: string): Token =>
    peek().kind === kind ? next() : fail(peek(), what);
  const primary = (): ClaimNode => {
    const t = peek();
    if (t.kind === "number") {
      next();
      return { kind: "number", value: Number(t.text), span: t.span };
    }
    if (t.kind === "(") {
      next();
      const inner = or();
      expect(")", '")"');
      return inner;
    }
    if (t.kind === "name") {
      if (["and", "or", "not"].includes(t.text)) fail(t, "a value");
      next();
      if ((t.text === "P" || t.text === "mean") && peek().kind === "(") {
        next();
        const arg = or();
        const close = expect(")", `")" to close ${t.text}(`);
        return { kind: t.text === "P" ? "prob" : "mean", arg, span: span(t.span, close.span) };
      }
      if (peek().kind !== "[")
        fail(peek(), `"[policy]" after the outcome "${t.text}", e.g. ${t.text}[open-now]`, "missing-policy");
      next();
      const policy = next();
      const close = expect("]", '"]"');
      return {
        kind: "ref",
        outcome: t.text,
        policy: policy.text,
        outcomeSpan: t.span,
        policySpan: policy.span,
        span: span(t.span, close.span),
      };
    }
    return fail(t, "a number, an outcome[policy], P(…), mean(…) or (");
  };
  const tree = or();
  if (peek().kind !== "eof") fail(peek(), "an operator or the end of the claim");
  return tree;
}
