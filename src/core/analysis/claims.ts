/**
 * Claims: named statements over outcomes (claim-parser.ts), checked against the known outcomes and
 * policies, then evaluated over a set of futures in which every policy was run (values are paired by
 * future index).
 *
 * A claim is either
 * - per future, e.g. `fatalities[phased-conditional] < fatalities[open-now]`: it holds or fails in each
 *   future; the result is the share of futures where it holds, with a Wilson score interval; or
 * - aggregate, e.g. `P(escalation_cycles[coercive] >= 2) > 0.5`: P(c) is the share of futures where c
 *   holds (with its Wilson interval) and the claim is true or false at the estimate; for a claim of the
 *   form P(c) ⋚ constant the verdict is "uncertain" when the interval of P(c) contains the constant.
 *
 * Futures where an outcome the claim reads is missing (a failed case: NaN) are left out and counted.
 * Where the claim fails, PRIM (prim.ts) on the future's inputs says under which assumptions it breaks:
 * for a per-future claim the futures where it fails; for P(c) ≥ constant (or >) those where c fails, for
 * P(c) ≤ constant (or <) those where c holds; otherwise those where any P's condition fails.
 */
import { InputError, type InputIssue, suggestName } from "../errors/index.js";
import { wilsonInterval } from "./binomial.js";
import { type ClaimIssue, type ClaimNode, ClaimSyntaxError, claimIssue, parseClaim } from "./claim-parser.js";
import { type PrimOptions, type PrimResult, prim } from "./prim.js";

export interface ClaimSpec {
  readonly name: string;
  /** The claim in the claim language. */
  readonly text: string;
  /** Plain-language sentence shown beside the result. */
  readonly sentence?: string;
}

/** Outcome values per policy, paired by future: values(o, p)[f] is outcome o of policy p in future f. */
export interface OutcomeTable {
  readonly futures: number;
  readonly outcomes: readonly string[];
  readonly policies: readonly string[];
  values(outcome: string, policy: string): ArrayLike<number>;
}

export interface ClaimInputs {
  readonly names: readonly string[];
  /** One column per input, one value per future. */
  readonly columns: readonly ArrayLike<number>[];
}

type Level = "future" | "aggregate";
type Type = { readonly value: "number" | "boolean"; readonly level: Level };

/** Parses and type-checks one claim; returns the tree or the issues (with caret messages). */
export function checkClaim(
  text: string,
  known: { readonly outcomes: readonly string[]; readonly policies: readonly string[] },
): { tree?: ClaimNode; issues: ClaimIssue[] } {
  let tree: ClaimNode;
  try {
    tree = parseClaim(text);
  } catch (e) {
    if (e instanceof ClaimSyntaxError) return { issues: [e.issue] };
    throw e;
  }
  const issues: ClaimIssue[] = [];
  const type = typeOf(tree, text, known, issues);
  if (issues.length === 0 && type.value !== "boolean")
    issues.push(
      claimIssue(
        text,
        tree.span,
        "claim-not-boolean",
        "expected a statement that is true or false (a comparison), found a number",
      ),
    );
  return issues.length === 0 ? { tree, issues } : { issues };
}

function typeOf(
  node: ClaimNode,
  text: string,
  known: { readonly outcomes: readonly string[]; readonly policies: readonly string[] },
  issues: ClaimIssue[],
): Type {
  const join = (a: Type, b: Type): Level =>
    a.level === "future" || b.level === "future" ? "future" : "aggregate";
  const want = (t: Type, value: Type["value"], n: ClaimNode, what: string) => {
    if (t.value !== value)
      issues.push(
        claimIssue(
          text,
          n.span,
          "type-mismatch",
          `expected ${what}, found a ${t.value === "number" ? "number" : "true/false statement"}`,
        ),
      );
  };
  switch (node.kind) {
    case "number":
      return { value: "number", level: "aggregate" };
    case "ref": {
      if (!known.outcomes.includes(node.outcome)) {
        const s = suggestName(node.outcome, known.outcomes);
        issues.push(
          claimIssue(
            text,
            node.outcomeSpan,
            "unknown-outcome",
            `unknown outcome "${node.outcome}"; known: ${known.outcomes.join(", ")}`,
            s,
          ),
        );
      }
      if (!known.policies.includes(node.policy)) {
        const s = suggestName(node.policy, known.policies);
        issues.push(
          claimIssue(
            text,
            node.policySpan,
            "unknown-policy",
            `unknown policy "${node.policy}"; known: ${known.policies.join(", ")}`,
            s,
          ),
        );
      }
      return { value: "number", level: "future" };
    }
    case "neg": {
      const t = typeOf(node.arg, text, known, issues);
      want(t, "number", node.arg, "a number after -");
      return { value: "number", level: t.level };
    }
    case "not": {
      const t = typeOf(node.arg, text, known, issues);
      want(t, "boolean", node.arg, "a statement after not");
      return { value: "boolean", level: t.level };
    }
    case "prob":
    case "mean": {
      const t = typeOf(node.arg, text, known, issues);
      if (node.kind === "prob") want(t, "boolean", node.arg, "a statement inside P(…), e.g. P(x[a] > 2)");
      else want(t, "number", node.arg, "a number inside mean(…)");
      if (t.level !== "future")
        issues.push(
          claimIssue(
            text,
            node.arg.span,
            "nothing-per-future",
            `expected something that varies by future inside ${node.kind === "prob" ? "P" : "mean"}(…), e.g. an outcome[policy]`,
          ),
        );
      return { value: "number", level: "aggregate" };
    }
    case "binary": {
      const a = typeOf(node.left, text, known, issues);
      const b = typeOf(node.right, text, known, issues);
      if (node.op === "and" || node.op === "or") {
        want(a, "boolean", node.left, `a statement before "${node.op}"`);
        want(b, "boolean", node.right, `a statement after "${node.op}"`);
        return { value: "boolean", level: join(a, b) };
      }
      want(a, "number", node.left, `a number before "${node.op}"`);
      want(b, "number", node.right, `a number after "${node.op}"`);
      const comparison = ["<", "<=", ">", ">=", "==", "!="].includes(node.op);
      return { value: comparison ? "boolean" : "number", level: join(a, b) };
    }
  }
}

function refsOf(node: ClaimNode, out: { outcome: string; policy: string }[] = []) {
  if (node.kind === "ref") out.push({ outcome: node.outcome, policy: node.policy });
  else if (node.kind === "binary") {
    refsOf(node.left, out);
    refsOf(node.right, out);
  } else if (node.kind !== "number") refsOf(node.arg, out);
  return out;
}

type Value = number | Float64Array;

/** Evaluates over the kept futures; booleans are 0/1. Aggregates reduce a per-future vector to a number. */
function evaluate(
  node: ClaimNode,
  data: Map<string, Float64Array>,
  n: number,
  probs: ProbabilityResult[],
  confidence: number,
): Value {
  const lift = (v: Value, f: (x: number) => number): Value => (typeof v === "number" ? f(v) : v.map(f));
  const both = (a: Value, b: Value, f: (x: number, y: number) => number): Value => {
    if (typeof a === "number" && typeof b === "number") return f(a, b);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++)
      out[i] = f(typeof a === "number" ? a : a[i]!, typeof b === "number" ? b : b[i]!);
    return out;
  };
  switch (node.kind) {
    case "number":
      return node.value;
    case "ref":
      return data.get(`${node.outcome}\u0000${node.policy}`)!;
    case "neg":
      return lift(evaluate(node.arg, data, n, probs, confidence), (x) => -x);
    case "not":
      return lift(evaluate(node.arg, data, n, probs, confidence), (x) => (x ? 0 : 1));
    case "prob":
    case "mean": {
      const v = evaluate(node.arg, data, n, probs, confidence) as Float64Array;
      let s = 0;
      for (let i = 0; i < n; i++) s += v[i]!;
      if (node.kind === "mean") return s / n;
      probs.push({
        span: node.span,
        condition: v,
        estimate: s / n,
        interval: wilsonInterval(s, n, confidence),
      });
      return s / n;
    }
    case "binary": {
      const a = evaluate(node.left, data, n, probs, confidence);
      const b = evaluate(node.right, data, n, probs, confidence);
      switch (node.op) {
        case "+":
          return both(a, b, (x, y) => x + y);
        case "-":
          return both(a, b, (x, y) => x - y);
        case "*":
          return both(a, b, (x, y) => x * y);
        case "/":
          return both(a, b, (x, y) => x / y);
        case "<":
          return both(a, b, (x, y) => (x < y ? 1 : 0));
        case "<=":
          return both(a, b, (x, y) => (x <= y ? 1 : 0));
        case ">":
          return both(a, b, (x, y) => (x > y ? 1 : 0));
        case ">=":
          return both(a, b, (x, y) => (x >= y ? 1 : 0));
        case "==":
          return both(a, b, (x, y) => (x === y ? 1 : 0));
        case "!=":
          return both(a, b, (x, y) => (x !== y ? 1 : 0));
        case "and":
          return both(a, b, (x, y) => (x && y ? 1 : 0));
        case "or":
          return both(a, b, (x, y) => (x || y ? 1 : 0));
      }
    }
  }
}

interface ProbabilityResult {
  readonly span: { start: number; end: number };
  readonly condition: Float64Array;
  readonly estimate: number;
  readonly interval: { low: number; high: number };
}

export interface ClaimResult {
  readonly name: string;
  readonly text: string;
  readonly sentence?: string;
  readonly kind: "per-future" | "aggregate";
  /** Futures evaluated and futures left out for a missing outcome. */
  readonly futures: number;
  readonly excluded: number;
  /** Per-future claims: share of futures where the claim holds. Aggregate claims: 1 or 0 at the estimate. */
  readonly share: number;
  /** Wilson interval of the share (per-future claims), or of the single P(…) of an aggregate claim. */
  readonly interval: { low: number; high: number };
  readonly verdict: "holds" | "fails" | "uncertain" | "share";
  /** Each P(…) in the claim: its text, estimate and interval. */
  readonly probabilities: { text: string; estimate: number; interval: { low: number; high: number } }[];
  /** 1 for each evaluated future in which the claim (or the condition that decides it) fails. */
  readonly failing: Uint8Array;
  /** Indices (into the full set of futures) of the evaluated futures. */
  readonly kept: Int32Array;
  /** PRIM on the failing futures, when inputs were given and the claim fails in some but not all. */
  readonly breaks?: PrimResult;
}

export interface ClaimOptions {
  readonly confidence?: number;
  readonly inputs?: ClaimInputs;
  readonly prim?: PrimOptions;
}

const FLIP: Record<string, string> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=" };

/** Evaluates one claim; throws an InputError (code unknown-outcome, unknown-policy, …) if it does not check. */
export function evaluateClaim(spec: ClaimSpec, table: OutcomeTable, options: ClaimOptions = {}): ClaimResult {
  const checked = checkClaim(spec.text, table);
  if (!checked.tree) throw claimsError([{ spec, index: 0, issues: checked.issues }]);
  const tree = checked.tree;
  const confidence = options.confidence ?? 0.95;
  const refs = refsOf(tree);
  const raw = refs.map((r) => table.values(r.outcome, r.policy));
  const keep: number[] = [];
  for (let f = 0; f < table.futures; f++) if (raw.every((v) => Number.isFinite(v[f]!))) keep.push(f);
  const n = keep.length;
  const data = new Map<string, Float64Array>();
  refs.forEach((r, i) => {
    data.set(
      `${r.outcome}\u0000${r.policy}`,
      Float64Array.from(keep, (f) => raw[i]![f]!),
    );
  });

  const probs: ProbabilityResult[] = [];
  const value = evaluate(tree, data, n, probs, confidence);
  const failing = new Uint8Array(n);
  let kind: ClaimResult["kind"];
  let share: number;
  let interval: { low: number; high: number };
  let verdict: ClaimResult["verdict"];
  if (typeof value !== "number") {
    kind = "per-future";
    let holds = 0;
    for (let i = 0; i < n; i++) {
      holds += value[i]!;
      failing[i] = value[i] ? 0 : 1;
    }
    share = n > 0 ? holds / n : Number.NaN;
    interval = wilsonInterval(holds, n, confidence);
    verdict = "share";
  } else {
    kind = "aggregate";
    share = value;
    verdict = value ? "holds" : "fails";
    interval = probs.length === 1 ? probs[0]!.interval : { low: Number.NaN, high: Number.NaN };
    // P(c) op constant (either side): decide the direction of failure and whether the interval is decisive.
    let direction: "large" | "small" | undefined;
    if (tree.kind === "binary" && FLIP[tree.op]) {
      const [p, c, op] =
        tree.left.kind === "prob" && tree.right.kind === "number"
          ? [tree.left, tree.right.value, tree.op]
          : tree.right.kind === "prob" && tree.left.kind === "number"
            ? [tree.right, tree.left.value, FLIP[tree.op]!]
            : [undefined, Number.NaN, ""];
      if (p) {
        direction = op === ">" || op === ">=" ? "large" : "small";
        const pr = probs[0]!;
        if (pr.interval.low <= c && c <= pr.interval.high) verdict = "uncertain";
      }
    }
    for (const pr of probs)
      for (let i = 0; i < n; i++) {
        const bad = direction === "small" ? pr.condition[i] === 1 : pr.condition[i] === 0;
        if (bad) failing[i] = 1;
      }
  }
  const kept = Int32Array.from(keep);
  let breaks: PrimResult | undefined;
  const fails = failing.reduce((a, b) => a + b, 0);
  if (options.inputs && fails > 0 && fails < n) {
    const columns = options.inputs.columns.map((c) => Float64Array.from(keep, (f) => c[f]!));
    breaks = prim({ names: options.inputs.names, columns, y: failing }, options.prim);
  }
  return {
    name: spec.name,
    text: spec.text,
    ...(spec.sentence !== undefined ? { sentence: spec.sentence } : {}),
    kind,
    futures: n,
    excluded: table.futures - n,
    share,
    interval,
    verdict,
    probabilities: probs.map((p) => ({
      text: spec.text.slice(p.span.start, p.span.end),
      estimate: p.estimate,
      interval: p.interval,
    })),
    failing,
    kept,
    ...(breaks ? { breaks } : {}),
  };
}

function claimsError(found: { spec: ClaimSpec; index: number; issues: ClaimIssue[] }[]): InputError {
  const issues: InputIssue[] = found.flatMap(({ spec, index, issues }) =>
    issues.map((i) => ({
      code: i.code,
      path: `claims[${index}] (${spec.name})`,
      column: i.column,
      message: i.message ?? "",
      ...(i.suggestion ? { suggestion: i.suggestion } : {}),
    })),
  );
  return new InputError(issues);
}

/** Checks every claim against the known outcomes and policies; all issues at once, paths `claims[i] (name)`. */
export function checkClaims(
  specs: readonly ClaimSpec[],
  known: { readonly outcomes: readonly string[]; readonly policies: readonly string[] },
): InputIssue[] {
  const found = specs.map((spec, index) => ({ spec, index, issues: checkClaim(spec.text, known).issues }));
  const bad = found.filter((f) => f.issues.length > 0);
  return bad.length === 0 ? [] : claimsError(bad).issues;
}

/** Evaluates every claim after checking them all (one InputError listing every problem). */
export function evaluateClaims(
  specs: readonly ClaimSpec[],
  table: OutcomeTable,
  options: ClaimOptions = {},
): ClaimResult[] {
  const issues = checkClaims(specs, table);
  if (issues.length > 0) throw new InputError(issues);
  return specs.map((s) => evaluateClaim(s, table, options));
}
