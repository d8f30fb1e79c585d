/**
 * Projects: announced on their date (or by an action), building once their condition holds, operating
 * after their construction time; their links join the network the day after. Declared connectivity
 * counts what was announced, operational what runs.
 */

import { evaluationContext } from "../context.js";
import type { World } from "../world.js";

export function projectsStep(world: World): void {
  const { scenario, projectConditions } = world.model;
  const ctx = evaluationContext(world);
  scenario.projects.forEach((project, p) => {
    const phase = world.projectPhase[p];
    if (phase === "unannounced" && world.model.calendar.day(project.announced) === world.day) {
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
      world.projectBuilt[p]! += 1;
      if (world.projectBuilt[p]! < project.constructionDays) return;
      world.projectPhase[p] = "operational";
      world.projectOperatingDay[p] = world.day;
      world.dirty = true;
      world.networkEpoch += 1;
      world.record({
        kind: "project-operational",
        target: project.id,
        cause: "construction finished",
        values: { "construction days": project.constructionDays },
        text: `${project.name} is operating`,
      });
    }
  });
}
