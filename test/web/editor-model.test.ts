import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  completionsAt,
  cursorContext,
  ITEM,
  issueRanges,
  type SchemaNode,
  schemaAt,
} from "../../web/src/editor-model.js";

const schema = JSON.parse(
  readFileSync(new URL("../../corridor.schema.json", import.meta.url), "utf8"),
) as SchemaNode;

/** Splits a document at its `|` (the cursor). */
function at(doc: string): [string, number] {
  const offset = doc.indexOf("|");
  return [doc.slice(0, offset) + doc.slice(offset + 1), offset];
}
const labels = (doc: string) => completionsAt(schema, ...at(doc))?.options.map((o) => o.label) ?? [];

describe("cursor context from YAML text", () => {
  it("reads the block path through mappings and sequence items", () => {
    const ctx = cursorContext(...at("name: x\nlinks:\n  - id: a\n    from: b\n    ca|\n"));
    expect(ctx).toMatchObject({ path: ["links", ITEM], role: "key", word: "ca" });
    expect([...ctx!.siblings].sort()).toEqual(["from", "id"]);
  });

  it("reads the path on a line that starts an item, without the previous item's keys", () => {
    const ctx = cursorContext(...at("links:\n  - id: a\n    from: b\n  - |\n"));
    expect(ctx).toMatchObject({ path: ["links", ITEM], role: "key", word: "" });
    expect(ctx!.siblings.size).toBe(0);
  });

  it("reads a value position after `key: `", () => {
    expect(cursorContext(...at("nodes:\n  - id: a\n    kind: ci|"))).toMatchObject({
      path: ["nodes", ITEM],
      role: "value",
      key: "kind",
      word: "ci",
    });
  });

  it("reads flow mappings opened on the cursor's line", () => {
    expect(cursorContext(...at("links:\n  - id: a\n    lengthKm: {value: 3, so|"))).toMatchObject({
      path: ["links", ITEM, "lengthKm"],
      role: "key",
      word: "so",
    });
    expect([...cursorContext(...at("links:\n  - lengthKm: {value: 3, |"))!.siblings]).toEqual(["value"]);
  });

  it("skips blank and comment lines above, and offers nothing inside a comment or a string value", () => {
    expect(cursorContext(...at("nodes:\n  - id: a\n\n    # a comment\n    |"))?.path).toEqual([
      "nodes",
      ITEM,
    ]);
    expect(cursorContext(...at("name: x # not here|"))).toBeUndefined();
    expect(cursorContext(...at("name: some text|"))).toBeUndefined();
  });
});

describe("schema completion", () => {
  it("offers the top-level fields of the scenario format with their descriptions", () => {
    const result = completionsAt(schema, ...at("name: x\nno|"));
    expect(result?.from).toBe(8);
    expect(result?.options.map((o) => o.label)).toEqual(["nodes"]);
    expect(result?.options[0]?.info).toMatch(/./);
    expect(labels("|")).toEqual(expect.arrayContaining(["links", "crossings", "hypotheses", "actors"]));
    expect(labels("|")).not.toContain("$schema");
  });

  it("offers a link's fields, leaving out those already written", () => {
    const offered = labels("links:\n  - id: a\n    from: b\n    |\n    mode: road\n");
    expect(offered).toEqual(expect.arrayContaining(["to", "capacityVehPerDay", "lengthKm"]));
    expect(offered).not.toContain("from");
    expect(offered).not.toContain("mode");
    expect(offered).not.toContain("id");
  });

  it("offers the enum values of a field and booleans", () => {
    expect(labels("nodes:\n  - id: a\n    kind: |")).toEqual(
      expect.arrayContaining(["city", "port", "dry-port", "junction"]),
    );
    expect(labels("nodes:\n  - id: a\n    kind: d|")).toEqual(["dry-port"]);
    expect(labels("links:\n  - id: a\n    bidirectional: |")).toEqual(["true", "false"]);
  });

  it("offers the keys of a cited number and of an assumption inside braces", () => {
    expect(labels("links:\n  - lengthKm: {value: 3, |")).toEqual(
      expect.arrayContaining(["source", "date", "assumption", "range", "note"]),
    );
  });

  it("follows records (additionalProperties) such as levers", () => {
    expect(labels("levers:\n  myThreshold:\n    |")).toEqual(expect.arrayContaining(["value", "source"]));
  });

  it("offers nothing where the path leaves the schema", () => {
    expect(completionsAt(schema, ...at("nonsense:\n  |"))).toBeUndefined();
    expect(schemaAt(schema, ["links", "x"])).toEqual([]);
  });
});

describe("problems placed on the text", () => {
  const text = "name: x\nlinks:\n  - id: a\n    lengthKm: lots\n";

  it("underlines the word at the issue's column, with the message without the file name", () => {
    const [range] = issueRanges(text, [
      {
        code: "not-a-number",
        file: "s.yaml",
        line: 4,
        column: 15,
        path: "links[0].lengthKm",
        found: '"lots"',
      },
    ]);
    expect(range).toMatchObject({
      line: 4,
      message: expect.stringMatching(/^line 4:15: links\[0\]\.lengthKm: found "lots"/),
    });
    expect(text.slice(range!.from, range!.to)).toBe("lots");
    expect(range!.message).not.toContain("s.yaml");
  });

  it("covers the line's content when no column is known, clamps lines past the end, skips issues without a line", () => {
    const ranges = issueRanges(text, [
      { code: "x", line: 3 },
      { code: "y", line: 99, column: 1 },
      { code: "z", message: "no place" },
    ]);
    expect(ranges.map((r) => text.slice(r.from, r.to))).toEqual(["- id: a", ""]);
    expect(ranges[1]!.line).toBe(5);
  });
});
