/**
 * Explanations: the value every sub-expression took on one evaluation, and a plain-language sentence built
 * from them for the event log, e.g. "incidents(kp_border, 30) = 7 < 5 is false".
 */
import { InputError } from "../errors/index.js";
import { type Expr, isComparison, PRECEDENCE, precedenceOf } from "./ast.js";
import { checkExpression, literalValue } from "./check.js";
import type { CompileOptions, EvaluationContext } from "./compile.js";
import { applyBinary, applyUnary, type Value } from "./operators.js";
import { sourceOf } from "./parser.js";
import { printExpression } from "./printer.js";
import { type Arg, DEFAULT_LANGUAGE, type Language, LEVER_GROUP, lookup } from "./tables.js";

export interface Explanation {
  readonly node: Expr;
  /** Canonical text of the sub-expression (as `printExpression` writes it). */
  readonly text: string;
  readonly value: Value;
  /** Sub-expressions with a value: operands, and the number arguments of a call (ids have none). */
  readonly children: readonly Explanation[];
}

/**
 * Evaluates every sub-expression, both sides of `and`/`or` included so the log shows all the numbers, and
 * returns the tree of values. The overall value equals the compiled expression's. Throws an `InputError`
 * when the expression does not type-check.
 */
export function explain(
  ast: Expr,
  ctx: EvaluationContext,
  language: Language = DEFAULT_LANGUAGE,
  options: CompileOptions = {},
): Explanation {
  const source = options.source ?? sourceOf(ast);
  const issues = checkExpression(
    ast,
    {},
    { language, expect: "any", ...(source === undefined ? {} : { source }) },
  );
  if (issues.length > 0) throw new InputError(issues);

  const visit = (node: Expr): Explanation => {
    const text = printExpression(node);
    switch (node.kind) {
      case "number":
      case "boolean":
        return { node, text, value: node.value, children: [] };
      case "name":
        return { node, text, value: lookup(language.constants, node.name)!.value, children: [] };
      case "string":
        throw new Error("unreachable: a quoted id outside a call passed the checker");
      case "unary": {
        const operand = visit(node.operand);
        return { node, text, value: applyUnary(node.op, operand.value), children: [operand] };
      }
      case "binary": {
        const left = visit(node.left);
        const right = visit(node.right);
        return { node, text, value: applyBinary(node.op, left.value, right.value), children: [left, right] };
      }
      case "call": {
        const spec = lookup(language.functions, node.name)!;
        const children: Explanation[] = [];
        const args: Arg[] = spec.params.map((param, i) => {
          const arg = node.args[i]!;
          if (param.kind !== "number") {
            const id = arg.kind === "name" ? arg.name : arg.kind === "string" ? arg.value : "";
            return options.resolveId ? options.resolveId(param.kind, id) : id;
          }
          const child = visit(arg);
          children.push(child);
          return child.value as number;
        });
        const value = spec.implementation ? spec.implementation(args) : ctx.call(node.name, args);
        return { node, text, value, children };
      }
    }
  };
  return visit(ast);
}

/** Rounds a number for reading: whole numbers as they are, others to 4 significant digits. */
export function formatValue(value: Value): string {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Number.isNaN(value)) return "undefined (0 ÷ 0)";
  if (!Number.isFinite(value)) return value > 0 ? "infinity" : "minus infinity";
  if (Number.isInteger(value) || Math.abs(value) >= 1000) return String(Math.round(value));
  return String(Number(value.toPrecision(4)));
}

/** The values of all function calls in the tree, by call text: the `values` of an event-log entry. */
export function explainValues(explanation: Explanation): Record<string, Value> {
  const out: Record<string, Value> = {};
  const visit = (e: Explanation): void => {
    if (e.node.kind === "call" && !Object.hasOwn(out, e.text)) out[e.text] = e.value;
    for (const child of e.children) visit(child);
  };
  visit(explanation);
  return out;
}

/** Parts joined by and/or/not; each becomes one clause of the sentence. */
function atoms(e: Explanation): Explanation[] {
  const n = e.node;
  if ((n.kind === "binary" && (n.op === "and" || n.op === "or")) || (n.kind === "unary" && n.op === "not")) {
    return e.children.flatMap(atoms);
  }
  return [e];
}

function isWritten(node: Expr, language: Language): boolean {
  if (node.kind === "boolean" || literalValue(node) !== undefined) return true;
  if (node.kind !== "name") return false;
  // A lever is shown with its value (`reopen_after_days = 60`): the reader needs the number.
  const constant = lookup(language.constants, node.name);
  return constant !== undefined && constant.group !== LEVER_GROUP;
}

/** A value shown by the name of a constant of `group` holding it (`strikes` for 2 on the ladder), if any. */
function named(value: Value, group: string | undefined, language: Language): string {
  if (group !== undefined) {
    for (const [name, spec] of Object.entries(language.constants)) {
      if (spec.group === group && spec.value === value) return name;
    }
  }
  return formatValue(value);
}

function side(e: Explanation, other: Explanation | undefined, language: Language): string {
  if (isWritten(e.node, language)) return e.text;
  const group = other?.node.kind === "name" ? lookup(language.constants, other.node.name)?.group : undefined;
  const text = precedenceOf(e.node) <= PRECEDENCE.comparison ? `(${e.text})` : e.text;
  let out = `${text} = ${named(e.value, group, language)}`;
  if (e.node.kind !== "call") {
    const calls = Object.entries(explainValues(e));
    if (calls.length > 0) out += ` (${calls.map(([text, v]) => `${text} = ${formatValue(v)}`).join(", ")})`;
  }
  return out;
}

function clause(e: Explanation, language: Language): string {
  const n = e.node;
  if (n.kind === "binary" && isComparison(n.op)) {
    const [left, right] = e.children as [Explanation, Explanation];
    return `${side(left, right, language)} ${n.op} ${side(right, left, language)} is ${formatValue(e.value)}`;
  }
  if (typeof e.value === "number") return side(e, undefined, language);
  return `${e.text} is ${formatValue(e.value)}`;
}

/**
 * One plain-language line: a clause per comparison with the values on each side, then the overall result when
 * the condition joins several, e.g.
 * "incidents(kp_border, 30) = 7 < 5 is false; trust(pk, af) = 0.62 > 0.5 is true; so the condition is false".
 */
export function describeExplanation(explanation: Explanation, language: Language = DEFAULT_LANGUAGE): string {
  const parts = atoms(explanation);
  const clauses = parts.map((part) => clause(part, language)).join("; ");
  if (parts.length === 1 && parts[0] === explanation) return clauses;
  return `${clauses}; so the condition is ${formatValue(explanation.value)}`;
}
