/** A security zone: where incidents happen, at a self-exciting rate. */
import { z } from "zod";
import { actorRefSchema, countrySchema, idSchema, nameSchema, unitInterval } from "./fields.js";
import { param } from "./param.js";

/** Defaults of the optional zone fields (docs/scenario-format.md gives the reason for each). */
const ZONE_DEFAULTS = {
  fatalityShape: 2,
  fatalityScale: 1,
  majorFatalities: 10,
  linkHitProbability: 0.05,
  damageShare: 0.5,
  damageDays: 3,
} as const;

export const zoneSchema = z
  .strictObject({
    id: idSchema.describe(
      "Unique id among zones; links, crossings and policy text (incidents(zone, 30)) name it.",
    ),
    name: nameSchema,
    country: countrySchema.describe("ISO 3166-1 alpha-2 code of the territory the zone lies in."),
    baselinePerDay: param(z.number().min(0)).describe(
      "Hawkes baseline rate μ, incidents/day: the rate with no recent incidents (Hawkes 1971).",
    ),
    excitationPerDay: param(z.number().min(0)).describe(
      "Hawkes jump α, incidents/day added to the rate by each incident, decaying at decayPerDay.",
    ),
    decayPerDay: param(z.number().positive()).describe(
      "Hawkes decay β, per day (1/β is how long an excitation lasts). excitationPerDay/decayPerDay must be < 1.",
    ),
    sanctuary: z
      .strictObject({
        actor: actorRefSchema.describe("Id of the actor (a state) across the border hosting the sanctuary."),
        share: param(unitInterval()).describe(
          "Share of the baseline the sanctuary sustains, 0–1; the host's enforcement e removes share × e of it.",
        ),
      })
      .optional()
      .describe("Cross-border sanctuary sustaining part of the baseline. Omit for none."),
    perpetrator: actorRefSchema
      .optional()
      .describe("Id of the actor (armed group) behind the incidents, for attribution and the event log."),
    fatalityShape: param(z.number().positive(), ZONE_DEFAULTS.fatalityShape).describe(
      "Shape of the Lomax law of fatalities per incident (heavy tailed; smaller is heavier). Default 2.",
    ),
    fatalityScale: param(z.number().positive(), ZONE_DEFAULTS.fatalityScale).describe(
      "Scale of the Lomax law of fatalities per incident, people; mean scale/(shape − 1) when shape > 1. Default 1.",
    ),
    majorFatalities: param(z.number().min(0), ZONE_DEFAULTS.majorFatalities).describe(
      "An incident with at least this many fatalities is major and drives the escalation ladder. Default 10.",
    ),
    linkHitProbability: param(unitInterval(), ZONE_DEFAULTS.linkHitProbability).describe(
      "Probability that an incident damages a link or crossing in the zone, 0–1. Default 0.05.",
    ),
    damageShare: param(unitInterval(), ZONE_DEFAULTS.damageShare).describe(
      "Share of a damaged link's capacity lost, 0–1. Default 0.5.",
    ),
    damageDays: param(z.number().min(0), ZONE_DEFAULTS.damageDays).describe(
      "Days a damaged link stays damaged. Default 3.",
    ),
  })
  .meta({
    title: "Zone",
    description:
      "A security zone: incidents arrive at a self-exciting (Hawkes) rate, kill people and may damage links in it.",
  });
