import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError, type InputIssue } from "../errors/index.js";
import { buildNetwork, findLink, networkFromTntp, setLinkClosed } from "./graph.js";
import { parseTntpNet } from "./tntp.js";

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

const road = (from: number, to: number) => ({ from, to, capacity: 100, freeFlowTime: 1, b: 0.15, power: 4 });

describe("the forward-star network", () => {
  it("lists each node's outgoing and incoming links in spec order", () => {
    const net = buildNetwork({ nodeCount: 3, links: [road(0, 1), road(2, 0), road(0, 2), road(1, 2)] });
    expect(Array.from(net.outStart)).toEqual([0, 2, 3, 4]);
    expect(Array.from(net.outLink)).toEqual([0, 2, 3, 1]);
    expect(Array.from(net.outHead)).toEqual([1, 2, 2, 0]);
    expect(Array.from(net.inStart)).toEqual([0, 1, 2, 4]);
    expect(Array.from(net.inLink)).toEqual([1, 0, 2, 3]);
    expect(Array.from(net.length)).toEqual([0, 0, 0, 0]);
    expect(Array.from(net.noThrough)).toEqual([0, 0, 0]);
  });

  it("finds a link by its end nodes and closes and reopens it in place", () => {
    const net = buildNetwork({ nodeCount: 3, links: [road(0, 1), road(1, 2)] });
    expect(findLink(net, 1, 2)).toBe(1);
    expect(findLink(net, 2, 1)).toBe(-1);
    setLinkClosed(net, 1, true);
    expect(net.closed[1]).toBe(1);
    setLinkClosed(net, 1, false);
    expect(net.closed[1]).toBe(0);
    expect(issuesOf(() => setLinkClosed(net, 7, true))[0]!.code).toBe("out-of-range");
  });

  it("accepts constant-cost links with zero capacity, as elastic-demand no-trip links need", () => {
    const net = buildNetwork({
      nodeCount: 2,
      links: [
        { from: 0, to: 1, capacity: 0, freeFlowTime: 30, b: 0, power: 4 },
        { from: 0, to: 1, capacity: 0, freeFlowTime: 30, b: 0.15, power: 0 },
      ],
    });
    expect(net.linkCount).toBe(2);
  });

  it("reports every bad link with its path, and nothing is built", () => {
    const issues = issuesOf(() =>
      buildNetwork({
        nodeCount: 2,
        links: [
          { from: 0, to: 5, capacity: 10, freeFlowTime: 1, b: 0.15, power: 4 },
          { from: 1, to: 1, capacity: -40, freeFlowTime: Number.NaN, b: 0.15, power: 4 },
          { from: 0, to: 1, capacity: 0, freeFlowTime: 1, b: 0.15, power: 4, toll: -1 },
        ],
      }),
    );
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      "dangling-reference links[0].to",
      "self-loop links[1]",
      "out-of-range links[1].freeFlowTime",
      "out-of-range links[1].capacity",
      "out-of-range links[2].toll",
      "out-of-range links[2].capacity",
    ]);
    expect(issues[3]!.found).toBe("-40");
  });

  it("rejects a no-through list of the wrong length", () => {
    const issues = issuesOf(() => buildNetwork({ nodeCount: 2, links: [road(0, 1)], noThrough: [true] }));
    expect(issues[0]).toMatchObject({ code: "out-of-range", path: "noThrough" });
  });

  it("converts Anaheim with 0-based ids and its first 38 nodes as no-through zones", () => {
    const net = networkFromTntp(parseTntpNet(fixture("Anaheim", "Anaheim_net.tntp"), "Anaheim_net.tntp"));
    expect(net.nodeCount).toBe(416);
    expect(net.linkCount).toBe(914);
    expect(net.from[0]).toBe(0);
    expect(net.to[0]).toBe(116);
    expect(net.noThrough[37]).toBe(1);
    expect(net.noThrough[38]).toBe(0);
    expect(net.length[0]).toBe(5280);
  });
});
