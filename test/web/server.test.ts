/**
 * The workbench server's routes, exercised with `app.request()` (no socket): bad bodies get a 4xx
 * with a message, and no path outside the scenario folder can be read or written.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp, MAX_BODY_BYTES } from "../../src/node/server/index.js";

let root: string;
let app: ReturnType<typeof createApp>;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "corridor-web-"));
  for (const d of ["scenarios/examples", "runs", "web", "outside"])
    mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, "scenarios/a.yaml"), "name: a\n");
  writeFileSync(join(root, "scenarios/examples/b.yml"), "name: b\n");
  writeFileSync(join(root, "outside/secret.yaml"), "secret: 1\n");
  writeFileSync(join(root, "web/index.html"), "<!doctype html><title>t</title>");
  app = createApp({
    scenariosDir: join(root, "scenarios"),
    runsDir: join(root, "runs"),
    webDir: join(root, "web"),
    initialScenario: "a.yaml",
  });
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const put = (body: string, type = "application/json") =>
  app.request("/api/scenario", { method: "PUT", headers: { "content-type": type }, body });

async function errorOf(response: Response): Promise<string> {
  const body = (await response.json()) as { error?: string };
  return body.error ?? "";
}

describe("workbench server", () => {
  it("serves the page with a content security policy that allows only its own files", async () => {
    const response = await app.request("/");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>t</title>");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
  });

  it("lists the scenario files and names the one to open first", async () => {
    const body = (await (await app.request("/api/scenarios")).json()) as {
      scenarios: string[];
      initial: string;
    };
    expect(body.scenarios).toEqual(["a.yaml", "examples/b.yml"]);
    expect(body.initial).toBe("a.yaml");
  });

  it("reads a scenario inside the folder", async () => {
    const response = await app.request("/api/scenario?path=examples/b.yml");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { text: string }).text).toBe("name: b\n");
  });

  it("sends the files a scenario extends, and never one outside the folder", async () => {
    writeFileSync(join(root, "scenarios/examples/c.yaml"), "extends: ../a.yaml\nname: c\n");
    writeFileSync(join(root, "scenarios/d.yaml"), "extends: examples/c.yaml\nname: d\n");
    writeFileSync(join(root, "scenarios/e.yaml"), "extends: ../outside/secret.yaml\nname: e\n");
    const read = async (path: string) =>
      (await (await app.request(`/api/scenario?path=${path}`)).json()) as {
        bases: { file: string; text: string }[];
      };
    expect((await read("d.yaml")).bases).toEqual([
      { file: "examples/c.yaml", text: "extends: ../a.yaml\nname: c\n" },
      { file: "a.yaml", text: "name: a\n" },
    ]);
    expect((await read("e.yaml")).bases).toEqual([]);
    expect((await read("a.yaml")).bases).toEqual([]);
  });

  it.each([
    ["../outside/secret.yaml", 403],
    ["examples/../../outside/secret.yaml", 403],
    ["%2e%2e/outside/secret.yaml", 403],
    [`${"/"}etc/passwd.yaml`, 400],
    ["a.yaml%00.yaml", 400],
    ["..\\outside\\secret.yaml", 400],
  ])("refuses to read %s (status %i)", async (path, status) => {
    const response = await app.request(`/api/scenario?path=${path}`);
    expect(response.status).toBe(status);
    expect(await errorOf(response)).not.toBe("");
  });

  it("refuses to read through a symlink that leads out of the folder", async () => {
    symlinkSync(join(root, "outside/secret.yaml"), join(root, "scenarios/link.yaml"));
    const response = await app.request("/api/scenario?path=link.yaml");
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatch(/symlink/);
  });

  it("refuses to write through a symlinked folder that leads out", async () => {
    symlinkSync(join(root, "outside"), join(root, "scenarios/out"));
    const response = await put(JSON.stringify({ path: "out/new.yaml", text: "x: 1\n" }));
    expect(response.status).toBe(403);
    expect(() => readFileSync(join(root, "outside/new.yaml"))).toThrow();
  });

  it("refuses files that are not scenarios and a missing path", async () => {
    expect((await app.request("/api/scenario?path=../../etc/passwd")).status).toBe(400);
    expect((await app.request("/api/scenario")).status).toBe(400);
    expect((await app.request("/api/scenario?path=none.yaml")).status).toBe(404);
  });

  it("saves a scenario inside the folder, and replaces one only when told to", async () => {
    const created = await put(JSON.stringify({ path: "examples/c.yaml", text: "name: c\n" }));
    expect(created.status).toBe(200);
    expect(readFileSync(join(root, "scenarios/examples/c.yaml"), "utf8")).toBe("name: c\n");
    const again = await put(JSON.stringify({ path: "examples/c.yaml", text: "name: d\n" }));
    expect(again.status).toBe(409);
    expect(readFileSync(join(root, "scenarios/examples/c.yaml"), "utf8")).toBe("name: c\n");
    const replaced = await put(
      JSON.stringify({ path: "examples/c.yaml", text: "name: d\n", overwrite: true }),
    );
    expect(replaced.status).toBe(200);
    expect(readFileSync(join(root, "scenarios/examples/c.yaml"), "utf8")).toBe("name: d\n");
  });

  it.each([
    ["not JSON", "{path:", "application/json", 400, /not valid JSON/],
    ["a JSON array", "[1,2]", "application/json", 400, /expected \{path, text/],
    ["a number for the text", JSON.stringify({ path: "x.yaml", text: 5 }), "application/json", 400, /text/],
    [
      "an unknown field",
      JSON.stringify({ path: "x.yaml", text: "", run: "rm -rf" }),
      "application/json",
      400,
      /run/,
    ],
    ["a file that is not YAML", JSON.stringify({ path: "x.js", text: "" }), "application/json", 400, /yaml/],
    [
      "a path going up",
      JSON.stringify({ path: "../x.yaml", text: "" }),
      "application/json",
      403,
      /up a folder/,
    ],
    ["form data", "path=x.yaml", "application/x-www-form-urlencoded", 415, /JSON/],
  ])("answers %s with a 4xx and a message", async (_what, body, type, status, message) => {
    const response = await put(body, type);
    expect(response.status).toBe(status);
    expect(await errorOf(response)).toMatch(message);
  });

  it("refuses an oversized body with 413 and writes nothing", async () => {
    const text = "x".repeat(MAX_BODY_BYTES + 10);
    const response = await put(JSON.stringify({ path: "big.yaml", text }));
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatch(/too large/);
    expect(() => readFileSync(join(root, "scenarios/big.yaml"))).toThrow();
  });

  it("lists exploration stores in the runs folder and refuses what is not one", async () => {
    mkdirSync(join(root, "runs/x"), { recursive: true });
    writeFileSync(join(root, "runs/x/store.duckdb"), "not a database");
    const list = (await (await app.request("/api/explorations")).json()) as { stores: string[] };
    expect(list.stores).toEqual(["x/store.duckdb"]);
    const bad = await app.request("/api/exploration?path=x/store.duckdb");
    expect(bad.status).toBe(422);
    expect(await errorOf(bad)).toMatch(/could not be read as an exploration store/);
    expect((await app.request("/api/exploration?path=../outside/a.duckdb")).status).toBe(403);
    expect((await app.request("/api/exploration?path=none.duckdb")).status).toBe(404);
    expect((await app.request("/api/exploration?path=x/store.csv")).status).toBe(400);
  });

  it("sends the claims a scenario ships with, none when it has no claims file, and a 400 for a broken one", async () => {
    writeFileSync(
      join(root, "scenarios/a.claims.yaml"),
      "claims:\n  - name: fewer\n    side: one side\n    sentence: Fewer deaths.\n    claim: fatalities[x] < fatalities[y]\n",
    );
    const body = (await (await app.request("/api/claims?path=a.yaml")).json()) as {
      file: string;
      claims: unknown[];
    };
    expect(body).toEqual({
      file: "a.claims.yaml",
      claims: [
        { name: "fewer", text: "fatalities[x] < fatalities[y]", sentence: "Fewer deaths.", side: "one side" },
      ],
    });
    expect(await (await app.request("/api/claims?path=examples/b.yml")).json()).toEqual({
      file: null,
      claims: [],
    });
    writeFileSync(join(root, "scenarios/examples/b.claims.yaml"), "claims:\n  - name: x\n    claim: 3\n");
    const broken = await app.request("/api/claims?path=examples/b.yml");
    expect(broken.status).toBe(400);
    expect(await errorOf(broken)).toMatch(/b\.claims\.yaml:\d+:\d+/);
  });

  it.each([
    ["../outside/secret.yaml", 403],
    ["a.claims.yaml", 400],
    ["a.txt", 400],
    ["missing.yaml", 404],
  ])("refuses claims for %s (status %i)", async (path, status) => {
    writeFileSync(join(root, "scenarios/a.claims.yaml"), "claims: []\n");
    const response = await app.request(`/api/claims?path=${path}`);
    expect(response.status).toBe(status);
    expect(await errorOf(response)).not.toBe("");
    expect((await app.request("/api/claims")).status).toBe(400);
  });

  it("answers an unknown page with 404 and a message, not a crash", async () => {
    const response = await app.request("/etc/passwd");
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toMatch(/no such page/);
  });

  it("stores scenario text as data: a text with code in it is written verbatim and never run", async () => {
    const text = 'name: "${process.exit(1)}"\ndescription: !!js/function "function () { throw 1 }"\n';
    const response = await put(JSON.stringify({ path: "code.yaml", text }));
    expect(response.status).toBe(200);
    expect(readFileSync(join(root, "scenarios/code.yaml"), "utf8")).toBe(text);
    const read = await app.request("/api/scenario?path=code.yaml");
    expect(((await read.json()) as { text: string }).text).toBe(text);
  });
});
