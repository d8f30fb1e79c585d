/** A hand-made run folder (run.json and events.jsonl only) for testing `corridor explain` on known events. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SimEvent } from "../../src/core/engine/events.js";
import { eventsJsonl } from "../../src/node/run-files/index.js";
import { fakeEvents, fakeOutcomes, TWO_ROUTES } from "./fake-result.js";

export function handMadeRunFolder(events: SimEvent[] = fakeEvents(), withRunJson = true): string {
  const dir = mkdtempSync(join(tmpdir(), "corridor-explain-"));
  writeFileSync(join(dir, "events.jsonl"), eventsJsonl(events));
  if (withRunJson) {
    const o = fakeOutcomes();
    const info = {
      scenario: o.scenario,
      file: TWO_ROUTES,
      seed: o.seed,
      days: o.days,
      start: o.start,
      end: o.end,
    };
    writeFileSync(join(dir, "run.json"), JSON.stringify(info));
  }
  return dir;
}
