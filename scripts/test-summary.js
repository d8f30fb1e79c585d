// Prints the closing line CI reads ("vitest: N passed, N failed, N skipped") from vitest's JSON report.
import { existsSync, readFileSync } from "node:fs";

const file = new URL("../.vitest.json", import.meta.url);
if (!existsSync(file)) {
  console.log("vitest: 0 passed, 1 failed, 0 skipped");
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, "utf8"));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
console.log(`vitest: ${report.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || report.numPassedTests === 0 ? 1 : 0);
