/** Congestion queues: a crossing above capacity builds a queue whose delay is a real cost. */
import { z } from "zod";
import { param } from "../param.js";
import { defineHypothesis } from "./spec.js";

export const congestionQueues = defineHypothesis({
  key: "congestionQueues",
  title: "Congestion queues",
  claim:
    "Capacity binds: a crossing asked to carry more than it can clears the excess a day later and later, and traders price the wait, so a capacity cut shifts routes.",
  domain: [0, 5],
  strengthMeaning:
    "Weight of the queue's priced delay in the crossing's toll: 1 prices the wait B/c days at 24·VOT plus the cargo's time cost per day.",
  params: {
    cargoTimeCostPerDay: param(z.number().min(0).max(1), 0.01).describe(
      "h: cargo's time cost per day of delay, share of its value; Hummels & Schaur (2013) estimate 0.006–0.021 a day. Default 0.01.",
    ),
  },
});
