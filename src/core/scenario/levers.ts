/**
 * Levers: the numbers that set a policy's behaviour (thresholds, rates, durations), named once in the
 * scenario's `levers` section with their source or range, and referred to by name in policy text:
 *
 *   levers:
 *     return_rate: { value: 2500, source: "UNHCR …", date: 2025 }
 *     reopen_after_days: { value: 60, assumption: true, range: [30, 120] }
 *   policies:
 *     - rules: ["when closed_days(torkham, 60) >= reopen_after_days then open(torkham)"]
 *
 * A lever is a named constant of the policy language for the run (`withLevers`), so exploration can
 * sample it like any other parameter and a comparison never turns on a number hidden in text.
 */
import { z } from "zod";
import { DEFAULT_LANGUAGE, KEYWORDS, lookup } from "../policy-language/index.js";
import type { DraftIssue } from "./issues.js";
import { param } from "./param.js";
import { entries, isEntry, numberOf } from "./raw.js";

/** A lever's name is a bare name of the policy language: letters, digits and `_`, not a digit first. */
const LEVER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const leversSchema = z
  // Names are checked after parsing (checkLeverNames), with a message that says why.
  .record(z.string(), param(z.number()))
  .default({})
  .describe(
    "Named numbers that policy text refers to by name (thresholds, rates, durations), each cited or assumed with a range so exploration can sample it. Default {}.",
  );

/** The levers' values as written in raw data (a bare number or `{ value }`), for checking policy text. */
export function rawLevers(data: unknown): Record<string, number> {
  const raw = isEntry(data) ? data["levers"] : undefined;
  if (!isEntry(raw)) return {};
  const out: Record<string, number> = {};
  for (const [name, v] of Object.entries(raw)) {
    const value = numberOf(v);
    if (value !== undefined && LEVER_NAME.test(name)) out[name] = value;
  }
  return out;
}

/** Lever names that would shadow a word of the policy language, or an id policy text names bare. */
export function checkLeverNames(data: unknown): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const ids = new Map<string, string>();
  for (const section of ["zones", "actors", "crossings", "projects"]) {
    for (const [, e] of entries(data, section)) if (typeof e["id"] === "string") ids.set(e["id"], section);
  }
  const raw = isEntry(data) && isEntry(data["levers"]) ? data["levers"] : {};
  for (const name of Object.keys(raw)) {
    if (!LEVER_NAME.test(name)) {
      issues.push({
        code: "bad-lever-name",
        path: ["levers", name],
        atKey: true,
        message: `lever name "${name}" must be letters, digits and _, not starting with a digit, so policy text can write it bare`,
      });
      continue;
    }
    const clash = KEYWORDS.includes(name)
      ? "a keyword"
      : lookup(DEFAULT_LANGUAGE.functions, name)
        ? "a function"
        : lookup(DEFAULT_LANGUAGE.actions, name)
          ? "an action"
          : lookup(DEFAULT_LANGUAGE.constants, name)
            ? "a constant of the language"
            : ids.has(name)
              ? `an id in ${ids.get(name)}`
              : undefined;
    if (clash === undefined) continue;
    issues.push({
      code: "lever-name-taken",
      path: ["levers", name],
      atKey: true,
      message: `lever "${name}" has the name of ${clash} of the policy language; give it another name`,
    });
  }
  return issues;
}
