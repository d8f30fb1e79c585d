/** The built-in region's scenario files, read as the CLI reads them (the hindcast extends the base file). */
import { type LoadedScenarioFile, loadScenarioFile } from "../../src/node/load-scenario.js";

export const BASE = "scenarios/af-pak.yaml";
export const HINDCAST = "scenarios/af-pak-hindcast.yaml";

export function loadRegion(file: string): LoadedScenarioFile {
  return loadScenarioFile(file);
}
