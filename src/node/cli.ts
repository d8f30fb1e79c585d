/**
 * The `corridor` command line. Each sub-command lives in `commands/<name>.ts` and registers itself;
 * this file only wires them up and maps failures to exit codes:
 * 0 success, 2 bad input (a one-line message per problem, never a stack trace), 1 internal error.
 */
import { Command, CommanderError } from "commander";
import { InputError } from "../core/errors/index.js";
import { registerAnalyze } from "./commands/analyze.js";
import { registerAssign } from "./commands/assign.js";
import { registerCascade } from "./commands/cascade.js";
import { registerCompare } from "./commands/compare.js";
import { registerCriticality } from "./commands/criticality.js";
import { registerDemo } from "./commands/demo.js";
import { registerExplain } from "./commands/explain.js";
import { registerExplore } from "./commands/explore.js";
import { registerExport } from "./commands/export.js";
import { registerFitIncidents } from "./commands/fit-incidents.js";
import { registerQuery } from "./commands/query.js";
import { registerRun } from "./commands/run.js";
import { registerSchema } from "./commands/schema.js";
import { registerServe } from "./commands/serve.js";
import { registerSources } from "./commands/sources.js";
import { Interrupted } from "./interrupted.js";
import { type Io, processIo } from "./io.js";
import { VERSION } from "./version.js";

export function buildProgram(io: Io): Command {
  const program = new Command("corridor")
    .description(
      "Corridor: simulate and explore trade corridors, border crossings and the security around them.\n" +
        "Results are explorations under stated assumptions, not forecasts.",
    )
    .version(VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerDemo(program, io);
  registerAssign(program, io);
  registerCriticality(program, io);
  registerCascade(program, io);
  registerFitIncidents(program, io);
  registerRun(program, io);
  registerCompare(program, io);
  registerExplain(program, io);
  registerExplore(program, io);
  registerExport(program, io);
  registerAnalyze(program, io);
  registerQuery(program, io);
  registerSchema(program, io);
  registerSources(program, io);
  registerServe(program, io);
  const output = { writeOut: io.out, writeErr: io.err, outputError: usageError() };
  program.configureOutput(output);
  for (const command of program.commands) command.exitOverride().configureOutput(output);
  return program;
}

/**
 * Commander's usage messages in the same shape as every other error ("corridor: --days: expected …"):
 * its "error: option '--days <n>' argument 'x' is invalid." would repeat what our parsers already say.
 */
export function usageError() {
  return (text: string, write: (text: string) => void) => {
    write(
      text
        .replace(/^error: option '[^']*' argument '[^']*' is invalid\. /, "corridor: ")
        .replace(/^error: /, "corridor: "),
    );
  };
}

/** Runs the CLI on `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0; usage mistakes are bad input.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof Interrupted) {
      io.err(`corridor: ${error.message}\n`);
      return 130;
    }
    if (error instanceof InputError) {
      io.err(
        `corridor: ${error.issues.length > 1 ? `${error.issues.length} problems:\n` : ""}${error.message}\n`,
      );
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(`corridor: internal error (please report it with the command you ran):\n${detail}\n`);
    return 1;
  }
}
