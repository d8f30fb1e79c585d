/**
 * A named policy of one actor: rules and an optional staged programme, written in the policy language
 * (src/core/policy-language). The schema checks the shape; `policy-text.ts` parses and checks the text.
 */
import { z } from "zod";
import { actorRefSchema, idSchema, policyTextSchema, textSchema } from "./fields.js";

const actionList = () =>
  z
    .array(policyTextSchema('"open(torkham)"'))
    .default([])
    .describe(
      'Actions, each text one or more calls separated by ";", e.g. "open(gate); restrict(pass, 12)".',
    );

const stageSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, { error: "a stage name" })
      .describe("Stage name, unique within the programme."),
    description: textSchema().describe('What the stage means, in words. Default "".'),
    enter: policyTextSchema('"incidents(pass_zone, 30) < 5 for 60 days"').describe(
      "Benchmark to enter this stage from the one before: a condition, optionally followed by `for N days`.",
    ),
    exit: policyTextSchema('"incidents(pass_zone, 7) > 3"')
      .optional()
      .describe("Condition (optionally `for N days`) that sends the actor back one stage. Omit: never."),
    actions: actionList().describe("Actions taken on entering the stage. Default []."),
    exitActions: actionList().describe("Actions taken on falling back out of the stage. Default []."),
  })
  .meta({ title: "Stage", description: "One stage of a programme, entered when its benchmark holds." });

export const policySchema = z
  .strictObject({
    id: idSchema.describe("Unique id among policies; runs and comparisons pick policies by it."),
    actor: actorRefSchema.describe("Id of the actor that follows this policy."),
    description: textSchema().describe('Plain-language description shown in comparisons. Default "".'),
    rules: z
      .array(policyTextSchema('"when incidents(pass_zone, 30) > 5 then close(gate)"'))
      .default([])
      .describe("Rules `when <condition> [for N days] then <action>; <action>`. Default []."),
    programme: z
      .strictObject({
        stages: z
          .array(stageSchema)
          .min(1, { error: "a non-empty list of stages" })
          .describe("Stages in order; the actor starts before the first (stage 0)."),
      })
      .optional()
      .describe(
        "A staged programme: stages entered one after another as their benchmarks hold. Omit for none.",
      ),
  })
  .meta({
    title: "Policy",
    description:
      "A named policy of one actor: rules and an optional staged programme in the policy language.",
  });
