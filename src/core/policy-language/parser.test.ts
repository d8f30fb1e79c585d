import { describe, expect, it } from "vitest";
import { InputError, type InputIssue } from "../errors/index.js";
import { type Expr, shapeOf } from "./ast.js";
import { compileExpression } from "./compile.js";
import { MAX_DEPTH, parseExpression } from "./parser.js";
import { printExpression } from "./printer.js";

/** The issues of the InputError thrown by `fn`; fails the test when it returns or throws anything else. */
function issuesOf(fn: () => unknown): InputIssue[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error("expected an InputError");
}

const firstIssue = (text: string) => issuesOf(() => parseExpression(text))[0]!;

/** Fully parenthesised form of a tree, to read its grouping at a glance. */
function grouping(node: Expr): string {
  switch (node.kind) {
    case "binary":
      return `(${grouping(node.left)} ${node.op} ${grouping(node.right)})`;
    case "unary":
      return `(${node.op === "not" ? "not " : "-"}${grouping(node.operand)})`;
    case "call":
      return `${node.name}(${node.args.map(grouping).join(", ")})`;
    default:
      return printExpression(node);
  }
}

const group = (text: string) => grouping(parseExpression(text));
const value = (text: string) => compileExpression(parseExpression(text))({ call: () => 0 });

describe("precedence and associativity", () => {
  it("binds * tighter than + and both tighter than ==, so 1 + 2 * 3 == 7 is true", () => {
    expect(group("1 + 2 * 3 == 7")).toBe("((1 + (2 * 3)) == 7)");
    expect(value("1 + 2 * 3 == 7")).toBe(true);
  });

  it("applies not to the comparison or name right after it, before and", () => {
    expect(group("not a and b")).toBe("((not a) and b)");
    expect(group("not x < 5")).toBe("(not (x < 5))");
    expect(group("not not a")).toBe("(not (not a))");
  });

  it("binds and tighter than or", () => {
    expect(group("a or b and c")).toBe("(a or (b and c))");
    expect(group("a and b or c and d")).toBe("((a and b) or (c and d))");
  });

  it("associates - and / to the left (10 - 4 - 3 = 3, 8 / 4 / 2 = 1)", () => {
    expect(group("10 - 4 - 3")).toBe("((10 - 4) - 3)");
    expect(value("10 - 4 - 3")).toBe(3);
    expect(value("8 / 4 / 2")).toBe(1);
    expect(group("a or b or c")).toBe("((a or b) or c)");
  });

  it("binds unary minus tighter than * and allows it after an operator", () => {
    expect(group("-2 * 3")).toBe("((-2) * 3)");
    expect(value("- 2 - 3")).toBe(-5);
    expect(value("2 * -3")).toBe(-6);
    expect(value("--4")).toBe(4);
  });

  it("lets parentheses override precedence: (1 + 2) * 3 = 9", () => {
    expect(value("(1 + 2) * 3")).toBe(9);
    expect(value("((1 + 2) * 3) == 9 and true")).toBe(true);
  });

  it("compares the results of arithmetic: 2 + 3 > 4 is true", () => {
    expect(group("2 + 3 > 4")).toBe("((2 + 3) > 4)");
  });
});

describe("literals, names and calls", () => {
  it("reads integers, decimals and exponents", () => {
    expect(value("0.25")).toBe(0.25);
    expect(value("1e-3")).toBe(0.001);
    expect(value("2.5E+2")).toBe(250);
    expect(value(".5")).toBe(0.5);
    expect(value("1e21")).toBe(1e21);
  });

  it("reads true and false as booleans and other words as names", () => {
    expect(shapeOf(parseExpression("true"))).toEqual({ kind: "boolean", value: true });
    expect(shapeOf(parseExpression("tension"))).toEqual({ kind: "name", name: "tension" });
    expect(shapeOf(parseExpression("af_pk_2"))).toEqual({ kind: "name", name: "af_pk_2" });
  });

  it("reads quoted ids with dashes in double or single quotes", () => {
    expect(shapeOf(parseExpression('incidents("spin-boldak", 30)'))).toEqual({
      kind: "call",
      name: "incidents",
      args: [
        { kind: "string", value: "spin-boldak" },
        { kind: "number", value: 30 },
      ],
    });
    expect(shapeOf(parseExpression("f('a b')"))).toEqual({
      kind: "call",
      name: "f",
      args: [{ kind: "string", value: "a b" }],
    });
  });

  it("reads calls with no arguments and with spaces before the parenthesis", () => {
    expect(shapeOf(parseExpression("day ()"))).toEqual({ kind: "call", name: "day", args: [] });
  });

  it("records the source span of every node", () => {
    const ast = parseExpression("incidents(kp, 30) < 5");
    expect(ast.span).toEqual({ start: 0, end: 21 });
    if (ast.kind !== "binary" || ast.left.kind !== "call") throw new Error("expected a comparison of a call");
    expect(ast.opSpan).toEqual({ start: 18, end: 19 });
    expect(ast.left.span).toEqual({ start: 0, end: 17 });
    expect(ast.left.nameSpan).toEqual({ start: 0, end: 9 });
    expect(ast.left.args[0]!.span).toEqual({ start: 10, end: 12 });
    expect(ast.right.span).toEqual({ start: 20, end: 21 });
  });

  it("widens a parenthesised node's span to take in the parentheses", () => {
    const ast = parseExpression(" (1 + 2) * 3");
    if (ast.kind !== "binary") throw new Error("expected a product");
    expect(ast.left.span).toEqual({ start: 1, end: 8 });
  });
});

describe("syntax errors", () => {
  it("rejects a chained comparison at the second operator", () => {
    expect(firstIssue("1 < x < 5")).toMatchObject({ code: "chained-comparison", column: 7 });
  });

  it("points at a single = and suggests ==", () => {
    expect(firstIssue("stage(pk) = 2")).toMatchObject({
      code: "unknown-operator",
      column: 11,
      suggestion: "==",
    });
  });

  it("suggests and, or and not for &&, || and !", () => {
    expect(firstIssue("a && b")).toMatchObject({ code: "unknown-operator", column: 3, suggestion: "and" });
    expect(firstIssue("a || b")).toMatchObject({ code: "unknown-operator", suggestion: "or" });
    expect(firstIssue("!a")).toMatchObject({ code: "unknown-operator", column: 1, suggestion: "not" });
  });

  it("suggests the lower-case keyword for AND", () => {
    expect(firstIssue("a AND b")).toMatchObject({ code: "unexpected-token", column: 3, suggestion: "and" });
  });

  it("reports an unclosed parenthesis at the end of the text, naming the opening column", () => {
    const issue = firstIssue("(1 + 2");
    expect(issue).toMatchObject({ code: "unexpected-token", column: 7 });
    expect(issue.message).toContain('")" to close the "(" at column 1');
  });

  it("reports a missing argument after a comma", () => {
    expect(firstIssue("trust(pk, )")).toMatchObject({ code: "unexpected-token", column: 11 });
  });

  it("reports an unterminated quoted id and an empty one", () => {
    expect(firstIssue('incidents("spin, 30)')).toMatchObject({ code: "unterminated-string", column: 11 });
    expect(firstIssue('incidents("", 30)')).toMatchObject({ code: "empty-id", column: 11 });
  });

  it("rejects a number glued to letters and a number too large to represent", () => {
    expect(firstIssue("x < 30d")).toMatchObject({ code: "bad-number", column: 5 });
    expect(firstIssue("x < 1.")).toMatchObject({ code: "bad-number", column: 5 });
    expect(firstIssue("x < 1e999")).toMatchObject({ code: "number-out-of-range", column: 5 });
  });

  it("rejects characters outside the language", () => {
    expect(firstIssue("x # 3")).toMatchObject({ code: "unexpected-character", column: 3 });
  });

  it("rejects a keyword where a value belongs and words after a complete expression", () => {
    expect(firstIssue("x < and")).toMatchObject({ code: "unexpected-token", column: 5 });
    expect(firstIssue("x < 5 y")).toMatchObject({ code: "unexpected-token", column: 7 });
    expect(firstIssue("")).toMatchObject({ code: "unexpected-token", column: 1 });
  });

  it("draws carets under the offending text in the message", () => {
    expect(firstIssue("x < 30d").message).toBe(
      'expected a number such as 30, 0.5 or 1e-3, found "30d"\n  x < 30d\n      ^^^',
    );
  });

  it(`refuses nesting deeper than ${MAX_DEPTH} levels with an InputError, not a stack overflow`, () => {
    expect(firstIssue(`${"(".repeat(10_000)}1${")".repeat(10_000)}`).code).toBe("too-deep");
    expect(firstIssue(`${"-".repeat(10_000)}1`).code).toBe("too-deep");
    expect(firstIssue(`${"not ".repeat(10_000)}true`).code).toBe("too-deep");
    expect(firstIssue(Array(5_000).fill("1").join(" + ")).code).toBe("too-deep");
    // Depth carries through parentheses: three nested sums of 60 terms are 180 levels deep.
    let nested = "1";
    for (let k = 0; k < 3; k++) nested = `(${nested}${" + 1".repeat(60)})`;
    expect(firstIssue(nested).code).toBe("too-deep");
    expect(() =>
      parseExpression(
        Array(MAX_DEPTH - 1)
          .fill("1")
          .join(" + "),
      ),
    ).not.toThrow();
  });
});
