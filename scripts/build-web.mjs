// Builds the workbench's browser app into dist/web: the page, its bundle, the simulation worker's
// bundle (the same pure core as the CLI), Natural Earth 1:50m country outlines from world-atlas, and the
// scenario format's JSON Schema.
import { copyFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = `${root}dist/web`;
mkdirSync(out, { recursive: true });
const common = {
  bundle: true,
  platform: "browser",
  target: "es2022",
  minify: true,
  sourcemap: false,
  logLevel: "warning",
  legalComments: "none",
};
await build({ ...common, entryPoints: [`${root}web/src/main.ts`], outfile: `${out}/app.js`, format: "iife" });
await build({
  ...common,
  entryPoints: [`${root}web/src/worker.ts`],
  outfile: `${out}/worker.js`,
  format: "iife",
});
copyFileSync(`${root}web/index.html`, `${out}/index.html`);
copyFileSync(`${root}web/app.css`, `${out}/app.css`);
copyFileSync(`${root}node_modules/world-atlas/countries-50m.json`, `${out}/world.json`);
// The scenario format's JSON Schema, read by the editor for completion.
copyFileSync(`${root}corridor.schema.json`, `${out}/corridor.schema.json`);
