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
// A reader that stops early (`corridor sources --json | head`) closes the pipe: stop quietly, as other
// command-line tools do, rather than print a stack trace for the write that found it closed.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
