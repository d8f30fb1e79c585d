/** The expression tree produced by the parser. Every node carries the span of the text it came from. */
import type { Span } from "./span.js";

export type ArithmeticOp = "+" | "-" | "*" | "/";
export type ComparisonOp = "<" | "<=" | ">" | ">=" | "==" | "!=";
export type LogicalOp = "and" | "or";
export type BinaryOp = ArithmeticOp | ComparisonOp | LogicalOp;
export type UnaryOp = "-" | "not";

export interface NumberNode {
  readonly kind: "number";
  /** Always finite and ≥ 0: a minus sign is a unary node. */
  readonly value: number;
  readonly span: Span;
}

export interface BooleanNode {
  readonly kind: "boolean";
  readonly value: boolean;
  readonly span: Span;
}

/** A quoted id such as `"spin-boldak"`; meaningful only as an argument that names a zone, actor, … */
export interface StringNode {
  readonly kind: "string";
  readonly value: string;
  readonly span: Span;
}

/** A bare name: an id when it is an argument, a constant (`tension`) elsewhere. */
export interface NameNode {
  readonly kind: "name";
  readonly name: string;
  readonly span: Span;
}

export interface CallNode {
  readonly kind: "call";
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly Expr[];
  readonly span: Span;
}

export interface UnaryNode {
  readonly kind: "unary";
  readonly op: UnaryOp;
  readonly operand: Expr;
  readonly span: Span;
}

export interface BinaryNode {
  readonly kind: "binary";
  readonly op: BinaryOp;
  readonly opSpan: Span;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export type Expr = NumberNode | BooleanNode | StringNode | NameNode | CallNode | UnaryNode | BinaryNode;

/** Binding strength, weakest first; the printer and the parser share it. */
export const PRECEDENCE = {
  or: 1,
  and: 2,
  not: 3,
  comparison: 4,
  additive: 5,
  multiplicative: 6,
  negation: 7,
  primary: 8,
} as const;

export const COMPARISON_OPS: readonly ComparisonOp[] = ["<", "<=", ">", ">=", "==", "!="];

export function isComparison(op: BinaryOp): op is ComparisonOp {
  return (COMPARISON_OPS as readonly string[]).includes(op);
}

export function isArithmetic(op: BinaryOp): op is ArithmeticOp {
  return op === "+" || op === "-" || op === "*" || op === "/";
}

export function binaryPrecedence(op: BinaryOp): number {
  if (op === "or") return PRECEDENCE.or;
  if (op === "and") return PRECEDENCE.and;
  if (op === "+" || op === "-") return PRECEDENCE.additive;
  if (op === "*" || op === "/") return PRECEDENCE.multiplicative;
  return PRECEDENCE.comparison;
}

export function precedenceOf(node: Expr): number {
  if (node.kind === "binary") return binaryPrecedence(node.op);
  if (node.kind === "unary") return node.op === "not" ? PRECEDENCE.not : PRECEDENCE.negation;
  return PRECEDENCE.primary;
}

/** Every call node in the tree, outermost first, left to right. */
export function callsIn(node: Expr): CallNode[] {
  const out: CallNode[] = [];
  const visit = (n: Expr): void => {
    if (n.kind === "call") {
      out.push(n);
      for (const arg of n.args) visit(arg);
    } else if (n.kind === "unary") visit(n.operand);
    else if (n.kind === "binary") {
      visit(n.left);
      visit(n.right);
    }
  };
  visit(node);
  return out;
}

/** Shape without source positions, so trees parsed from differently spaced text compare equal. */
export type Shape =
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "string"; value: string }
  | { kind: "name"; name: string }
  | { kind: "call"; name: string; args: Shape[] }
  | { kind: "unary"; op: UnaryOp; operand: Shape }
  | { kind: "binary"; op: BinaryOp; left: Shape; right: Shape };

export function shapeOf(node: Expr): Shape {
  switch (node.kind) {
    case "number":
    case "boolean":
    case "string":
      return { kind: node.kind, value: node.value } as Shape;
    case "name":
      return { kind: "name", name: node.name };
    case "call":
      return { kind: "call", name: node.name, args: node.args.map(shapeOf) };
    case "unary":
      return { kind: "unary", op: node.op, operand: shapeOf(node.operand) };
    case "binary":
      return { kind: "binary", op: node.op, left: shapeOf(node.left), right: shapeOf(node.right) };
  }
}
