/** A trade flow between two demand zones. */
import { z } from "zod";
import { actorRefSchema, nodeRefSchema, unitInterval } from "./fields.js";
import { param } from "./param.js";

export const demandSchema = z
  .strictObject({
    origin: nodeRefSchema.describe("Id of the zone node the flow starts at."),
    destination: nodeRefSchema.describe("Id of the zone node the flow ends at."),
    vehiclesPerDay: param(z.number().min(0)).describe(
      "Trucks (or wagons) per day at the scenario start, vehicles/day.",
    ),
    valueUsdPerVehicle: param(z.number().min(0)).describe("Value of the cargo of one vehicle, USD/vehicle."),
    perishable: z
      .boolean()
      .default(false)
      .describe("Cargo spoils while it waits (fresh fruit, vegetables). Default false."),
    growthPerYear: param(z.number().gt(-1), 0).describe(
      "Growth of vehiclesPerDay per year as a fraction (0.05 = +5 %/year), compounded. Default 0.",
    ),
    owner: actorRefSchema
      .optional()
      .describe(
        "Id of the actor whose trade this is (for dependence, coercion and costs); must name a declared actor when the scenario declares actors.",
      ),
    reservationCostUsd: param(z.number().min(0))
      .optional()
      .describe(
        "Cost per vehicle above which the trip is not made that day (elastic demand), USD/vehicle. Omit: 25 % of valueUsdPerVehicle.",
      ),
    transitVia: actorRefSchema
      .optional()
      .describe(
        "Id of the actor whose transit regime this trade depends on: while that actor suspends transit for the owner, the trade may not cross its territory (it reroutes or goes unserved).",
      ),
    transitFeeExposure: param(unitInterval())
      .optional()
      .describe(
        "Share of the cargo's value a transit fee (transit_fee) applies to: 1 for goods on the fee's list, 0 for goods off it. Transit entries of one origin, owner and transit state that differ in it route as separate classes. Omit: 1.",
      ),
  })
  .meta({ title: "Demand", description: "A trade flow between two zones, in vehicles per day." });
