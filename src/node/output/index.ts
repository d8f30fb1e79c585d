/**
 * Output of every writing command: results folders (`run`, `compare`, `demo`, `explore`) and single
 * results files (`--out` of `assign`, `criticality`, `cascade`). See folder.ts for the rules.
 */
export { type OutputFile, type OutputFileRequest, prepareOutputFile } from "./file.js";
export { type OutputFolder, type OutputFolderRequest, prepareOutputFolder } from "./folder.js";
export { asInputError, fsProblem } from "./fs-problem.js";
export { listFiles, MANIFEST, type Manifest, notReplaceableBecause, readManifest } from "./manifest.js";
export { cleanStalePartials } from "./partials.js";
