/**
 * Property-based fuzzing of the parsers users feed by hand: scenario files, TNTP networks and trips,
 * the policy language and experiment files. Each input is a seed text mutated by fast-check (bytes
 * flipped, lines cut, duplicated or swapped, values replaced by strings, huge or negative numbers,
 * NaN, keys renamed, the file truncated). The property: the parser either returns a result with no
 * NaN in it, or throws an InputError whose every issue names the file and says where (a line or a
 * field path) — never another exception. `npm test` runs a few hundred cases (test/fuzz/fuzz.test.ts);
 * `npm run fuzz` runs 10,000 per parser and writes FUZZ.md (scripts/fuzz.ts).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { InputError } from "../../src/core/errors/index.js";
import { experimentFileSchema } from "../../src/core/experiment/index.js";
import { parseTntpNet, parseTntpTrips } from "../../src/core/network/tntp.js";
import { compileRule, parseRule } from "../../src/core/policy-language/index.js";
import { loadScenario } from "../../src/core/scenario/index.js";
import { parseDocument } from "../../src/node/explore/load-experiment.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const read = (path: string) => readFileSync(`${ROOT}${path}`, "utf8");

export type Outcome = "valid" | "input-error";

/** What a parser did with one input; throws (fails the property) on anything else. */
export interface Parser {
  name: string;
  /** Seed texts the mutations start from. */
  seeds: string[];
  /** The file name the parser is told, which every issue must name (undefined: no file). */
  file?: string;
  parse(text: string): unknown;
}

/** Every number in a parsed result is finite or deliberately infinite, never NaN. */
function nanPath(value: unknown, path = "", seen = new Set<unknown>()): string | undefined {
  if (typeof value === "number") return Number.isNaN(value) ? path || "(value)" : undefined;
  if (value === null || typeof value !== "object" || seen.has(value)) return undefined;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    const a = value as unknown as ArrayLike<number>;
    for (let i = 0; i < a.length; i++) if (Number.isNaN(a[i])) return `${path}[${i}]`;
    return undefined;
  }
  if (value instanceof Map) {
    for (const [k, v] of value) {
      const p = nanPath(v, `${path}.${String(k)}`, seen);
      if (p) return p;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    const p = nanPath(v, path ? `${path}.${k}` : k, seen);
    if (p) return p;
  }
  return undefined;
}

/**
 * Runs one case: "valid" or "input-error", or throws an Error saying what broke the property (an
 * exception that is not an InputError, an issue without file or position, a NaN in a valid result).
 */
export function check(parser: Parser, text: string): Outcome {
  let result: unknown;
  try {
    result = parser.parse(text);
  } catch (error) {
    if (!(error instanceof InputError))
      throw new Error(
        `${parser.name}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      );
    for (const issue of error.issues) {
      if (parser.file !== undefined && issue.file !== parser.file)
        throw new Error(`${parser.name}: an issue without its file: ${JSON.stringify(issue)}`);
      if (issue.line === undefined && issue.path === undefined && issue.column === undefined)
        throw new Error(
          `${parser.name}: an issue that says neither line nor field: ${JSON.stringify(issue)}`,
        );
    }
    return "input-error";
  }
  const nan = nanPath(result);
  if (nan) throw new Error(`${parser.name}: a valid result with NaN at ${nan}`);
  return "valid";
}

// ---------------------------------------------------------------------------------------------------
// Mutations

const REPLACEMENTS = [
  "NaN",
  "-1",
  "1e400",
  "-1e400",
  "1e308",
  "0",
  "abc",
  '""',
  "null",
  "[]",
  "{}",
  "~",
  "0x10",
  "1/0",
  "é",
  "\u0000",
  "-0",
  "99999999999999999999",
];

type Mutation =
  | { kind: "flip"; at: number; byte: number }
  | { kind: "cut-line"; at: number }
  | { kind: "duplicate-line"; at: number }
  | { kind: "swap-lines"; at: number; with: number }
  | { kind: "replace-value"; at: number; value: string }
  | { kind: "rename-key"; at: number; suffix: string }
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; text: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("cut-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate-line" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap-lines" as const), at: fc.nat(), with: fc.nat() }),
  fc.record({
    kind: fc.constant("replace-value" as const),
    at: fc.nat(),
    value: fc.constantFrom(...REPLACEMENTS),
  }),
  fc.record({
    kind: fc.constant("rename-key" as const),
    at: fc.nat(),
    suffix: fc.constantFrom("x", "_", "Id", "s"),
  }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.constantFrom(
      ...REPLACEMENTS,
      "\n",
      ": ",
      "- ",
      "{",
      "'",
      "&a ",
      "*a",
      "<<: *a\n",
      "!!js/function ",
    ),
  }),
);

function apply(text: string, m: Mutation): string {
  const lines = text.split("\n");
  const line = m.at % Math.max(1, lines.length);
  switch (m.kind) {
    case "flip": {
      const i = m.at % Math.max(1, text.length);
      return text.slice(0, i) + String.fromCharCode(m.byte) + text.slice(i + 1);
    }
    case "cut-line":
      lines.splice(line, 1);
      return lines.join("\n");
    case "duplicate-line":
      lines.splice(line, 0, lines[line] ?? "");
      return lines.join("\n");
    case "swap-lines": {
      const other = m.with % Math.max(1, lines.length);
      [lines[line], lines[other]] = [lines[other] ?? "", lines[line] ?? ""];
      return lines.join("\n");
    }
    case "replace-value":
      // The last number or word after a ':' (YAML) or a space (TNTP) on the line.
      lines[line] = (lines[line] ?? "").replace(/([:\s])(-?[\w.]+)(\s*[,}\]]?\s*;?\s*)$/, `$1${m.value}$3`);
      return lines.join("\n");
    case "rename-key":
      lines[line] = (lines[line] ?? "").replace(/(\w+)(\s*):/, `$1${m.suffix}$2:`);
      return lines.join("\n");
    case "truncate":
      return text.slice(0, m.at % Math.max(1, text.length));
    case "insert": {
      const i = m.at % Math.max(1, text.length);
      return text.slice(0, i) + m.text + text.slice(i);
    }
  }
}

/** A seed text with one to three mutations. */
export function mutated(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: seeds.length - 1 }),
      fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
    )
    .map(([s, ms]) => ms.reduce(apply, seeds[s]!));
}

// ---------------------------------------------------------------------------------------------------
// The parsers

const SIOUX_NET = read("test/fixtures/tntp/SiouxFalls/SiouxFalls_net.tntp");
const SIOUX_TRIPS = read("test/fixtures/tntp/SiouxFalls/SiouxFalls_trips.tntp");
const RULES = [
  "when incidents(pass_zone, 7) >= 3 then close(friendship_gate)",
  "when closed_days(friendship_gate, 14) == 14 and incidents(pass_zone, 14) == 0 then restrict(friendship_gate, 12)",
  "when incidents(pass_zone, 30) > 3 for 14 days then close(friendship_gate); deport(xb, 500)",
  "when trust(xa, xb) < 0.2 or dependence(xb, xa) > 0.5 then suspend_transit(xb)",
];

export const PARSERS: Parser[] = [
  {
    name: "scenario loader",
    seeds: [read("scenarios/examples/two-routes.yaml")],
    file: "fuzz.yaml",
    parse: (text) => loadScenario(text, "fuzz.yaml"),
  },
  {
    name: "TNTP network",
    seeds: [SIOUX_NET],
    file: "fuzz_net.tntp",
    parse: (text) => parseTntpNet(text, "fuzz_net.tntp"),
  },
  {
    name: "TNTP trips",
    seeds: [SIOUX_TRIPS],
    file: "fuzz_trips.tntp",
    parse: (text) => parseTntpTrips(text, "fuzz_trips.tntp", parseTntpNet(SIOUX_NET, "SiouxFalls_net.tntp")),
  },
  {
    name: "policy language",
    seeds: RULES,
    parse: (text) => compileRule(parseRule(text)),
  },
  {
    name: "experiment file",
    seeds: ["ishigami.yaml", "two-routes.yaml", "g-function.yaml", "planted-box.yaml"].map((f) =>
      read(`test/fixtures/explore/${f}`),
    ),
    file: "fuzz-experiment.yaml",
    parse: (text) => parseDocument(experimentFileSchema, text, "fuzz-experiment.yaml"),
  },
];
