import { describe, expect, it } from "vitest";
import { fakeEvents } from "../../../test/helpers/fake-result.js";
import { InputError } from "../../core/errors/index.js";
import { eventsJsonl, parseEventsJsonl } from "./events.js";

describe("events.jsonl", () => {
  it("holds one event per line and reads back to the same events", () => {
    const events = fakeEvents();
    const text = eventsJsonl(events);
    expect(text.trimEnd().split("\n")).toHaveLength(events.length);
    expect(parseEventsJsonl(text, "events.jsonl")).toEqual(events);
  });

  it("is empty for a run without events", () => {
    expect(eventsJsonl([])).toBe("");
    expect(parseEventsJsonl("", "events.jsonl")).toEqual([]);
  });

  it("reports a line that is not an event with the file and line number", () => {
    const text = `${eventsJsonl(fakeEvents().slice(0, 1))}{"id": 2, "kind": "closure"}\n`;
    try {
      parseEventsJsonl(text, "run/events.jsonl");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).issues[0]).toMatchObject({
        code: "bad-event-line",
        file: "run/events.jsonl",
        line: 2,
      });
    }
  });
});
