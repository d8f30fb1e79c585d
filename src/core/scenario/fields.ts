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

export const countrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: "an ISO 3166-1 alpha-2 country code in capitals, e.g. PK" })
  .describe("ISO 3166-1 alpha-2 country code (PK, AF, IR, UZ …) of the territory the node lies in.");

export const securityZoneSchema = z
  .string()
  .trim()
  .min(1, { error: "a security zone name" })
  .describe("Security zone the link runs through; incidents in that zone may hit it. Omit for none.");
