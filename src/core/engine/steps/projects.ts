/**
 * Projects: announced on their date (or by an action), building once their condition holds, operating
 * after their construction time; their links join the network the day after. Declared connectivity
 * counts what was announced, operational what runs.
 */

import { benchmarkMet } from "../../mechanisms/index.js";
import { evaluationContext } from "../context.js";
import type { World } from "../world.js";

export function projectsStep(world: World): void {
  const { scenario, projectConditions } = world.model;
  const { benchmarkDays } = world.modifiers;
  const ctx = evaluationContext(world);
  scenario.projects.forEach((project, p) => {
    // Security benchmark: the project's condition, counted in consecutive days (benchmarkDays > 0).
    let benchmark = true;
    if (benchmarkDays > 0) {
      const condition = projectConditions[p];
      benchmark = !condition || condition(ctx);
      world.benchmarkStreak[p] = benchmark ? world.benchmarkStreak[p]! + 1 : 0;
    }
    const phase = world.projectPhase[p];
    if (phase === "unannounced" && world.model.projectAnnounceDay[p] === world.day) {
      world.projectPhase[p] = "announced";
      world.projectAnnouncedDay[p] = world.day;
      world.record({
        kind: "project-announced",
        target: project.id,
        cause: "announcement date of the project",
        values: { "declared capacity": project.declaredCapacity },
        text: `${project.name} announced: ${project.declaredCapacity} ${project.capacityUnit}`,
      });
      return;
    }
    if (phase === "announced" || phase === "stalled") {
      const condition = projectConditions[p];
      // A stalled project restarts only on a stated condition; an announced one may start at once.
      if (phase === "stalled" && !condition) return;
      if (condition && !condition(ctx)) return;
      world.projectPhase[p] = "building";
      world.projectBuildingDay[p] = world.day;
      world.record({
        kind: "project-building",
        target: project.id,
        cause: project.condition ? `condition holds: ${project.condition}` : "no condition: building starts",
        values: { "construction days": project.constructionDays },
        text: `building of ${project.name} started`,
      });
      return;
    }
    if (phase === "building") {
      // With benchmarks, building advances only on days the benchmark holds, and a finished project
      // waits until it has held benchmarkDays in a row (mechanisms/announcements.ts).
      if (benchmark) world.projectBuilt[p]! += 1;
      if (world.projectBuilt[p]! < project.constructionDays) return;
      if (!benchmarkMet(world.benchmarkStreak[p]!, benchmarkDays)) return;
      world.projectPhase[p] = "operational";
      world.projectOperatingDay[p] = world.day;
      // A new epoch makes tomorrow's network state re-read every element; opening the project's links
      // then marks the routing dirty.
      world.networkEpoch += 1;
      world.record({
        kind: "project-operational",
        target: project.id,
        cause:
          benchmarkDays > 0
            ? `hypothesis securityBenchmarks (Operation needs sustained security): construction finished and the condition held ${world.benchmarkStreak[p]} days in a row (≥ ${benchmarkDays})`
            : "construction finished",
        values: {
          "construction days": project.constructionDays,
          ...(benchmarkDays > 0 ? { "benchmark held (days)": world.benchmarkStreak[p]! } : {}),
        },
        text: `${project.name} is operating`,
      });
    }
  });
}
