import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MECHANISMS } from "../../src/core/engine/mechanisms/index.js";
import { HYPOTHESES } from "../../src/core/scenario/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../src/core/engine");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Relative imports of each engine file (type-only imports included), as absolute paths. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(root)) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)\.js"/g)].map((m) =>
      resolve(dirname(file), `${m[1]}.ts`),
    );
    graph.set(
      file,
      targets.filter((t) => t.startsWith(root)),
    );
  }
  return graph;
}

describe("engine architecture", () => {
  it("has no import cycle among its modules, type-only imports included", () => {
    const graph = importGraph();
    const state = new Map<string, "open" | "done">();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => relative(root, f)).join(" → "));
        return;
      }
      state.set(file, "open");
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
    // And the particular circle this layout removed: no step imports actions, no action imports a step.
    const steps = [...graph.keys()].filter((f) => f.includes("/steps/"));
    const actions = join(root, "actions.ts");
    for (const step of steps) {
      if (step.endsWith("policies.ts")) continue; // the policy step carries actions out
      expect(graph.get(step)).not.toContain(actions);
    }
    expect((graph.get(actions) ?? []).some((f) => f.includes("/steps/"))).toBe(false);
  });

  it("registers exactly one mechanism per hypothesis of the scenario format", () => {
    expect(MECHANISMS.map((m) => m.key).sort()).toEqual(HYPOTHESES.map((h) => h.key).sort());
  });

  it("keeps the daily loop free of any mechanism's name", () => {
    const loop = readFileSync(join(root, "simulate.ts"), "utf8");
    for (const h of HYPOTHESES) expect(loop).not.toContain(h.key);
  });
});
