import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../errors/index.js";
import { effectiveNumber, herfindahl } from "./concentration.js";
import { dependenceShare } from "./dependence.js";

const pathOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.issues[0]?.path;
    throw error;
  }
  return "no error";
};

describe("route concentration", () => {
  it("gives HHI 0.46 and 2.174 effective routes for shares (0.6, 0.3, 0.1)", () => {
    expect(herfindahl([0.6, 0.3, 0.1])).toBeCloseTo(0.46, 12);
    expect(effectiveNumber([0.6, 0.3, 0.1])).toBeCloseTo(2.174, 3);
  });

  it("gives HHI 0.30 for shares (0.4, 0.3, 0.1, 0.2)", () => {
    expect(herfindahl([0.4, 0.3, 0.1, 0.2])).toBeCloseTo(0.3, 12);
  });

  it("normalises raw values to shares first", () => {
    expect(herfindahl([600, 300, 100])).toBeCloseTo(0.46, 12);
    expect(herfindahl([4, 3, 1, 2])).toBeCloseTo(0.3, 12);
    expect(effectiveNumber([5, 5, 5, 5])).toBeCloseTo(4, 12);
    expect(effectiveNumber([0, 7, 0])).toBe(1);
  });

  it("lies between 1/n and 1 for any non-negative values", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (xs) => {
          fc.pre(xs.some((x) => x > 0));
          const h = herfindahl(xs);
          expect(h).toBeGreaterThanOrEqual(1 / xs.length - 1e-12);
          expect(h).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
      { seed: 1945 },
    );
  });

  it("rejects negative values, empty lists and all zeros", () => {
    expect(pathOf(() => herfindahl([0.5, -0.1]))).toBe("values[1]");
    expect(pathOf(() => herfindahl([]))).toBe("values");
    expect(pathOf(() => effectiveNumber([0, 0]))).toBe("values");
  });
});

describe("dependence share", () => {
  const crossing = [50, 50, 0, 0, 30];
  const total = [100, 100, 100, 50, 50];

  it("divides the value crossing the transit state by all routed value over the window", () => {
    expect(dependenceShare(crossing, total)).toBeCloseTo(130 / 400, 15);
    expect(dependenceShare(crossing, total, 2)).toBeCloseTo(30 / 100, 15);
    expect(dependenceShare(crossing, total, 99)).toBeCloseTo(130 / 400, 15);
  });

  it("is 0 when nothing was routed", () => {
    expect(dependenceShare([0, 0], [0, 0])).toBe(0);
    expect(dependenceShare([], [])).toBe(0);
  });

  it("rejects misaligned series, a crossing above the total and a bad window", () => {
    expect(pathOf(() => dependenceShare([1], [1, 2]))).toBe("crossingValue");
    expect(pathOf(() => dependenceShare([1, 3], [1, 2]))).toBe("crossingValue[1]");
    expect(pathOf(() => dependenceShare([1], [-1]))).toBe("totalValue[0]");
    expect(pathOf(() => dependenceShare([1], [1], 0))).toBe("window");
  });
});
