import { InvalidArgumentError } from "commander";
import { MAX_DAYS } from "../core/scenario/index.js";

/**
 * Option parsers that turn a bad flag value into a usage error (exit code 2) naming the flag. Only
 * plain decimal text is a number: `Number()` alone would also take "0x10", "0b11", "1e3" for a count,
 * " " or "" (as 0), which a user never means.
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const WHOLE = /^\+?\d+$/;

function decimal(raw: string): number {
  return DECIMAL.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
}

export function positiveNumber(flag: string) {
  return (raw: string): number => {
    const value = decimal(raw);
    if (!Number.isFinite(value) || value <= 0) {
      throw new InvalidArgumentError(`${flag}: expected a positive number, found "${raw}"`);
    }
    return value;
  };
}

export function nonNegativeNumber(flag: string) {
  return (raw: string): number => {
    const value = decimal(raw);
    if (!Number.isFinite(value) || value < 0) {
      throw new InvalidArgumentError(`${flag}: expected a number ≥ 0, found "${raw}"`);
    }
    return value;
  };
}

/** A whole number written in decimal digits (no sign, exponent, point or 0x), at most `max`. */
export function positiveInteger(flag: string, max = Number.MAX_SAFE_INTEGER) {
  return (raw: string): number => {
    const value = WHOLE.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new InvalidArgumentError(
        `${flag}: expected a positive whole number in decimal digits, found "${raw}"`,
      );
    }
    if (value > max) throw new InvalidArgumentError(`${flag}: expected at most ${max}, found "${raw}"`);
    return value;
  };
}

/** A whole number ≥ 0 in decimal digits; `what` describes it in the message. */
export function nonNegativeInteger(flag: string, what = "a whole number ≥ 0") {
  return (raw: string): number => {
    const value = WHOLE.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    if (!Number.isSafeInteger(value))
      throw new InvalidArgumentError(`${flag}: expected ${what}, found "${raw}"`);
    return value;
  };
}

/** A number of days to simulate: a whole number from 1 to the longest run the engine allows. */
export function dayCount(flag: string) {
  return (raw: string): number => {
    const value = positiveInteger(flag)(raw);
    if (value > MAX_DAYS) {
      throw new InvalidArgumentError(
        `${flag}: expected at most ${MAX_DAYS} days (100 years, the longest run), found "${raw}"`,
      );
    }
    return value;
  };
}

/** Formats a number with thousands separators and a fixed number of decimals, for tables. */
export function formatNumber(value: number, decimals = 0): string {
  const text = value.toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  // A value that rounds to zero prints as 0, never as "-0.0".
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
