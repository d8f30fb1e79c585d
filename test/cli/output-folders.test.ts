/** How every writing command treats the place it writes to (rules in src/node/output/folder.ts). */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/node/cli.js";
import { bufferIo } from "../../src/node/io.js";

const TWO_ROUTES = resolve("scenarios/examples/two-routes.yaml");
const SIOUX = resolve("test/fixtures/tntp/SiouxFalls/SiouxFalls_net.tntp");
const home = process.cwd();

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "corridor-out-"));
}

afterEach(() => process.chdir(home));

describe("default results folders", () => {
  it("are never replaced: a second run goes to <name>-2 and says where", async () => {
    process.chdir(scratch());
    const first = await run("run", TWO_ROUTES, "--days", "5", "--quiet");
    expect(first.code).toBe(0);
    expect(first.out).toContain("files written to runs/two-routes-seed1/");
    const second = await run("run", TWO_ROUTES, "--days", "7");
    expect(second.code).toBe(0);
    expect(second.err).toContain(
      "note: runs/two-routes-seed1 holds earlier results, kept as they are; these go to runs/two-routes-seed1-2",
    );
    expect(second.out).toContain("files written to runs/two-routes-seed1-2/");
    expect(readFileSync("runs/two-routes-seed1/series.csv", "utf8").trimEnd().split("\n")).toHaveLength(6);
    expect(readFileSync("runs/two-routes-seed1-2/series.csv", "utf8").trimEnd().split("\n")).toHaveLength(8);
    // --force replaces the default folder itself.
    expect((await run("run", TWO_ROUTES, "--days", "3", "--quiet", "--force")).code).toBe(0);
    expect(readFileSync("runs/two-routes-seed1/series.csv", "utf8").trimEnd().split("\n")).toHaveLength(4);
  });

  it("are not written at all by a --json peek without --out", async () => {
    process.chdir(scratch());
    const peek = await run("run", TWO_ROUTES, "--days", "5", "--json");
    expect(peek.code).toBe(0);
    expect(JSON.parse(peek.out)).toMatchObject({ days: 5 });
    const compared = await run(
      "compare",
      TWO_ROUTES,
      "--seeds",
      "2",
      "--days",
      "5",
      "--workers",
      "1",
      "--json",
    );
    expect(compared.code).toBe(0);
    expect(JSON.parse(compared.out).seeds).toBe(2);
    expect(existsSync("runs")).toBe(false);
  });
});

describe("a comparison's results folder", () => {
  it("lists every file it holds, the run folders inside included, in its manifest", async () => {
    const out = join(scratch(), "cmp");
    const r = await run("compare", TWO_ROUTES, "--seeds", "1", "--days", "5", "--workers", "1", "--out", out);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, "corridor-manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ format: "corridor-results", kind: "comparison" });
    expect(manifest.files).toContain("comparison.json");
    expect(manifest.files).toContain("xa_phased-seed1/series.parquet");
    const again = await run("compare", TWO_ROUTES, "--seeds", "1", "--days", "5", "--out", out);
    expect(again.code).toBe(2);
    expect(again.err).toContain("pass --force to replace them");
  });
});

// Permissions do not bind the superuser, so as root the command runs as an ordinary user; that user
// must be able to read the project (a clone inside a private folder, e.g. one made by mktemp, is not).
const AS_USER =
  process.getuid?.() === 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
const projectReadable =
  AS_USER.length === 0 ||
  spawnSync(AS_USER[0]!, [...AS_USER.slice(1), "test", "-r", resolve("package.json")]).status === 0;

describe("a read-only place", () => {
  it.skipIf(!projectReadable)(
    "is reported in one line before simulating, never as an EACCES stack trace (skipped when an ordinary user cannot read the project)",
    () => {
      const parent = scratch();
      const locked = join(parent, "locked");
      mkdirSync(locked);
      chmodSync(locked, 0o555);
      chmodSync(parent, 0o755);
      const asUser = AS_USER;
      const script = `import("${resolve("src/node/cli.ts")}").then(async (m) => { process.exitCode = await m.main(process.argv.slice(1)); })`;
      const command = [...asUser, process.execPath, "--import", "tsx", "-e", script];
      const child = spawnSync(
        command[0]!,
        [...command.slice(1), "--", "run", TWO_ROUTES, "--days", "5", "--out", join(locked, "run")],
        {
          encoding: "utf8",
          env: { ...process.env, TSX_TSCONFIG_PATH: resolve("tsconfig.json") },
        },
      );
      if (child.error) throw child.error;
      expect(child.stderr).toContain(
        `corridor: --out: expected a place where ${join(locked, "run")} can be written, found permission denied`,
      );
      expect(child.stderr).not.toMatch(/EACCES|at .*\.(js|ts):\d+/);
      expect(child.stderr).not.toContain("simulating days");
      expect(child.status).toBe(2);
      expect(readdirSync(locked)).toEqual([]);
    },
  );
});

describe("--out of the network commands", () => {
  it("naming a folder is a clear error before any work, never EISDIR", async () => {
    const dir = scratch();
    for (const argv of [
      ["assign", "--net", SIOUX, "--out", dir],
      ["criticality", SIOUX, "--out", dir],
      ["cascade", TWO_ROUTES, "--out", dir],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--out: refusing to write to ${dir}: it is a folder; give a file name`);
      expect(r.err).not.toMatch(/EISDIR|criticality:|iteration/);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("replaces an existing file only with --force", async () => {
    const dir = scratch();
    const out = join(dir, "ranking.csv");
    writeFileSync(out, "mine\n");
    const refused = await run("cascade", TWO_ROUTES, "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("it is an existing file; pass --force to replace it");
    expect(readFileSync(out, "utf8")).toBe("mine\n");
    expect((await run("cascade", TWO_ROUTES, "--out", out, "--force")).code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^rank,kind,id/);
    expect(readdirSync(dir)).toEqual(["ranking.csv"]);
  });
});
