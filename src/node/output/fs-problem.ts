/**
 * File-system failures in plain words, so a user's mistake (a read-only folder, a symbolic-link loop,
 * a path through a file) reads as one line naming the path instead of a Node error code and a stack.
 */
import { InputError } from "../../core/errors/index.js";

const WORDS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "a read-only file system",
  ELOOP: "a loop of symbolic links",
  ENOTDIR: "a path through something that is not a folder",
  EISDIR: "a folder",
  ENAMETOOLONG: "a name too long for the file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is used up",
  EEXIST: "something already there",
  EBUSY: "busy (in use by another program)",
  EMFILE: "too many open files",
};

/** The plain-words description of a Node file-system error, or undefined for anything else. */
export function fsProblem(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === undefined ? undefined : (WORDS[code] ?? undefined);
}

/** Runs `action`; a file-system error becomes an InputError naming `file` and what was expected. */
export function asInputError<T>(
  action: () => T,
  context: { code: string; file?: string; path?: string; expected: string },
): T {
  try {
    return action();
  } catch (error) {
    const found = fsProblem(error);
    if (found === undefined) throw error;
    throw new InputError({ ...context, found });
  }
}
