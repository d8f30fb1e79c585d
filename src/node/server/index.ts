export { createApp, MAX_BODY_BYTES, type WorkbenchOptions } from "./app.js";
export { isInside, PathRefused, resolveExisting, resolveForWrite } from "./paths.js";
export { listScenarios } from "./scenario-files.js";
export { isLoopback, openInBrowser, type RunningWorkbench, startWorkbench } from "./serve.js";
