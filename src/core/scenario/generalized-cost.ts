/** Weights that turn time and distance into USD per vehicle: cost = hours·valueOfTime + km·costPerKm + fees. */
import { z } from "zod";
import { param } from "./param.js";

/**
 * Placeholder defaults, not cited: a scenario should set its own. They are listed as kind "default" in
 * the parameter list so that `corridor sources` flags them.
 */
export const VALUE_OF_TIME_USD_PER_HOUR_DEFAULT = 10;
export const COST_PER_KM_USD_DEFAULT = 1;

export const generalizedCostSchema = z
  .strictObject({
    valueOfTimeUsdPerHour: param(z.number().min(0), VALUE_OF_TIME_USD_PER_HOUR_DEFAULT).describe(
      "Value of one vehicle-hour (driver, vehicle and cargo time), USD/hour. Default 10 (placeholder).",
    ),
    costPerKmUsd: param(z.number().min(0), COST_PER_KM_USD_DEFAULT).describe(
      "Vehicle operating cost per km (fuel, wear), USD/km. Default 1 (placeholder).",
    ),
  })
  .prefault({})
  .meta({
    title: "Generalized cost",
    description:
      "Generalized cost per vehicle, USD = hours × valueOfTimeUsdPerHour + km × costPerKmUsd + fees.",
  });
