/**
 * Prints an AST back to canonical text with the fewest parentheses that keep its shape: parsing the printed
 * text gives the same tree (spans aside). The same text names sub-expressions in explanations and event logs.
 */
import { binaryPrecedence, type Expr, isComparison, PRECEDENCE, precedenceOf } from "./ast.js";
import { KEYWORDS } from "./lexer.js";

const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An id as it must be written in policy text: bare when it is a plain name, quoted otherwise. */
export function printId(id: string): string {
  if (BARE_NAME.test(id) && !KEYWORDS.includes(id)) return id;
  return id.includes('"') ? `'${id}'` : `"${id}"`;
}

/** Shortest text that reads back as exactly this number (JavaScript's own round-trip formatting). */
function printNumber(value: number): string {
  return String(value);
}

export function printExpression(node: Expr): string {
  switch (node.kind) {
    case "number":
      return printNumber(node.value);
    case "boolean":
      return node.value ? "true" : "false";
    case "string":
      // Always quoted, so the tree reads back as a string node even when the id would be a valid bare name.
      return node.value.includes('"') ? `'${node.value}'` : `"${node.value}"`;
    case "name":
      return node.name;
    case "call":
      return `${node.name}(${node.args.map(printExpression).join(", ")})`;
    case "unary": {
      const inner = printExpression(node.operand);
      if (node.op === "not") {
        return precedenceOf(node.operand) < PRECEDENCE.not ? `not (${inner})` : `not ${inner}`;
      }
      // `-(-x)` rather than `--x`: same tree, easier to read.
      return precedenceOf(node.operand) <= PRECEDENCE.negation ? `-(${inner})` : `-${inner}`;
    }
    case "binary": {
      const own = binaryPrecedence(node.op);
      // Comparisons do not associate, so an equal-precedence operand on either side needs parentheses;
      // the other binary levels associate to the left, so only the right operand does.
      const leftNeeds =
        precedenceOf(node.left) < own || (isComparison(node.op) && precedenceOf(node.left) === own);
      const rightNeeds = precedenceOf(node.right) <= own;
      const left = printExpression(node.left);
      const right = printExpression(node.right);
      return `${leftNeeds ? `(${left})` : left} ${node.op} ${rightNeeds ? `(${right})` : right}`;
    }
  }
}
