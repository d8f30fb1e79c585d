/** The meaning of each operator, shared by the compiler's constant folding and by `explain`. */
import type { BinaryOp, UnaryOp } from "./ast.js";

export type Value = number | boolean;

/**
 * Arithmetic follows IEEE 754 doubles: `x / 0` is ±Infinity and `0 / 0` is NaN, and every comparison with NaN
 * is false (a literal division by zero is rejected by the checker). `==` is exact equality.
 */
export function applyBinary(op: BinaryOp, a: Value, b: Value): Value {
  switch (op) {
    case "+":
      return (a as number) + (b as number);
    case "-":
      return (a as number) - (b as number);
    case "*":
      return (a as number) * (b as number);
    case "/":
      return (a as number) / (b as number);
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    case "==":
      return a === b;
    case "!=":
      return a !== b;
    case "and":
      return (a as boolean) && (b as boolean);
    case "or":
      return (a as boolean) || (b as boolean);
  }
}

export function applyUnary(op: UnaryOp, a: Value): Value {
  return op === "-" ? -(a as number) : !a;
}
