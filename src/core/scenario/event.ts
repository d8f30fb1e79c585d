/** Something that happened on a date, forced in a hindcast: actions, an attack, or both. */
import { z } from "zod";
import { actorRefSchema, dateSchema, policyTextSchema, refSchema } from "./fields.js";
import { param } from "./param.js";

export const eventSchema = z
  .strictObject({
    date: dateSchema.describe("Day it happens, YYYY-MM-DD."),
    actor: actorRefSchema.optional().describe("Id of the actor taking the actions (the log names it)."),
    actions: z
      .array(policyTextSchema('"close(gate)"'))
      .default([])
      .describe('Actions in the policy language, e.g. "close(friendship_gate)". Default [].'),
    incident: z
      .strictObject({
        zone: refSchema("zone").describe("Id of the zone the attack happens in."),
        fatalities: param(z.number().int().min(0)).describe("People killed, a whole number."),
        attributedTo: actorRefSchema.optional().describe("Id of the actor it is attributed to."),
      })
      .optional()
      .describe("An attack in a zone with a given toll. Omit for none."),
    note: z
      .string()
      .trim()
      .min(1, { error: "a few words on what happened" })
      .describe("What happened, in words."),
    source: z.string().trim().min(1).optional().describe("Where it is reported: a URL or a reference."),
  })
  .meta({
    title: "Forced event",
    description: "Something that happened on a date, replayed in a hindcast: actions, an attack, or both.",
  });
