/**
 * Rules: `when <condition> [for N days] then <action>; <action>; …`. A rule fires on the day its condition has
 * held for N consecutive days (today included; N = 1 without a `for` clause), and fires again only after
 * the condition has failed and then held for N days anew (`stepStreak`).
 */
import { InputError, suggestName } from "../errors/index.js";
import type { CallNode, Expr } from "./ast.js";
import { checkActions, checkExpression } from "./check.js";
import {
  type CompiledAction,
  type CompiledCondition,
  type CompileOptions,
  compileAction,
  compileCondition,
} from "./compile.js";
import { KEYWORDS } from "./lexer.js";
import { Parser, rememberSource } from "./parser.js";
import { printExpression } from "./printer.js";
import { issueAt, type LanguageIssue, type Span } from "./span.js";
import { DEFAULT_LANGUAGE, type KnownIds, type Language, LEVER_GROUP, lookup } from "./tables.js";

/** An action call such as `restrict(chaman, 12)`: a name, argument expressions and spans. */
export type ActionCall = CallNode;

/** A condition with its optional `for N days` clause, e.g. a stage's benchmark. */
export interface TimedCondition {
  /** The text parsed; spans in `condition` are offsets into it. */
  readonly source: string;
  readonly condition: Expr;
  /** Consecutive days, today included, the condition must hold; 1 when there is no `for` clause. */
  readonly forDays: number;
  /**
   * `for <name> days`: the days are a named constant (a scenario lever), resolved against the language
   * when the condition is checked and compiled; `forDays` is then 1 until resolved.
   */
  readonly forDaysName?: { readonly name: string; readonly span: Span };
}

export interface Rule extends TimedCondition {
  readonly actions: readonly ActionCall[];
}

type ForClause = Pick<TimedCondition, "forDays" | "forDaysName">;

/**
 * Parses `for N days` (or `for 1 day`, or `for <lever> days` with a named constant) when the cursor is on
 * `for`; gives 1 day otherwise.
 */
function forClause(p: Parser): ForClause {
  if (!p.isWord("for")) return { forDays: 1 };
  p.next();
  const count = p.peek();
  const named = count.kind === "name" && !KEYWORDS.includes(count.text);
  if (count.kind !== "number" && !named)
    p.unexpected("a number of days after for, as in for 60 days", "bad-for-days");
  if (!named && (!Number.isInteger(count.value) || count.value < 1)) {
    p.fail(count.span, "bad-for-days", `expected a whole number of days ≥ 1 after for, found ${count.text}`);
  }
  p.next();
  if (!(p.isWord("days") || p.isWord("day"))) p.unexpected(`"days" after for ${count.text}`, "bad-for-days");
  p.next();
  return named
    ? { forDays: 1, forDaysName: { name: count.text, span: count.span } }
    : { forDays: count.value };
}

/**
 * Problems with a `for <name> days` clause: the name must be a numeric constant of the language (a
 * scenario lever) holding a whole number ≥ 1.
 */
export function checkForDays(timed: TimedCondition, language: Language): LanguageIssue[] {
  const named = timed.forDaysName;
  if (named === undefined) return [];
  const constant = lookup(language.constants, named.name);
  if (constant === undefined) {
    const levers = Object.entries(language.constants)
      .filter(([, c]) => typeof c.value === "number" && c.group === LEVER_GROUP)
      .map(([name]) => name);
    return [
      issueAt(
        timed.source,
        named.span,
        "unknown-lever",
        `unknown name "${named.name}" after for: expected a number of days or a lever of the scenario${levers.length > 0 ? ` (${levers.join(", ")})` : " (it has none)"}`,
        suggestName(named.name, levers),
      ),
    ];
  }
  const value = constant.value;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    return [
      issueAt(
        timed.source,
        named.span,
        "bad-for-days",
        `"${named.name}" after for must hold a whole number of days ≥ 1, found ${String(value)}`,
      ),
    ];
  }
  return [];
}

/** The days of a `for` clause, with a named constant resolved (checked by `checkForDays`). */
export function resolveForDays(timed: TimedCondition, language: Language): number {
  const named = timed.forDaysName;
  if (named === undefined) return timed.forDays;
  return lookup(language.constants, named.name)!.value as number;
}

/** Parses `name(args); name(args) …` up to the end of the text; a trailing `;` is allowed. */
function actionList(p: Parser): CallNode[] {
  const actions: CallNode[] = [];
  for (;;) {
    const name = p.peek();
    if (name.kind !== "name" || KEYWORDS.includes(name.text)) {
      p.unexpected("an action such as close(torkham)", "expected-action");
    }
    p.next();
    if (p.peek().kind !== "(") {
      p.fail(
        p.peek().span,
        "expected-action",
        `expected "(" after the action ${name.text}: actions are written like ${name.text}(torkham)`,
      );
    }
    actions.push(p.call(name));
    const sep = p.peek();
    if (sep.kind === "eof") break;
    if (sep.kind === ",") p.fail(sep.span, "action-separator", 'separate actions with ";", not ","', ";");
    if (sep.kind !== ";") p.unexpected('";" between actions, or the end of the rule');
    p.next();
    if (p.peek().kind === "eof") break;
  }
  return actions;
}

/** Parses `<condition> [for N days]`; throws an `InputError` at the first syntax error. */
export function parseTimedCondition(text: string): TimedCondition {
  const p = new Parser(text);
  const condition = p.expression();
  const timed = forClause(p);
  p.expectEnd(
    p.isWord("for") ? "the end of the condition" : 'an operator, "for N days" or the end of the condition',
  );
  rememberSource(condition, text);
  return { source: text, condition, ...timed };
}

/** Parses `action(args); action(args)`, e.g. a stage's actions; throws an `InputError` at the first syntax error. */
export function parseActions(text: string): ActionCall[] {
  const p = new Parser(text);
  if (p.peek().kind === "eof") return [];
  const actions = actionList(p);
  for (const action of actions) rememberSource(action, text);
  return actions;
}

/**
 * Parses a rule, e.g. `when incidents(kp, 30) < 5 for 60 days then open(torkham); restrict(chaman, 12)`.
 * Throws an `InputError` with one caret-style issue at the first syntax error; check names with `checkRule`.
 */
export function parseRule(text: string): Rule {
  const p = new Parser(text);
  if (!p.isWord("when")) p.unexpected('"when" at the start of a rule', "expected-when");
  p.next();
  const condition = p.expression();
  const timed = forClause(p);
  if (!p.isWord("then")) {
    p.unexpected(
      timed.forDays === 1 && !timed.forDaysName
        ? 'an operator, "for N days" or "then"'
        : '"then" before the actions',
      "expected-then",
    );
  }
  p.next();
  if (p.peek().kind === "eof") p.unexpected("an action after then", "expected-action");
  const actions = actionList(p);
  rememberSource(condition, text);
  for (const action of actions) rememberSource(action, text);
  return { source: text, condition, ...timed, actions };
}

export interface RuleCheckOptions {
  /** Default `DEFAULT_LANGUAGE`. */
  readonly language?: Language;
}

/** Every issue in a rule's condition and actions, checked against the language tables and the scenario's ids. */
export function checkRule(rule: Rule, ids: KnownIds = {}, options: RuleCheckOptions = {}): LanguageIssue[] {
  const language = options.language ?? DEFAULT_LANGUAGE;
  return [
    ...checkExpression(rule.condition, ids, { language, source: rule.source }),
    ...checkForDays(rule, language),
    ...checkActions(rule.actions, ids, { language, source: rule.source }),
  ];
}

/** Canonical text of a rule; parsing it gives the same rule (spans aside). */
export function printRule(rule: Rule): string {
  const timed = rule.forDaysName
    ? ` for ${rule.forDaysName.name} days`
    : rule.forDays === 1
      ? ""
      : ` for ${rule.forDays} days`;
  const actions = rule.actions.map(printExpression).join("; ");
  return `when ${printExpression(rule.condition)}${timed} then ${actions}`;
}

export interface CompiledRule {
  readonly rule: Rule;
  readonly condition: CompiledCondition;
  readonly forDays: number;
  readonly actions: readonly CompiledAction[];
}

/** Compiles a rule's condition and actions; throws one `InputError` listing every type or action problem. */
export function compileRule(
  rule: Rule,
  language: Language = DEFAULT_LANGUAGE,
  options: Omit<CompileOptions, "source"> = {},
): CompiledRule {
  const issues = checkRule(rule, {}, { language });
  if (issues.length > 0) throw new InputError(issues);
  const withSource = { ...options, source: rule.source };
  return {
    rule,
    condition: compileCondition(rule.condition, language, withSource),
    forDays: resolveForDays(rule, language),
    actions: rule.actions.map((action) => compileAction(action, language, withSource)),
  };
}

/**
 * One day of a rule's trigger: the streak of consecutive days its condition held, and whether it fires today.
 * It fires when the streak reaches `forDays` exactly, so a condition that keeps holding fires once.
 */
export function stepStreak(
  streak: number,
  holds: boolean,
  forDays: number,
): { streak: number; fires: boolean } {
  const next = holds ? streak + 1 : 0;
  return { streak: next, fires: next === forDays };
}
