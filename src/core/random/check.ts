import { InputError } from "../errors/index.js";

/** Throws an `out-of-range` InputError for a bad distribution or stream parameter (never returns NaN). */
export function checkParam(ok: boolean, path: string, expected: string, found: unknown): void {
  if (!ok) throw new InputError({ code: "out-of-range", path, expected, found: String(found) });
}

export const isFiniteNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
