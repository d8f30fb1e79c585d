/** A programme of returns (deportations) from one actor to another over a period. */
import { z } from "zod";
import { actorRefSchema, dateSchema, idSchema } from "./fields.js";
import { param } from "./param.js";

export const returnsSchema = z
  .strictObject({
    id: idSchema.describe("Unique id among returns programmes."),
    from: actorRefSchema.describe("Id of the actor sending people back."),
    to: actorRefSchema.describe("Id of the actor receiving them."),
    start: dateSchema.describe("First day of the programme, YYYY-MM-DD."),
    end: dateSchema.optional().describe("Last day, YYYY-MM-DD, not before start. Omit: open-ended."),
    peoplePerDay: param(z.number().min(0)).describe("People returned per day, people/day."),
  })
  .meta({
    title: "Returns",
    description:
      "A programme of returns (deportations) at a daily rate; returns carry a humanitarian cost and count as hostile acts.",
  });
