/** Announcements follow diplomatic warmth, not delivery. */
import { z } from "zod";
import { param } from "../param.js";
import { defineHypothesis } from "./spec.js";

export const warmAnnouncements = defineHypothesis({
  key: "warmAnnouncements",
  title: "Announcements follow warmth",
  claim:
    "Connectivity is announced when relations are warm: signings, memoranda and summit declarations follow diplomatic warmth whether or not anything gets built.",
  domain: [0, 50],
  strengthMeaning:
    "α: (re-)announcements a year of a project not yet operating when its sponsors' warmth W is 1, in h = α/365 · W^k.",
  params: {
    exponent: param(z.number().min(0), 2).describe("k in h = α/365 · W^k. Default 2."),
  },
});
