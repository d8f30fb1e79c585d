/**
 * A run folder appears whole or not at all: every file is written into a temporary sibling folder,
 * which is renamed into place only once all of them are complete. A failed run leaves the previous
 * folder (if any) untouched and no half-written files behind.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../../core/errors/index.js";

/** The file that marks a folder as a run folder (and so safe to replace). */
export const RUN_MARKER = "run.json";

/**
 * Fills a fresh temporary folder beside `target` with `fill`, then moves it to `target`. An existing
 * `target` is replaced only after `fill` succeeded, and only when it is empty or a run folder: a
 * mistyped `--out` must never delete someone's other files.
 */
export async function writeRunDir(target: string, fill: (dir: string) => Promise<void>): Promise<void> {
  const path = resolve(target);
  const replacing = checkRunDirTarget(target);
  const parent = dirname(path);
  mkdirSync(parent, { recursive: true });
  // mkdirSync (not mkdtempSync, which makes the folder private) so the run folder gets the usual permissions.
  const temporary = join(
    parent,
    `.${basename(path)}.partial-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
  mkdirSync(temporary);
  try {
    await fill(temporary);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
  if (!replacing) {
    renameSync(temporary, path);
    return;
  }
  // POSIX cannot swap two folders in one step: move the old one aside, the new one in, then drop the old.
  const aside = `${temporary}-previous`;
  renameSync(path, aside);
  try {
    renameSync(temporary, path);
  } catch (error) {
    renameSync(aside, path);
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
  rmSync(aside, { recursive: true, force: true });
}

/**
 * True when `target` exists and may be replaced (an empty folder or a run folder), false when it does not
 * exist; throws an InputError when it exists and may not be replaced.
 */
export function checkRunDirTarget(target: string): boolean {
  const path = resolve(target);
  if (!existsSync(path)) return false;
  if (!statSync(path).isDirectory()) {
    throw new InputError({
      code: "out-not-a-folder",
      path: "--out",
      expected: "a folder for the run's files",
      found: `a file, ${target}`,
    });
  }
  const entries = readdirSync(path);
  if (entries.length > 0 && !entries.includes(RUN_MARKER)) {
    throw new InputError({
      code: "out-not-a-run-folder",
      path: "--out",
      expected: `an empty or new folder, or an earlier run's folder (with ${RUN_MARKER})`,
      found: `${target}, a folder with other files`,
      message: "refusing to replace it",
    });
  }
  return true;
}
