import { describe, expect, it } from "vitest";
import { murmur3, utf8Bytes } from "./murmur3.js";
import { philox4x32 } from "./philox.js";

const hex = (words: Uint32Array) => Array.from(words, (w) => w.toString(16).padStart(8, "0"));

describe("Philox4x32-10", () => {
  // Known-answer vectors from Random123's tests/kat_vectors (Salmon et al. 2011): counter, key → output.
  const vectors: [number[], number[], string[]][] = [
    [
      [0, 0, 0, 0],
      [0, 0],
      ["6627e8d5", "e169c58d", "bc57ac4c", "9b00dbd8"],
    ],
    [
      [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff],
      [0xffffffff, 0xffffffff],
      ["408f276d", "41c83b0e", "a20bc7c6", "6d5451fd"],
    ],
    [
      [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344],
      [0xa4093822, 0x299f31d0],
      ["d16cfe09", "94fdcceb", "5001e420", "24126ea1"],
    ],
  ];

  it.each(vectors)("reproduces the Random123 known answer for counter %j, key %j", (c, k, expected) => {
    const out = new Uint32Array(4);
    philox4x32(c[0]!, c[1]!, c[2]!, c[3]!, k[0]!, k[1]!, out);
    expect(hex(out)).toEqual(expected);
  });
});

describe("MurmurHash3_x86_32", () => {
  // Reference values of Appleby's SMHasher implementation, as published with many ports.
  it.each([
    ["", 0, 0x00000000],
    ["", 1, 0x514e28b7],
    ["", 0xffffffff, 0x81f16f39],
    ["test", 0, 0xba6bd213],
    ["Hello, world!", 0, 0xc0363e43],
    ["The quick brown fox jumps over the lazy dog", 0, 0x2e4ff723],
    ["special characters açb↓c", 0, 0xbe83b140],
    ["Rýchla hnedá líška preskočila lenivého psa", 0, 0x678b9be9],
  ])("hashes %j with seed %i to the reference value", (text, seed, expected) => {
    expect(murmur3(text, seed)).toBe(expected);
  });

  it("encodes text as UTF-8, including characters outside the basic plane", () => {
    expect(Array.from(utf8Bytes("aé↓😀"))).toEqual([
      0x61, 0xc3, 0xa9, 0xe2, 0x86, 0x93, 0xf0, 0x9f, 0x98, 0x80,
    ]);
    expect(Array.from(utf8Bytes("\ud800x"))).toEqual([0xef, 0xbf, 0xbd, 0x78]);
  });
});
