import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { gFunctionIndices, ishigamiIndices, robustness } from "../../src/core/analysis/index.js";
import { readStoreData } from "../../src/node/analyze/store-data.js";
import { main } from "../../src/node/cli.js";
import { bufferIo } from "../../src/node/io.js";
import { FIXTURES } from "../explore/helpers.js";

const temp = () => mkdtempSync(join(tmpdir(), "corridor-analyze-"));

async function exploreInto(fixture: string, extra: string[] = []): Promise<string> {
  const store = join(temp(), "store.duckdb");
  const io = bufferIo();
  const code = await main(
    ["explore", `${FIXTURES}${fixture}`, "--store", store, "--workers", "1", ...extra],
    io,
  );
  if (code !== 0) throw new Error(io.stderr);
  return store;
}

async function analyzeJson(args: string[]): Promise<{ code: number; json: any; stderr: string }> {
  const io = bufferIo();
  const code = await main(["analyze", ...args, "--json"], io);
  return { code, json: code === 0 ? JSON.parse(io.stdout) : undefined, stderr: io.stderr };
}

describe("corridor analyze sobol", () => {
  let store: string;
  beforeAll(async () => {
    store = await exploreInto("ishigami.yaml", ["--sampler", "saltelli", "--futures", "2048"]);
  }, 120_000);

  it("gives the Ishigami function's first- and total-order indices within 0.05, with intervals covering them", async () => {
    const { code, json } = await analyzeJson([store, "sobol", "--resamples", "100"]);
    expect(code).toBe(0);
    const truth = ishigamiIndices();
    const inputs = json.results[0].inputs as {
      name: string;
      first: number;
      total: number;
      firstLow: number;
      firstHigh: number;
      totalLow: number;
      totalHigh: number;
    }[];
    for (const [i, name] of ["x1", "x2", "x3"].entries()) {
      const x = inputs.find((r) => r.name === name)!;
      expect(Math.abs(x.first - truth.first[i]!)).toBeLessThan(0.05);
      expect(Math.abs(x.total - truth.total[i]!)).toBeLessThan(0.05);
      expect(x.firstLow).toBeLessThanOrEqual(truth.first[i]! + 1e-9);
      expect(x.firstHigh).toBeGreaterThanOrEqual(truth.first[i]! - 1e-9);
      expect(x.totalLow).toBeLessThanOrEqual(truth.total[i]! + 0.01);
      expect(x.totalHigh).toBeGreaterThanOrEqual(truth.total[i]! - 0.01);
    }
    // Ranked by total order: x1 (0.56), x2 (0.44), x3 (0.24).
    expect(inputs.map((x) => x.name)).toEqual(["x1", "x2", "x3"]);
  });

  it("prints a table, and writes CSV, SVG and PNG with --out", async () => {
    const out = join(temp(), "sobol");
    const io = bufferIo();
    expect(await main(["analyze", store, "sobol", "--out", out, "--resamples", "20"], io)).toBe(0);
    expect(io.stdout).toMatch(/Sobol indices of y under \(all\)/);
    expect(io.stdout).toMatch(/x1\s+0\.3\d/);
    const files = readdirSync(out).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        "sobol.json",
        "sobol-y-_all_.csv",
        "sobol-y-_all_.svg",
        "sobol-y-_all_.png",
        "corridor-manifest.json",
      ]),
    );
    expect(readFileSync(join(out, "sobol-y-_all_.svg"), "utf8")).toMatch(/^(<\?xml[^>]*>\s*)?<svg/);
    // The folder is not replaced without --force.
    expect(await main(["analyze", store, "sobol", "--out", out], bufferIo())).toBe(2);
  });

  it("refuses morris on a Saltelli store, naming the sampler to use", async () => {
    const io = bufferIo();
    expect(await main(["analyze", store, "morris"], io)).toBe(2);
    expect(io.stderr).toMatch(/--sampler morris/);
  });
});

describe("corridor analyze morris and screening", () => {
  it("ranks the G-function's inputs by μ* in the order of their coefficients", async () => {
    const store = await exploreInto("g-function.yaml");
    const { code, json } = await analyzeJson([store, "morris"]);
    expect(code).toBe(0);
    const ranked = (json.results[0].inputs as { name: string }[]).map((x) => x.name);
    expect(ranked.slice(0, 4)).toEqual(["x1", "x2", "x3", "x4"]);
    const truth = gFunctionIndices([0, 1, 4.5, 9, 99, 99]);
    expect(truth.total[0]!).toBeGreaterThan(truth.total[1]!);
    // Screening works on any design and finds the same leader.
    const s = await analyzeJson([store, "screening"]);
    expect(s.json.results[0].inputs[0].name).toBe("x1");
  }, 120_000);

  it("refuses sobol on a Morris store", async () => {
    const store = await exploreInto("g-function.yaml", ["--futures", "4"]);
    const io = bufferIo();
    expect(await main(["analyze", store, "sobol"], io)).toBe(2);
    expect(io.stderr).toMatch(/--sampler saltelli/);
  }, 60_000);
});

describe("corridor analyze prim and cart", () => {
  let store: string;
  beforeAll(async () => {
    store = await exploreInto("planted-box.yaml");
  }, 120_000);

  it("recovers a planted box with coverage and density above 0.9", async () => {
    const { code, json } = await analyzeJson([store, "prim", "--where", "y > 0.5", "--threshold", "0.95"]);
    expect(code).toBe(0);
    expect(json.box.coverage).toBeGreaterThan(0.9);
    expect(json.box.density).toBeGreaterThan(0.9);
    const names = (json.box.restrictions as { name: string; lo: number; hi: number; qp: number }[])
      .map((r) => r.name)
      .sort();
    expect(names).toEqual(["x1", "x2"]);
    const x1 = json.box.restrictions.find((r: { name: string }) => r.name === "x1");
    expect(x1.lo).toBeCloseTo(0.2, 1);
    expect(x1.hi).toBeCloseTo(0.5, 1);
    expect(x1.qp).toBeLessThan(0.001);
  });

  it("reports another box of the trajectory with --box, and CART leaves", async () => {
    const first = await analyzeJson([store, "prim", "--where", "y >= q95", "--box", "0"]);
    expect(first.code).toBe(0);
    expect(first.json.box.mass).toBe(1);
    const c = await analyzeJson([store, "cart", "--where", "y > 0.5"]);
    expect(c.code).toBe(0);
    expect(c.json.leaves[0].density).toBeGreaterThan(0.9);
    expect(c.json.leaves[0].rules.join(" ")).toMatch(/x1/);
  });

  it("explains a bad or uninformative condition before any work", async () => {
    let io = bufferIo();
    expect(await main(["analyze", store, "prim", "--where", "y >> 1"], io)).toBe(2);
    expect(io.stderr).toMatch(/--where/);
    io = bufferIo();
    expect(await main(["analyze", store, "prim", "--where", "z > 1"], io)).toBe(2);
    expect(io.stderr).toMatch(/"z"/);
    io = bufferIo();
    expect(await main(["analyze", store, "prim", "--where", "y > 5"], io)).toBe(2);
    expect(io.stderr).toMatch(/holds in 0 of 2000 futures/);
    io = bufferIo();
    expect(await main(["analyze", store, "prim"], io)).toBe(2);
    expect(io.stderr).toMatch(/--where/);
  });
});

describe("corridor analyze on a scenario store", () => {
  let store: string;
  beforeAll(async () => {
    store = await exploreInto("two-routes.yaml", ["--futures", "6"]);
  }, 120_000);

  it("ranks policies as the core's robustness function does on the store's values", async () => {
    const { code, json } = await analyzeJson([store, "robustness", "--outcome", "served"]);
    expect(code).toBe(0);
    const data = await readStoreData(store);
    const expected = robustness(
      data.policies,
      data.policies.map((p) => data.values("served", p)),
      { direction: "maximize" },
    );
    const got = json.results[0];
    expect(got.policies.map((p: { laplace: number }) => p.laplace)).toEqual(
      expected.policies.map((p) => p.laplace),
    );
    expect(got.preferred).toEqual(expected.preferred);
  });

  it("evaluates a claims file, and names an unknown policy in a claim", async () => {
    const { code, json } = await analyzeJson([
      store,
      "claims",
      "--claims",
      `${FIXTURES}two-routes.claims.yaml`,
    ]);
    expect(code).toBe(0);
    expect(json.claims[0].name).toBe("calm-serves");
    expect(json.claims[0].futures).toBe(6);
    expect(json.claims[0].share).toBeGreaterThanOrEqual(0);
    const io = bufferIo();
    const bad = join(temp(), "bad.claims.yaml");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(bad, "claims:\n  - { name: c, sentence: s, claim: 'served[xa_phasd] > 0' }\n");
    expect(await main(["analyze", store, "claims", "--claims", bad], io)).toBe(2);
    expect(io.stderr).toMatch(/xa_phased/);
  });

  it("needs one policy for prim, and suggests the closest name for a typo", async () => {
    let io = bufferIo();
    expect(await main(["analyze", store, "prim", "--where", "served >= q50"], io)).toBe(2);
    expect(io.stderr).toMatch(/--policy/);
    io = bufferIo();
    expect(await main(["analyze", store, "robustness", "--policy", "xa_phasd"], io)).toBe(2);
    expect(io.stderr).toMatch(/xa_phased/);
    io = bufferIo();
    expect(await main(["analyze", store, "robustnes"], io)).toBe(2);
    expect(io.stderr).toMatch(/robustness/);
  });

  it("says what is wrong with a path that is not a store", async () => {
    const io = bufferIo();
    expect(await main(["analyze", join(temp(), "none.duckdb"), "robustness"], io)).toBe(2);
    expect(io.stderr).toMatch(/no such file/);
    expect(existsSync(join(temp(), "none.duckdb"))).toBe(false);
  });
});
