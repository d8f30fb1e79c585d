import { readFileSync } from "node:fs";
import { InputError } from "../core/errors/index.js";
import { fsProblem } from "./output/fs-problem.js";

/** Reads a user's file, turning "not found" and friends into an InputError that names the file. */
export function readUserFile(path: string, what = "file"): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const found = fsProblem(error) ?? String((error as NodeJS.ErrnoException).code ?? error);
    throw new InputError({ code: "file-not-readable", file: path, expected: `a readable ${what}`, found });
  }
}
