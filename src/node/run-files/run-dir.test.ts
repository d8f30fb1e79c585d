import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../core/errors/index.js";
import { writeRunDir } from "./run-dir.js";

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "corridor-rundir-"));
}

function fillWith(files: Record<string, string>, failAfter?: number) {
  return async (dir: string) => {
    let written = 0;
    for (const [name, text] of Object.entries(files)) {
      if (written === failAfter) throw new Error("disk full");
      writeFileSync(join(dir, name), text);
      written++;
    }
  };
}

describe("writeRunDir", () => {
  it("creates the folder (and its parents) with every file, leaving no temporary folder", async () => {
    const parent = scratch();
    const target = join(parent, "runs", "a-seed1");
    await writeRunDir(target, fillWith({ "run.json": "{}", "series.csv": "day\n" }));
    expect(readdirSync(target).sort()).toEqual(["run.json", "series.csv"]);
    expect(readdirSync(join(parent, "runs"))).toEqual(["a-seed1"]);
  });

  it("leaves nothing behind when writing fails half way", async () => {
    const parent = scratch();
    const target = join(parent, "a-seed1");
    await expect(writeRunDir(target, fillWith({ "a.json": "1", "b.json": "2" }, 1))).rejects.toThrow(
      "disk full",
    );
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });

  it("keeps an earlier run untouched when the new one fails", async () => {
    const parent = scratch();
    const target = join(parent, "a-seed1");
    await writeRunDir(target, fillWith({ "run.json": "old", "series.csv": "old" }));
    await expect(
      writeRunDir(target, fillWith({ "run.json": "new", "series.csv": "new" }, 1)),
    ).rejects.toThrow();
    expect(readFileSync(join(target, "run.json"), "utf8")).toBe("old");
    expect(readFileSync(join(target, "series.csv"), "utf8")).toBe("old");
    expect(readdirSync(parent)).toEqual(["a-seed1"]);
  });

  it("replaces an earlier run completely when the new one succeeds", async () => {
    const parent = scratch();
    const target = join(parent, "a-seed1");
    await writeRunDir(target, fillWith({ "run.json": "old", "stale.csv": "old" }));
    await writeRunDir(target, fillWith({ "run.json": "new" }));
    expect(readdirSync(target)).toEqual(["run.json"]);
    expect(readFileSync(join(target, "run.json"), "utf8")).toBe("new");
    expect(readdirSync(parent)).toEqual(["a-seed1"]);
  });

  it("refuses to replace a folder that holds other files and is not a run folder", async () => {
    const parent = scratch();
    mkdirSync(join(parent, "mine"));
    writeFileSync(join(parent, "mine", "thesis.tex"), "precious");
    const attempt = writeRunDir(join(parent, "mine"), fillWith({ "run.json": "{}" }));
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toMatchObject({ issues: [{ code: "out-not-a-run-folder" }] });
    expect(readdirSync(join(parent, "mine"))).toEqual(["thesis.tex"]);
  });

  it("refuses a path that is a file", async () => {
    const parent = scratch();
    writeFileSync(join(parent, "out"), "x");
    await expect(writeRunDir(join(parent, "out"), fillWith({}))).rejects.toMatchObject({
      issues: [{ code: "out-not-a-folder" }],
    });
  });
});
