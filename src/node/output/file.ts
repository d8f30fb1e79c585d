/**
 * A single results file named by `--out` (the CSVs of `assign`, `criticality`, `cascade`). The same
 * rules as results folders, for one file: checked before the work starts; written whole or not at all
 * (a hidden temporary sibling renamed into place); an existing file replaced only with `--force`; a
 * folder or a symbolic link refused with a clear message (never EISDIR, never writing through a link).
 */
import { lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../../core/errors/index.js";
import { asInputError, fsProblem } from "./fs-problem.js";
import { cleanStalePartials, partialName } from "./partials.js";

export interface OutputFileRequest {
  out: string;
  force?: boolean | undefined;
  /** What the file holds, for messages, e.g. "CSV of link flows". */
  what: string;
  flag?: string;
}

export interface OutputFile {
  path: string;
  write(data: string | Uint8Array): void;
}

function check(request: OutputFileRequest): void {
  const flag = request.flag ?? "--out";
  const refuse = (found: string, hint: string) => {
    throw new InputError({
      code: "out-not-replaceable",
      path: flag,
      message: `refusing to write to ${request.out}: it is ${found}; ${hint}`,
    });
  };
  if (request.out.trim() === "") {
    throw new InputError({
      code: "out-empty",
      path: flag,
      expected: `a file name for the ${request.what}`,
      found: "an empty string",
    });
  }
  let stat: ReturnType<typeof lstatSync> | undefined;
  try {
    stat = lstatSync(request.out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT")
      refuse(fsProblem(error) ?? String(error), "choose a file path");
  }
  if (stat === undefined) return;
  if (stat.isSymbolicLink())
    refuse("a symbolic link", "give the real file's path: Corridor never writes through a link");
  if (stat.isDirectory())
    refuse("a folder", `give a file name for the ${request.what}, e.g. ${join(request.out, "results.csv")}`);
  if (!stat.isFile()) refuse("not a regular file", "choose a file path");
  if (!request.force) refuse("an existing file", "pass --force to replace it, or choose another name");
}

/** Checks `--out` before the work starts (and that its folder is writable); `write` writes it atomically. */
export function prepareOutputFile(request: OutputFileRequest): OutputFile {
  const flag = request.flag ?? "--out";
  check(request);
  cleanStalePartials(request.out);
  const path = resolve(request.out);
  const context = {
    code: "out-not-writable",
    path: flag,
    expected: `a place where ${request.out} can be written`,
  };
  asInputError(() => mkdirSync(dirname(path), { recursive: true }), context);
  const probe = join(dirname(path), partialName(basename(path)));
  asInputError(() => writeFileSync(probe, ""), context);
  rmSync(probe, { force: true });
  return {
    path: request.out,
    write(data) {
      check({ ...request, force: true });
      const temporary = join(dirname(path), partialName(basename(path)));
      try {
        writeFileSync(temporary, data);
        renameSync(temporary, path);
      } catch (error) {
        rmSync(temporary, { force: true });
        if (fsProblem(error) !== undefined) throw new InputError({ ...context, found: fsProblem(error)! });
        throw error;
      }
    },
  };
}
