/** Small field schemas shared by several entities. */
import { z } from "zod";

/** Ids are written in policy text too; plain `snake_case` ids need no quotes there. */
const ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

export const idSchema = z
  .string()
  .regex(ID, { error: "an id of letters, digits, _ . or - (no spaces), e.g. spin_boldak" })
  .describe(
    "Unique id, used to refer to this entry. Letters, digits, _ . -; snake_case reads best in policy text.",
  );

export const nameSchema = z.string().trim().min(1, { error: "non-empty text" }).describe("Display name.");

/** A reference to a node by id; checked against the declared nodes after parsing, with a suggestion. */
export const nodeRefSchema = z.string().min(1, { error: "a node id" });

/**
 * A reference to another entry by id (`what` is "actor", "zone", "project" …). The schema only asks for
 * text; the reference checks after parsing say which ids exist and suggest the closest.
 */
export function refSchema(what: string) {
  return z.string().min(1, { error: `the id of ${/^[aeiou]/.test(what) ? "an" : "a"} ${what}` });
}

export const actorRefSchema = refSchema("actor");

export const countrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: "an ISO 3166-1 alpha-2 country code in capitals, e.g. PK" })
  .describe("ISO 3166-1 alpha-2 country code (PK, AF, IR, UZ …) of the territory the node lies in.");

export const securityZoneSchema = z
  .string()
  .trim()
  .min(1, { error: "a security zone id" })
  .describe(
    "Id of the security zone the link runs through; incidents there may damage it. When the scenario declares zones it must name one of them; without zones it is a free label. Omit for none.",
  );

/**
 * Longest run, in days: 100 years. A run records every indicator for every day, so the horizon bounds
 * memory; a century is far beyond what a scenario's assumptions can speak to.
 */
export const MAX_DAYS = 36_525;

/** Dates are ISO `YYYY-MM-DD` with a four-digit year from 0001: what the outputs (CSV, Parquet DATE) can write. */
export const FIRST_DATE = "0001-01-01";
export const LAST_DATE = "9999-12-31";

/**
 * Latest start of a run: the longest horizon (MAX_DAYS) from it still ends within year 9999. A start
 * later than this is refused when the scenario is read, not when an output writer meets year 10000.
 */
export const LAST_START = "9899-12-31";

/** A calendar date. YAML reads an unquoted 2024-01-01 as text, which is what this expects. */
export const dateSchema = z.iso
  .date({ error: "a date as YYYY-MM-DD" })
  .refine((d) => d >= FIRST_DATE, { error: `a date from ${FIRST_DATE} (year 0000 is not a calendar year)` });

/** The start date of a run: a date no later than LAST_START. */
export const startDateSchema = dateSchema.refine((d) => d <= LAST_START, {
  error: `a start date no later than ${LAST_START}, so that a run of up to ${MAX_DAYS} days ends by ${LAST_DATE}`,
});

/** Inner constraint of a probability or share, for `param(...)`. */
export const unitInterval = () => z.number().min(0).max(1);

/** Free text that may be empty, defaulting to "". */
export const textSchema = () => z.string().default("");

/** Policy-language text: a condition, a rule or an action list. Its grammar is checked after the schema. */
export const policyTextSchema = (example: string) =>
  z.string().regex(/\S/, { error: `policy text such as ${example}` });
