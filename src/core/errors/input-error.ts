import { closest, distance } from "fastest-levenshtein";

/**
 * One problem found in a user's input (a scenario file, a TNTP file, a flag, a condition).
 * Failures are data first: parsers collect `InputIssue`s and throw one `InputError` holding all of them,
 * so a user sees every problem in a file at once.
 */
export interface InputIssue {
  /** Stable machine-readable kind, e.g. "unknown-field", "dangling-reference", "not-a-number". Tests assert on this. */
  code: string;
  /** File the problem is in, as the user named it. */
  file?: string;
  /** 1-based line and column, when known. */
  line?: number;
  column?: number;
  /** Path inside a structured document, e.g. "links[3].capacity". */
  path?: string;
  /** What was expected and what was found, in plain words. */
  expected?: string;
  found?: string;
  /** Closest valid name for a typo, when one is near enough. */
  suggestion?: string;
  /** Free text when expected/found do not fit. */
  message?: string;
}

/** Formats one issue on one line: `file:line:col: path: expected X, found Y (did you mean "Z"?)`. */
export function formatIssue(issue: InputIssue): string {
  let where = issue.file ?? "";
  if (issue.line !== undefined) where += `${where ? ":" : "line "}${issue.line}`;
  if (issue.column !== undefined && issue.line !== undefined) where += `:${issue.column}`;
  const parts: string[] = [];
  if (where) parts.push(where);
  if (issue.path) parts.push(issue.path);
  let text = issue.message ?? "";
  if (issue.expected !== undefined || issue.found !== undefined) {
    const ef = [
      issue.expected !== undefined ? `expected ${issue.expected}` : "",
      issue.found !== undefined ? `found ${issue.found}` : "",
    ]
      .filter(Boolean)
      .join(", ");
    text = text ? `${text}: ${ef}` : ef;
  }
  if (issue.suggestion) text += ` (did you mean "${issue.suggestion}"?)`;
  parts.push(text);
  return parts.join(": ");
}

/** A user mistake. The CLI prints `message` (one line per issue) and exits with code 2, never a stack trace. */
export class InputError extends Error {
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[] | InputIssue) {
    const list = Array.isArray(issues) ? issues : [issues];
    super(list.map(formatIssue).join("\n"));
    this.name = "InputError";
    this.issues = list;
  }
}

/** Closest known name to a typo, or undefined when nothing is near (edit distance over a third of the length). */
export function suggestName(typo: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(typo, known as string[]);
  const limit = Math.max(2, Math.ceil(typo.length / 3));
  return distance(typo, best) <= limit ? best : undefined;
}
