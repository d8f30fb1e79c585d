/**
 * Messages between the page and its Web Workers. A worker loads the scenario text with the core's
 * loader and runs the core's `simulate`: the same code and the same numbers as `corridor run`.
 */

import type { LinkFlows, Outcomes, SimEvent } from "../../src/core/engine/index.js";
import type { InputIssue } from "../../src/core/errors/index.js";
import type { Scenario, ScenarioLayer, ScenarioParameter } from "../../src/core/scenario/index.js";
import type { Assignment, ClaimRow, CompareRun, SampledFutures } from "./compare-model.js";

export interface RunRequest {
  type: "run";
  id: number;
  text: string;
  file: string;
  /** The files the scenario extends, nearest first (see layers.ts). */
  bases?: ScenarioLayer[];
  seed: number;
  days?: number;
  policies?: string[];
  /** Only outcomes are sent back (for comparisons of many runs). */
  outcomesOnly?: boolean;
  /** Scenario numbers this run sets first (a sampled future; see compare-model.ts). */
  assign?: Assignment[];
}

/** The scenario's claims over a finished comparison: PRIM on hundreds of inputs runs off the page. */
export interface ClaimsRequest {
  type: "claims";
  id: number;
  claims: { name: string; text: string; sentence?: string; side?: string }[];
  runs: CompareRun[];
  focus: { actor: string; dependent?: string };
  futures: number;
  sampled?: SampledFutures;
}

export interface SeriesPayload {
  days: number;
  dates: string[];
  columns: string[];
  values: Record<string, Float64Array>;
}

export type WorkerReply =
  | { type: "progress"; id: number; day: number; days: number }
  | { type: "invalid"; id: number; issues: InputIssue[] }
  | { type: "failed"; id: number; message: string }
  | {
      type: "result";
      id: number;
      ms: number;
      scenario: Scenario;
      parameters: ScenarioParameter[];
      outcomes: Outcomes;
      series: SeriesPayload;
      events: SimEvent[];
      flows: LinkFlows;
    }
  | { type: "outcomes"; id: number; ms: number; outcomes: Outcomes }
  | { type: "claims"; id: number; rows: ClaimRow[] };
