import { InvalidArgumentError } from "commander";
import { MAX_DAYS } from "../core/scenario/index.js";

/** Option parsers that turn a bad flag value into a usage error (exit code 2) naming the flag. */
export function positiveNumber(flag: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) {
      throw new InvalidArgumentError(`${flag}: expected a positive number, found "${raw}"`);
    }
    return value;
  };
}

export function nonNegativeNumber(flag: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) {
      throw new InvalidArgumentError(`${flag}: expected a number ≥ 0, found "${raw}"`);
    }
    return value;
  };
}

export function positiveInteger(flag: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) {
      throw new InvalidArgumentError(`${flag}: expected a positive whole number, found "${raw}"`);
    }
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
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
