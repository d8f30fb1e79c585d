/**
 * Golden outputs: a test compares a normalised text (numbers rounded, times, versions and paths taken
 * out by the caller) with test/golden/<name>. On a mismatch it writes test/golden/<name>-changed beside
 * it (git-ignored) and fails with the first differing lines; `UPDATE_GOLDEN=1` rewrites the golden
 * file instead, deliberately.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const GOLDEN_DIR = fileURLToPath(new URL("../golden/", import.meta.url));

/** The path of the `-changed` file written beside a golden file on mismatch. */
export function changedPath(golden: string): string {
  const ext = extname(golden);
  return `${golden.slice(0, golden.length - ext.length)}-changed${ext}`;
}

/** Rounds every number in a text to `digits` significant digits, so last-digit noise does not count. */
export function roundNumbers(text: string, digits = 4): string {
  return text.replace(/-?\d[\d,]*(\.\d+)?(e[+-]?\d+)?/gi, (m) => {
    const x = Number(m.replace(/,/g, ""));
    if (!Number.isFinite(x) || (Number.isInteger(x) && Math.abs(x) < 10 ** digits)) return m;
    return String(Number(x.toPrecision(digits)));
  });
}

/**
 * Compares `actual` with the golden file `name` (under test/golden/). Returns undefined when they are
 * equal (or the golden file was written), else a message naming the first lines that differ.
 */
export function compareGolden(name: string, actual: string): string | undefined {
  const golden = join(GOLDEN_DIR, name);
  const changed = changedPath(golden);
  if (process.env.UPDATE_GOLDEN !== "1" && !existsSync(golden)) {
    writeFileSync(changed, actual);
    return `no golden file ${golden} (the output is in ${changed}): run the test with UPDATE_GOLDEN=1 and commit it`;
  }
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(golden), { recursive: true });
    writeFileSync(golden, actual);
    rmSync(changed, { force: true });
    return undefined;
  }
  const expected = readFileSync(golden, "utf8");
  if (expected === actual) {
    rmSync(changed, { force: true });
    return undefined;
  }
  writeFileSync(changed, actual);
  const a = expected.split("\n");
  const b = actual.split("\n");
  const diffs: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && diffs.length < 6; i++) {
    if (a[i] !== b[i])
      diffs.push(`line ${i + 1}:\n  golden:  ${a[i] ?? "(none)"}\n  now:     ${b[i] ?? "(none)"}`);
  }
  return `output differs from ${golden} (written to ${changed}; rerun with UPDATE_GOLDEN=1 to accept it deliberately):\n${diffs.join("\n")}`;
}
