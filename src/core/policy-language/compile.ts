/**
 * Compiles a checked AST to a tree of closures, one per node, built once. Evaluating it allocates nothing:
 * argument arrays are built at compile time (ids and written numbers are fixed) and reused, sub-trees that
 * read no state are folded to constants, and `and`/`or` short-circuit.
 */
import { InputError } from "../errors/index.js";
import type { CallNode, Expr } from "./ast.js";
import { checkActions, checkExpression, literalValue } from "./check.js";
import type { Value } from "./operators.js";
import { sourceOf } from "./parser.js";
import {
  type Arg,
  DEFAULT_LANGUAGE,
  type FunctionSpec,
  type IdKind,
  type Language,
  lookup,
  type ParamSpec,
} from "./tables.js";

/** What a compiled expression reads the world through. */
export interface EvaluationContext {
  /**
   * Value of a function the language does not compute itself (`incidents`, `trust`, …). The `args` array is
   * reused from one evaluation to the next: read it, do not keep it.
   */
  call(name: string, args: readonly Arg[]): number | boolean;
}

export type CompiledExpression = (ctx: EvaluationContext) => number | boolean;
export type CompiledCondition = (ctx: EvaluationContext) => boolean;

export interface CompileOptions {
  /** Maps an id argument to what the context wants instead, e.g. the zone's index; default: the id itself. */
  readonly resolveId?: (kind: IdKind, id: string) => Arg;
  /** Text the tree was parsed from, for caret lines in errors; default: the text `parseExpression` remembered. */
  readonly source?: string;
}

type Fn = (ctx: EvaluationContext) => Value;

/** The argument of an id parameter, as the context will see it. */
function idArg(arg: Expr, param: ParamSpec, options: CompileOptions): Arg {
  const id = arg.kind === "name" ? arg.name : arg.kind === "string" ? arg.value : "";
  return options.resolveId ? options.resolveId(param.kind, id) : id;
}

/** True when the node reads nothing from the context, so its value can be computed once. */
function isConstant(node: Expr, language: Language): boolean {
  switch (node.kind) {
    case "number":
    case "boolean":
    case "name":
    case "string":
      return true;
    case "unary":
      return isConstant(node.operand, language);
    case "binary":
      return isConstant(node.left, language) && isConstant(node.right, language);
    case "call": {
      const spec = lookup(language.functions, node.name);
      return spec?.implementation !== undefined && node.args.every((a) => isConstant(a, language));
    }
  }
}

const NO_CONTEXT: EvaluationContext = {
  call: () => {
    throw new Error("unreachable: a constant sub-expression read the evaluation context");
  },
};

class Compiler {
  constructor(
    private readonly language: Language,
    private readonly options: CompileOptions,
  ) {}

  compile(node: Expr): Fn {
    if (node.kind !== "number" && node.kind !== "boolean" && isConstant(node, this.language)) {
      const value = this.build(node)(NO_CONTEXT);
      return () => value;
    }
    return this.build(node);
  }

  private build(node: Expr): Fn {
    switch (node.kind) {
      case "number":
      case "boolean": {
        const value = node.value;
        return () => value;
      }
      case "name": {
        const value = lookup(this.language.constants, node.name)!.value;
        return () => value;
      }
      case "string":
        throw new Error("unreachable: a quoted id outside a call passed the checker");
      case "call":
        return this.call(node, lookup(this.language.functions, node.name)!);
      case "unary": {
        const operand = this.compile(node.operand);
        return node.op === "-" ? (c) => -(operand(c) as number) : (c) => !operand(c);
      }
      case "binary":
        return this.binary(node.op, this.compile(node.left), this.compile(node.right));
    }
  }

  private binary(op: Extract<Expr, { kind: "binary" }>["op"], l: Fn, r: Fn): Fn {
    switch (op) {
      case "+":
        return (c) => (l(c) as number) + (r(c) as number);
      case "-":
        return (c) => (l(c) as number) - (r(c) as number);
      case "*":
        return (c) => (l(c) as number) * (r(c) as number);
      case "/":
        return (c) => (l(c) as number) / (r(c) as number);
      case "<":
        return (c) => l(c) < r(c);
      case "<=":
        return (c) => l(c) <= r(c);
      case ">":
        return (c) => l(c) > r(c);
      case ">=":
        return (c) => l(c) >= r(c);
      case "==":
        return (c) => l(c) === r(c);
      case "!=":
        return (c) => l(c) !== r(c);
      case "and":
        return (c) => (l(c) as boolean) && (r(c) as boolean);
      case "or":
        return (c) => (l(c) as boolean) || (r(c) as boolean);
    }
  }

  private call(node: CallNode, spec: FunctionSpec): Fn {
    const name = node.name;
    const args: Arg[] = [];
    const slots: number[] = [];
    const parts: Fn[] = [];
    spec.params.forEach((param, i) => {
      const arg = node.args[i]!;
      if (param.kind !== "number") {
        args.push(idArg(arg, param, this.options));
        return;
      }
      const constant = arg.kind === "name" ? lookup(this.language.constants, arg.name)?.value : undefined;
      const fixed = literalValue(arg) ?? (typeof constant === "number" ? constant : undefined);
      args.push(fixed ?? 0);
      if (fixed === undefined) {
        slots.push(i);
        parts.push(this.compile(arg));
      }
    });
    const impl = spec.implementation;
    if (slots.length === 0) {
      const fixedArgs: readonly Arg[] = Object.freeze(args);
      return impl ? () => impl(fixedArgs) : (c) => c.call(name, fixedArgs);
    }
    const n = slots.length;
    return (c) => {
      for (let k = 0; k < n; k++) args[slots[k]!] = parts[k]!(c) as number;
      return impl ? impl(args) : c.call(name, args);
    };
  }
}

function compileChecked(
  ast: Expr,
  language: Language,
  options: CompileOptions,
  expect: "boolean" | "any",
): Fn {
  const source = options.source ?? sourceOf(ast);
  const issues = checkExpression(ast, {}, { language, expect, ...(source === undefined ? {} : { source }) });
  if (issues.length > 0) throw new InputError(issues);
  return new Compiler(language, options).compile(ast);
}

/**
 * A closure computing the expression's value. Checks types first and throws an `InputError` listing every
 * problem; ids are not checked here (use `checkExpression` with the scenario's ids).
 */
export function compileExpression(
  ast: Expr,
  language: Language = DEFAULT_LANGUAGE,
  options: CompileOptions = {},
): CompiledExpression {
  return compileChecked(ast, language, options, "any");
}

/** Like `compileExpression`, for a condition: the expression must be true/false. */
export function compileCondition(
  ast: Expr,
  language: Language = DEFAULT_LANGUAGE,
  options: CompileOptions = {},
): CompiledCondition {
  return compileChecked(ast, language, options, "boolean") as CompiledCondition;
}

/** An action call ready to fire: its name and a function computing its arguments. */
export interface CompiledAction {
  readonly name: string;
  /** Ids as written (or as `resolveId` maps them) and numbers evaluated now; a fresh array each time, since the log keeps it. */
  readonly args: (ctx: EvaluationContext) => Arg[];
}

/** Compiles an action call; throws an `InputError` for an unknown action or bad arguments (ids not checked). */
export function compileAction(
  call: CallNode,
  language: Language = DEFAULT_LANGUAGE,
  options: CompileOptions = {},
): CompiledAction {
  const issues = checkActions(
    [call],
    {},
    { language, ...(options.source === undefined ? {} : { source: options.source }) },
  );
  if (issues.length > 0) throw new InputError(issues);
  const spec = lookup(language.actions, call.name)!;
  const compiler = new Compiler(language, options);
  const parts = spec.params.map((param, i): ((ctx: EvaluationContext) => Arg) => {
    const arg = call.args[i]!;
    if (param.kind !== "number") {
      const id = idArg(arg, param, options);
      return () => id;
    }
    const fn = compiler.compile(arg);
    return (c) => fn(c) as number;
  });
  return { name: call.name, args: (ctx) => parts.map((part) => part(ctx)) };
}
