import { describe, expect, it } from "vitest";
import { InputError } from "../core/errors/index.js";
import { checkNoNul } from "../core/text/index.js";
import { decodeText } from "./decode-text.js";

const utf8 = (text: string) => new TextEncoder().encode(text);

function issueOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues[0]!;
  }
  throw new Error("expected an InputError");
}

describe("decodeText", () => {
  it("decodes UTF-8, accents and a byte-order mark included", () => {
    expect(decodeText(utf8("\uFEFFname: Türkmenbaşy — 1\n"), "s.yaml")).toBe("name: Türkmenbaşy — 1\n");
  });

  it("names the line and column of the first byte that is not UTF-8, after valid multi-byte characters", () => {
    // "é" is two bytes in UTF-8; 0xE9 alone is how Latin-1 writes it.
    const bytes = new Uint8Array([...utf8("a: 1\nnamé: x"), 0xe9, ...utf8("\n")]);
    expect(issueOf(() => decodeText(bytes, "s.yaml"))).toMatchObject({
      code: "bad-text",
      file: "s.yaml",
      line: 2,
      column: 8,
      expected: "UTF-8 text",
    });
  });

  it("rejects a NUL character with its line and column, whether in bytes or in text", () => {
    expect(issueOf(() => decodeText(utf8("a: 1\nb: x\0y\n"), "s.yaml"))).toMatchObject({
      code: "bad-text",
      line: 2,
      column: 5,
    });
    expect(issueOf(() => checkNoNul("\0", "t.tntp"))).toMatchObject({ line: 1, column: 1, file: "t.tntp" });
  });
});
