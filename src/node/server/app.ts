/**
 * The workbench's HTTP interface (Hono). It serves the built browser app and a small JSON API over
 * the project's scenario and run folders. The simulation itself runs in the browser (the same pure
 * core, in Web Workers); the server only reads and writes files, each path checked by ./paths.ts.
 * No request text is ever evaluated: scenarios are parsed as YAML data by the core loader.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, posix } from "node:path";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { InputError } from "../../core/errors/index.js";
import { claimsFileSchema } from "../../core/experiment/index.js";
import { extendsOf, layerData } from "../../core/scenario/index.js";
import { parseDocument } from "../explore/load-experiment.js";
import { prepareOutputFile } from "../output/index.js";
import { listExplorations, readExploration, StoreRefused } from "./explorations.js";
import { PathRefused, resolveExisting, resolveForWrite } from "./paths.js";
import { listScenarios } from "./scenario-files.js";

/** Largest request body accepted (a scenario text with room to spare). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface WorkbenchOptions {
  /** Folder of scenario files the workbench may read and write. */
  scenariosDir: string;
  /** Folder of run folders and exploration stores it may read. */
  runsDir: string;
  /** Folder of the built browser app (dist/web). */
  webDir: string;
  /** Scenario opened first, relative to scenariosDir. */
  initialScenario?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".map": "application/json",
};

/** Files of the app, served from webDir by exact name only (no path from the request reaches the disk). */
const APP_FILES = ["index.html", "app.js", "worker.js", "app.css", "world.json", "corridor.schema.json"];

const saveBody = z.strictObject({
  path: z.string().regex(/\.ya?ml$/i, { error: "a scenario file name ending in .yaml or .yml" }),
  text: z.string().max(MAX_BODY_BYTES),
  overwrite: z.boolean().optional(),
});

function refusal(error: unknown): { status: 400 | 403 | 404; message: string } | undefined {
  if (error instanceof PathRefused) return { status: error.status, message: error.message };
  return undefined;
}

export function createApp(options: WorkbenchOptions): Hono {
  const app = new Hono();

  app.onError((error, c) => {
    const refused = refusal(error);
    if (refused) return c.json({ error: refused.message }, refused.status);
    // An unexpected failure: say so without a stack trace; the server keeps running.
    return c.json({ error: "internal error in the workbench server" }, 500);
  });
  app.notFound((c) => c.json({ error: `no such page: ${c.req.path}` }, 404));

  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ error: `request body too large (at most ${MAX_BODY_BYTES} bytes)` }, 413),
    }),
  );
  app.use("*", async (c, next) => {
    await next();
    // The page loads only its own files: no scripts, styles or connections from elsewhere.
    c.header(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    c.header("X-Content-Type-Options", "nosniff");
  });

  const appFile = (name: string) => {
    const path = join(options.webDir, name);
    if (!existsSync(path)) return undefined;
    return readFileSync(path);
  };
  const sendAppFile = (name: string) => (c: import("hono").Context) => {
    const body = appFile(name);
    if (!body)
      return c.json({ error: `the workbench is not built (${name} missing); run npm run build` }, 500);
    return c.body(body, 200, {
      "content-type": CONTENT_TYPES[extname(name)] ?? "application/octet-stream",
      "cache-control": "no-cache",
    });
  };
  app.get("/", sendAppFile("index.html"));
  for (const name of APP_FILES) app.get(`/${name}`, sendAppFile(name));

  app.get("/api/health", (c) => c.json({ ok: true }));

  app.get("/api/scenarios", (c) =>
    c.json({ scenarios: listScenarios(options.scenariosDir), initial: options.initialScenario ?? null }),
  );

  app.get("/api/scenario", (c) => {
    const path = c.req.query("path");
    if (path === undefined)
      return c.json({ error: "expected ?path=<scenario file relative to the scenarios folder>" }, 400);
    if (!/\.ya?ml$/i.test(path))
      return c.json({ error: "expected a scenario file ending in .yaml or .yml" }, 400);
    const real = resolveExisting(options.scenariosDir, path);
    if (!statSync(real).isFile()) return c.json({ error: `not a file: ${path}` }, 400);
    if (statSync(real).size > MAX_BODY_BYTES) return c.json({ error: "scenario file too large" }, 413);
    const text = readFileSync(real, "utf8");
    return c.json({ path, text, bases: basesOf(options.scenariosDir, path, text) });
  });

  app.put("/api/scenario", async (c) => {
    if (!(c.req.header("content-type") ?? "").includes("application/json"))
      return c.json({ error: "expected a JSON body (content-type: application/json)" }, 415);
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return c.json({ error: "the body is not valid JSON" }, 400);
    }
    const parsed = saveBody.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`);
      return c.json({ error: `expected {path, text, overwrite?}: ${issues.join("; ")}` }, 400);
    }
    const { path, text, overwrite } = parsed.data;
    const target = resolveForWrite(options.scenariosDir, path);
    if (existsSync(target) && !overwrite)
      return c.json({ error: `${path} exists; send overwrite: true to replace it` }, 409);
    try {
      // The project's one writer: whole or not at all, never through a symbolic link.
      prepareOutputFile({
        out: target,
        force: overwrite === true,
        what: "scenario file",
        flag: "path",
      }).write(text);
    } catch (error) {
      if (error instanceof InputError) return c.json({ error: error.message }, 400);
      throw error;
    }
    return c.json({ path, bytes: Buffer.byteLength(text) }, 200);
  });

  // The claims a scenario ships with (`x.claims.yaml` beside `x.yaml`), for the compare view.
  app.get("/api/claims", (c) => {
    const path = c.req.query("path");
    if (path === undefined)
      return c.json({ error: "expected ?path=<scenario file relative to the scenarios folder>" }, 400);
    if (!/\.ya?ml$/i.test(path) || /\.claims\.ya?ml$/i.test(path))
      return c.json({ error: "expected a scenario file ending in .yaml or .yml" }, 400);
    const scenario = resolveExisting(options.scenariosDir, path);
    const claimsPath = join(dirname(path), `${basename(path, extname(path))}.claims.yaml`);
    if (!existsSync(join(dirname(scenario), basename(claimsPath)))) return c.json({ file: null, claims: [] });
    const real = resolveExisting(options.scenariosDir, claimsPath);
    if (statSync(real).size > MAX_BODY_BYTES) return c.json({ error: "claims file too large" }, 413);
    try {
      const parsed = parseDocument(claimsFileSchema, readFileSync(real, "utf8"), claimsPath);
      const claims = (Array.isArray(parsed) ? parsed : parsed.claims).map((x) => ({
        name: x.name,
        text: x.claim,
        sentence: x.sentence,
        ...(x.side === undefined ? {} : { side: x.side }),
      }));
      return c.json({ file: claimsPath, claims });
    } catch (error) {
      if (error instanceof InputError) return c.json({ error: error.message }, 400);
      throw error;
    }
  });

  app.get("/api/explorations", (c) => c.json({ stores: listExplorations(options.runsDir) }));

  app.get("/api/exploration", async (c) => {
    const path = c.req.query("path");
    if (path === undefined)
      return c.json({ error: "expected ?path=<store file relative to the runs folder>" }, 400);
    if (!/\.duckdb$/i.test(path))
      return c.json({ error: "expected an exploration store ending in .duckdb" }, 400);
    const real = resolveExisting(options.runsDir, path);
    try {
      return c.json(await readExploration(real, path));
    } catch (error) {
      if (error instanceof StoreRefused) return c.json({ error: `${path}: ${error.message}` }, 422);
      // DuckDB refuses files that are not databases, or are locked by a writer.
      return c.json(
        {
          error: `${path}: could not be read as an exploration store (${(error as Error).message.split("\n")[0]})`,
        },
        422,
      );
    }
  });

  return app;
}

/**
 * The files a scenario extends (`extends:`, nearest first, at most 5), read under the same rules as
 * the scenario itself: inside the scenarios folder, no symlink out, a bounded size. The chain stops at
 * the first base that cannot be served; the worker then names it at the scenario's `extends` field.
 */
function basesOf(root: string, path: string, text: string): { file: string; text: string }[] {
  const bases: { file: string; text: string }[] = [];
  let current = { file: path, text };
  for (let depth = 0; depth < 5; depth++) {
    let name: unknown;
    try {
      name = extendsOf(layerData(current));
    } catch {
      break;
    }
    if (typeof name !== "string" || isAbsolute(name) || !/\.(ya?ml|json)$/i.test(name)) break;
    const file = posix.normalize(posix.join(posix.dirname(current.file), name));
    if (file === path || bases.some((b) => b.file === file)) break;
    try {
      const real = resolveExisting(root, file);
      if (!statSync(real).isFile() || statSync(real).size > MAX_BODY_BYTES) break;
      current = { file, text: readFileSync(real, "utf8") };
    } catch {
      break;
    }
    bases.push(current);
  }
  return bases;
}
