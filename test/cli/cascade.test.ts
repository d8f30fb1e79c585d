import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/node/cli.js";
import { bufferIo } from "../../src/node/io.js";

const TWO_ROUTES = "scenarios/examples/two-routes.yaml";
const STAR = "test/fixtures/scenarios/star.yaml";
const RING = "test/fixtures/scenarios/cycle-six.yaml";

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

interface RankRow {
  rank: number;
  kind: string;
  id: string;
  removedNodes: string[];
  G: number;
  gRemovalOnly: number;
  overloadedNodes: string[];
}

describe("corridor cascade, ranking every single failure", () => {
  it("ranks the hub of a star first, leaving G = 0.1, and each leaf at 0.9", async () => {
    const r = await run("cascade", STAR, "--json");
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.tolerance).toBe(0.25);
    expect(result.graph).toMatchObject({ nodes: 10, edges: 9 });
    const ranking = result.ranking as RankRow[];
    expect(ranking).toHaveLength(10);
    expect(ranking[0]).toMatchObject({ rank: 1, kind: "node", id: "hub" });
    expect(ranking[0]!.G).toBeCloseTo(0.1, 12);
    for (const row of ranking.slice(1)) expect(row.G).toBeCloseTo(0.9, 12);
  });

  it("ranks the two-route scenario's border first: its XA side or the whole crossing leaves G = 0.4", async () => {
    const r = await run("cascade", TWO_ROUTES, "--json");
    expect(r.code).toBe(0);
    const ranking = JSON.parse(r.out).ranking as RankRow[];
    // 5 nodes and 5 edges: 4 links and the crossing, a cycle through the pass.
    expect(ranking).toHaveLength(6);
    expect(ranking.slice(0, 2).map((x) => `${x.kind} ${x.id}`)).toEqual([
      "node gate_xa",
      "crossing friendship_gate",
    ]);
    expect(ranking[1]!.removedNodes).toEqual(["gate_xa", "gate_xb"]);
    expect(ranking[0]!.G).toBeCloseTo(0.4, 12);
    expect(ranking[1]!.G).toBeCloseTo(0.4, 12);
    for (let i = 1; i < ranking.length; i++) expect(ranking[i]!.G).toBeGreaterThanOrEqual(ranking[i - 1]!.G);
  });

  it("leaves the two-route scenario's unbuilt cargo terminal out and refuses to attack it", async () => {
    const { graph } = JSON.parse((await run("cascade", TWO_ROUTES, "--json")).out);
    expect(graph.leftOut).toContainEqual({ kind: "crossing", id: "cargo_terminal", reason: "project" });
    const r = await run("cascade", TWO_ROUTES, "--attack", "cargo_terminal");
    expect(r.code).toBe(2);
    expect(r.err).toContain("not built yet");
  });

  it("finds overload failures on a ring without spare capacity and none with α = 1", async () => {
    const tight = JSON.parse((await run("cascade", RING, "--tolerance", "0", "--json")).out);
    const a0 = (tight.ranking as RankRow[]).find((x) => x.id === "a0")!;
    // Attacking a0 of C6 at α = 0: b0 (antipode) overloads first, then its neighbours lose their paths.
    expect(a0.overloadedNodes.length).toBeGreaterThan(0);
    expect(a0.G).toBeLessThan(a0.gRemovalOnly);
    const loose = JSON.parse((await run("cascade", RING, "--tolerance", "1", "--json")).out);
    for (const row of loose.ranking as RankRow[]) expect(row.overloadedNodes).toEqual([]);
    expect(loose.graph.leftOut).toEqual([{ kind: "crossing", id: "old_bridge", reason: "closed" }]);
    expect(loose.graph.merged).toEqual(["rail_a0_a1"]);
  });

  it("prints the top rows as a table, says what attacking a crossing means, and writes every row as CSV", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corridor-cascade-"));
    const out = join(dir, "rank.csv");
    const r = await run("cascade", STAR, "--top", "3", "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("each crossing (removing both of its side nodes)");
    expect(r.out).toMatch(/1 {2}node hub +0\.100/);
    expect(r.out).toContain("7 more");
    const rows = readFileSync(out, "utf8").trim().split("\n");
    expect(rows[0]).toBe(
      "rank,kind,id,removed_nodes,alpha,G,G_removal_only,largest_component,overloaded,rounds,overloaded_nodes",
    );
    expect(rows).toHaveLength(11);
    expect(rows[1]).toMatch(/^1,node,hub,hub,0\.25,0\.1,0\.1,1,0,0,$/);
  });
});

describe("corridor cascade --attack", () => {
  it("sweeps the default tolerances and finds the critical tolerance 1 of an even ring", async () => {
    const r = await run("cascade", RING, "--attack", "a0", "--json");
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.sweep.map((s: { alpha: number }) => s.alpha)).toEqual([0, 0.1, 0.25, 0.5, 1]);
    const byAlpha = new Map(result.sweep.map((s: { alpha: number; G: number }) => [s.alpha, s.G]));
    expect(byAlpha.get(0.5)).toBeCloseTo(2 / 6, 12);
    expect(byAlpha.get(1)).toBeCloseTo(5 / 6, 12);
    expect(result.gRemovalOnly).toBeCloseTo(5 / 6, 12);
    expect(result.criticalTolerance.alpha).toBeGreaterThanOrEqual(1);
    expect(result.criticalTolerance.alpha).toBeLessThanOrEqual(1 + 1e-4);
  });

  it("takes its own tolerances and writes the sweep as CSV", async () => {
    const dir = mkdtempSync(join(tmpdir(), "corridor-cascade-"));
    const out = join(dir, "sweep.csv");
    const r = await run("cascade", RING, "--attack", "a0", "--tolerances", "0.999, 1", "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/critical tolerance: α_c ≈ 1\.0\d*/);
    const rows = readFileSync(out, "utf8").trim().split("\n");
    expect(rows).toEqual([
      "alpha,G,largest_component,overloaded,rounds,overloaded_nodes",
      `0.999,${2 / 6},2,1,1,b0`,
      `1,${5 / 6},5,0,0,`,
    ]);
  });

  it("attacks a crossing by removing both of its side nodes, and says so", async () => {
    const r = await run("cascade", TWO_ROUTES, "--attack", "friendship_gate", "--tolerance", "0.5");
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "attack: crossing friendship_gate, removing both of its side nodes (gate_xa, gate_xb)",
    );
    expect(r.out).toMatch(/0\.5 +0\.400 +2 +0 +0/);
    const star = JSON.parse((await run("cascade", STAR, "--attack", "hub", "--json")).out);
    for (const s of star.sweep) expect(s.G).toBeCloseTo(0.1, 12);
  });
});

describe("corridor cascade, bad input", () => {
  it("suggests the closest id for an unknown attack target, exit code 2", async () => {
    const r = await run("cascade", TWO_ROUTES, "--attack", "frendship_gate");
    expect(r.code).toBe(2);
    expect(r.err).toContain('did you mean "friendship_gate"?');
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });

  it("refuses a link, a closed crossing, and tolerances without an attack", async () => {
    const link = await run("cascade", TWO_ROUTES, "--attack", "valley_road");
    expect(link.code).toBe(2);
    expect(link.err).toContain('attack an end of the link ("westtown" or "gate_xa")');
    const closed = await run("cascade", RING, "--attack", "old_bridge");
    expect(closed.code).toBe(2);
    expect(closed.err).toContain("closed");
    const sweep = await run("cascade", RING, "--tolerances", "0,1");
    expect(sweep.code).toBe(2);
    expect(sweep.err).toContain("--attack");
  });

  it("rejects a negative tolerance, both tolerance flags at once, and a missing file", async () => {
    expect((await run("cascade", RING, "--tolerance", "-1")).code).toBe(2);
    expect((await run("cascade", RING, "--attack", "a0", "--tolerances", "0,x")).code).toBe(2);
    expect((await run("cascade", RING, "--tolerance", "1", "--tolerances", "0,1")).code).toBe(2);
    const missing = await run("cascade", "no-such-scenario.yaml");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("no-such-scenario.yaml");
    expect(missing.err).not.toMatch(/at .*\.js/);
  });
});
