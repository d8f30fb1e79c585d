export { formatIssue, InputError, type InputIssue, suggestName } from "./input-error.js";
