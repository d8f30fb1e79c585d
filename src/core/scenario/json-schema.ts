/** JSON Schema (draft 2020-12) of the scenario file format, for editor completion and checking. */
import { z } from "zod";
import { ParamValue } from "./param.js";
import { scenarioFileSchema } from "./schema.js";

let cached: string | undefined;

/** The JSON Schema of scenario files as written (input side: defaulted fields are optional). A fresh copy each call. */
export function scenarioJsonSchema(): Record<string, unknown> {
  cached ??= JSON.stringify(
    z.toJSONSchema(scenarioFileSchema, {
      target: "draft-2020-12",
      io: "input",
      override: (ctx) => {
        // zod leaves out defaults of fields that transform (numeric parameters, lists of entities with
        // parameters) because the parser's default is an output value; the file's default is plain data.
        const schema: unknown = ctx.zodSchema;
        if (schema instanceof z.ZodDefault && ctx.jsonSchema.default === undefined) {
          const value: unknown = schema.def.defaultValue;
          ctx.jsonSchema.default = value instanceof ParamValue ? value.value : value;
        }
        // Keys of a record (the levers) are any text as far as JSON Schema goes; the loader checks them.
        const names = ctx.jsonSchema.propertyNames;
        if (names && typeof names === "object" && Object.keys(names).join() === "type") {
          delete ctx.jsonSchema.propertyNames;
        }
      },
    }),
  );
  return JSON.parse(cached) as Record<string, unknown>;
}
