/**
 * Path checks for the workbench server. A request names files by a path relative to one of a few
 * allowed folders (the project's scenarios and runs); the path is resolved, then its real path
 * (symlinks followed) must still lie inside the real path of that folder. Anything else is refused,
 * so neither `..` nor a symlink pointing out of the folder reaches the rest of the disk.
 */
import { existsSync, realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";

export class PathRefused extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    message: string,
  ) {
    super(message);
    this.name = "PathRefused";
  }
}

/** True when `child` is `root` or lies inside it (both absolute, normalised). */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/** Plain relative path: no NUL, no absolute path, no empty segment tricks; forward slashes only. */
function checkShape(path: string): void {
  if (path.length === 0 || path.length > 512)
    throw new PathRefused(400, "expected a path of 1 to 512 characters");
  if (path.includes("\0")) throw new PathRefused(400, "a path may not contain a NUL character");
  if (path.includes("\\")) throw new PathRefused(400, "use forward slashes in paths");
  if (isAbsolute(path) || /^[a-zA-Z]:/.test(path))
    throw new PathRefused(400, "expected a path relative to the folder");
  if (path.split("/").includes("..")) throw new PathRefused(403, "a path may not go up a folder (..)");
}

/**
 * The real absolute path of an existing file `path` (relative to `root`), after checking it stays in
 * `root` once every symlink is followed. Throws PathRefused otherwise.
 */
export function resolveExisting(root: string, path: string): string {
  checkShape(path);
  const realRoot = realpathSync(root);
  const candidate = resolve(realRoot, path);
  if (!isInside(realRoot, candidate)) throw new PathRefused(403, "the path leaves the allowed folder");
  if (!existsSync(candidate)) throw new PathRefused(404, `no such file: ${path}`);
  const real = realpathSync(candidate);
  if (!isInside(realRoot, real))
    throw new PathRefused(403, "the path leads out of the allowed folder (symlink)");
  return real;
}

/**
 * The absolute path to write `path` (relative to `root`) to: its folder must exist and really lie in
 * `root`, and if the file exists it must not be a symlink leading out.
 */
export function resolveForWrite(root: string, path: string): string {
  checkShape(path);
  const realRoot = realpathSync(root);
  const candidate = resolve(realRoot, path);
  if (!isInside(realRoot, candidate)) throw new PathRefused(403, "the path leaves the allowed folder");
  const folder = dirname(candidate);
  if (!existsSync(folder)) throw new PathRefused(404, `no such folder: ${relative(realRoot, folder)}`);
  const realFolder = realpathSync(folder);
  if (!isInside(realRoot, realFolder))
    throw new PathRefused(403, "the folder leads out of the allowed folder (symlink)");
  const target = resolve(realFolder, basename(candidate));
  if (existsSync(target) && !isInside(realRoot, realpathSync(target)))
    throw new PathRefused(403, "the file leads out of the allowed folder (symlink)");
  return target;
}
