import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError, type InputIssue } from "../errors/index.js";
import { buildDemand, demandFromTntp, findPair, totalDemand } from "./demand.js";
import { parseTntpNet, parseTntpTrips } from "./tntp.js";

const fixture = (name: string, file: string) =>
  readFileSync(new URL(`../../../test/fixtures/tntp/${name}/${file}`, import.meta.url), "utf8");

function issuesOf(fn: () => unknown): InputIssue[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("OD demand", () => {
  it("groups pairs by origin, sorts destinations and sums repeated pairs", () => {
    const demand = buildDemand({
      nodeCount: 4,
      entries: [
        { origin: 2, destination: 0, demand: 5 },
        { origin: 0, destination: 3, demand: 1 },
        { origin: 0, destination: 1, demand: 2 },
        { origin: 2, destination: 0, demand: 1.5 },
        { origin: 1, destination: 0, demand: 0 },
      ],
    });
    expect(Array.from(demand.origins)).toEqual([0, 1, 2]);
    expect(Array.from(demand.pairStart)).toEqual([0, 2, 3, 4]);
    expect(Array.from(demand.destination)).toEqual([1, 3, 0, 0]);
    expect(Array.from(demand.demand)).toEqual([2, 1, 0, 6.5]);
    expect(findPair(demand, 2, 0)).toBe(3);
    expect(findPair(demand, 0, 2)).toBe(-1);
    expect(findPair(demand, 3, 0)).toBe(-1);
    expect(totalDemand(demand)).toBe(9.5);
  });

  it("reports intrazonal, negative and dangling entries", () => {
    const issues = issuesOf(() =>
      buildDemand({
        nodeCount: 2,
        entries: [
          { origin: 0, destination: 0, demand: 1 },
          { origin: 0, destination: 1, demand: -3 },
          { origin: 0, destination: 2, demand: 1 },
        ],
      }),
    );
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      "intrazonal demand[0]",
      "out-of-range demand[1].demand",
      "dangling-reference demand[2].destination",
    ]);
  });

  it("reads Sioux Falls trips as 528 pairs totalling 360,600", () => {
    const net = parseTntpNet(fixture("SiouxFalls", "SiouxFalls_net.tntp"), "SiouxFalls_net.tntp");
    const trips = parseTntpTrips(
      fixture("SiouxFalls", "SiouxFalls_trips.tntp"),
      "SiouxFalls_trips.tntp",
      net,
    );
    const demand = demandFromTntp(trips);
    expect(demand.pairCount).toBe(528);
    expect(demand.origins.length).toBe(24);
    expect(totalDemand(demand)).toBeCloseTo(360600, 6);
    expect(demand.demand[findPair(demand, 0, 1)]).toBe(100);
  });
});
