/**
 * Input text is UTF-8 without NUL characters. A byte sequence that is not UTF-8 (a file saved as
 * Latin-1 or UTF-16, a binary file given by mistake) would otherwise be read with U+FFFD in its place
 * and end up in names and ids; a NUL is never part of a scenario or a TNTP file and would reach the
 * outputs as an invisible character. Both are reported with their line and column.
 */
import { InputError } from "../errors/index.js";

/** Line and column (1-based) of `offset` in `text`. */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Throws an InputError at the first NUL character of `text`. */
export function checkNoNul(text: string, file: string): void {
  const at = text.indexOf("\0");
  if (at === -1) return;
  throw new InputError({
    code: "bad-text",
    file,
    ...position(text, at),
    expected: "text without NUL characters (is this a binary file, or UTF-16?)",
    found: "a NUL character (byte 0)",
  });
}
