import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../errors/index.js";
import { parseTntpFlow, parseTntpNet, parseTntpNodes, parseTntpTrips } from "./tntp.js";

const fixture = (name: string, file: string) =>
  readFileSync(new URL(`../../../test/fixtures/tntp/${name}/${file}`, import.meta.url), "utf8");

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  throw new Error("expected an InputError");
}

const header = (links: number) =>
  `<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 3\n<FIRST THRU NODE> 3\n<NUMBER OF LINKS> ${links}\n<END OF METADATA>\n~ init term cap len fft b power speed toll type ;\n`;

describe("TNTP net files", () => {
  it("reads Sioux Falls with its metadata and 76 links", () => {
    const net = parseTntpNet(fixture("SiouxFalls", "SiouxFalls_net.tntp"), "SiouxFalls_net.tntp");
    expect(net.zones).toBe(24);
    expect(net.nodes).toBe(24);
    expect(net.firstThruNode).toBe(1);
    expect(net.links).toHaveLength(76);
    expect(net.metadata["ORIGINAL HEADER"]).toBeDefined();
    expect(net.links[0]).toMatchObject({
      from: 1,
      to: 2,
      capacity: 25900.20064,
      freeFlowTime: 6,
      b: 0.15,
      power: 4,
    });
  });

  it("reads Anaheim's first-thru-node rule and 914 links", () => {
    const net = parseTntpNet(fixture("Anaheim", "Anaheim_net.tntp"), "Anaheim_net.tntp");
    expect(net).toMatchObject({ zones: 38, nodes: 416, firstThruNode: 39 });
    expect(net.links).toHaveLength(914);
  });

  it("accepts non-integer powers and b = 0 / power = 0 links", () => {
    const net = parseTntpNet(
      `${header(2)}\t1\t3\t100\t1\t2\t0\t0\t1\t0\t1\t;\n\t3\t2\t100\t1\t2\t0.5\t2.5\t1\t0\t1\t;\n`,
      "x_net.tntp",
    );
    expect(net.links.map((l) => [l.b, l.power])).toEqual([
      [0, 0],
      [0.5, 2.5],
    ]);
  });

  it("reports a truncated file with its name and line", () => {
    const text = `${header(2)}\t1\t3\t100\t1\t2\t0.15\t4\t1\t0\t1\t;\n\t3\t2\t100\t1`;
    const issues = issuesOf(() => parseTntpNet(text, "cut_net.tntp"));
    expect(issues[0]).toMatchObject({ code: "tntp-truncated", file: "cut_net.tntp", line: 8 });
  });

  it("reports a file that stops before its declared number of links", () => {
    const text = `${header(3)}\t1\t3\t100\t1\t2\t0.15\t4\t1\t0\t1\t;\n`;
    expect(issuesOf(() => parseTntpNet(text, "short_net.tntp"))[0]!.code).toBe("tntp-truncated");
  });

  it("reports a link to an undeclared node, a non-numeric field and a negative capacity, all at once", () => {
    const text = `${header(3)}\t1\t9\t100\t1\t2\t0.15\t4\t1\t0\t1\t;\n\t1\t3\tabc\t1\t2\t0.15\t4\t1\t0\t1\t;\n\t3\t2\t-40\t1\t2\t0.15\t4\t1\t0\t1\t;\n`;
    const issues = issuesOf(() => parseTntpNet(text, "bad_net.tntp"));
    expect(issues.map((i) => [i.code, i.line, i.path])).toEqual([
      ["dangling-reference", 7, "term_node"],
      ["not-a-number", 8, "capacity"],
      ["out-of-range", 9, "capacity"],
    ]);
    const message = new InputError(issues).message;
    expect(message).toContain("bad_net.tntp:9: capacity: expected a positive capacity");
    expect(message).toContain("found -40");
  });
});

describe("TNTP trips files", () => {
  it("reads Sioux Falls demand: 528 OD pairs totalling 360,600", () => {
    const trips = parseTntpTrips(fixture("SiouxFalls", "SiouxFalls_trips.tntp"), "SiouxFalls_trips.tntp");
    expect(trips.demands).toHaveLength(528);
    const total = trips.demands.reduce((s, d) => s + d.demand, 0);
    expect(total).toBeCloseTo(360600, 6);
    expect(trips.intrazonal).toBe(0);
  });

  it("keeps intrazonal demand out of the OD list", () => {
    const text = "<NUMBER OF ZONES> 2\n<TOTAL OD FLOW> 15\n<END OF METADATA>\nOrigin 1\n 1 : 5; 2 : 10;\n";
    const trips = parseTntpTrips(text, "t.tntp");
    expect(trips.intrazonal).toBe(5);
    expect(trips.demands).toEqual([{ origin: 1, destination: 2, demand: 10, line: 5 }]);
  });

  it("rejects demand to a node that is not a zone", () => {
    const text = "<NUMBER OF ZONES> 2\n<END OF METADATA>\nOrigin 1\n 2 : 5; 7 : 10;\n";
    expect(issuesOf(() => parseTntpTrips(text, "t.tntp"))[0]).toMatchObject({ code: "not-a-zone", line: 4 });
  });

  it("rejects a non-numeric demand", () => {
    const text = "<NUMBER OF ZONES> 2\n<END OF METADATA>\nOrigin 1\n 2 : five;\n";
    expect(issuesOf(() => parseTntpTrips(text, "t.tntp"))[0]!.code).toBe("not-a-number");
  });

  it("detects a cut-short trips file from the declared total", () => {
    const full = fixture("SiouxFalls", "SiouxFalls_trips.tntp");
    const cut = full.slice(0, Math.floor(full.length / 2));
    const issues = issuesOf(() => parseTntpTrips(cut.slice(0, cut.lastIndexOf("\n")), "cut_trips.tntp"));
    expect(issues[0]!.code).toBe("tntp-truncated");
  });
});

describe("TNTP flow and node files", () => {
  it("reads the published Anaheim flows", () => {
    const flows = parseTntpFlow(fixture("Anaheim", "Anaheim_flow.tntp"), "Anaheim_flow.tntp");
    expect(flows).toHaveLength(914);
    expect(flows[0]).toMatchObject({ from: 1, to: 117 });
    expect(flows[0]!.volume).toBeCloseTo(7074.9, 6);
  });

  it("reads Sioux Falls node coordinates", () => {
    const nodes = parseTntpNodes(fixture("SiouxFalls", "SiouxFalls_node.tntp"), "SiouxFalls_node.tntp");
    expect(nodes).toHaveLength(24);
    expect(nodes[0]!.node).toBe(1);
  });
});
