import { describe, expect, it } from "vitest";
import { createStream } from "../random/index.js";
import { buildDesign, caseInputs, caseTargets, checkDesign, type DesignSpec } from "./design.js";
import { fullFactorialUnit, latinHypercubeUnit, morrisUnit, saltelliUnit } from "./samplers.js";

const u01 = { kind: "uniform", lo: 0, hi: 1 } as const;

describe("unit-cube samplers", () => {
  it("Latin hypercube puts exactly one row in each of the n strata of every column", () => {
    const n = 50;
    const k = 4;
    const x = latinHypercubeUnit(n, k, createStream(1, 0, "t"));
    for (let j = 0; j < k; j++) {
      const strata = new Set<number>();
      for (let i = 0; i < n; i++) strata.add(Math.floor(x[i * k + j]! * n));
      expect(strata.size).toBe(n);
    }
  });

  it("Saltelli's groups hold A, then A with column i from B for each i, then B", () => {
    const k = 3;
    const n = 8;
    const g = k + 2;
    const x = saltelliUnit(n, k, createStream(1, 0, "t"));
    expect(x.length).toBe(n * g * k);
    for (let j = 0; j < n; j++) {
      const row = (r: number) => Array.from(x.subarray((j * g + r) * k, (j * g + r + 1) * k));
      const a = row(0);
      const b = row(g - 1);
      for (let i = 0; i < k; i++) expect(row(1 + i)).toEqual(a.map((v, c) => (c === i ? b[c] : v)));
      expect(a.every((v, c) => v !== b[c])).toBe(true);
    }
  });

  it("Morris trajectories move one factor by ±Δ = p/(2(p−1)) per step and stay on the p-level grid", () => {
    const k = 5;
    const p = 4;
    const m = morrisUnit(10, k, p, createStream(2, 0, "t"));
    expect(m.delta).toBeCloseTo(2 / 3, 15);
    for (let t = 0; t < 10; t++) {
      const moved = new Set<number>();
      for (let s = 0; s < k; s++) {
        const r0 = (t * (k + 1) + s) * k;
        const r1 = r0 + k;
        for (let j = 0; j < k; j++) {
          const d = m.points[r1 + j]! - m.points[r0 + j]!;
          if (j === m.factor[t * k + s]) expect(d).toBeCloseTo(m.sign[t * k + s]! * m.delta, 14);
          else expect(d).toBe(0);
          const level = m.points[r1 + j]! * (p - 1);
          expect(Math.abs(level - Math.round(level))).toBeLessThan(1e-12);
          expect(m.points[r1 + j]).toBeGreaterThanOrEqual(0);
          expect(m.points[r1 + j]).toBeLessThanOrEqual(1 + 1e-15);
        }
        moved.add(m.factor[t * k + s]!);
      }
      expect(moved.size).toBe(k);
    }
  });

  it("full factorial enumerates every combination once, the last column fastest", () => {
    const x = fullFactorialUnit([2, 3]);
    expect(Array.from(x)).toEqual([0.25, 1 / 6, 0.25, 0.5, 0.25, 5 / 6, 0.75, 1 / 6, 0.75, 0.5, 0.75, 5 / 6]);
  });
});

describe("designs", () => {
  const spec: DesignSpec = {
    parameters: [
      { name: "a", distribution: { kind: "uniform", lo: 10, hi: 20 } },
      { name: "b", distribution: { kind: "normal", mean: 0, sd: 1 }, targets: ["x.b", "y.b"] },
      { name: "c", distribution: { kind: "categorical", values: ["low", "high"] } },
      { name: "d", distribution: { kind: "boolean" } },
    ],
    sampler: { kind: "latin-hypercube", size: 100 },
    seed: 42,
  };

  it("is reproducible from the master seed and changes with it", () => {
    expect(buildDesign(spec).codes).toEqual(buildDesign(spec).codes);
    expect(buildDesign(spec).codes).not.toEqual(buildDesign({ ...spec, seed: 43 }).codes);
  });

  it("gives linked targets one shared value and decodes categories and booleans", () => {
    const d = buildDesign(spec);
    const t = caseTargets(d, 7);
    expect(t.get("x.b")).toBe(t.get("y.b"));
    expect(t.has("b")).toBe(false);
    const inputs = caseInputs(d, 7);
    expect(["low", "high"]).toContain(inputs["c"]);
    expect(typeof inputs["d"]).toBe("boolean");
    expect(inputs["a"]).toBeGreaterThanOrEqual(10);
  });

  it("enforces lo ≤ hi constraints by sorting the pair in every row", () => {
    const constrained: DesignSpec = {
      parameters: [
        { name: "low", distribution: u01 },
        { name: "high", distribution: u01 },
      ],
      constraints: [{ lo: "low", hi: "high" }],
      sampler: { kind: "monte-carlo", size: 2000 },
      seed: 1,
    };
    const d = buildDesign(constrained);
    let swapped = 0;
    for (let i = 0; i < d.rows; i++) {
      expect(d.codes[2 * i]!).toBeLessThanOrEqual(d.codes[2 * i + 1]!);
      if (d.unit[2 * i]! > d.unit[2 * i + 1]!) swapped++;
    }
    // About half the rows needed sorting; the mean of the minimum of two uniforms is 1/3.
    expect(swapped).toBeGreaterThan(900);
    let m = 0;
    for (let i = 0; i < d.rows; i++) m += d.codes[2 * i]!;
    expect(m / d.rows).toBeCloseTo(1 / 3, 1);
  });

  it("builds Saltelli designs of N(k + 2) rows and Morris designs of r(k + 1) rows", () => {
    const s = buildDesign({ ...spec, sampler: { kind: "saltelli", size: 64 } });
    expect(s.rows).toBe(64 * 6);
    expect(s.layout).toMatchObject({ kind: "saltelli", base: 64, groupSize: 6 });
    const m = buildDesign({ ...spec, sampler: { kind: "morris", trajectories: 10 } });
    expect(m.rows).toBe(50);
    // The unbounded normal reads Morris levels at cell centres, so its values stay finite.
    for (let i = 0; i < m.rows; i++) expect(Number.isFinite(m.codes[i * 4 + 1]!)).toBe(true);
    const f = buildDesign({ ...spec, sampler: { kind: "full-factorial", levels: 3 } });
    expect(f.rows).toBe(3 * 3 * 2 * 2);
  });

  it("rejects a Saltelli or Sobol size that is not a power of two, naming the nearest valid ones", () => {
    const issues = checkDesign({ ...spec, sampler: { kind: "saltelli", size: 1000 } }, "sampling");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "saltelli-size", path: "sampling.sampler.size" });
    expect(issues[0]!.found).toContain("512 or 1024");
    expect(checkDesign({ ...spec, sampler: { kind: "sobol", size: 100 } })[0]).toMatchObject({
      code: "sobol-size",
    });
    expect(checkDesign({ ...spec, sampler: { kind: "saltelli", size: 1024 } })).toEqual([]);
  });

  it("reports bad distributions, unknown constraint names with a suggestion, odd Morris levels", () => {
    const issues = checkDesign({
      parameters: [
        { name: "alpha", distribution: { kind: "uniform", lo: 3, hi: 1 } },
        { name: "beta", distribution: u01 },
        { name: "kind", distribution: { kind: "categorical", values: ["x", "y"] } },
      ],
      constraints: [
        { lo: "alpah", hi: "beta" },
        { lo: "kind", hi: "beta" },
      ],
      sampler: { kind: "morris", trajectories: 10, levels: 5 },
      seed: 1,
    });
    expect(issues.map((i) => i.code)).toEqual([
      "range-reversed",
      "unknown-parameter",
      "constraint-not-numeric",
      "out-of-range",
    ]);
    expect(issues[1]).toMatchObject({ suggestion: "alpha", path: "constraints[0].lo" });
    expect(() => buildDesign({ ...spec, sampler: { kind: "sobol", size: 3 } })).toThrow(RangeError);
  });
});
