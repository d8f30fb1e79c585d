/**
 * Checks of the `hypotheses` section after the schema: an unknown hypothesis name is reported as such
 * (the schema already suggests the closest), and every zone, actor, actant or crossing a hypothesis
 * names must be declared, with the closest id suggested.
 */
import { suggestName } from "../../errors/index.js";
import type { DraftIssue } from "../issues.js";
import { entries, isEntry, text } from "../raw.js";
import type { HypothesisSpec, ReferenceKind } from "./spec.js";

const SECTION_OF: Record<ReferenceKind, string> = {
  zone: "zones",
  actor: "actors",
  actant: "actants",
  crossing: "crossings",
};

export function checkHypotheses(data: unknown, specs: readonly HypothesisSpec[]): DraftIssue[] {
  const section = isEntry(data) ? data["hypotheses"] : undefined;
  if (!isEntry(section)) return [];
  const issues: DraftIssue[] = [];
  const ids = (kind: ReferenceKind) =>
    entries(data, SECTION_OF[kind]).flatMap(([, e]) => text(e["id"]) ?? []);
  for (const spec of specs) {
    const entry = section[spec.key];
    if (!isEntry(entry) || !spec.references) continue;
    for (const ref of spec.references(entry)) {
      const id = text(ref.value);
      if (id === undefined) continue;
      const known = ids(ref.kind);
      if (known.includes(id)) continue;
      const suggestion = suggestName(id, known);
      issues.push({
        code: "dangling-reference",
        path: ["hypotheses", spec.key, ...ref.path],
        message: `unknown ${ref.kind}`,
        expected: `the id of a declared ${ref.kind}`,
        found: `"${id}"`,
        ...(suggestion !== undefined && { suggestion }),
      });
    }
  }
  return issues;
}

/** Renames the schema's "unknown field" directly under `hypotheses` to an unknown hypothesis. */
export function renameUnknownHypotheses(drafts: DraftIssue[]): DraftIssue[] {
  return drafts.map((d) =>
    d.code === "unknown-field" && d.path.length === 2 && d.path[0] === "hypotheses"
      ? {
          ...d,
          code: "unknown-hypothesis",
          message: `unknown hypothesis "${String(d.path[1])}"`,
          expected: `a hypothesis name: ${d.expected?.replace(/^one of /, "") ?? ""}`,
        }
      : d,
  );
}
