/// <reference lib="webworker" />
/**
 * The simulation worker: the pure core, unchanged, off the page's main thread. One request at a
 * time; the scenario text is parsed once and reused while it does not change.
 */
import { simulate } from "../../src/core/engine/index.js";
import { InputError } from "../../src/core/errors/index.js";
import {
  type LoadedScenario,
  loadLayers,
  type Scenario,
  type ScenarioLayer,
} from "../../src/core/scenario/index.js";
import { compareClaims, explorableModel, scenarioOfFuture } from "./compare-model.js";
import { chainOf } from "./layers.js";
import type { ClaimsRequest, RunRequest, WorkerReply } from "./protocol.js";

declare const self: DedicatedWorkerGlobalScope;

let cached:
  | { text: string; file: string; bases: string; loaded: LoadedScenario; explorable?: Scenario }
  | undefined;

function post(reply: WorkerReply, transfer: Transferable[] = []): void {
  self.postMessage(reply, transfer);
}

function load(text: string, file: string, bases: readonly ScenarioLayer[] = []): LoadedScenario {
  const key = bases.map((b) => `${b.file}\n${b.text}`).join("\n");
  if (cached && cached.text === text && cached.file === file && cached.bases === key) return cached.loaded;
  const loaded = loadLayers(chainOf(file, text, bases));
  cached = { text, file, bases: key, loaded };
  return loaded;
}

/** The scenario a sampled future changes: every hypothesis present, each number set at its path. */
function withFuture(loaded: LoadedScenario, assign: NonNullable<RunRequest["assign"]>): Scenario {
  if (!cached!.explorable) cached!.explorable = explorableModel(loaded.scenario, loaded.parameters).scenario;
  return scenarioOfFuture(cached!.explorable, assign);
}

self.onmessage = (event: MessageEvent<RunRequest | ClaimsRequest>) => {
  const request = event.data;
  if (request?.type === "claims") {
    const { id, claims, runs, focus, futures, sampled } = request;
    try {
      post({ type: "claims", id, rows: compareClaims(claims, runs, focus, futures, sampled) });
    } catch (error) {
      post({ type: "failed", id, message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if (request?.type !== "run") return;
  const { id } = request;
  const started = performance.now();
  try {
    const loaded = load(request.text, request.file, request.bases);
    const every = request.outcomesOnly ? Number.POSITIVE_INFINITY : 120;
    const scenario = request.assign ? withFuture(loaded, request.assign) : loaded.scenario;
    const result = simulate(scenario, {
      seed: request.seed,
      ...(request.days !== undefined && { days: request.days }),
      ...(request.policies && request.policies.length > 0 && { policies: request.policies }),
      recordFlows: !request.outcomesOnly,
      // A run for its outcomes only (the compare view's futures) keeps no log and no series.
      ...(request.outcomesOnly && { keepEvents: false, keepSeries: [] }),
      onDay: (day, days) => {
        if (day % every === 0) post({ type: "progress", id, day, days });
      },
    });
    const ms = performance.now() - started;
    if (request.outcomesOnly) {
      post({ type: "outcomes", id, ms, outcomes: result.outcomes });
      return;
    }
    const values = result.series.values;
    post(
      {
        type: "result",
        id,
        ms,
        scenario: result.scenario,
        parameters: loaded.parameters,
        outcomes: result.outcomes,
        series: { ...result.series, values },
        events: result.events,
        flows: result.flows,
      },
      [
        ...new Set([
          ...Object.values(values).map((v) => v.buffer as ArrayBuffer),
          ...(result.flows.changes ?? []).map((c) => c.flow.buffer as ArrayBuffer),
        ]),
      ],
    );
  } catch (error) {
    if (error instanceof InputError) post({ type: "invalid", id, issues: error.issues });
    else post({ type: "failed", id, message: error instanceof Error ? error.message : String(error) });
  }
};
