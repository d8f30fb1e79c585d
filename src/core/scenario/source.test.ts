import { describe, expect, it } from "vitest";
import { readSource } from "./source.js";

describe("reading scenario text", () => {
  it("supports YAML merge keys, so shared settings can be written once", () => {
    const read = readSource(
      "base: &road { mode: road, lengthKm: 10 }\nlink:\n  <<: *road\n  lengthKm: 12\n",
      "m.yaml",
    );
    expect(read.ok).toBe(true);
    if (read.ok)
      expect(read.source.data).toEqual({
        base: { mode: "road", lengthKm: 10 },
        link: { mode: "road", lengthKm: 12 },
      });
  });

  it("never evaluates a tag as code: !!js/function is reported at its line, not turned into a function", () => {
    const read = readSource("name: ok\nf: !!js/function 'function () { return 1 }'\n", "t.yaml");
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.issues).toEqual([
        expect.objectContaining({ code: "yaml-unknown-tag", file: "t.yaml", line: 2, column: 4 }),
      ]);
      expect(read.issues[0]!.message).toContain("unknown YAML tag !!js/function");
    }
  });

  it("keeps the standard tags that only say a scalar's type", () => {
    const read = readSource("a: !!str 12\nb: !!int '7'\n", "s.yaml");
    expect(read.ok && read.source.data).toEqual({ a: "12", b: 7 });
  });
});
