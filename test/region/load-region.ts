/** The built-in region's scenario files, read as the CLI reads them (the hindcast extends the base file). */
import { type LoadedScenarioFile, loadScenarioFile } from "../../src/node/load-scenario.js";

export const BASE = "scenarios/af-pak.yaml";
export const HINDCAST = "scenarios/af-pak-hindcast.yaml";
/** 1 September 2021 to 31 December 2025. */
export const HINDCAST_DAYS = 1583;

export function loadRegion(file: string): LoadedScenarioFile {
  return loadScenarioFile(file);
}
