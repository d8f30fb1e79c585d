/**
 * STAND-IN until the samplers of src/core/explore land: Monte Carlo draws mapped through simple
 * inverse CDFs. Same interface as the real design (`designFutures`), deleted when it arrives.
 */
import { createStream } from "../random/index.js";
import type { PlanInput } from "./plan.js";
import type { DistributionSpec, Experiment } from "./schema.js";

export type InputValue = number | string | boolean;

export function inverseCdf(d: DistributionSpec, u: number): InputValue {
  switch (d.kind) {
    case "uniform":
      return d.lo + u * (d.hi - d.lo);
    case "integer":
      return Math.min(d.hi, d.lo + Math.floor(u * (d.hi - d.lo + 1)));
    case "boolean":
      return u < d.p ? 1 : 0;
    case "categorical":
      return d.values[Math.min(d.values.length - 1, Math.floor(u * d.values.length))]!;
    case "triangular": {
      const { lo, mode, hi } = d;
      const c = hi > lo ? (mode - lo) / (hi - lo) : 0;
      return u < c
        ? lo + Math.sqrt(u * (hi - lo) * (mode - lo))
        : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
    }
    default:
      throw new Error(`the stand-in design cannot draw ${d.kind}`);
  }
}

/** The design's futures: one row of input values per future. */
export function designFutures(
  inputs: PlanInput[],
  sampler: Experiment["sampler"],
  seed: number,
): InputValue[][] {
  const random = createStream(seed, 0, "experiment/design");
  return Array.from({ length: sampler.size }, () =>
    inputs.map((x) => inverseCdf(x.distribution, random.next())),
  );
}
