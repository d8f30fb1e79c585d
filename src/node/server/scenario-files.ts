/** Lists the scenario files and exploration stores a workbench may open. */
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const SCENARIO_FILE = /\.ya?ml$/i;

/** Files under `root` (not following symlinked folders) whose names match `pattern`, relative, sorted. */
export function listFiles(root: string, pattern: RegExp, maxDepth = 4): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory() && depth < maxDepth) walk(full, depth + 1);
      else if (entry.isFile() && pattern.test(entry.name))
        found.push(relative(root, full).split("\\").join("/"));
    }
  };
  try {
    if (statSync(root).isDirectory()) walk(root, 0);
  } catch {
    return [];
  }
  return found.sort();
}

export function listScenarios(root: string): string[] {
  return listFiles(root, SCENARIO_FILE);
}
