/** Argument checks shared by the diplomacy mechanisms: a bad parameter is an `InputError`, never a NaN. */
import { InputError } from "../errors/index.js";

/** Throws the out-of-range error of a bad argument. */
export const fail = (path: string, expected: string, value: unknown): never => {
  throw new InputError({ code: "out-of-range", path, expected, found: String(value) });
};

/** Whether a value is a number in [0, 1] (for checks that write their path only on failure). */
export const isUnit = (value: number): boolean => typeof value === "number" && value >= 0 && value <= 1;

/** Whether a value is a finite number ≥ 0. */
export const isNonNegative = (value: number): boolean =>
  typeof value === "number" && value >= 0 && Number.isFinite(value);

/** A number in [0, 1]. */
export function checkUnit(value: number, path: string, what = "a number in [0, 1]"): void {
  if (!isUnit(value)) fail(path, what, value);
}

/** A finite number ≥ 0. */
export function checkNonNegative(value: number, path: string, what = "a finite number ≥ 0"): void {
  if (!isNonNegative(value)) fail(path, what, value);
}

/** A finite number > 0. */
export function checkPositive(value: number, path: string, what = "a finite number > 0"): void {
  if (!(typeof value === "number" && value > 0 && Number.isFinite(value))) fail(path, what, value);
}

/** A uniform draw in [0, 1). */
export function checkDraw(value: number, path = "u"): void {
  if (!(typeof value === "number" && value >= 0 && value < 1)) fail(path, "a uniform draw in [0, 1)", value);
}
