import type { Command } from "commander";
import { scenarioJsonSchema } from "../../core/scenario/index.js";
import type { Io } from "../io.js";

export function registerSchema(program: Command, io: Io): void {
  program
    .command("schema")
    .description(
      "print the JSON Schema of scenario files (save it as corridor.schema.json for editor completion)",
    )
    .action(() => {
      io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
}
