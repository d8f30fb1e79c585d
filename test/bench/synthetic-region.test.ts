import { describe, expect, it } from "vitest";
import {
  REGION_SIZES,
  type RegionSize,
  syntheticRegion,
  syntheticRegionOfSize,
} from "../../bench/synthetic-region.js";
import { validateScenario } from "../../src/core/scenario/index.js";
import type { Scenario } from "../../src/core/scenario/types.js";

const sizes = Object.keys(REGION_SIZES) as RegionSize[];
const regions = new Map(
  sizes.map((size) => [size, validateScenario(syntheticRegionOfSize(size), `${size}.yaml`).scenario]),
);
const region = (size: RegionSize) => regions.get(size)!;

/** Nodes reachable from the first one over links (and crossings when `crossings`), both ways. */
function reachable(scenario: Scenario, from: string, crossings: boolean): Set<string> {
  const next = new Map<string, string[]>();
  const join = (a: string, b: string) => {
    next.set(a, [...(next.get(a) ?? []), b]);
    next.set(b, [...(next.get(b) ?? []), a]);
  };
  for (const l of scenario.links) join(l.from, l.to);
  if (crossings) for (const c of scenario.crossings) join(c.from, c.to);
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    for (const n of next.get(queue.pop()!) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}

describe("synthetic region for the engine benchmark", () => {
  it.each(sizes)("the %s region passes scenario validation with the counts its size asks for", (size) => {
    const spec = REGION_SIZES[size];
    // validateScenario throws an InputError on any issue, so reaching here means none.
    const scenario = validateScenario(syntheticRegionOfSize(size), `${size}.yaml`).scenario;
    expect(scenario.nodes).toHaveLength(spec.nodes);
    expect(scenario.demand).toHaveLength(spec.pairs);
    expect(scenario.zones).toHaveLength(spec.zones);
    expect(new Set(scenario.nodes.map((n) => n.country)).size).toBe(spec.countries);
    const links = scenario.links.length + scenario.crossings.length;
    expect(links).toBeGreaterThanOrEqual(1.9 * spec.nodes);
    expect(links).toBeLessThanOrEqual(2.1 * spec.nodes);
  });

  it("the same seed gives the same region and another seed a different one", () => {
    expect(syntheticRegionOfSize("small", 7)).toEqual(syntheticRegionOfSize("small", 7));
    expect(syntheticRegionOfSize("large", 7)).toEqual(syntheticRegionOfSize("large", 7));
    expect(syntheticRegionOfSize("small", 8)).not.toEqual(syntheticRegionOfSize("small", 7));
  });

  it.each(sizes)(
    "every node of the %s region reaches every other, and its own country's nodes without crossing",
    (size) => {
      const scenario = region(size);
      expect(reachable(scenario, scenario.nodes[0]!.id, true).size).toBe(scenario.nodes.length);
      for (const country of new Set(scenario.nodes.map((n) => n.country))) {
        const members = scenario.nodes.filter((n) => n.country === country);
        const domestic = reachable(scenario, members[0]!.id, false);
        expect(members.every((n) => domestic.has(n.id))).toBe(true);
      }
    },
  );

  it.each(sizes)("in the %s region, trade runs between cities and belongs to the origin's state", (size) => {
    const scenario = region(size);
    const node = new Map(scenario.nodes.map((n) => [n.id, n]));
    const stateOf = new Map(scenario.actors.map((a) => [a.country, a.id]));
    const pairs = new Set(scenario.demand.map((d) => `${d.origin}>${d.destination}`));
    expect(pairs.size).toBe(scenario.demand.length);
    for (const d of scenario.demand) {
      expect(node.get(d.origin)!.kind).toBe("city");
      expect(node.get(d.destination)!.kind).toBe("city");
      expect(d.owner).toBe(stateOf.get(node.get(d.origin)!.country));
    }
    expect(
      scenario.demand.some((d) => node.get(d.origin)!.country !== node.get(d.destination)!.country),
    ).toBe(true);
  });

  it.each(sizes)(
    "in the %s region, each policy closes and reopens a crossing on its state's border",
    (size) => {
      const scenario = region(size);
      const node = new Map(scenario.nodes.map((n) => [n.id, n]));
      expect(scenario.policies.length).toBeGreaterThan(0);
      for (const policy of scenario.policies) {
        const country = scenario.actors.find((a) => a.id === policy.actor)!.country;
        const gates = policy.rules.map((r) => /(?:close|open)\((\w+)\)/.exec(r)?.[1]);
        expect(gates[0]).toBeDefined();
        expect(gates[1]).toBe(gates[0]);
        const crossing = scenario.crossings.find((c) => c.id === gates[0])!;
        expect([node.get(crossing.from)!.country, node.get(crossing.to)!.country]).toContain(country);
      }
    },
  );

  it.each(sizes)("the %s region's zones are stationary Hawkes processes on border areas", (size) => {
    const scenario = region(size);
    const zoned = new Set(
      [...scenario.links, ...scenario.crossings].flatMap((l) => (l.zone ? [l.zone] : [])),
    );
    for (const z of scenario.zones) {
      expect(z.baselinePerDay).toBeGreaterThanOrEqual(0.05);
      expect(z.baselinePerDay).toBeLessThanOrEqual(0.3);
      const branching = z.excitationPerDay / z.decayPerDay;
      expect(branching).toBeGreaterThan(0.28);
      expect(branching).toBeLessThan(0.52);
      expect(zoned.has(z.id)).toBe(true);
    }
    expect(scenario.zones.some((z) => z.sanctuary !== undefined)).toBe(true);
  });

  it("refuses a region with more zones than its crossings have sides", () => {
    expect(() => syntheticRegion({ nodes: 20, countries: 2, pairs: 4, zones: 50 })).toThrow(
      /at most \d+ zones/,
    );
  });
});
