/**
 * Checks across the v1 sections: ids unique within their kind, every reference to a zone, actor, policy,
 * project, crossing or zone naming a declared one (with the closest id suggested), pairs of actors given
 * once, and the few checks that involve two numbers or dates (an explosive Hawkes zone, a returns
 * programme ending before it starts). Like `rules.ts`, they read the raw data defensively so they run
 * even when the schema found other problems.
 */
import { suggestName } from "../errors/index.js";
import { MAX_DAYS } from "./fields.js";
import type { DraftIssue } from "./issues.js";
import { formatPath, type PathKey } from "./param.js";
import { type Entry, entries, intervalOf, isEntry, numberOf, text, texts } from "./raw.js";
import { claimIdIn } from "./rules.js";

/** Sections whose entries have ids, with the word used in messages. */
const KINDS = {
  zones: "zone",
  actants: "actant",
  actors: "actor",
  policies: "policy",
  projects: "project",
  returns: "returns programme",
} as const;

type Section = keyof typeof KINDS;

/** Declared ids of one kind: id → its entry and index (the first one, when an id is repeated). */
type Declared = Map<string, { index: number; entry: Entry }>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const plural = (kind: string) => (kind.endsWith("s") ? kind : `${kind}s`);
const round = (x: number) => String(Number(x.toPrecision(4)));

export function checkReferences(data: unknown): DraftIssue[] {
  const issues: DraftIssue[] = [];

  const declare = (section: Section): Declared => {
    const seen = new Map<string, PathKey[]>();
    const out: Declared = new Map();
    for (const [i, entry] of entries(data, section)) {
      const id = text(entry["id"]);
      if (id === undefined) continue;
      const issue = claimIdIn(seen, KINDS[section], [section, i, "id"], id);
      if (issue) issues.push(issue);
      else out.set(id, { index: i, entry });
    }
    return out;
  };
  const zones = declare("zones");
  declare("actants");
  const actors = declare("actors");
  const policies = declare("policies");
  const projects = declare("projects");
  declare("returns");
  const crossingIds = entries(data, "crossings").flatMap(([, c]) => text(c["id"]) ?? []);

  /** Reports `value` at `path` unless it is one of `known`; `kind` names what it should be. */
  const reference = (path: PathKey[], value: unknown, kind: string, known: readonly string[]) => {
    const id = text(value);
    if (id === undefined || known.includes(id)) return;
    const suggestion = suggestName(id, known);
    issues.push({
      code: "dangling-reference",
      path,
      message: `unknown ${kind}`,
      expected:
        known.length === 0
          ? `the id of a declared ${kind}, but the scenario declares no ${plural(kind)}`
          : `the id of a declared ${kind}`,
      found: `"${id}"`,
      ...(suggestion !== undefined && { suggestion }),
    });
  };
  const actorIds = [...actors.keys()];
  const actor = (path: PathKey[], value: unknown) => reference(path, value, "actor", actorIds);
  const zone = (path: PathKey[], value: unknown) => reference(path, value, "zone", [...zones.keys()]);

  // Links and crossings: zones are free labels in files that declare none (format v0), ids otherwise.
  for (const section of ["links", "crossings"] as const) {
    for (const [i, entry] of entries(data, section)) {
      if (zones.size > 0) zone([section, i, "zone"], entry["zone"]);
      reference([section, i, "project"], entry["project"], "project", [...projects.keys()]);
    }
  }

  // Demand owners were free text before actors existed; check them only once actors are declared.
  for (const [i, demand] of entries(data, "demand")) {
    if (actors.size > 0) actor(["demand", i, "owner"], demand["owner"]);
    actor(["demand", i, "transitVia"], demand["transitVia"]);
  }

  for (const [i, z] of entries(data, "zones")) {
    if (isEntry(z["sanctuary"])) actor(["zones", i, "sanctuary", "actor"], z["sanctuary"]["actor"]);
    actor(["zones", i, "perpetrator"], z["perpetrator"]);
    checkBranchingRatio(z, ["zones", i], issues);
  }

  const places = [...crossingIds, ...zones.keys()];
  for (const [i, actant] of entries(data, "actants")) {
    reference(["actants", i, "at"], actant["at"], "crossing or zone", places);
    actor(["actants", i, "owner"], actant["owner"]);
  }

  for (const [i, a] of entries(data, "actors")) {
    const policyId = text(a["policy"]);
    if (policyId === undefined) continue;
    const policy = policies.get(policyId);
    if (policy === undefined) {
      reference(["actors", i, "policy"], policyId, "policy", [...policies.keys()]);
      continue;
    }
    const owner = text(policy.entry["actor"]);
    const self = text(a["id"]);
    if (owner !== undefined && self !== undefined && owner !== self) {
      const own = [...policies].filter(([, p]) => p.entry["actor"] === self).map(([id]) => id);
      const suggestion = suggestName(policyId, own) ?? (own.length === 1 ? own[0] : undefined);
      issues.push({
        code: "policy-of-another-actor",
        path: ["actors", i, "policy"],
        message: `policy "${policyId}" belongs to actor "${owner}" (policies[${policy.index}].actor)`,
        expected: own.length > 0 ? `one of ${self}'s policies: ${own.join(", ")}` : `a policy of "${self}"`,
        found: `"${policyId}"`,
        ...(suggestion !== undefined && { suggestion }),
      });
    }
  }

  for (const [i, policy] of entries(data, "policies")) actor(["policies", i, "actor"], policy["actor"]);

  const pairs = new Map<string, number>();
  for (const [i, relation] of entries(data, "relations")) {
    const [a, b] = [text(relation["a"]), text(relation["b"])];
    actor(["relations", i, "a"], a);
    actor(["relations", i, "b"], b);
    for (const [j, mediator] of texts(relation, "mediators")) {
      actor(["relations", i, "mediators", j], mediator);
      if (mediator === a || mediator === b) {
        issues.push({
          code: "mediator-is-party",
          path: ["relations", i, "mediators", j],
          message: "a mediator stands outside the pair it mediates",
          expected: `an actor other than "${a}" and "${b}"`,
          found: `"${mediator}"`,
        });
      }
    }
    if (a === undefined || b === undefined) continue;
    if (a === b) {
      issues.push({
        code: "self-loop",
        path: ["relations", i, "b"],
        message: "b is the same actor as a",
        expected: `an actor other than "${a}"`,
        found: `"${b}"`,
      });
      continue;
    }
    const key = JSON.stringify([a, b].sort());
    const first = pairs.get(key);
    if (first === undefined) pairs.set(key, i);
    else {
      issues.push({
        code: "duplicate-relation",
        path: ["relations", i],
        message: "each pair of actors has one relation, whatever the order of a and b",
        expected: "a pair not given before",
        found: `"${a}" and "${b}", already given by ${formatPath(["relations", first])}`,
      });
    }
  }

  for (const [i, project] of entries(data, "projects")) {
    for (const [j, sponsor] of texts(project, "sponsors")) actor(["projects", i, "sponsors", j], sponsor);
    const [built, total] = [numberOf(project["builtDays"]), numberOf(project["constructionDays"])];
    if (built !== undefined && total !== undefined && built > total) {
      issues.push({
        code: "out-of-range",
        path: ["projects", i, "builtDays"],
        message: "more days built than the construction takes",
        expected: `a number of days ≤ constructionDays (${total})`,
        found: String(built),
      });
    }
  }

  for (const [i, programme] of entries(data, "returns")) {
    const [from, to] = [text(programme["from"]), text(programme["to"])];
    actor(["returns", i, "from"], from);
    actor(["returns", i, "to"], to);
    if (from !== undefined && from === to) {
      issues.push({
        code: "self-loop",
        path: ["returns", i, "to"],
        message: "to is the same actor as from",
        expected: `an actor other than "${from}"`,
        found: `"${to}"`,
      });
    }
    const [start, end] = [text(programme["start"]), text(programme["end"])];
    if (
      start !== undefined &&
      end !== undefined &&
      ISO_DATE.test(start) &&
      ISO_DATE.test(end) &&
      end < start
    ) {
      issues.push({
        code: "date-order",
        path: ["returns", i, "end"],
        message: "the programme ends before it starts",
        expected: `a date on or after start (${start})`,
        found: end,
      });
    }
  }

  issues.push(...checkEndDate(data));

  for (const [i, event] of entries(data, "events")) {
    actor(["events", i, "actor"], event["actor"]);
    const incident = event["incident"];
    if (isEntry(incident)) {
      zone(["events", i, "incident", "zone"], incident["zone"]);
      actor(["events", i, "incident", "attributedTo"], incident["attributedTo"]);
    }
  }
  return issues;
}

/**
 * A Hawkes process is stationary only when its branching ratio n = α/β < 1 (Hawkes 1971); otherwise
 * incidents grow without bound. Assumed values are checked at the worst corner of their ranges too,
 * since exploration samples anywhere within them.
 */
function checkBranchingRatio(z: Entry, path: PathKey[], issues: DraftIssue[]): void {
  const alpha = numberOf(z["excitationPerDay"]);
  const beta = numberOf(z["decayPerDay"]);
  if (alpha === undefined || beta === undefined || alpha < 0 || beta <= 0) return;
  const expected =
    "a branching ratio excitationPerDay/decayPerDay < 1 (otherwise incidents grow without bound)";
  const at: PathKey[] = [...path, "excitationPerDay"];
  if (alpha / beta >= 1) {
    issues.push({
      code: "branching-ratio",
      path: at,
      message: "explosive incident process",
      expected,
      found: `${alpha}/${beta} = ${round(alpha / beta)}`,
    });
    return;
  }
  const a = intervalOf(z["excitationPerDay"]);
  const b = intervalOf(z["decayPerDay"]);
  if (a === undefined || b === undefined || b[0] <= 0) return;
  if (a[1] / b[0] >= 1) {
    issues.push({
      code: "branching-ratio",
      path: at,
      message: "the assumption ranges allow an explosive incident process",
      expected: `${expected} over the whole ranges`,
      found: `highest excitationPerDay / lowest decayPerDay = ${a[1]}/${b[0]} = ${round(a[1] / b[0])}`,
    });
  }
}

/** Whole days from one ISO date to another (UTC calendar; ISO strings parse the same in every engine). */
const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/**
 * The scenario's end date: it needs a start (the run's default start is the engine's, not the file's,
 * so an end alone would mean a different horizon in every tool), comes after it, and spans at most
 * MAX_DAYS days counting both ends.
 */
function checkEndDate(data: unknown): DraftIssue[] {
  if (!isEntry(data)) return [];
  const [start, end] = [text(data["start"]), text(data["end"])];
  if (end === undefined || !ISO_DATE.test(end)) return [];
  if (start === undefined) {
    return [
      {
        code: "missing-start",
        path: ["end"],
        message: "an end date needs a start date",
        expected: "a start: YYYY-MM-DD before the end date",
        found: "no start",
      },
    ];
  }
  if (!ISO_DATE.test(start)) return [];
  if (end <= start) {
    return [
      {
        code: "date-order",
        path: ["end"],
        message: "the scenario ends on or before its start",
        expected: `a date after start (${start})`,
        found: end,
      },
    ];
  }
  const days = daysBetween(start, end) + 1;
  if (days > MAX_DAYS) {
    return [
      {
        code: "out-of-range",
        path: ["end"],
        message: `the scenario spans more than ${MAX_DAYS} days (100 years)`,
        expected: `an end within ${MAX_DAYS} days of start (${start}), counting both`,
        found: `${end} (${days} days)`,
      },
    ];
  }
  return [];
}
