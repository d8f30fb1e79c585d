/**
 * Corridor's version, read once from package.json so the CLI's `--version`, run.json and anything else
 * that records it agree with the package. The file sits two folders up from both src/node and dist/node.
 */
import { readFileSync } from "node:fs";

const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version?: unknown;
};

export const VERSION: string = typeof manifest.version === "string" ? manifest.version : "unknown";

/** The version written into stores and run folders. */
export const VERSION_TEXT = VERSION;
