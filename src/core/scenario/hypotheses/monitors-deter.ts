/** Monitors make acts visible and deter: verification by monitors, and the cost of tolerating attacks seen. */
import { z } from "zod";
import { unitInterval } from "../fields.js";
import { param } from "../param.js";
import { defineHypothesis } from "./spec.js";

export const monitorsDeter = defineHypothesis({
  key: "monitorsDeter",
  title: "Monitors make acts visible and deter",
  claim:
    "Outside monitors and mediators make acts verifiable, and a host seen to tolerate attacks pays for it, so monitoring deters rather than only escalates.",
  domain: [0, 1],
  strengthMeaning:
    "At 1, a monitor with no strength of its own detects acts with probability monitorStrength, and each unit of verification added by monitors counts as deterrence of enforcement.",
  params: {
    monitorStrength: param(unitInterval(), 0.3).describe(
      "Detection probability of a monitoring mediator or international body whose own monitorStrength is 0, at strength 1. Default 0.3.",
    ),
    deterrence: param(z.number().min(0), 0.5).describe(
      "Enforcement-equivalent restraint of the host per unit of verification probability added by active monitors, at strength 1. Default 0.5.",
    ),
  },
});
