/**
 * The manifest that marks a folder as Corridor's results: a format marker, what kind of results it
 * holds and the list of every file written into it. A folder is recognised as replaceable only when
 * its manifest is valid and every file in it is one the manifest lists, so a folder that merely holds
 * a `run.json` (or results with a user's own file added) is never deleted.
 */
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export const MANIFEST = "corridor-manifest.json";
export const MANIFEST_FORMAT = "corridor-results";
export const MANIFEST_VERSION = 1;

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: number;
  /** What the folder holds: "run", "comparison", "exploration", … */
  kind: string;
  /** When it was written (ISO time): for people, not for reproducibility. */
  written: string;
  /** Every file written, relative to the folder, with `/` separators, sorted; the manifest itself excluded. */
  files: string[];
}

/** Every regular file under `dir` (relative, `/`-separated, sorted); symbolic links count as files. */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return files.sort();
}

export function manifestText(kind: string, files: string[]): string {
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    formatVersion: MANIFEST_VERSION,
    kind,
    written: new Date().toISOString(),
    files: files.filter((f) => f !== MANIFEST),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The folder's manifest, or undefined when it has none or it is not one of ours. */
export function readManifest(dir: string): Manifest | undefined {
  try {
    if (!lstatSync(join(dir, MANIFEST)).isFile()) return undefined;
    const data = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as Partial<Manifest>;
    if (data.format !== MANIFEST_FORMAT || typeof data.kind !== "string" || !Array.isArray(data.files))
      return undefined;
    if (!data.files.every((f) => typeof f === "string")) return undefined;
    return data as Manifest;
  } catch {
    return undefined;
  }
}

/**
 * Why `dir` is not a results folder Corridor may replace, or undefined when it is one: it has a valid
 * manifest and holds no file the manifest does not list (files the user deleted do not matter).
 */
export function notReplaceableBecause(dir: string): string | undefined {
  const manifest = readManifest(dir);
  if (!manifest) return `it has no ${MANIFEST} (it is not a folder of Corridor results)`;
  const listed = new Set([...manifest.files, MANIFEST]);
  const foreign = listFiles(dir).filter((f) => !listed.has(f));
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).join(", ");
    return `it holds files Corridor did not write there: ${shown}${foreign.length > 3 ? `, and ${foreign.length - 3} more` : ""}`;
  }
  return undefined;
}
