import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { InputError } from "../core/errors/index.js";
import { decodeText } from "./decode-text.js";

/** Reads a user's file, turning "not found" and friends into an InputError that names the file. */
export function readUserFile(path: string, what = "file"): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const found = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a directory" : String(code);
    throw new InputError({ code: "file-not-readable", file: path, expected: `a readable ${what}`, found });
  }
  return decodeText(bytes, path);
}

/**
 * Writes a file so that readers never see half of it: the text goes to a temporary file beside the
 * target, which is then renamed over it (a rename within one directory is atomic on POSIX).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.partial-${process.pid}`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
