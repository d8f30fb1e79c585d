/**
 * Concentration of a set of shares: the Herfindahl–Hirschman index HHI = Σ sᵢ² (Hirschman 1945;
 * Herfindahl 1950) and its reciprocal, the effective number of equal-sized parts (Adelman 1969).
 * Applied to a state's route shares it says how many routes its trade effectively has.
 */
import { InputError } from "../errors/index.js";

/** Normalises non-negative values to shares summing to 1; rejects negatives, non-finite values and an all-zero list. */
export function toShares(values: readonly number[], path = "values"): number[] {
  let total = 0;
  values.forEach((x, i) => {
    if (!(typeof x === "number" && x >= 0 && Number.isFinite(x))) {
      throw new InputError({
        code: "out-of-range",
        path: `${path}[${i}]`,
        expected: "a value ≥ 0",
        found: String(x),
      });
    }
    total += x;
  });
  if (!(total > 0)) {
    throw new InputError({
      code: "out-of-range",
      path,
      expected: "at least one positive value",
      found: values.length === 0 ? "an empty list" : "all zeros",
    });
  }
  return values.map((x) => x / total);
}

/** HHI = Σ sᵢ² of the shares of `values` (raw values are normalised first), in (0, 1]. */
export function herfindahl(values: readonly number[]): number {
  let sum = 0;
  for (const s of toShares(values)) sum += s * s;
  return sum;
}

/** Effective number of parts, 1 / HHI: n for n equal shares, 1 for a monopoly. */
export function effectiveNumber(values: readonly number[]): number {
  return 1 / herfindahl(values);
}
