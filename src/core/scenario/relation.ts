/** Initial relations of a pair of actors: trust both ways, escalation rung, verification, mediators. */
import { z } from "zod";
import { RUNGS } from "../diplomacy/index.js";
import { actorRefSchema, unitInterval } from "./fields.js";
import { param } from "./param.js";

const RELATION_DEFAULTS = { trust: 0.5, ladder: "normal", verification: 0.3 } as const;

export const relationSchema = z
  .strictObject({
    a: actorRefSchema.describe("Id of one actor of the pair."),
    b: actorRefSchema.describe("Id of the other actor (different from a; each pair appears once)."),
    trustAB: param(unitInterval(), RELATION_DEFAULTS.trust).describe(
      "Trust of a in b at the start, 0–1. Default 0.5.",
    ),
    trustBA: param(unitInterval(), RELATION_DEFAULTS.trust).describe(
      "Trust of b in a at the start, 0–1. Default 0.5.",
    ),
    ladder: z
      .enum(RUNGS)
      .default(RELATION_DEFAULTS.ladder)
      .describe("Escalation rung at the start: normal (default) | tension | strikes | clashes | ceasefire."),
    verification: param(unitInterval(), RELATION_DEFAULTS.verification).describe(
      "Base probability v0 that an act between the pair is verified, 0–1. Default 0.3.",
    ),
    mediators: z
      .array(actorRefSchema)
      .default([])
      .describe("Ids of the actors that may mediate between the pair. Default []."),
  })
  .meta({
    title: "Relation",
    description:
      "Initial relations of a pair of actors: directed trust, escalation rung, verification, mediators.",
  });
