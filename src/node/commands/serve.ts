import { existsSync, statSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Command, InvalidArgumentError } from "commander";
import { InputError } from "../../core/errors/index.js";
import type { Io } from "../io.js";
import { isInside, isLoopback, openInBrowser, startWorkbench } from "../server/index.js";

interface ServeCommandOptions {
  port: number;
  host: string;
  open?: boolean;
  runs: string;
}

const PACKAGE_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const BUILT_IN = "af-pak.yaml";

function port(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new InvalidArgumentError(
      `--port: expected a port number 0–65535 (0 picks a free one), found "${raw}"`,
    );
  return value;
}

/** The scenarios folder and the file opened first: the named file's folder, else ./scenarios, else the built-in. */
export function scenarioFolder(scenario: string | undefined, cwd: string): { dir: string; initial: string } {
  const local = resolve(cwd, "scenarios");
  const fallback = existsSync(local) ? local : resolve(PACKAGE_ROOT, "scenarios");
  if (scenario === undefined) {
    const initial = existsSync(resolve(fallback, BUILT_IN)) ? BUILT_IN : "";
    return { dir: fallback, initial };
  }
  const file = resolve(cwd, scenario);
  if (!existsSync(file) || !statSync(file).isFile())
    throw new InputError({
      code: "file-not-readable",
      file: scenario,
      expected: "a scenario file",
      found: existsSync(file) ? "a directory" : "no such file",
    });
  const dir = isInside(fallback, file) ? fallback : dirname(file);
  return { dir, initial: relative(dir, file).split("\\").join("/") || basename(file) };
}

export function registerServe(program: Command, io: Io): void {
  program
    .command("serve")
    .description("start the workbench in your browser: map, play, change assumptions, compare policies")
    .argument("[scenario]", "scenario file to open first (default: the built-in region)")
    .option("--port <n>", "port to listen on (0 picks a free one)", port, 8737)
    .option(
      "--host <host>",
      "address to bind; anything but loopback exposes your files to the network",
      "127.0.0.1",
    )
    .option("--runs <dir>", "folder of runs and exploration stores the workbench may read", "runs")
    .option("--open", "open the workbench in the default browser")
    .action(async (scenario: string | undefined, options: ServeCommandOptions) => {
      const { dir, initial } = scenarioFolder(scenario, process.cwd());
      if (!isLoopback(options.host))
        io.err(
          `corridor serve: warning: listening on ${options.host}, not loopback: anyone who can reach this ` +
            "address can read and write the scenario files and read the runs. There is no login.\n",
        );
      const running = await startWorkbench({
        host: options.host,
        port: options.port,
        scenariosDir: dir,
        runsDir: resolve(process.cwd(), options.runs),
        webDir: resolve(PACKAGE_ROOT, "dist", "web"),
        ...(initial ? { initialScenario: initial } : {}),
      });
      io.out(`Corridor workbench: ${running.url}\n`);
      io.out(`  scenarios: ${dir}\n  runs: ${resolve(process.cwd(), options.runs)}\n  stop with Ctrl+C\n`);
      if (options.open) openInBrowser(running.url);
      await new Promise<void>((done) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          void running.close().then(done);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
    });
}
