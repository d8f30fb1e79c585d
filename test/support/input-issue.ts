import { InputError, type InputIssue } from "../../src/core/errors/index.js";

/**
 * The first issue of the InputError `fn` throws, or undefined when it throws nothing; any other error
 * is rethrown, so a crash never passes for a clear message.
 */
export function firstIssue(fn: () => unknown): InputIssue | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.issues[0];
    throw error;
  }
  return undefined;
}
