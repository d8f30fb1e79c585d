/** events.jsonl: the run's event log, one SimEvent as JSON per line, in log order. */
import type { SimEvent } from "../../core/engine/events.js";
import { InputError } from "../../core/errors/index.js";

export function eventsJsonl(events: readonly SimEvent[]): string {
  return events.map((event) => `${JSON.stringify(event)}\n`).join("");
}

/** Reads events.jsonl text back; a line that is not an event is an InputError naming the file and line. */
export function parseEventsJsonl(text: string, file: string): SimEvent[] {
  const events: SimEvent[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (!isEvent(value)) {
      throw new InputError({
        code: "bad-event-line",
        file,
        line: i + 1,
        expected: "one event as JSON (id, day, date, kind, cause, values, text)",
        found: line.length > 60 ? `${line.slice(0, 60)}…` : line,
      });
    }
    events.push(value);
  }
  return events;
}

function isEvent(value: unknown): value is SimEvent {
  if (typeof value !== "object" || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e["id"] === "number" &&
    typeof e["day"] === "number" &&
    typeof e["date"] === "string" &&
    typeof e["kind"] === "string" &&
    typeof e["cause"] === "string" &&
    typeof e["text"] === "string" &&
    typeof e["values"] === "object" &&
    e["values"] !== null &&
    (e["parent"] === undefined || typeof e["parent"] === "number")
  );
}
