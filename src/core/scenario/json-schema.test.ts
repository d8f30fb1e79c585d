import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { SCENARIO_SCHEMA_ID, scenarioJsonSchema } from "./index.js";

type Schema = Record<string, unknown>;

const EXAMPLE = parseYaml(
  readFileSync(new URL("../../../scenarios/examples/two-routes.yaml", import.meta.url), "utf8"),
) as Schema;

const ANNOTATIONS = new Set(["$schema", "$id", "title", "description", "default", "format"]);
const ASSERTIONS = new Set([
  "type",
  "properties",
  "required",
  "additionalProperties",
  "anyOf",
  "const",
  "enum",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "pattern",
  "items",
  "prefixItems",
  "minItems",
  "maxItems",
]);
const JSON_TYPES = new Set(["object", "array", "string", "number", "integer", "boolean", "null"]);

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

/**
 * A validator for the part of JSON Schema 2020-12 this schema uses (every keyword it meets must be in
 * ANNOTATIONS or ASSERTIONS, so the check cannot silently skip a rule). Returns the paths that fail.
 */
function validate(schema: Schema | boolean, value: unknown, path = "$"): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: not allowed`];
  const errors: string[] = [];
  const fail = (why: string) => errors.push(`${path}: ${why}`);
  for (const key of Object.keys(schema))
    if (!ANNOTATIONS.has(key) && !ASSERTIONS.has(key)) fail(`keyword ${key}?`);
  const t = typeOf(value);
  if (schema["type"] !== undefined) {
    const types = ([] as unknown[]).concat(schema["type"]);
    if (!types.some((x) => x === t || (x === "number" && t === "integer"))) fail(`type ${t}, want ${types}`);
  }
  if ("const" in schema && JSON.stringify(schema["const"]) !== JSON.stringify(value)) fail("const");
  if (Array.isArray(schema["enum"]) && !schema["enum"].includes(value)) fail("enum");
  if (
    Array.isArray(schema["anyOf"]) &&
    !schema["anyOf"].some((s) => validate(s as Schema, value, path).length === 0)
  )
    fail("anyOf");
  if (typeof value === "number") {
    const n = (k: string) => schema[k] as number | undefined;
    if (n("minimum") !== undefined && value < n("minimum")!) fail("minimum");
    if (n("maximum") !== undefined && value > n("maximum")!) fail("maximum");
    if (n("exclusiveMinimum") !== undefined && value <= n("exclusiveMinimum")!) fail("exclusiveMinimum");
    if (n("exclusiveMaximum") !== undefined && value >= n("exclusiveMaximum")!) fail("exclusiveMaximum");
  }
  if (typeof value === "string") {
    if (typeof schema["minLength"] === "number" && [...value].length < schema["minLength"]) fail("minLength");
    if (typeof schema["pattern"] === "string" && !new RegExp(schema["pattern"], "u").test(value))
      fail("pattern");
  }
  if (Array.isArray(value)) {
    const prefix = (schema["prefixItems"] as Schema[] | undefined) ?? [];
    value.forEach((item, i) => {
      const s = i < prefix.length ? prefix[i] : (schema["items"] as Schema | boolean | undefined);
      if (s !== undefined) errors.push(...validate(s, item, `${path}[${i}]`));
    });
    if (typeof schema["minItems"] === "number" && value.length < schema["minItems"]) fail("minItems");
    if (typeof schema["maxItems"] === "number" && value.length > schema["maxItems"]) fail("maxItems");
  }
  if (t === "object") {
    const obj = value as Schema;
    const props = (schema["properties"] as Record<string, Schema> | undefined) ?? {};
    for (const key of (schema["required"] as string[] | undefined) ?? [])
      if (!(key in obj)) fail(`required ${key}`);
    for (const [key, v] of Object.entries(obj)) {
      if (key in props) errors.push(...validate(props[key]!, v, `${path}.${key}`));
      else if (schema["additionalProperties"] !== undefined)
        errors.push(...validate(schema["additionalProperties"] as Schema | boolean, v, `${path}.${key}`));
    }
  }
  return errors;
}

/** Every sub-schema, with a path, for structural checks. */
function* subschemas(schema: Schema, path = "$"): Generator<[string, Schema]> {
  yield [path, schema];
  for (const [key, child] of Object.entries(schema["properties"] ?? {}))
    yield* subschemas(child, `${path}.${key}`);
  for (const key of ["items", "additionalProperties"]) {
    const child = schema[key];
    if (child !== null && typeof child === "object") yield* subschemas(child as Schema, `${path}/${key}`);
  }
  for (const key of ["anyOf", "prefixItems"]) {
    const list = schema[key];
    if (Array.isArray(list))
      for (const [i, s] of list.entries()) yield* subschemas(s as Schema, `${path}/${key}${i}`);
  }
}

const schema = scenarioJsonSchema();
const props = (s: unknown) => (s as { properties: Record<string, Schema> }).properties;
const itemProps = (key: string) => props((props(schema)[key] as { items: Schema }).items);

describe("scenarioJsonSchema", () => {
  it("declares draft 2020-12 with an id, a title and a description", () => {
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema["$id"]).toBe(SCENARIO_SCHEMA_ID);
    expect(schema["title"]).toBe("Corridor scenario");
    expect(typeof schema["description"]).toBe("string");
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it("is well formed: known keywords, JSON types, required fields that exist", () => {
    for (const [path, s] of subschemas(schema)) {
      for (const key of Object.keys(s))
        expect(ANNOTATIONS.has(key) || ASSERTIONS.has(key), `${path} ${key}`).toBe(true);
      for (const t of ([] as unknown[]).concat(s["type"] ?? []))
        expect(JSON_TYPES.has(t as string), path).toBe(true);
      for (const r of (s["required"] as string[] | undefined) ?? [])
        expect(s["properties"], path).toHaveProperty(r);
      if (s["anyOf"] !== undefined) expect((s["anyOf"] as unknown[]).length, path).toBeGreaterThan(1);
      if (typeof s["pattern"] === "string")
        expect(() => new RegExp(s["pattern"] as string, "u")).not.toThrow();
    }
  });

  it("accepts the two-routes example", () => {
    expect(validate(schema, EXAMPLE)).toEqual([]);
  });

  it("rejects what the parser rejects field by field", () => {
    const broken = structuredClone(EXAMPLE) as Record<
      "links" | "nodes" | "crossings" | "zones" | "actors",
      Schema[]
    >;
    broken.links[1]!["capacity"] = 5;
    broken.links[1]!["capacityVehPerDay"] = -40;
    broken.nodes[0]!["kind"] = "town";
    broken.crossings[0]!["feeUsd"] = { value: 20, assumption: true };
    broken.zones[0]!["linkHitProbability"] = 1.5;
    broken.actors[0]!["kind"] = "country";
    expect(validate(schema, broken)).toEqual([
      "$.nodes[0].kind: enum",
      "$.links[1].capacityVehPerDay: anyOf",
      "$.links[1].capacity: not allowed",
      "$.crossings[0].feeUsd: anyOf",
      "$.zones[0].linkHitProbability: anyOf",
      "$.actors[0].kind: enum",
    ]);
  });

  it("describes every field an author writes", () => {
    const entities = [
      props(schema),
      props(props(schema)["generalizedCost"]),
      itemProps("nodes"),
      itemProps("links"),
      itemProps("crossings"),
      itemProps("demand"),
      ...["zones", "actants", "actors", "policies", "relations", "projects", "returns", "events"].map(
        itemProps,
      ),
      props(itemProps("zones")["sanctuary"]),
      props(itemProps("events")["incident"]),
      props(itemProps("policies")["programme"]),
      props((props(itemProps("policies")["programme"])["stages"] as { items: Schema }).items),
      props(props(schema)["model"]),
      ...Object.values(props(props(schema)["model"])).map(props),
    ];
    for (const fields of entities) {
      for (const [name, field] of Object.entries(fields)) expect(field["description"], name).toMatch(/\w{3}/);
    }
    expect(itemProps("links")["capacityVehPerDay"]!["description"]).toContain("vehicles/day");
    expect(itemProps("zones")["decayPerDay"]!["description"]).toContain("must be < 1");
  });

  it("includes every section of format v1, each optional with an empty default", () => {
    for (const key of [
      "zones",
      "actants",
      "actors",
      "policies",
      "relations",
      "projects",
      "returns",
      "events",
    ]) {
      expect(props(schema)[key]!["default"], key).toEqual([]);
      expect(schema["required"]).not.toContain(key);
    }
    expect(schema["required"]).not.toContain("model");
    expect(props(props(props(schema)["model"])["trust"])["etaDown"]!["default"]).toBe(0.15);
    expect(itemProps("zones")["linkHitProbability"]!["default"]).toBe(0.05);
    expect(itemProps("relations")["ladder"]!["default"]).toBe("normal");
  });

  it("gives defaults as plain values an editor can insert", () => {
    expect(itemProps("links")["bprB"]!["default"]).toBe(0.15);
    expect(itemProps("links")["bprPower"]!["default"]).toBe(4);
    expect(itemProps("links")["bidirectional"]!["default"]).toBe(true);
    expect(itemProps("crossings")["status"]!["default"]).toBe("open");
    expect(itemProps("demand")["growthPerYear"]!["default"]).toBe(0);
    expect(props(props(schema)["generalizedCost"])["valueOfTimeUsdPerHour"]!["default"]).toBe(10);
    expect(props(schema)["links"]!["default"]).toEqual([]);
    expect(itemProps("links")["capacityVehPerDay"]).not.toHaveProperty("default");
  });

  it("returns a fresh copy each call", () => {
    const a = scenarioJsonSchema();
    a["title"] = "changed";
    expect(scenarioJsonSchema()["title"]).toBe("Corridor scenario");
  });
});
