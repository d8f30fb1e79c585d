import { spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../core/errors/index.js";
import { prepareOutputFolder } from "./folder.js";
import { MANIFEST, readManifest } from "./manifest.js";
import { cleanStalePartials } from "./partials.js";

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "corridor-output-"));
}

function fillWith(files: Record<string, string>, failAfter?: number) {
  return async (dir: string) => {
    let written = 0;
    for (const [name, text] of Object.entries(files)) {
      if (written === failAfter) throw new Error("disk full");
      mkdirSync(join(dir, name, ".."), { recursive: true });
      writeFileSync(join(dir, name), text);
      written++;
    }
  };
}

const write = (out: string | undefined, files: Record<string, string>, more: object = {}) =>
  prepareOutputFolder({ out, defaultPath: out ?? "unused", kind: "run", ...more }).write(fillWith(files));

/** The id of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("results folders", () => {
  it("appear with every file and a manifest that lists them, leaving no temporary folder", async () => {
    const parent = scratch();
    const target = join(parent, "runs", "a-seed1");
    const files = await write(target, { "run.json": "{}", "sub/series.csv": "day\n" });
    expect(files).toEqual(["run.json", "sub/series.csv"]);
    expect(readdirSync(target).sort()).toEqual([MANIFEST, "run.json", "sub"]);
    expect(readManifest(target)).toMatchObject({
      format: "corridor-results",
      kind: "run",
      files: ["run.json", "sub/series.csv"],
    });
    expect(readdirSync(join(parent, "runs"))).toEqual(["a-seed1"]);
  });

  it("leave nothing behind when writing fails half way", async () => {
    const parent = scratch();
    const target = join(parent, "a-seed1");
    const folder = prepareOutputFolder({ out: target, defaultPath: target, kind: "run" });
    await expect(folder.write(fillWith({ "a.json": "1", "b.json": "2" }, 1))).rejects.toThrow("disk full");
    expect(readdirSync(parent)).toEqual([]);
  });

  it("keep an earlier results folder untouched when the new one fails", async () => {
    const parent = scratch();
    const target = join(parent, "a-seed1");
    await write(target, { "run.json": "old", "series.csv": "old" });
    const folder = prepareOutputFolder({ out: target, defaultPath: target, kind: "run", force: true });
    await expect(folder.write(fillWith({ "run.json": "new", "series.csv": "new" }, 1))).rejects.toThrow();
    expect(readFileSync(join(target, "run.json"), "utf8")).toBe("old");
    expect(readdirSync(parent)).toEqual(["a-seed1"]);
  });

  it("never replace earlier results named by --out without --force, and replace them completely with it", async () => {
    const parent = scratch();
    const target = join(parent, "a-seed1");
    await write(target, { "run.json": "old", "stale.csv": "old" });
    const refused = (() => {
      try {
        prepareOutputFolder({ out: target, defaultPath: target, kind: "run" });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).message).toMatch(/earlier run results .*pass --force to replace them/);
    expect(readFileSync(join(target, "run.json"), "utf8")).toBe("old");

    await write(target, { "run.json": "new" }, { force: true });
    expect(readdirSync(target).sort()).toEqual([MANIFEST, "run.json"]);
    expect(readFileSync(join(target, "run.json"), "utf8")).toBe("new");
    expect(readdirSync(parent)).toEqual(["a-seed1"]);
  });

  it("go to the first free <name>-2, -3 … when the default name is taken, and say so", async () => {
    const parent = scratch();
    const defaultPath = join(parent, "demo");
    const first = prepareOutputFolder({ defaultPath, kind: "comparison" });
    await first.write(fillWith({ "runs.csv": "1" }));
    expect(first.path).toBe(defaultPath);
    expect(first.note).toBeUndefined();
    mkdirSync(join(parent, "demo-2")); // an empty folder counts as free
    writeFileSync(join(parent, "demo-2", "mine.txt"), "not ours");
    const second = prepareOutputFolder({ defaultPath, kind: "comparison" });
    expect(second.path).toBe(join(parent, "demo-3"));
    await second.write(fillWith({ "runs.csv": "2" }));
    expect(second.note).toContain(
      `${defaultPath} holds earlier results, kept as they are; these go to ${join(parent, "demo-3")}`,
    );
    expect(readFileSync(join(defaultPath, "runs.csv"), "utf8")).toBe("1");
    expect(readFileSync(join(parent, "demo-3", "runs.csv"), "utf8")).toBe("2");
    expect(readdirSync(join(parent, "demo-2"))).toEqual(["mine.txt"]);
  });

  it("never replace a folder holding a file the manifest does not list, even with --force, and name it", async () => {
    const parent = scratch();
    const target = join(parent, "results");
    await write(target, { "run.json": "{}" });
    writeFileSync(join(target, "notes.md"), "precious");
    expect(() => prepareOutputFolder({ out: target, defaultPath: target, kind: "run", force: true })).toThrow(
      /holds files Corridor did not write there: notes\.md/,
    );
    expect(readFileSync(join(target, "notes.md"), "utf8")).toBe("precious");
  });

  it("recognise results by their manifest, not by a file named run.json", async () => {
    const parent = scratch();
    mkdirSync(join(parent, "mine"));
    writeFileSync(join(parent, "mine", "run.json"), "{}");
    writeFileSync(join(parent, "mine", "thesis.tex"), "precious");
    expect(() =>
      prepareOutputFolder({ out: join(parent, "mine"), defaultPath: "x", kind: "run", force: true }),
    ).toThrow(/no corridor-manifest\.json/);
    // A manifest of another program (no format marker) does not count either.
    writeFileSync(join(parent, "mine", MANIFEST), JSON.stringify({ files: ["run.json", "thesis.tex"] }));
    expect(() =>
      prepareOutputFolder({ out: join(parent, "mine"), defaultPath: "x", kind: "run", force: true }),
    ).toThrow(InputError);
    expect(readdirSync(join(parent, "mine")).sort()).toEqual([MANIFEST, "run.json", "thesis.tex"]);
  });

  it("refuse an --out that is a symbolic link and leave the link as it was", async () => {
    const parent = scratch();
    mkdirSync(join(parent, "real"));
    symlinkSync(join(parent, "real"), join(parent, "link"));
    expect(() =>
      prepareOutputFolder({ out: join(parent, "link"), defaultPath: "x", kind: "run", force: true }),
    ).toThrow(/a symbolic link to .*real.*never replaces or writes through a link/);
    expect(lstatSync(join(parent, "link")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(parent, "link"))).toBe(join(parent, "real"));
    expect(readdirSync(join(parent, "real"))).toEqual([]);
  });

  it('refuse --out "" and a path that is a file with one clear line', () => {
    const parent = scratch();
    expect(() => prepareOutputFolder({ out: "", defaultPath: "x", kind: "run" })).toThrow(
      "--out: expected a folder path, found an empty string",
    );
    writeFileSync(join(parent, "out"), "x");
    expect(() => prepareOutputFolder({ out: join(parent, "out"), defaultPath: "x", kind: "run" })).toThrow(
      /refusing to write to .*out: it is a file; choose a folder path/,
    );
  });

  it("report an unwritable place before any work starts", () => {
    const parent = scratch();
    writeFileSync(join(parent, "file"), "x");
    const attempt = () =>
      prepareOutputFolder({ out: join(parent, "file", "run"), defaultPath: "x", kind: "run" });
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(
      /--out: refusing to write to .*: it is a path through something that is not a folder/,
    );
  });
});

describe("temporary folders left by a killed run", () => {
  it("are removed on the next write into the same place, while a running writer's are kept", async () => {
    const parent = scratch();
    const target = join(parent, "a-seed1");
    const stale = join(parent, `.a-seed1.partial-${deadPid()}-deadbeef`);
    const staleAside = `${stale}-previous`;
    const live = join(parent, `.a-seed1.partial-${process.pid}-cafe0000`);
    const other = join(parent, `.b-seed1.partial-${deadPid()}-00000000`);
    for (const dir of [stale, staleAside, live, other]) {
      mkdirSync(dir);
      writeFileSync(join(dir, "series.csv"), "day\n");
    }
    await write(target, { "run.json": "{}" });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(staleAside)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(cleanStalePartials(join(parent, "b-seed1"))).toHaveLength(1);
  });
});
