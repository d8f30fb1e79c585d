/** The daily link flows a run can keep (`recordFlows`): the map plays them day by day. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core/engine/index.js";
import { loadScenario } from "../../src/core/scenario/index.js";

const text = readFileSync(new URL("../../scenarios/examples/two-routes.yaml", import.meta.url), "utf8");
const scenario = loadScenario(text, "two-routes.yaml").scenario;

describe("recorded link flows", () => {
  const days = 730;
  // Run by each test that reads it, not once for the block: mutation testing credits a test only with
  // the code run inside it, so a shared run would leave these assertions out of every mutant's check.
  const runs = () => {
    const plain = simulate(scenario, { seed: 3, days });
    const recorded = simulate(scenario, { seed: 3, days, recordFlows: true });
    return { plain, recorded };
  };

  it("are kept only when asked, and change nothing else", () => {
    const { plain, recorded } = runs();
    expect(plain.flows.changes).toBeUndefined();
    expect(recorded.outcomes).toEqual(plain.outcomes);
    expect(recorded.flows.links).toEqual(plain.flows.links);
  });

  it("start on day 0, change on increasing days, and average to each link's mean flow", () => {
    const { recorded } = runs();
    const changes = recorded.flows.changes!;
    expect(changes[0]!.day).toBe(0);
    expect(changes.length).toBeGreaterThan(1);
    for (let k = 1; k < changes.length; k++) expect(changes[k]!.day).toBeGreaterThan(changes[k - 1]!.day);
    recorded.flows.links.forEach((link, i) => {
      let sum = 0;
      changes.forEach((c, k) => {
        sum += c.flow[i]! * ((changes[k + 1]?.day ?? days) - c.day);
      });
      expect(sum / days).toBeCloseTo(link.meanFlow, 6);
    });
  });

  it("differ between days when the network changes (a closure moves traffic)", () => {
    const { recorded } = runs();
    const changes = recorded.flows.changes!;
    const moved = changes.some(
      (c, k) => k > 0 && c.flow.some((f, i) => Math.abs(f - changes[k - 1]!.flow[i]!) > 1),
    );
    expect(moved).toBe(true);
  });
});
