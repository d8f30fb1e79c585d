import { InvalidArgumentError } from "commander";

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

/** Formats a number with thousands separators and a fixed number of decimals, for tables. */
export function formatNumber(value: number, decimals = 0): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
