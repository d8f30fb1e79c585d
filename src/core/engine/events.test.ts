import { describe, expect, it } from "vitest";
import { EventLog, explainEvent, roundForReading } from "./events.js";

describe("roundForReading", () => {
  it("writes large numbers with thousands separators, small ones with three significant digits", () => {
    expect(roundForReading(1_386_080_885.4)).toBe("1,386,080,885");
    expect(roundForReading(-25_000)).toBe("-25,000");
    expect(roundForReading(400)).toBe("400");
    expect(roundForReading(12.345)).toBe("12.35");
    expect(roundForReading(0.25)).toBe("0.25");
    expect(roundForReading(0.123456)).toBe("0.123");
    expect(roundForReading(Number.POSITIVE_INFINITY)).toBe("Infinity");
  });
});

describe("explainEvent", () => {
  it("says what happened, when, why, and with which numbers", () => {
    const text = explainEvent({
      id: 7,
      day: 3,
      date: "2025-01-04",
      kind: "policy-action",
      actor: "xa",
      cause: "shut: when fatalities(border, 7) >= 10 then close(main_gate)",
      values: { "fatalities(border, 7)": 12 },
      text: "xa: close(main_gate)",
    });
    expect(text).toContain("#7 2025-01-04 (day 3) policy-action: xa: close(main_gate)");
    expect(text).toContain("cause: shut: when fatalities(border, 7) >= 10");
    expect(text).toContain("because: fatalities(border, 7) = 12");
  });
});

describe("events built later", () => {
  const build = (a: number, b: number, c: number) => ({
    kind: "count",
    cause: "test",
    values: { a, b, c },
    text: `${a} ${b} ${c}`,
  });

  it("take their ids when logged and their place in id order when the log is read", () => {
    const log = new EventLog((day) => `day ${day}`);
    log.add({ kind: "first", cause: "test", values: {}, text: "one" }, 0);
    expect(log.addLater(1, build, 1, 2, 3)).toBe(2);
    log.add({ kind: "third", cause: "test", values: {}, text: "three" }, 1);
    expect(log.addLater(2, build, 4, 5, 6)).toBe(4);
    const events = log.events;
    expect(events.map((e) => [e.id, e.kind, e.day])).toEqual([
      [1, "first", 0],
      [2, "count", 1],
      [3, "third", 1],
      [4, "count", 2],
    ]);
    // The same keys, in the same order, as an event logged at once.
    expect(Object.keys(events[1]!)).toEqual(Object.keys(events[0]!));
    expect(events[3]).toMatchObject({ date: "day 2", values: { a: 4, b: 5, c: 6 }, text: "4 5 6" });
    expect(log.events).toHaveLength(4);
  });

  it("are numbered but never built by a log that keeps nothing", () => {
    const log = new EventLog((day) => `day ${day}`, false);
    let built = 0;
    const counted = (a: number, b: number, c: number) => {
      built += 1;
      return build(a, b, c);
    };
    expect(log.addLater(0, counted, 0, 0, 0)).toBe(1);
    expect(log.add({ kind: "next", cause: "test", values: {}, text: "" }, 0)).toBe(2);
    expect(log.events).toEqual([]);
    expect(built).toBe(0);
  });
});
