/**
 * Congestion queues (mechanisms/congestion-queue.ts): after each day's economy, the flow beyond an
 * open crossing link's capacity joins its point queue and spare capacity drains it (a closed crossing's
 * queue stands); the wait B/c is priced at s·(24·VOT + h·v̄) with v̄ the vehicle-weighted mean cargo
 * value, and the network step quotes it in the crossing's toll with the risk premia (weekly).
 */
import { delayCost, nextBacklog, queueDelayDays } from "../../mechanisms/index.js";
import { defineMechanism } from "../mechanism.js";
import { PREMIUM_REVISION_DAYS } from "../steps/network-state.js";

export const congestionQueuesMechanism = defineMechanism({
  key: "congestionQueues",
  events: ["queue-delay-change"],
  contributions: {
    queueDelayCostUsd:
      "delay cost incurred by the vehicles waiting in congestion queues: vehicle-days × (24·VOT + h·v̄), USD",
    queueTollPaidUsd:
      "queue delay quoted in the tolls of the vehicles crossing (flow × quoted queue toll, USD)",
    vehicleDaysQueued: "vehicles waiting in congestion queues at the end of each day, summed over days",
  },
  init(world) {
    return { quoted: new Float64Array(world.model.network.linkCount) };
  },
  hooks: {
    economy(ctx, state) {
      const { world, strength, entry } = ctx;
      const { model, flows, backlog, queueToll } = world;
      const { closed, capacity } = model.network;
      // The toll quoted today is the one computed last night, on quote days (steps/network-state.ts).
      const quoteDay = world.day % PREMIUM_REVISION_DAYS === 0;
      const perVehicleDay = 24 * model.valueOfTime + entry.cargoTimeCostPerDay * world.meanValuePerVehicle;
      // Summed here and reported once a day.
      let tollPaid = 0;
      let vehicleDays = 0;
      for (const e of model.crossingElement) {
        let worst = 0;
        for (const l of model.elements[e]!.links) {
          if (quoteDay) state.quoted[l] = queueToll[l]!;
          tollPaid += flows[l]! * state.quoted[l]!;
          if (!closed[l]) backlog[l] = nextBacklog(backlog[l]!, flows[l]!, capacity[l]!);
          vehicleDays += backlog[l]!;
          const days = queueDelayDays(backlog[l]!, capacity[l]!);
          worst = Math.max(worst, days);
          queueToll[l] = delayCost(
            days,
            model.valueOfTime,
            world.meanValuePerVehicle,
            entry.cargoTimeCostPerDay,
            strength,
          );
        }
        const before = ctx.movedSince(e, worst, 0, 1);
        if (before !== undefined) {
          const id = model.elements[e]!.id;
          ctx.explain({
            kind: "queue-delay-change",
            target: id,
            why: "point queue B ← max(0, B + x − c); wait B/c days priced at s·(24·VOT + h·v̄)",
            values: { "wait before (days)": before, "wait now (days)": worst },
            text: `the queue at ${id} now means a wait of ${worst.toFixed(1)} days`,
          });
        }
      }
      ctx.totals.queueTollPaidUsd += tollPaid;
      ctx.totals.vehicleDaysQueued += vehicleDays;
      ctx.totals.queueDelayCostUsd += vehicleDays * perVehicleDay;
    },
  },
});
