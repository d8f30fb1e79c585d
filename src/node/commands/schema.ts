import type { Command } from "commander";
import { experimentJsonSchema } from "../../core/experiment/index.js";
import { scenarioJsonSchema } from "../../core/scenario/index.js";
import type { Io } from "../io.js";

export function registerSchema(program: Command, io: Io): void {
  program
    .command("schema")
    .description(
      "print the JSON Schema of scenario files (save it as corridor.schema.json for editor completion), or of experiment files",
    )
    .option("--experiment", "the schema of experiment files (experiment.schema.json)")
    .action((options: { experiment?: boolean }) => {
      const schema = options.experiment ? experimentJsonSchema() : scenarioJsonSchema();
      io.out(`${JSON.stringify(schema, null, 2)}\n`);
    });
}
