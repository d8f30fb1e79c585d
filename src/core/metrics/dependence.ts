/**
 * Dependence of state A on transit state P: the share of A's routed trade value that crosses P's
 * territory over a trailing window (DESIGN, "Dependence, coercion, adaptation"). It is the exposure
 * behind Keohane & Nye's (1977) sensitivity: the share of trade at stake before any rerouting.
 */
import { InputError } from "../errors/index.js";

/**
 * Σ crossing / Σ total over the last `window` days of two aligned daily series (the whole series when
 * `window` is omitted or longer). 0 when A routed nothing in the window. Each day's crossing value must
 * lie in [0, total].
 */
export function dependenceShare(
  crossingValue: readonly number[],
  totalValue: readonly number[],
  window?: number,
): number {
  if (crossingValue.length !== totalValue.length) {
    throw new InputError({
      code: "length-mismatch",
      path: "crossingValue",
      expected: `one value per day of totalValue (${totalValue.length})`,
      found: `${crossingValue.length} values`,
    });
  }
  if (window !== undefined && !(Number.isInteger(window) && window >= 1)) {
    throw new InputError({
      code: "out-of-range",
      path: "window",
      expected: "a whole number of days ≥ 1",
      found: String(window),
    });
  }
  const start = window === undefined ? 0 : Math.max(0, totalValue.length - window);
  let crossing = 0;
  let total = 0;
  for (let d = start; d < totalValue.length; d++) {
    const c = crossingValue[d]!;
    const t = totalValue[d]!;
    if (!(t >= 0 && Number.isFinite(t))) {
      throw new InputError({
        code: "out-of-range",
        path: `totalValue[${d}]`,
        expected: "a value ≥ 0",
        found: String(t),
      });
    }
    // A tiny relative slack lets a crossing value equal to its total survive rounding upstream.
    if (!(c >= 0 && c <= t * (1 + 1e-12))) {
      throw new InputError({
        code: "out-of-range",
        path: `crossingValue[${d}]`,
        expected: `a value in [0, ${t}] (that day's total)`,
        found: String(c),
      });
    }
    crossing += c;
    total += t;
  }
  return total === 0 ? 0 : Math.min(1, crossing / total);
}
