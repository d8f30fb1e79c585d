import { describe, expect, it } from "vitest";
import { explainEvent, roundForReading } from "./events.js";

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
