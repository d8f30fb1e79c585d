/**
 * Static checks of parsed policy text against the language tables and the scenario's ids: unknown
 * functions, actions, names and ids (with the closest known name suggested), argument counts, kinds and
 * ranges, and types (numbers vs true/false values). Returns every issue found, never throws.
 */
import { suggestName } from "../errors/index.js";
import { type CallNode, type Expr, isArithmetic, isComparison } from "./ast.js";
import { sourceOf } from "./parser.js";
import { printExpression } from "./printer.js";
import { issueAt, type LanguageIssue, type Span } from "./span.js";
import {
  DEFAULT_LANGUAGE,
  type KnownIds,
  type Language,
  lookup,
  type ParamSpec,
  type ValueType,
} from "./tables.js";

export interface CheckOptions {
  /** Functions, constants and actions; default `DEFAULT_LANGUAGE`. */
  readonly language?: Language;
  /** Type the whole expression must have: `"boolean"` for a condition (the default), `"number"`, or `"any"`. */
  readonly expect?: ValueType | "any";
  /** Text the tree was parsed from, for caret lines; default: the text `parseExpression` remembered. */
  readonly source?: string;
}

const typeWords = (type: ValueType): string => (type === "number" ? "a number" : "a true/false value");

/** A number written in the text, possibly negated, or undefined for anything computed. */
export function literalValue(node: Expr): number | undefined {
  if (node.kind === "number") return node.value;
  if (node.kind === "unary" && node.op === "-") {
    const inner = literalValue(node.operand);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

/** `spin-boldak` written bare parses as a subtraction of names with no spaces; recover the intended id. */
function dashedId(node: Expr): string | undefined {
  if (node.kind === "name") return node.name;
  if (node.kind === "number") return String(node.value);
  if (node.kind !== "binary" || node.op !== "-") return undefined;
  if (node.opSpan.start !== node.left.span.end || node.opSpan.end !== node.right.span.start) return undefined;
  const left = dashedId(node.left);
  const right = node.right.kind === "name" || node.right.kind === "number" ? dashedId(node.right) : undefined;
  return left === undefined || right === undefined ? undefined : `${left}-${right}`;
}

function rangeWords(param: ParamSpec): string {
  const what = param.integer ? "a whole number" : "a number";
  const unit = param.unit ? ` ${param.unit}` : "";
  const hasMin = param.min !== undefined && param.min !== -Infinity;
  const hasMax = param.max !== undefined && param.max !== Infinity;
  if (hasMin && hasMax) return `${what} of${unit} from ${param.min} to ${param.max}`;
  if (hasMin) return `${what}${unit ? ` of${unit}` : ""} ≥ ${param.min}`;
  if (hasMax) return `${what}${unit ? ` of${unit}` : ""} ≤ ${param.max}`;
  return `${what}${unit ? ` of${unit}` : ""}`;
}

class Checker {
  readonly issues: LanguageIssue[] = [];

  constructor(
    private readonly ids: KnownIds,
    private readonly language: Language,
    private readonly source: string | undefined,
  ) {}

  report(span: Span, code: string, summary: string, suggestion?: string): void {
    this.issues.push(issueAt(this.source, span, code, summary, suggestion));
  }

  /** Type of the node, or undefined once an issue has been reported inside it. */
  infer(node: Expr): ValueType | undefined {
    switch (node.kind) {
      case "number":
        return "number";
      case "boolean":
        return "boolean";
      case "string":
        this.report(
          node.span,
          "id-outside-call",
          `a quoted id such as ${printExpression(node)} only goes inside a function call, e.g. incidents("spin-boldak", 30)`,
        );
        return undefined;
      case "name":
        return this.name(node.name, node.span);
      case "call":
        return this.call(node);
      case "unary": {
        const want: ValueType = node.op === "not" ? "boolean" : "number";
        const type = this.infer(node.operand);
        if (type !== undefined && type !== want) {
          this.report(
            node.operand.span,
            "type-mismatch",
            `"${node.op}" needs ${typeWords(want)}, found ${typeWords(type)}`,
          );
        }
        return want;
      }
      case "binary":
        return this.binary(node);
    }
  }

  private name(name: string, span: Span): ValueType | undefined {
    const constant = lookup(this.language.constants, name);
    if (constant !== undefined) return typeof constant.value === "number" ? "number" : "boolean";
    const fn = lookup(this.language.functions, name);
    if (fn !== undefined) {
      const call = `${name}(${fn.params.map((p) => p.name).join(", ")})`;
      this.report(span, "missing-call", `"${name}" is a function; call it as ${call}`, call);
      return undefined;
    }
    const kind = this.kindOfId(name);
    if (kind !== undefined) {
      const example = this.exampleCall(kind, name);
      this.report(
        span,
        "id-outside-call",
        `"${name}" is a ${kind} id; ids go inside a function call${example ? `, e.g. ${example}` : ""}`,
      );
      return undefined;
    }
    const known = [...Object.keys(this.language.constants), "true", "false"];
    this.report(
      span,
      "unknown-name",
      `unknown name "${name}": expected a number, a function call, true, false or a constant (${Object.keys(this.language.constants).join(", ")})`,
      suggestName(name, known),
    );
    return undefined;
  }

  /** The first id kind whose list holds `id`. */
  private kindOfId(id: string): string | undefined {
    for (const [plural, list] of Object.entries(this.ids)) {
      if (list?.includes(id)) return plural.endsWith("s") ? plural.slice(0, -1) : plural;
    }
    return undefined;
  }

  private exampleCall(kind: string, id: string): string | undefined {
    for (const [name, spec] of Object.entries(this.language.functions)) {
      if (spec.params[0]?.kind !== kind) continue;
      const rest = spec.params.slice(1).map((p) => (p.kind === "number" ? "30" : p.name));
      return `${name}(${[id, ...rest].join(", ")})`;
    }
    return undefined;
  }

  private call(node: CallNode): ValueType | undefined {
    const spec = lookup(this.language.functions, node.name);
    if (spec === undefined) {
      const isAction = lookup(this.language.actions, node.name) !== undefined;
      const summary = isAction
        ? `"${node.name}" is an action; actions go after "then", conditions use functions`
        : `unknown function "${node.name}"`;
      this.report(
        node.nameSpan,
        isAction ? "action-in-condition" : "unknown-function",
        summary,
        isAction ? undefined : suggestName(node.name, Object.keys(this.language.functions)),
      );
      for (const arg of node.args) if (arg.kind !== "name" && arg.kind !== "string") this.infer(arg);
      return undefined;
    }
    this.args(node, spec.params, "function");
    return spec.result;
  }

  /** Checks the arguments of a function or action call against its parameters. */
  args(node: CallNode, params: readonly ParamSpec[], what: "function" | "action"): void {
    const signature = `${node.name}(${params.map((p) => p.name).join(", ")})`;
    if (node.args.length !== params.length) {
      const count = params.length === 1 ? "1 argument" : `${params.length} arguments`;
      this.report(
        node.span,
        "argument-count",
        `${what} ${signature} takes ${count}, found ${node.args.length}`,
      );
    }
    const n = Math.min(node.args.length, params.length);
    for (let i = 0; i < n; i++) this.arg(node, i, params[i]!, signature);
    for (let i = n; i < node.args.length; i++) {
      const extra = node.args[i]!;
      if (extra.kind !== "name" && extra.kind !== "string") this.infer(extra);
    }
  }

  private arg(node: CallNode, index: number, param: ParamSpec, signature: string): void {
    const arg = node.args[index]!;
    const where = `${signature}: argument ${index + 1} (${param.name})`;
    if (param.kind !== "number") {
      this.idArg(arg, param.kind, where);
      return;
    }
    if (arg.kind === "name" && lookup(this.language.constants, arg.name) === undefined) {
      const kind = this.kindOfId(arg.name);
      if (kind !== undefined) {
        this.report(
          arg.span,
          "argument-kind",
          `${where} must be ${rangeWords(param)}, found the ${kind} id "${arg.name}"`,
        );
        return;
      }
    }
    if (arg.kind === "string") {
      this.report(
        arg.span,
        "argument-kind",
        `${where} must be ${rangeWords(param)}, found the quoted id ${printExpression(arg)}`,
      );
      return;
    }
    const type = this.infer(arg);
    if (type === undefined) return;
    if (type !== "number") {
      this.report(arg.span, "argument-type", `${where} must be a number, found ${typeWords(type)}`);
      return;
    }
    // A named constant (a ladder rung, a scenario lever) is fixed for the run, so it serves where a
    // literal is required, and its value is range-checked like one.
    const constant = arg.kind === "name" ? lookup(this.language.constants, arg.name)?.value : undefined;
    const value = literalValue(arg) ?? (typeof constant === "number" ? constant : undefined);
    if (value === undefined) {
      if (param.literal) {
        this.report(
          arg.span,
          "argument-not-literal",
          `${where} must be written as a number, such as 30, not computed`,
        );
      }
      return;
    }
    const outOfRange =
      (param.integer === true && !Number.isInteger(value)) ||
      (param.min !== undefined && value < param.min) ||
      (param.max !== undefined && value > param.max);
    if (outOfRange) {
      const what = literalValue(arg) === undefined ? `"${printExpression(arg)}" = ${value}` : `${value}`;
      this.report(arg.span, "argument-range", `${where} must be ${rangeWords(param)}, found ${what}`);
    }
  }

  private idArg(arg: Expr, kind: string, where: string): void {
    const known = this.ids[`${kind}s`];
    let id: string;
    if (arg.kind === "name" || arg.kind === "string") {
      id = arg.kind === "name" ? arg.name : arg.value;
    } else {
      const dashed = arg.kind === "binary" ? dashedId(arg) : undefined;
      if (dashed !== undefined) {
        const suggestion = known ? (suggestName(dashed, known) ?? `"${dashed}"`) : `"${dashed}"`;
        this.report(
          arg.span,
          "unquoted-id",
          `${where} must be a ${kind} id; an id with dashes is written in quotes, e.g. "${dashed}"`,
          suggestion,
        );
        return;
      }
      const found =
        arg.kind === "number" ? "a number" : arg.kind === "boolean" ? "a true/false value" : "an expression";
      this.report(arg.span, "argument-kind", `${where} must be a ${kind} id, found ${found}`);
      return;
    }
    if (known === undefined || known.includes(id)) return;
    const other = this.kindOfId(id);
    if (other !== undefined) {
      this.report(
        arg.span,
        "wrong-id-kind",
        `${where} must be a ${kind} id, but "${id}" is a ${other}`,
        suggestName(id, known),
      );
      return;
    }
    this.report(arg.span, "unknown-id", `${where}: unknown ${kind} "${id}"`, suggestName(id, known));
  }

  private binary(node: Extract<Expr, { kind: "binary" }>): ValueType | undefined {
    const left = this.infer(node.left);
    const right = this.infer(node.right);
    const mismatch = (side: Expr, found: ValueType, phrase: string) =>
      this.report(
        side.span,
        "type-mismatch",
        `"${node.op}" ${phrase}, found ${typeWords(found)}: ${printExpression(side)}`,
      );
    if (node.op === "and" || node.op === "or") {
      if (left !== undefined && left !== "boolean")
        mismatch(node.left, left, "needs a true/false value on each side");
      if (right !== undefined && right !== "boolean")
        mismatch(node.right, right, "needs a true/false value on each side");
      return "boolean";
    }
    if (isArithmetic(node.op) || (isComparison(node.op) && node.op !== "==" && node.op !== "!=")) {
      const phrase = isArithmetic(node.op) ? "needs a number on each side" : "compares numbers";
      if (left !== undefined && left !== "number") mismatch(node.left, left, phrase);
      if (right !== undefined && right !== "number") mismatch(node.right, right, phrase);
      if (node.op === "/" && literalValue(node.right) === 0) {
        this.report(node.right.span, "division-by-zero", "division by zero");
      }
      return isArithmetic(node.op) ? "number" : "boolean";
    }
    if (left !== undefined && right !== undefined && left !== right) {
      this.report(
        node.span,
        "type-mismatch",
        `"${node.op}" compares two numbers or two true/false values, found ${typeWords(left)} and ${typeWords(right)}`,
      );
    }
    return "boolean";
  }
}

/**
 * Every issue in an expression: unknown functions, names and ids (with suggestions), wrong argument counts,
 * kinds or ranges, and type errors, e.g. `trust(a, b) and 3`. Columns are offsets in the text plus one; the
 * caller adds the file, line and path.
 */
export function checkExpression(ast: Expr, ids: KnownIds = {}, options: CheckOptions = {}): LanguageIssue[] {
  const checker = new Checker(ids, options.language ?? DEFAULT_LANGUAGE, options.source ?? sourceOf(ast));
  const type = checker.infer(ast);
  const expect = options.expect ?? "boolean";
  if (type !== undefined && expect !== "any" && type !== expect) {
    const hint = expect === "boolean" ? "; compare it, e.g. `… < 5`" : "";
    checker.report(
      ast.span,
      "not-a-condition",
      `expected ${typeWords(expect)}, found ${typeWords(type)}${hint}`,
    );
  }
  return checker.issues;
}

/**
 * Every issue in a list of action calls, checked against the action table and the scenario's ids. Caret lines
 * come from `options.source` or the text each call was parsed from.
 */
export interface ActionCheckOptions extends Omit<CheckOptions, "expect"> {
  /**
   * Whether someone takes these actions: true for rules and stages (their policy's actor), false for a
   * forced event that names no actor, where actions that declare `needsActor` are errors. Default true.
   */
  readonly hasActor?: boolean;
}

export function checkActions(
  actions: readonly CallNode[],
  ids: KnownIds = {},
  options: ActionCheckOptions = {},
): LanguageIssue[] {
  const language = options.language ?? DEFAULT_LANGUAGE;
  const issues: LanguageIssue[] = [];
  for (const action of actions) {
    const checker = new Checker(ids, language, options.source ?? sourceOf(action));
    const spec = lookup(language.actions, action.name);
    if (spec === undefined) {
      const isFunction = lookup(language.functions, action.name) !== undefined;
      checker.report(
        action.nameSpan,
        isFunction ? "function-as-action" : "unknown-action",
        isFunction
          ? `"${action.name}" is a function for conditions, not an action`
          : `unknown action "${action.name}"`,
        isFunction ? undefined : suggestName(action.name, Object.keys(language.actions)),
      );
    } else {
      checker.args(action, spec.params, "action");
      if (spec.needsActor && options.hasActor === false) {
        checker.report(
          action.nameSpan,
          "needs-actor",
          `"${action.name}" is done by an actor: give the event an actor (events[].actor)`,
        );
      }
    }
    issues.push(...checker.issues);
  }
  return issues;
}
