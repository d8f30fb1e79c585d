/**
 * Reads user files as UTF-8. The core checks text for NUL characters; bytes exist only here, at the
 * edge, so the UTF-8 check lives here too (TextDecoder is a Node and browser global, not part of the
 * pure core's library).
 */
import { InputError } from "../core/errors/index.js";
import { checkNoNul, position } from "../core/text/index.js";

/**
 * Decodes UTF-8 bytes (a leading byte-order mark is dropped), throwing an InputError naming the line
 * and column of the first invalid sequence or NUL character.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // The first bad byte: the longest prefix that decodes, read as a stream so that a prefix ending
    // inside a valid multi-byte character is not itself an error (which keeps the search monotone).
    const decodes = (end: number) => {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
        return true;
      } catch {
        return false;
      }
    };
    let good = 0;
    let bad = bytes.length;
    while (bad - good > 1) {
      const mid = (good + bad) >> 1;
      if (decodes(mid)) good = mid;
      else bad = mid;
    }
    const prefix = new TextDecoder("utf-8").decode(bytes.subarray(0, good), { stream: true });
    throw new InputError({
      code: "bad-text",
      file,
      ...position(prefix, prefix.length),
      expected: "UTF-8 text",
      found: `byte 0x${bytes[good]!.toString(16).padStart(2, "0")} at byte offset ${good}, which is not UTF-8 (is the file Latin-1 or UTF-16?)`,
    });
  }
  checkNoNul(text, file);
  return text;
}
