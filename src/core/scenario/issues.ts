/**
 * Turns zod's issues into Corridor's `InputIssue` vocabulary: a stable code, the path, what was
 * expected (with the unit from the field name) and what was found, and a suggestion for typos.
 * Positions are added later by the caller, which knows the source text.
 */
import type { z } from "zod";
import { suggestName } from "../errors/index.js";
import { describeFound, describeSchema, objectKeys, schemaAt, unitOf, valueAt } from "./describe.js";
import type { PathKey } from "./param.js";

/**
 * An issue before it has a file and position. `atKey` points at the field name rather than its value;
 * `offset` at that character of a text value (an error inside a policy rule).
 */
export interface DraftIssue {
  code: string;
  path: PathKey[];
  atKey?: boolean;
  offset?: number;
  message?: string;
  expected?: string;
  found?: string;
  suggestion?: string;
}

/** Field names people reach for that this format spells differently; suggested before edit distance. */
const SYNONYMS: Record<string, string> = {
  edges: "links",
  roads: "links",
  borders: "crossings",
  trips: "demand",
  flows: "demand",
  od: "demand",
  km: "lengthKm",
  toll: "feeUsd",
  tollUsd: "feeUsd",
  freeFlowTime: "freeFlowHours",
  latitude: "lat",
  longitude: "lon",
  lng: "lon",
};

type ZodIssue = z.core.$ZodIssue;

export function fromZodIssues(issues: readonly ZodIssue[], root: z.ZodType, data: unknown): DraftIssue[] {
  const out: DraftIssue[] = [];
  for (const issue of issues) convert(issue, [], root, data, out);
  return out;
}

/** Closest field name: a case slip, a known synonym, a name the typo begins (`length` → `lengthKm`), else edit distance. */
function suggestField(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const exact = known.find((k) => k.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const synonym = SYNONYMS[key];
  if (synonym !== undefined && known.includes(synonym)) return synonym;
  if (key.length >= 3) {
    const extended = known
      .filter((k) => k.toLowerCase().startsWith(lower))
      .sort((a, b) => a.length - b.length);
    if (extended[0] !== undefined) return extended[0];
  }
  return suggestName(key, known);
}

function convert(
  issue: ZodIssue,
  prefix: PathKey[],
  root: z.ZodType,
  data: unknown,
  out: DraftIssue[],
): void {
  const path = [...prefix, ...(issue.path as PathKey[])];
  const found = valueAt(data, path);
  const expectedHere = (forms = false) =>
    describeSchema(schemaAt(root, path, data), { forms, unit: unitOf(path) });
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = objectKeys(schemaAt(root, path, data), found.value);
      for (const key of issue.keys) {
        const suggestion = suggestField(key, known);
        out.push({
          code: "unknown-field",
          path: [...path, key],
          atKey: true,
          message: `unknown field "${key}"`,
          expected: `one of ${known.join(", ")}`,
          ...(suggestion !== undefined && { suggestion }),
        });
      }
      return;
    }
    case "invalid_type":
      if (!found.present || found.value === undefined) {
        out.push({
          code: "missing-field",
          path,
          message: "missing required field",
          expected: expectedHere(true),
        });
      } else {
        const empty = path.length === 0 && found.value === null;
        out.push({
          code: "wrong-type",
          path,
          expected: expectedHere(true),
          found: empty ? "an empty file" : describeFound(found),
        });
      }
      return;
    case "too_small":
    case "too_big":
      if (issue.origin === "number" || issue.origin === "int") {
        out.push({ code: "out-of-range", path, expected: expectedHere(), found: describeFound(found) });
      } else if (issue.origin === "array" && issue.code === "too_small") {
        out.push({ code: "too-few-items", path, expected: issue.message, found: describeFound(found) });
      } else if (issue.origin === "string") {
        out.push({ code: "invalid-format", path, expected: "non-empty text", found: describeFound(found) });
      } else {
        out.push({ code: "wrong-type", path, expected: expectedHere(), found: describeFound(found) });
      }
      return;
    case "invalid_value": {
      const values = issue.values.map((v) => JSON.stringify(v));
      const suggestion =
        typeof found.value === "string"
          ? suggestName(
              found.value,
              issue.values.filter((v): v is string => typeof v === "string"),
            )
          : undefined;
      out.push({
        code: "invalid-value",
        path,
        expected: values.length === 1 ? values[0]! : `one of ${values.join(", ")}`,
        found: describeFound(found),
        ...(suggestion !== undefined && { suggestion }),
      });
      return;
    }
    case "invalid_format":
      out.push({ code: "invalid-format", path, expected: issue.message, found: describeFound(found) });
      return;
    case "invalid_union": {
      if (!found.present || found.value === undefined) {
        out.push({
          code: "missing-field",
          path,
          message: "missing required field",
          expected: expectedHere(true),
        });
        return;
      }
      const branch = chooseBranch(issue.errors);
      if (branch) for (const inner of branch) convert(inner, path, root, data, out);
      else out.push({ code: "wrong-type", path, expected: expectedHere(true), found: describeFound(found) });
      return;
    }
    case "custom": {
      const params = (issue.params ?? {}) as { code?: string; expected?: string; found?: string };
      out.push({
        code: params.code ?? "invalid",
        path,
        message: issue.message,
        ...(params.expected !== undefined && { expected: params.expected }),
        ...(params.found !== undefined && { found: params.found }),
      });
      return;
    }
    default:
      out.push({ code: "invalid", path, message: issue.message, found: describeFound(found) });
  }
}

/**
 * The union option the author evidently meant: drop options whose type did not even match, then keep
 * the one with the fewest problems. A tie means the intent is unclear, and the caller reports the
 * union as a whole.
 */
function chooseBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] | undefined {
  const plausible = branches.filter((b) => !b.some((i) => i.code === "invalid_type" && i.path.length === 0));
  if (plausible.length === 0) return undefined;
  const fewest = Math.min(...plausible.map(weight));
  const best = plausible.filter((b) => weight(b) === fewest);
  return best.length === 1 ? best[0] : undefined;
}

/** Problems in a branch, counting each unknown key once. */
function weight(branch: readonly ZodIssue[]): number {
  return branch.reduce((n, i) => n + (i.code === "unrecognized_keys" ? i.keys.length : 1), 0);
}
