#!/usr/bin/env node
// Entry point of the `corridor` command: runs the compiled CLI from dist/ (built by `npm install`).
import { existsSync } from "node:fs";

const cli = new URL("../dist/node/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    "corridor: the compiled code is missing; run `npm install` (or `npm run build`) first.\n",
  );
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
