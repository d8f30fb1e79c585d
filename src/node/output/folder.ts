/**
 * Where every writing command puts its results, and the rules that keep earlier results safe
 * (described in docs/outputs.md and SECURITY.md):
 *
 * - A results folder appears whole or not at all: the files go into a hidden temporary sibling
 *   (`.<name>.partial-<pid>-<random>`), which is renamed into place after the last one is complete.
 * - An existing folder is replaced only when it is a recognised results folder (a valid
 *   `corridor-manifest.json` listing every file in it) and the user said `--force`. A folder with any
 *   other file is never replaced, `--force` or not.
 * - Without `--out`, a taken default name is never replaced (unless `--force`): the results go to the
 *   first free `<name>-2`, `<name>-3`, … and the command says so.
 * - `--out` naming a symbolic link is refused (the link is never replaced by a folder, nor followed
 *   into another place): give the real path.
 * - The folder's parent is checked for writing before any work starts, so a read-only place is a
 *   one-line error before a long simulation rather than after.
 * - Temporary folders left by a killed process (whose process id no longer runs) are removed on the
 *   next write into the same place.
 */
import { lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../../core/errors/index.js";
import { asInputError, fsProblem } from "./fs-problem.js";
import { listFiles, MANIFEST, manifestText, notReplaceableBecause, readManifest } from "./manifest.js";
import { cleanStalePartials, partialName } from "./partials.js";

export interface OutputFolderRequest {
  /** The user's `--out`, when given. */
  out?: string | undefined;
  /** Where the results go without `--out`. */
  defaultPath: string;
  /** Replace a recognised results folder at the chosen path. */
  force?: boolean | undefined;
  /** What the folder holds, recorded in its manifest: "run", "comparison", "exploration", … */
  kind: string;
  /** The option that names the folder, for messages (default `--out`). */
  flag?: string;
}

export interface OutputFolder {
  /** Where the results will appear. */
  path: string;
  /** True when `path` is not what was asked for (a taken default name). */
  renamed: boolean;
  /** A line to tell the user when `renamed` (undefined otherwise). */
  note: string | undefined;
  /**
   * Fills a fresh temporary folder with `fill`, writes the manifest listing every file, then moves it
   * to `path` (replacing what `prepareOutputFolder` allowed). Returns the files written.
   */
  write(fill: (dir: string) => Promise<void> | void): Promise<string[]>;
}

/** Most `-N` suffixes tried for a taken default name. */
const MAX_SUFFIX = 9999;

type Decision = { use: true; replacing: boolean } | { use: false; reason: string; hint: string };

function decide(path: string, force: boolean): Decision {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { use: true, replacing: false };
    return { use: false, reason: fsProblem(error) ?? String(error), hint: "choose another --out" };
  }
  if (stat.isSymbolicLink()) {
    let to = "";
    try {
      to = ` to ${readlinkSync(path)}`;
    } catch {}
    return {
      use: false,
      reason: `a symbolic link${to}`,
      hint: "give the real folder's path: Corridor never replaces or writes through a link",
    };
  }
  if (!stat.isDirectory()) return { use: false, reason: "a file", hint: "choose a folder path" };
  if (readdirSync(path).length === 0) return { use: true, replacing: true };
  const why = notReplaceableBecause(path);
  if (why)
    return { use: false, reason: `a folder that ${why.replace(/^it /, "")}`, hint: "choose another folder" };
  if (!force) {
    const manifest = readManifest(path);
    return {
      use: false,
      reason: `a folder with earlier ${manifest?.kind ?? "results"} results${manifest?.written ? ` (written ${manifest.written})` : ""}`,
      hint: "pass --force to replace them, or choose another folder",
    };
  }
  return { use: true, replacing: true };
}

/** Checks that `parent` exists (making it) and that a folder can be created in it, leaving nothing behind. */
function checkWritable(path: string, flag: string): void {
  const parent = dirname(resolve(path));
  const context = { code: "out-not-writable", path: flag, expected: `a place where ${path} can be written` };
  asInputError(() => mkdirSync(parent, { recursive: true }), context);
  const probe = join(parent, partialName(basename(resolve(path))));
  asInputError(() => mkdirSync(probe), context);
  rmSync(probe, { recursive: true, force: true });
}

function pickPath(request: OutputFolderRequest): { path: string; renamed: boolean; replacing: boolean } {
  const flag = request.flag ?? "--out";
  const force = request.force ?? false;
  if (request.out !== undefined) {
    if (request.out.trim() === "") {
      throw new InputError({
        code: "out-empty",
        path: flag,
        expected: "a folder path",
        found: "an empty string",
      });
    }
    const decision = decide(request.out, force);
    if (!decision.use) {
      throw new InputError({
        code: "out-not-replaceable",
        path: flag,
        message: `refusing to write to ${request.out}: it is ${decision.reason}; ${decision.hint}`,
      });
    }
    return { path: request.out, renamed: false, replacing: decision.replacing };
  }
  for (let n = 1; n <= MAX_SUFFIX; n++) {
    const path = n === 1 ? request.defaultPath : `${request.defaultPath}-${n}`;
    const decision = decide(path, force);
    if (decision.use) return { path, renamed: n > 1, replacing: decision.replacing };
  }
  throw new InputError({
    code: "out-no-free-name",
    path: flag,
    expected: `a free name next to ${request.defaultPath}`,
    found: `${MAX_SUFFIX} taken: pass --out`,
  });
}

/**
 * Chooses and checks the results folder before any work starts (bad `--out`, read-only place, taken
 * name), and cleans temporary folders a killed earlier run left there.
 */
export function prepareOutputFolder(request: OutputFolderRequest): OutputFolder {
  const flag = request.flag ?? "--out";
  cleanStalePartials(request.out?.trim() ? request.out : request.defaultPath);
  const first = pickPath(request);
  checkWritable(first.path, flag);
  const note = (path: string) =>
    path === request.defaultPath
      ? undefined
      : `${request.defaultPath} holds earlier results, kept as they are; these go to ${path} (--force replaces, --out chooses)`;
  const folder: OutputFolder = {
    path: first.path,
    renamed: first.renamed,
    note: first.renamed ? note(first.path) : undefined,
    async write(fill) {
      // The place may have changed while the work ran (another run took the default name): decide again.
      const chosen = pickPath(request);
      folder.path = chosen.path;
      folder.renamed = chosen.renamed;
      folder.note = chosen.renamed ? note(chosen.path) : undefined;
      return writeInto(chosen.path, chosen.replacing, request.kind, flag, fill);
    },
  };
  return folder;
}

async function writeInto(
  target: string,
  replacing: boolean,
  kind: string,
  flag: string,
  fill: (dir: string) => Promise<void> | void,
): Promise<string[]> {
  const path = resolve(target);
  const context = {
    code: "out-not-writable",
    path: flag,
    expected: `a place where ${target} can be written`,
  };
  asInputError(() => mkdirSync(dirname(path), { recursive: true }), context);
  // mkdirSync (not mkdtempSync, which makes the folder private) so the results get the usual permissions.
  const temporary = join(dirname(path), partialName(basename(path)));
  asInputError(() => mkdirSync(temporary), context);
  let files: string[];
  try {
    await fill(temporary);
    files = listFiles(temporary).filter((f) => f !== MANIFEST);
    writeFileSync(join(temporary, MANIFEST), manifestText(kind, files));
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    if (fsProblem(error) !== undefined) {
      throw new InputError({ ...context, found: fsProblem(error)! });
    }
    throw error;
  }
  const empty = replacing && readdirSync(path).length === 0;
  if (!replacing || empty) {
    // rename(2) replaces an empty folder in one step.
    renameSync(temporary, path);
    return files;
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
  return files;
}
