import { describe, expect, it } from "vitest";
import { exp, log, logFactorial, pow2 } from "./portable-math.js";
import { createStream } from "./streams.js";

const view = new DataView(new ArrayBuffer(8));
/** Distance in units in the last place between two positive doubles. */
function ulps(a: number, b: number): number {
  view.setFloat64(0, a);
  const ia = view.getBigInt64(0);
  view.setFloat64(0, b);
  const ib = view.getBigInt64(0);
  return Number(ia > ib ? ia - ib : ib - ia);
}

describe("portable log and exp", () => {
  it("agree with Math.log to within one ulp from subnormals to the largest double", () => {
    const r = createStream(1, 0, "log-check");
    let worst = 0;
    for (let i = 0; i < 20000; i++) {
      const x = Math.exp((r.next() - 0.5) * 1480); // spans ~1e-321 … 1e308
      const near1 = 0.5 + r.next();
      worst = Math.max(worst, ulps(log(x), Math.log(x)), ulps(log(near1), Math.log(near1)));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(log(1)).toBe(0);
    expect(log(Math.E)).toBeCloseTo(1, 15);
    expect(log(5e-324)).toBeCloseTo(-744.4400719213812, 12);
  });

  it("agree with Math.exp to within one ulp over the whole range", () => {
    const r = createStream(2, 0, "exp-check");
    let worst = 0;
    for (let i = 0; i < 20000; i++) {
      const x = (r.next() - 0.5) * 1450;
      const small = (r.next() - 0.5) * 2;
      const a = exp(x);
      if (a > 0 && Number.isFinite(a)) worst = Math.max(worst, ulps(a, Math.exp(x)));
      worst = Math.max(worst, ulps(exp(small), Math.exp(small)));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(exp(0)).toBe(1);
  });

  it("follow Math on special values", () => {
    expect(log(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-1)).toBeNaN();
    expect(log(Number.NaN)).toBeNaN();
    expect(log(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(exp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(800)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(-800)).toBe(0);
    expect(exp(Number.NaN)).toBeNaN();
    expect(pow2(-1074)).toBe(5e-324);
    expect(pow2(1023)).toBe(2 ** 1023);
  });

  it("gives log k! from the table and from Stirling's series", () => {
    let sum = 0;
    for (let k = 1; k <= 200; k++) {
      sum += Math.log(k);
      expect(Math.abs(logFactorial(k) - sum)).toBeLessThan(1e-12 * Math.max(1, sum));
    }
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(1)).toBe(0);
    expect(logFactorial(10)).toBeCloseTo(Math.log(3628800), 13);
  });
});
