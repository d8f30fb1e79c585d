/**
 * Checks that need the whole file: unique ids, references to declared nodes, crossings between two
 * countries, restricted hours, demand between zones. They read the raw data defensively, so they run
 * even when the schema found other problems and every issue of a file is reported at once.
 */
import { suggestName } from "../errors/index.js";
import type { DraftIssue } from "./issues.js";
import { formatPath, type PathKey } from "./param.js";
import { type Entry, entries, text } from "./raw.js";

/**
 * Records `id` (found at `path`, the path of its `id` field) in `seen`, or returns the issue for an id
 * already used by another `what` there.
 */
export function claimIdIn(
  seen: Map<string, PathKey[]>,
  what: string,
  path: PathKey[],
  id: string,
): DraftIssue | undefined {
  const first = seen.get(id);
  if (first === undefined) {
    seen.set(id, path.slice(0, -1));
    return undefined;
  }
  return {
    code: "duplicate-id",
    path,
    message: `duplicate ${what} id`,
    expected: `an id not used by another ${what}`,
    found: `"${id}", already used by ${formatPath(first)}`,
  };
}

export function checkRules(data: unknown): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const nodes = new Map<string, { entry: Entry; index: number }>();

  const claimId = (seen: Map<string, PathKey[]>, what: string, path: PathKey[], id: string) => {
    const issue = claimIdIn(seen, what, path, id);
    if (issue) issues.push(issue);
  };

  const nodeIds = new Map<string, PathKey[]>();
  for (const [i, node] of entries(data, "nodes")) {
    const id = text(node["id"]);
    if (id === undefined) continue;
    claimId(nodeIds, "node", ["nodes", i, "id"], id);
    if (!nodes.has(id)) nodes.set(id, { entry: node, index: i });
    if (node["noThrough"] === true && node["zone"] !== true) {
      issues.push({
        code: "not-a-zone",
        path: ["nodes", i, "noThrough"],
        message: 'noThrough applies only to demand zones; add "zone: true" or remove noThrough',
      });
    }
  }
  const known = [...nodes.keys()];

  const checkRef = (path: PathKey[], ref: unknown): Entry | undefined => {
    const id = text(ref);
    if (id === undefined) return undefined;
    const node = nodes.get(id);
    if (node) return node.entry;
    const suggestion = suggestName(id, known);
    issues.push({
      code: "dangling-reference",
      path,
      message: "unknown node",
      expected: "the id of a declared node",
      found: `"${id}"`,
      ...(suggestion !== undefined && { suggestion }),
    });
    return undefined;
  };

  const checkEnds = (path: PathKey[], fromKey: string, toKey: string, entry: Entry) => {
    const from = checkRef([...path, fromKey], entry[fromKey]);
    const to = checkRef([...path, toKey], entry[toKey]);
    if (text(entry[fromKey]) !== undefined && entry[fromKey] === entry[toKey]) {
      issues.push({
        code: "self-loop",
        path: [...path, toKey],
        message: `${toKey} is the same node as ${fromKey}`,
        expected: `a node other than "${text(entry[fromKey])}"`,
        found: `"${text(entry[toKey])}"`,
      });
    }
    return { from, to };
  };

  // Links and crossings share one id space: both are links of the graph, and policies name either.
  const linkIds = new Map<string, PathKey[]>();
  for (const [i, link] of entries(data, "links")) {
    const id = text(link["id"]);
    if (id !== undefined) claimId(linkIds, "link or crossing", ["links", i, "id"], id);
    checkEnds(["links", i], "from", "to", link);
  }

  for (const [i, crossing] of entries(data, "crossings")) {
    const id = text(crossing["id"]);
    if (id !== undefined) claimId(linkIds, "link or crossing", ["crossings", i, "id"], id);
    const { from, to } = checkEnds(["crossings", i], "from", "to", crossing);
    const [a, b] = [text(from?.["country"]), text(to?.["country"])];
    if (a !== undefined && a === b && crossing["from"] !== crossing["to"]) {
      issues.push({
        code: "crossing-same-country",
        path: ["crossings", i, "to"],
        message: "a crossing joins two countries",
        expected: `a node outside ${a} (from "${text(crossing["from"])}" is in ${a})`,
        found: `"${text(crossing["to"])}" in ${b}`,
      });
    }
    const restricted = crossing["status"] === "restricted";
    const hasHours = crossing["hoursOpenPerDay"] !== undefined;
    if (restricted && !hasHours) {
      issues.push({
        code: "missing-field",
        path: ["crossings", i, "hoursOpenPerDay"],
        message: "a restricted crossing needs hoursOpenPerDay",
        expected: "a positive number ≤ 24 (hours/day)",
        found: "nothing",
      });
    } else if (!restricted && hasHours) {
      issues.push({
        code: "not-applicable",
        path: ["crossings", i, "hoursOpenPerDay"],
        atKey: true,
        message: `hoursOpenPerDay applies only to restricted crossings (status is ${JSON.stringify(crossing["status"] ?? "open")})`,
      });
    }
  }

  for (const [i, demand] of entries(data, "demand")) {
    const { from, to } = checkEnds(["demand", i], "origin", "destination", demand);
    for (const [key, node] of [
      ["origin", from],
      ["destination", to],
    ] as const) {
      if (node && node["zone"] !== true) {
        issues.push({
          code: "not-a-zone",
          path: ["demand", i, key],
          message: `node "${text(demand[key])}" is not a demand zone; add "zone: true" to it`,
        });
      }
    }
  }
  return issues;
}
