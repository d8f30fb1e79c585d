/**
 * Reading the files a user names (scenarios, their `extends:` bases, TNTP files, event data). The rules
 * (SECURITY.md): only regular files, after following links (no devices, pipes or folders, and nothing
 * under /dev, /proc or /sys, whose "files" are endless or secret); at most a stated size, read in
 * bounded chunks so a file that grows while read cannot exhaust memory; every failure an InputError
 * naming the file, never a Node error code, a stack trace or the file's contents.
 */
import { closeSync, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import { InputError } from "../core/errors/index.js";
import { decodeText } from "./decode-text.js";
import { fsProblem } from "./output/fs-problem.js";

/** Largest scenario file (and each file it extends): far above any real region, far below the machine. */
export const MAX_SCENARIO_BYTES = 16 * 1024 * 1024;
/** Largest TNTP or event-data file: the biggest public TNTP networks' trips files exceed 16 MiB. */
export const MAX_DATA_BYTES = 256 * 1024 * 1024;

const SYSTEM_TREES = ["/dev/", "/proc/", "/sys/"];

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MiB`;

/**
 * Reads a user's file as UTF-8 text, turning every failure into an InputError that names the file:
 * missing, unreadable, a folder or device, under /dev, /proc or /sys, or larger than `maxBytes`.
 */
export function readUserFile(path: string, what = "file", maxBytes = MAX_DATA_BYTES): string {
  const fail = (found: string): never => {
    throw new InputError({ code: "file-not-readable", file: path, expected: `a readable ${what}`, found });
  };
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    return fail(fsProblem(error) ?? String((error as NodeJS.ErrnoException).code ?? error));
  }
  if (SYSTEM_TREES.some((tree) => `${real}/`.startsWith(tree)))
    fail(`a system file (${real}); a ${what} must be an ordinary file`);
  let fd: number;
  try {
    fd = openSync(real, "r");
  } catch (error) {
    return fail(fsProblem(error) ?? String((error as NodeJS.ErrnoException).code ?? error));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) fail("a folder");
    if (!stat.isFile()) fail("a device, pipe or socket, not an ordinary file");
    if (stat.size > maxBytes) fail(`${mib(stat.size)}, more than the limit of ${mib(maxBytes)}`);
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.alloc(Math.min(1024 * 1024, maxBytes + 1));
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) fail(`more than the limit of ${mib(maxBytes)}`);
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return decodeText(Buffer.concat(chunks, total), path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    return fail(fsProblem(error) ?? String((error as NodeJS.ErrnoException).code ?? error));
  } finally {
    closeSync(fd);
  }
}
