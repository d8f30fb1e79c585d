/**
 * Operation needs sustained security (mechanisms/announcements.ts): with N days, the projects step
 * advances construction only on days a project's condition holds and lets a finished project operate
 * only once the condition has held N days in a row (World.modifiers.benchmarkDays).
 */
import { defineMechanism } from "../mechanism.js";

export const securityBenchmarksMechanism = defineMechanism({
  key: "securityBenchmarks",
  events: [],
  contributions: {
    daysPaused: "project-days of construction lost or operation withheld because the benchmark failed",
  },
  init(world, entry) {
    world.modifiers.benchmarkDays = Math.round(entry.strength);
    return {};
  },
  hooks: {
    projects(ctx) {
      const { world } = ctx;
      const { projectPhase, benchmarkStreak } = world;
      for (let p = 0; p < projectPhase.length; p++)
        if (projectPhase[p] === "building" && benchmarkStreak[p] === 0) ctx.totals.daysPaused += 1;
    },
  },
});
