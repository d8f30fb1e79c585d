/**
 * Cycles among staged programmes: actor A's stage conditions read `stage(B)` and B's, directly or through
 * others, read `stage(A)`. Such programmes can wait on each other forever, so a scenario reports the cycle.
 * Cycles are the strongly connected components of the "reads the stage of" graph with two or more actors,
 * found with Tarjan's algorithm (Tarjan 1972, "Depth-first search and linear graph algorithms").
 * An actor reading its own stage is not a cycle between actors and is not reported.
 */
import type { InputIssue } from "../errors/index.js";
import { callsIn } from "./ast.js";
import type { Programme } from "./programmes.js";

export interface StageCycleIssue extends InputIssue {
  code: "stage-cycle";
  /** Every actor in the cycle, in the order of the programmes given. */
  actors: string[];
}

/** Actors whose stage the programme reads, in order of first mention. */
export function stageReferences(programme: Programme, stageFunction = "stage"): string[] {
  const out: string[] = [];
  for (const stage of programme.stages) {
    const conditions = stage.exit ? [stage.enter, stage.exit] : [stage.enter];
    for (const { condition } of conditions) {
      for (const call of callsIn(condition)) {
        const arg = call.args[0];
        if (call.name !== stageFunction || arg === undefined) continue;
        const id = arg.kind === "name" ? arg.name : arg.kind === "string" ? arg.value : undefined;
        if (id !== undefined && !out.includes(id)) out.push(id);
      }
    }
  }
  return out;
}

/** Strongly connected components, each listed in discovery order (Tarjan 1972). */
function components(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      out.push(component);
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return out;
}

/** Shortest path from `start` back to itself inside one component, by breadth-first search. */
function cycleThrough(
  start: string,
  members: ReadonlySet<string>,
  edges: ReadonlyMap<string, readonly string[]>,
): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const w of edges.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        for (let u = v; u !== start; ) {
          u = parent.get(u)!;
          path.push(u);
        }
        return [...path.reverse(), start];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/**
 * One issue per group of actors whose programmes read each other's stages in a cycle, naming the actors and
 * one concrete cycle, e.g. `pk → af → pk`. `programmes` maps each actor id to its programme.
 */
export function detectStageCycles(
  programmes: Readonly<Record<string, Programme>>,
  stageFunction = "stage",
): StageCycleIssue[] {
  const actors = Object.keys(programmes);
  const edges = new Map<string, string[]>();
  for (const actor of actors) {
    edges.set(
      actor,
      stageReferences(programmes[actor]!, stageFunction).filter((other) => other !== actor),
    );
  }
  const order = new Map(actors.map((a, i) => [a, i]));
  const rank = (a: string) => order.get(a) ?? actors.length;
  const issues: StageCycleIssue[] = [];
  for (const component of components(actors, edges)) {
    if (component.length < 2) continue;
    const members = [...component].sort((a, b) => rank(a) - rank(b));
    const cycle = cycleThrough(members[0]!, new Set(members), edges);
    const reads = cycle
      .slice(0, -1)
      .map((a, i) => `${a} reads stage(${cycle[i + 1]})`)
      .join(", ");
    issues.push({
      code: "stage-cycle",
      actors: members,
      message: `staged programmes wait on each other in a cycle: ${cycle.join(" → ")} (${reads}); remove one of these stage(…) reads to break it`,
    });
  }
  issues.sort((a, b) => rank(a.actors[0]!) - rank(b.actors[0]!));
  return issues;
}
