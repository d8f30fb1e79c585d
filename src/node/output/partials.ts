/**
 * Temporary names for results being written, and the clean-up of those a killed process left behind.
 * A temporary sibling is named `.<name>.partial-<pid>-<random>`: hidden, tied to the target's name, and
 * carrying the id of the process writing it, so a later run can tell an abandoned one (its process is
 * gone) from one another run is writing right now.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export function partialName(name: string): string {
  return `.${name}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
}

function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temporary siblings of `target` (`.<name>.partial-<pid>-…`, and their `-previous` halves)
 * whose process no longer runs. Returns what was removed. Never fails: clean-up is a courtesy.
 */
export function cleanStalePartials(target: string): string[] {
  const path = resolve(target);
  const parent = dirname(path);
  const prefix = `.${basename(path)}.partial-`;
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return removed;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(entry.slice(prefix.length))?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || running(pid)) continue;
    try {
      rmSync(join(parent, entry), { recursive: true, force: true });
      removed.push(entry);
    } catch {}
  }
  return removed;
}
