/** A state, an armed group, a mediator or an international body. */
import { z } from "zod";
import { countrySchema, idSchema, nameSchema, refSchema, unitInterval } from "./fields.js";
import { param } from "./param.js";

export const ACTOR_KINDS = ["state", "armed-group", "mediator", "international-body"] as const;

const ACTOR_DEFAULTS = {
  patienceDays: 90,
  enforcement: 0.2,
  monitorStrength: 0,
  complianceCostUsd: 1e8,
} as const;

export const actorSchema = z
  .strictObject({
    id: idSchema.describe("Unique id among actors; policy text names it (trust(xa, xb))."),
    name: nameSchema,
    kind: z.enum(ACTOR_KINDS).describe("state | armed-group | mediator | international-body."),
    country: countrySchema
      .optional()
      .describe("ISO 3166-1 alpha-2 code of its territory (states); trade crossing it depends on the actor."),
    patienceDays: param(z.number().min(0), ACTOR_DEFAULTS.patienceDays).describe(
      "Days it waits for coercion to work before judging it, days. Default 90.",
    ),
    enforcement: param(unitInterval(), ACTOR_DEFAULTS.enforcement).describe(
      "Effort at the start against armed groups using its territory as a sanctuary, 0–1. Default 0.2.",
    ),
    monitorStrength: param(unitInterval(), ACTOR_DEFAULTS.monitorStrength).describe(
      "As an outside monitor: strength m, 0–1, in verification v = 1 − (1 − v0)·Π(1 − m). Default 0.",
    ),
    complianceCostUsd: param(z.number().positive(), ACTOR_DEFAULTS.complianceCostUsd).describe(
      "Cost to it of complying with a coercive demand, USD (K in the compliance model). Default 1e8.",
    ),
    policy: refSchema("policy")
      .optional()
      .describe(
        "Id of the policy it follows unless a run picks another; the policy's actor must be this one.",
      ),
  })
  .meta({
    title: "Actor",
    description:
      "A state, armed group, mediator or international body: it holds trust, follows policies, pays costs.",
  });
