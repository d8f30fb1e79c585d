/**
 * Recursive-descent parser for conditions, one function per precedence level (weakest first):
 *
 *   or  <  and  <  not  <  comparison (non-associative)  <  + -  <  * /  <  unary -  <  primary
 *
 * Binary levels loop, so chains associate to the left. The text is never evaluated: the parser builds an
 * AST (ast.ts) and the checker, compiler and explainer walk it. Syntax errors are `InputError`s with one
 * caret-style issue at the first problem.
 */
import { InputError } from "../errors/index.js";
import type { BinaryOp, CallNode, ComparisonOp, Expr } from "./ast.js";
import { COMPARISON_OPS } from "./ast.js";
import { describeToken, KEYWORDS, type Token, tokenize } from "./lexer.js";
import { issueAt, type Span } from "./span.js";

/** Deepest nesting accepted, which keeps every tree walk far from the call-stack limit. */
export const MAX_DEPTH = 100;

const sources = new WeakMap<object, string>();

/** The text a tree returned by `parseExpression` was parsed from, for caret messages. */
export function sourceOf(node: object): string | undefined {
  return sources.get(node);
}

export function rememberSource(node: object, source: string): void {
  sources.set(node, source);
}

const spanOf = (from: Span, to: Span): Span => ({ start: from.start, end: to.end });

/** Token cursor plus the expression grammar; the rule grammar (rules.ts) drives it for its parts. */
export class Parser {
  private readonly tokens: Token[];
  private index = 0;
  private nesting = 0;
  private readonly depths = new WeakMap<Expr, number>();

  constructor(readonly source: string) {
    this.tokens = tokenize(source);
  }

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === "name" && token.text === word;
  }

  fail(span: Span, code: string, summary: string, suggestion?: string): never {
    throw new InputError(issueAt(this.source, span, code, summary, suggestion));
  }

  /** Fails at the current token: "expected <what>, found <token>", suggesting a keyword's spelling when close. */
  unexpected(what: string, code = "unexpected-token"): never {
    const token = this.peek();
    const lower = token.text.toLowerCase();
    const suggestion =
      token.kind === "name" && lower !== token.text && KEYWORDS.includes(lower) ? lower : undefined;
    const found =
      token.kind === "name" && KEYWORDS.includes(token.text)
        ? `the keyword "${token.text}"`
        : describeToken(token);
    return this.fail(token.span, code, `expected ${what}, found ${found}`, suggestion);
  }

  expectEnd(what: string): void {
    if (this.peek().kind !== "eof") this.unexpected(what);
  }

  /** Parses one expression, stopping at the first token that cannot continue it. */
  expression(): Expr {
    return this.or();
  }

  private enter(span: Span): void {
    if (++this.nesting > MAX_DEPTH) {
      this.fail(span, "too-deep", `expressions nest at most ${MAX_DEPTH} levels deep; split this condition`);
    }
  }

  private leave(): void {
    this.nesting--;
  }

  private depth(node: Expr): number {
    return this.depths.get(node) ?? 1;
  }

  private binary(op: BinaryOp, opSpan: Span, left: Expr, right: Expr): Expr {
    const node: Expr = { kind: "binary", op, opSpan, left, right, span: spanOf(left.span, right.span) };
    return this.withDepth(node, Math.max(this.depth(left), this.depth(right)) + 1);
  }

  private unary(op: "-" | "not", opSpan: Span, operand: Expr): Expr {
    const node: Expr = { kind: "unary", op, operand, span: spanOf(opSpan, operand.span) };
    return this.withDepth(node, this.depth(operand) + 1);
  }

  private withDepth<T extends Expr>(node: T, depth: number): T {
    if (depth > MAX_DEPTH) {
      this.fail(
        node.span,
        "too-deep",
        `expressions nest at most ${MAX_DEPTH} levels deep; split this condition`,
      );
    }
    this.depths.set(node, depth);
    return node;
  }

  private or(): Expr {
    let left = this.and();
    while (this.isWord("or")) {
      const op = this.next();
      left = this.binary("or", op.span, left, this.and());
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isWord("and")) {
      const op = this.next();
      left = this.binary("and", op.span, left, this.not());
    }
    return left;
  }

  private not(): Expr {
    if (!this.isWord("not")) return this.comparison();
    const op = this.next();
    this.enter(op.span);
    const operand = this.not();
    this.leave();
    return this.unary("not", op.span, operand);
  }

  private comparisonOp(): ComparisonOp | undefined {
    const token = this.peek();
    return token.kind === "op" && (COMPARISON_OPS as readonly string[]).includes(token.text)
      ? (token.text as ComparisonOp)
      : undefined;
  }

  private comparison(): Expr {
    const left = this.additive();
    const op = this.comparisonOp();
    if (op === undefined) return left;
    const opToken = this.next();
    const node = this.binary(op, opToken.span, left, this.additive());
    if (this.comparisonOp() !== undefined) {
      this.fail(
        this.peek().span,
        "chained-comparison",
        "comparisons do not chain; join them with and, e.g. 1 < x and x < 5, or add parentheses",
      );
    }
    return node;
  }

  private additive(): Expr {
    let left = this.multiplicative();
    for (let t = this.peek(); t.kind === "op" && (t.text === "+" || t.text === "-"); t = this.peek()) {
      this.next();
      left = this.binary(t.text as "+" | "-", t.span, left, this.multiplicative());
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.negation();
    for (let t = this.peek(); t.kind === "op" && (t.text === "*" || t.text === "/"); t = this.peek()) {
      this.next();
      left = this.binary(t.text as "*" | "/", t.span, left, this.negation());
    }
    return left;
  }

  private negation(): Expr {
    const token = this.peek();
    if (!(token.kind === "op" && token.text === "-")) return this.primary();
    this.next();
    this.enter(token.span);
    const operand = this.negation();
    this.leave();
    return this.unary("-", token.span, operand);
  }

  private primary(): Expr {
    const token = this.peek();
    switch (token.kind) {
      case "number":
        this.next();
        return { kind: "number", value: token.value, span: token.span };
      case "string":
        this.next();
        return { kind: "string", value: token.text, span: token.span };
      case "(": {
        this.next();
        this.enter(token.span);
        const inner = this.expression();
        this.leave();
        if (this.peek().kind !== ")")
          this.unexpected(`")" to close the "(" at column ${token.span.start + 1}`);
        const close = this.next();
        // The node keeps its shape; its span widens to take in the parentheses.
        const wrapped = { ...inner, span: spanOf(token.span, close.span) } as Expr;
        this.depths.set(wrapped, this.depth(inner));
        return wrapped;
      }
      case "name": {
        if (token.text === "true" || token.text === "false") {
          this.next();
          return { kind: "boolean", value: token.text === "true", span: token.span };
        }
        if (KEYWORDS.includes(token.text)) return this.unexpected("a value");
        this.next();
        if (this.peek().kind === "(") return this.call(token);
        return { kind: "name", name: token.text, span: token.span };
      }
      default:
        return this.unexpected("a value (a number, a function call, a name or a parenthesised expression)");
    }
  }

  /** Arguments of `name(…)`; the name token has been consumed and the cursor is on "(". */
  call(name: Token): CallNode {
    const open = this.next();
    this.enter(open.span);
    const args: Expr[] = [];
    if (this.peek().kind !== ")") {
      for (;;) {
        args.push(this.expression());
        if (this.peek().kind !== ",") break;
        this.next();
      }
    }
    if (this.peek().kind !== ")") this.unexpected(`"," or ")" in the call to ${name.text}`);
    const close = this.next();
    this.leave();
    const node: CallNode = {
      kind: "call",
      name: name.text,
      nameSpan: name.span,
      args,
      span: spanOf(name.span, close.span),
    };
    return this.withDepth(node, 1 + args.reduce((d, arg) => Math.max(d, this.depth(arg)), 0));
  }
}

/**
 * Parses a whole expression, e.g. `incidents(kp_border, 30) < 5 and trust(pk, af) > 0.5`.
 * Throws an `InputError` with one caret-style issue on a syntax error; spans are offsets into `text`.
 */
export function parseExpression(text: string): Expr {
  const parser = new Parser(text);
  const node = parser.expression();
  parser.expectEnd("an operator or the end of the expression");
  rememberSource(node, text);
  return node;
}
